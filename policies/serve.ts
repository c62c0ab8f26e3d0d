// What `spbe serve` mounts for compliance: GET /report (the HTML report, ?lang=id|en, default id)
// and the per-OPD finding counts as Prometheus text for the Compliance dashboard (names in
// metric-names.ts: spbe_compliance_findings{opd,severity,rule}, spbe_compliance_score{opd}).
// The report is evaluated once per evaluation date (today unless opts.asOf fixes it) and cached.
import express from "express";
import type { Inventory } from "../inventory/schema";
import { tryParseFacts } from "../facts/load";
import type { ObservedFacts } from "../facts/schema";
import { evaluate } from "./index";
import { COMPLIANCE_FINDINGS, COMPLIANCE_SCORE, KABUPATEN_SCORE_OPD, LABEL_OPD, LABEL_RULE, LABEL_SEVERITY } from "./metric-names";
import { renderHtml } from "./report/html";
import type { Report } from "./types";

export interface ComplianceExtension {
  router: express.Router;
  metricsText(): string;
  /** The kabupaten's score and predicate now (the NOC board shows them). */
  summary(): { score: number; predicate?: string };
}

export interface ComplianceExtensionOptions {
  /** Fixed evaluation date (tests); default: the current date at each request. */
  asOf?: Date;
  /** Observed facts (facts/schema.ts shape), read at each evaluation: the collectors refresh them. */
  facts?: () => unknown;
}

/**
 * Prometheus text exposition, written by hand because the contract is a synchronous string and
 * prom-client's registry.metrics() is async; the format is two gauges with escaped label values.
 */
export function complianceMetricsText(report: Report): string {
  const esc = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
  const lines: string[] = [
    `# HELP ${COMPLIANCE_FINDINGS} Failing compliance checks by OPD, severity and rule (Perda rules).`,
    `# TYPE ${COMPLIANCE_FINDINGS} gauge`,
  ];
  const counts = new Map<string, number>();
  for (const f of report.findings) {
    const key = `${f.opd}\u0000${f.severity}\u0000${f.rule}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Every OPD × severity × applied rule is exported, zeros included, so a resolved finding drops
  // to 0 instead of disappearing (dashboards and alerts see the change).
  for (const o of report.opds) {
    for (const r of report.rules) {
      const n = counts.get(`${o.opd}\u0000${r.severity}\u0000${r.id}`) ?? 0;
      lines.push(`${COMPLIANCE_FINDINGS}{${LABEL_OPD}="${esc(o.opd)}",${LABEL_SEVERITY}="${r.severity}",${LABEL_RULE}="${esc(r.id)}"} ${n}`);
    }
  }
  lines.push(`# HELP ${COMPLIANCE_SCORE} Compliance score 0..100 by OPD; ${LABEL_OPD}="${KABUPATEN_SCORE_OPD}" is the whole kabupaten.`, `# TYPE ${COMPLIANCE_SCORE} gauge`);
  for (const o of report.opds) lines.push(`${COMPLIANCE_SCORE}{${LABEL_OPD}="${esc(o.opd)}"} ${o.score}`);
  lines.push(`${COMPLIANCE_SCORE}{${LABEL_OPD}="${KABUPATEN_SCORE_OPD}"} ${report.overall.score}`);
  return lines.join("\n") + "\n";
}

/** Facts that do not fit the schema are left out (the report then says it used none), never fatal. */
function parsedFacts(raw: unknown): ObservedFacts | undefined {
  return tryParseFacts(raw);
}

export function createComplianceExtension(inventory: Inventory, opts: ComplianceExtensionOptions = {}): ComplianceExtension {
  let cached: { day: string; report: Report } | undefined;
  const current = (): Report => {
    const asOf = opts.asOf ?? new Date();
    const day = asOf.toISOString().slice(0, 10);
    if (!cached || cached.day !== day || opts.facts) {
      const facts = parsedFacts(opts.facts?.());
      cached = { day, report: evaluate(inventory, { asOf, ...(facts ? { facts } : {}) }) };
    }
    return cached.report;
  };

  const router = express.Router();
  router.get("/report", (req, res) => {
    const lang = req.query.lang === "en" ? "en" : "id";
    res.type("html").send(renderHtml(current(), lang));
  });
  router.get("/report.json", (_req, res) => {
    res.json(current());
  });
  return {
    router,
    metricsText: () => complianceMetricsText(current()),
    summary: () => {
      const { score, predicate } = current().overall;
      return { score, ...(predicate ? { predicate } : {}) };
    },
  };
}
