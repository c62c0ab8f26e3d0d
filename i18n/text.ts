// The one way spbe is bilingual: every user-facing text is a `Text`, both languages side by side,
// rendered by `render`. CLI messages, inventory diagnostics, the compliance rules' titles and
// evidence, dashboard titles and alert annotations all use this type and this function, whether
// the text sits in the message catalogue (./catalogue.ts) or inline next to what it describes.

import { formatNumber } from "./number";

import type { Lang } from "./lang";
export { LANGS, type Lang } from "./lang";

/** One text in Indonesian and English. `{name}` placeholders are filled by `render`. */
export type Text = { id: string; en: string };

/** A named set of texts (a catalogue file, or the evidence variants of a rule). */
export type Messages = Record<string, Text>;

/**
 * A placeholder's value. A `Text` value is rendered in the same language as the text around it,
 * which is how machine values ("datacenter", "rack") read as words in either language.
 */
export type ParamValue = string | number | Text;
export type Params = Record<string, ParamValue>;

/**
 * `{name}` is a value; `{name|one|other}` is the word that agrees with the number `name` ("1 rack",
 * "2 racks"), chosen by the language's plural rules (Indonesian needs none: "1 rak", "2 rak").
 */
const PLACEHOLDER = /\{(\w+)(?:\|([^{}|]*)\|([^{}]*))?\}/g;

// One PluralRules per language: constructing one costs far more than a select (a report renders thousands).
const pluralRulesByLang = new Map<Lang, Intl.PluralRules>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let rules = pluralRulesByLang.get(lang);
  if (!rules) pluralRulesByLang.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
}

/** `text` in `lang`, placeholders filled from `params`; a placeholder with no parameter stays as written. */
export function render(text: Text, lang: Lang, params: Params = {}): string {
  const template = text[lang];
  // Most texts (rule titles, labels) have no placeholder: a report renders tens of thousands of them.
  if (!template.includes("{")) return template;
  return template.replace(PLACEHOLDER, (whole, key: string, one?: string, other?: string) => {
    // `in`, not Object.hasOwn: the CrossGuard pack is compiled by Pulumi's ts-node with an older lib.
    if (!(key in params)) return whole;
    const value = params[key]!;
    if (one !== undefined) return pluralRules(lang).select(Number(value)) === "one" ? one : other!;
    if (typeof value === "number") return formatParamNumber(lang, value);
    return typeof value === "object" && value !== null ? value[lang] : String(value);
  });
}

/**
 * A number placeholder: a fraction is a quantity and gets the language's decimal separator (0,25 in
 * Indonesian); an integer is shown as it is, because integer parameters are as often identifiers
 * (ports, years, line numbers) as counts. Large counts are formatted by the caller (formatNumber).
 */
function formatParamNumber(lang: Lang, value: number): string {
  return Number.isInteger(value) ? String(value) : formatNumber(lang, value, { maxFractionDigits: 3 });
}

/** `text` rendered in both languages: for data that is rendered once and read later (report findings). */
export function renderBoth(text: Text, params: Params = {}): Text {
  return { id: render(text, "id", params), en: render(text, "en", params) };
}

/**
 * "English / Indonesian" in one string, for places that show one text to readers of both languages
 * (Grafana titles, CrossGuard policy descriptions). A text that reads the same in both ("OPD",
 * "Link $link") is shown once.
 */
export function renderSideBySide(text: Text, params: Params = {}): string {
  const en = render(text, "en", params);
  const id = render(text, "id", params);
  return en === id ? en : `${en} / ${id}`;
}

/** The placeholder names of one language's template, sorted, each once (tests compare both languages). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}
