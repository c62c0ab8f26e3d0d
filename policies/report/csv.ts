// The CSV report: one row per finding (RFC 4180 quoting), for spreadsheets the Dewan TIK already
// keeps. Written by hand: quoting one flat table does not justify a dependency.
import type { Lang, Report } from "../types";
import { opdName, pick, ruleIndex, severityLabel, tr } from "./text";

const quote = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function renderCsv(report: Report, lang: Lang): string {
  const rules = ruleIndex(report);
  const header = [
    "as_of",
    tr(lang, "report.col.opd"),
    "opd_name",
    tr(lang, "report.col.severity"),
    "rule",
    tr(lang, "report.col.rule"),
    tr(lang, "report.col.citation"),
    "subject_kind",
    "subject_id",
    tr(lang, "report.col.evidence"),
    tr(lang, "report.col.remediation"),
  ];
  const rows = report.findings.map((f) => {
    const r = rules.get(f.rule)!;
    return [report.asOf, f.opd, opdName(report, f.opd), severityLabel(lang, f.severity), f.rule, pick(lang, r.title), r.citations.join("; "), f.subject.kind, f.subject.id, pick(lang, f.evidence), pick(lang, r.remediation)];
  });
  return [header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}
