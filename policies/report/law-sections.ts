// The report's reading of the law, as plain lines both renderers lay out: the verdict (mandatory
// count first, the predicate and its written thresholds), the coverage of the articles, and the
// year-over-year classes beyond resolved/new (persisting, worsened) with the per-OPD trend.
import type { MessageCode } from "../../i18n";
import type { Lang, Report } from "../types";
import { tr } from "./text";

export function verdictLines(report: Report, lang: Lang): { headline: string; thresholds: string; scope: string } {
  const o = report.overall;
  const predicate = o.predicate ? tr(lang, `law.predicate.${o.predicate}` as MessageCode) : "-";
  return {
    headline: tr(lang, "law.verdict", { mandatory: o.mandatory, advisory: o.advisory, predicate }),
    thresholds: tr(lang, "law.thresholds"),
    scope: tr(lang, "law.scope"),
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
