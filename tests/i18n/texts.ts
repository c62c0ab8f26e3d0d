// Every bilingual text of the project, gathered by where it lives, and what each must satisfy.
import { expect } from "vitest";
import { LANGS, MESSAGES, placeholdersOf, type Text } from "../../i18n";
import { RULES } from "../../policies";

export type NamedText = [name: string, text: Text];

export function catalogueTexts(): NamedText[] {
  return Object.entries(MESSAGES).map(([code, text]) => [`catalogue ${code}`, text]);
}

export function ruleTexts(): NamedText[] {
  return RULES.flatMap((rule) => [
    [`rule ${rule.id} title`, rule.title],
    [`rule ${rule.id} checks`, rule.checks],
    [`rule ${rule.id} remediation`, rule.remediation],
    ...Object.entries(rule.remediationUnder ?? {}).map(([profile, text]): NamedText => [`rule ${rule.id} remediation under ${profile}`, text]),
    ...Object.entries(rule.evidence).map(([variant, text]): NamedText => [`rule ${rule.id} evidence ${variant}`, text]),
    ...rule.citations.flatMap((c, i): NamedText[] => (c.note ? [[`rule ${rule.id} citation ${i} note`, c.note]] : [])),
  ]);
}

/** Prometheus/Grafana template expressions ({{ $labels.device }}) must also match between languages. */
const templateExpressions = (s: string) => [...s.matchAll(/\{\{.*?\}\}/g)].map((m) => m[0].replace(/\s+/g, "")).sort();

/** Both languages, non-empty, with the same placeholders and template expressions. */
export function expectComplete(texts: NamedText[]) {
  expect(texts.length).toBeGreaterThan(0);
  for (const [name, text] of texts) {
    expect(Object.keys(text).sort(), name).toEqual([...LANGS].sort());
    for (const lang of LANGS) expect(text[lang].trim(), `${name} (${lang})`).not.toBe("");
    expect(placeholdersOf(text.id), `${name}: placeholders`).toEqual(placeholdersOf(text.en));
    expect(templateExpressions(text.id), `${name}: template expressions`).toEqual(templateExpressions(text.en));
  }
}
