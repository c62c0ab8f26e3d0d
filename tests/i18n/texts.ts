// Every bilingual text of the project, gathered by where it lives, for the catalogue test.
import { MESSAGES, type Text } from "../../i18n";
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
    ...Object.entries(rule.evidence).map(([variant, text]): NamedText => [`rule ${rule.id} evidence ${variant}`, text]),
    ...rule.citations.flatMap((c, i): NamedText[] => (c.note ? [[`rule ${rule.id} citation ${i} note`, c.note]] : [])),
  ]);
}
