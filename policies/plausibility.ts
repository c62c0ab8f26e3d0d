// Plausibility of the inventory's evidence, as of the evaluation date: a record dated after the
// evaluation (a decree, a letter, an assessment that has not happened yet) and a reference number
// whose year is not the year of its own date (a copied or mistyped number). Warnings, never findings:
// the Dewan TIK should look at the paper before signing. Each carries the path of the field, which the
// CLI turns into file:line:column (inventory/load.ts locateDiagnostics).
import type { Diagnostic, Path } from "../inventory/diagnostics";
import type { Inventory } from "../inventory/schema";

/** The last four-digit year (1990-2099) in a reference number: `ITSA-2025-04` → 2025, `BA/web` → none. */
export function yearOfRef(ref: string): number | undefined {
  const years = [...ref.matchAll(/(?:^|\D)((?:199|20\d)\d)(?!\d)/g)].map((m) => Number(m[1]));
  return years.at(-1);
}

interface Dated {
  path: Path;
  date: string | undefined;
  /** A reference number whose year should be the date's. */
  ref?: string | undefined;
}

function datedRecords(inv: Inventory): Dated[] {
  const out: Dated[] = [];
  inv.opds.forEach((o, i) => o.pengelolaTik.forEach((p, j) => out.push({ path: ["opds", i, "pengelolaTik", j, "appointed"], date: p.appointed })));
  inv.devices.forEach((d, i) => d.recommendation && out.push({ path: ["devices", i, "recommendation", "date"], date: d.recommendation.date, ref: d.recommendation.ref }));
  inv.applications.forEach((a, i) => {
    if (a.securityAssessment) out.push({ path: ["applications", i, "securityAssessment", "date"], date: a.securityAssessment.date, ref: a.securityAssessment.ref });
    if (a.development) out.push({ path: ["applications", i, "development", "date"], date: a.development.date });
    const e = a.placement.type === "datacenter" ? undefined : a.placement.exception;
    if (e) {
      out.push({ path: ["applications", i, "placement", "exception", "signedByOpd"], date: e.signedByOpd });
      out.push({ path: ["applications", i, "placement", "exception", "signedByProvider"], date: e.signedByProvider });
    }
  });
  const g = inv.governance;
  if (g?.masterPlan) {
    out.push({ path: ["governance", "masterPlan", "date"], date: g.masterPlan.date });
    out.push({ path: ["governance", "masterPlan", "reviewed"], date: g.masterPlan.reviewed });
  }
  g?.evaluations.forEach((e, i) => e.reportedToSekda && out.push({ path: ["governance", "evaluations", i, "reportedToSekda", "date"], date: e.reportedToSekda.date }));
  (inv.incidents ?? []).forEach((x, i) => x.report && out.push({ path: ["incidents", i, "report", "date"], date: x.report.date }));
  return out;
}

export function plausibilityWarnings(inv: Inventory, asOf: Date): Diagnostic[] {
  const today = asOf.toISOString().slice(0, 10);
  const out: Diagnostic[] = [];
  for (const r of datedRecords(inv)) {
    if (!r.date) continue;
    if (r.date > today) out.push({ severity: "warning", code: "plausibility.after-evaluation", path: r.path, params: { date: r.date, asOf: today } });
    const year = r.ref ? yearOfRef(r.ref) : undefined;
    if (year !== undefined && String(year) !== r.date.slice(0, 4)) out.push({ severity: "warning", code: "plausibility.ref-year", path: r.path, params: { ref: r.ref!, year, date: r.date } });
  }
  return out;
}
