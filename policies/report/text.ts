// Localised labels for reports: the chrome comes from the i18n catalogue, rule texts from the rule
// catalogue (each rule carries its own title, evidence and remediation as Text); both are rendered by
// i18n's render.
import { formatNumber, render, t, type MessageCode, type Params } from "../../i18n";
export { formatNumber } from "../../i18n";
import { CLASSIFICATION_WEIGHT, SEVERITY_WEIGHT } from "../score";
import type { Lang, Report, Severity, Subject, Text } from "../types";

export const tr = (lang: Lang, code: MessageCode, params: Params = {}) => t(lang, code, params);
/** A rule's text (title, evidence, remediation) in the report's language. */
export const pick = (lang: Lang, text: Text) => render(text, lang);

export const severityLabel = (lang: Lang, s: Severity) => tr(lang, `report.severity.${s}` as MessageCode);
export const subjectLabel = (lang: Lang, s: Subject) => `${tr(lang, `report.subject.${s.kind}` as MessageCode)} ${s.id}`;
export const statusLabel = (lang: Lang, s: string) => tr(lang, `report.status.${s}` as MessageCode);

export function ruleIndex(report: Report) {
  return new Map(report.rules.map((r) => [r.id, r]));
}

// OPD names by code, per report: a report with 35,000 findings names an OPD for each.
const opdNamesByReport = new WeakMap<Report, Map<string, string>>();

export function opdName(report: Report, code: string): string {
  let names = opdNamesByReport.get(report);
  if (!names) opdNamesByReport.set(report, (names = new Map(report.opds.map((o) => [o.opd, o.name]))));
  return names.get(code) ?? code;
}

/** A score with one decimal in the report's language (94,7 / 94.7). */
export function formatScore(lang: Lang, score: number): string {
  return formatNumber(lang, score, { fractionDigits: 1 });
}

/** The score note with the weights written from policies/score.ts, their one home. */
export function scoreNote(lang: Lang): string {
  const classes = (Object.entries(CLASSIFICATION_WEIGHT) as [string, number][]).map(([c, w]) => `${c} ${formatNumber(lang, w)}`).join(", ");
  return tr(lang, "report.score-note", { mandatory: formatNumber(lang, SEVERITY_WEIGHT.mandatory), advisory: formatNumber(lang, SEVERITY_WEIGHT.advisory), classes });
}
