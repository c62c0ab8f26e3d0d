// What `spbe serve` mounts for compliance: GET /report (the HTML report, ?lang=id|en, default id)
// and the per-OPD finding counts as Prometheus text for the Compliance dashboard (names in
// metric-names.ts: spbe_compliance_findings{opd,severity,rule}, spbe_compliance_score{opd}).
// The report is evaluated once per evaluation date (today unless opts.asOf fixes it) and cached.
import express from "express";
import type { Inventory } from "../inventory/schema";
import { tryParseFacts } from "../facts/load";
import type { ObservedFacts } from "../facts/schema";
import { evaluate } from "./index";
import { complianceMetricsText } from "./compliance-metrics";
import { renderHtml } from "./report/html";
import type { Report } from "./types";

export { complianceMetricsText };

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
