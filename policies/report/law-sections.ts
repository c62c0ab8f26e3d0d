// The report's reading of the law, as plain lines both renderers lay out: the verdict (mandatory
// count first, the predicate and its written thresholds), the coverage of the articles, and the
// year-over-year classes beyond resolved/new (persisting, worsened) with the per-OPD trend.
import type { MessageCode } from "../../i18n";
import { indicatorEvidence } from "../spbe-indicators";
import type { Lang, Report } from "../types";
import { formatNumber, formatScore, opdName, pick, tr } from "./text";

const predicateLabel = (lang: Lang, p: string | undefined) => (p ? tr(lang, `law.predicate.${p}` as MessageCode) : "-");

export function verdictLines(report: Report, lang: Lang): { headline: string; thresholds: string; scope: string } {
  const o = report.overall;
  const predicate = predicateLabel(lang, o.predicate);
  return {
    headline: tr(lang, "law.verdict", { mandatory: o.mandatory, advisory: o.advisory, predicate }),
    thresholds: tr(lang, "law.thresholds"),
    scope: tr(lang, "law.scope"),
  };
}

/**
 * The per-OPD table, counts and predicate before the score (as the headline): the score alone read
 * 94.7/100 next to 14 mandatory findings. `numeric` are the columns to right-align.
 */
export function opdSummaryTable(report: Report, lang: Lang): { headers: string[]; rows: string[][]; numeric: number[] } {
  return {
    headers: [tr(lang, "report.col.opd"), tr(lang, "report.col.name"), tr(lang, "report.col.mandatory"), tr(lang, "report.col.advisory"), tr(lang, "report.col.predicate"), tr(lang, "report.col.score"), tr(lang, "report.col.checks")],
    rows: report.opds.map((s) => [s.opd, s.name, formatNumber(lang, s.mandatory), formatNumber(lang, s.advisory), predicateLabel(lang, s.predicate), formatScore(lang, s.score), formatNumber(lang, s.checks)]),
    numeric: [2, 3, 5, 6],
  };
}

const list = (ns: number[]) => (ns.length ? ns.join(", ") : "-");

export function coverageLines(report: Report, lang: Lang): string[] {
  return (report.coverage ?? []).map((c) =>
    tr(lang, "law.coverage.line", {
      profile: c.profile,
      assessed: c.assessed.length,
      total: c.total,
      assessedList: list(c.assessed),
      noFacts: list(c.noFacts),
      notCheckable: list(c.notCheckable),
    }),
  );
}

/** "mandatory 3 → 2 → 1" per OPD, only OPDs with a finding in some report. */
export function trendLines(report: Report): string[] {
  const t = report.changes?.trend;
  if (!t) return [];
  return t.opds.filter((o) => o.mandatory.some((n) => n > 0) || o.advisory.some((n) => n > 0)).map((o) => `${o.opd}: ${o.mandatory.join(" → ")} (${t.asOf.join(" → ")})`);
}

/**
 * Supporting evidence for the national SPBE evaluation (PermenPANRB 59/2020): per indicator the
 * applied rules that speak to it, with their findings of this evaluation and where the indicator's
 * number was read. Undefined when no applied rule maps to a citable indicator.
 */
export function indicatorLines(report: Report, lang: Lang): string[] | undefined {
  const evidence = indicatorEvidence(report.rules);
  if (evidence.length === 0) return undefined;
  return evidence.map((e) =>
    tr(lang, "law.indicators.line", {
      number: e.indicator.number,
      name: pick(lang, e.indicator.name),
      domain: pick(lang, e.indicator.domain),
      aspect: pick(lang, e.indicator.aspect),
      rules: e.rules.map((r) => tr(lang, "law.indicators.rule", { rule: r.id, failed: r.failed, checked: r.checked })).join("; "),
      source: e.indicator.source,
    }),
  );
}

/** The rules whose findings expose the head of the OPD to a sanction of klaten-18-2018 Pasal 34 (1). */
const SANCTION_RULES = ["app-procurement-verified", "device-procurement-verified"];

/** klaten-18-2018 Pasal 34 (1), derived from the findings: one line per OPD; empty when Klaten is not assessed. */
export function sanctionLines(report: Report, lang: Lang): string[] | undefined {
  if (!report.profiles.includes("klaten-18-2018")) return undefined;
  const byOpd = new Map<string, string[]>();
  for (const f of report.findings.filter((x) => SANCTION_RULES.includes(x.rule))) {
    const subjects = byOpd.get(f.opd);
    if (subjects) subjects.push(f.subject.id);
    else byOpd.set(f.opd, [f.subject.id]);
  }
  return [...byOpd].map(([opd, subjects]) => tr(lang, "law.sanctions.line", { name: opdName(report, opd), opd, subjects: subjects.join(", ") }));
}

/**
 * klaten-18-2018 Pasal 32 (2) e: the Dewan TIK recommends to the Bupati when an OPD obstructs
 * e-government. Read as: a mandatory finding that persisted or worsened since the previous report (a
 * whole evaluation cycle unattended); a new finding is not obstruction. Without a previous report,
 * a line saying it cannot be judged.
 */
export function obstructionLines(report: Report, lang: Lang): string[] | undefined {
  if (!report.profiles.includes("klaten-18-2018")) return undefined;
  const c = report.changes;
  if (!c) return [tr(lang, "law.obstruction.no-previous")];
  const unattended = [...(c.persisting ?? []).filter((k) => k.severity === "mandatory"), ...(c.worsened ?? [])];
  const byOpd = new Map<string, Set<string>>();
  const count = new Map<string, number>();
  for (const k of unattended) {
    byOpd.set(k.opd, (byOpd.get(k.opd) ?? new Set()).add(k.rule));
    count.set(k.opd, (count.get(k.opd) ?? 0) + 1);
  }
  if (byOpd.size === 0) return [tr(lang, "law.obstruction.none")];
  return [...byOpd].map(([opd, rules]) => tr(lang, "law.obstruction.line", { name: opdName(report, opd), opd, count: count.get(opd)!, since: c.previousAsOf, rules: [...rules].join(", ") }));
}

/** The letter's head: number and date, and the addressee (the Bupati, through the Sekda). */
export function letterHead(report: Report, lang: Lang): { number: string; addressee: string } {
  return {
    number: tr(lang, "law.letter.number", { number: report.letter?.number ?? "-", date: report.letter?.date ?? report.asOf }),
    addressee: tr(lang, "law.letter.addressee", { kabupaten: report.kabupaten }),
  };
}

/** The sign-off block: the Dewan TIK members with an empty signature cell each, or a line saying none are on record. */
export function signoff(report: Report, lang: Lang): { title: string; headers: string[]; rows: string[][]; none?: string } {
  const members = report.letter?.signatories ?? [];
  return {
    title: tr(lang, "law.signoff"),
    headers: [tr(lang, "law.col.member"), tr(lang, "law.col.role"), tr(lang, "law.col.signature")],
    rows: members.map((m) => [m.name, m.role, ""]),
    ...(members.length === 0 ? { none: tr(lang, "law.signoff.none") } : {}),
  };
}
