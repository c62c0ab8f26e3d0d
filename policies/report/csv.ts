// The CSV report: one row per finding (RFC 4180 quoting), for spreadsheets the Dewan TIK already
// keeps. Written by hand: quoting one flat table does not justify a dependency.
import type { MessageCode } from "../../i18n";
import type { Lang, Report } from "../types";
import { opdName, pick, ruleIndex, severityLabel, tr } from "./text";

const quote = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function renderCsv(report: Report, lang: Lang): string {
  const rules = ruleIndex(report);
  // Every header and every word in one language (--lang); codes (OPD, rule, subject) stay codes so
  // a spreadsheet can join them with the inventory whatever the language.
  const header = [
    tr(lang, "report.col.as-of"),
    tr(lang, "report.col.opd"),
    tr(lang, "report.col.opd-name"),
    tr(lang, "report.col.severity"),
    tr(lang, "report.col.rule-id"),
    tr(lang, "report.col.rule"),
    tr(lang, "report.col.citation"),
    tr(lang, "report.col.subject-kind"),
    tr(lang, "report.col.subject-id"),
    tr(lang, "report.col.evidence"),
    tr(lang, "report.col.remediation"),
  ];
  const rows = report.findings.map((f) => {
    const r = rules.get(f.rule)!;
    const kind = tr(lang, `report.subject.${f.subject.kind}` as MessageCode);
    return [report.asOf, f.opd, opdName(report, f.opd), severityLabel(lang, f.severity), f.rule, pick(lang, r.title), r.citations.join("; "), kind, f.subject.id, pick(lang, f.evidence), pick(lang, r.remediation)];
  });
  return [header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}
