// The compliance gauges as Prometheus text exposition (names in metric-names.ts), for `spbe serve`'s
// /metrics and for the provincial report's `--format prom` (one block per kabupaten, each series
// with its kabupaten label, ready for VictoriaMetrics' /api/v1/import/prometheus).
import { COMPLIANCE_FINDINGS, COMPLIANCE_SCORE, KABUPATEN_SCORE_OPD, LABEL_OPD, LABEL_RULE, LABEL_SEVERITY } from "./metric-names";
import type { Report } from "./types";

const esc = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

/** Labels every series of a block carries in front of its own (e.g. `{ kabupaten: "klatenkab.go.id" }`). */
export type ExtraLabels = Readonly<Record<string, string>>;

const prefix = (extra: ExtraLabels) =>
  Object.entries(extra)
    .map(([k, v]) => `${k}="${esc(v)}",`)
    .join("");

function helpLines(): { findings: string[]; score: string[] } {
  return {
    findings: [`# HELP ${COMPLIANCE_FINDINGS} Failing compliance checks by OPD, severity and rule (Perda rules).`, `# TYPE ${COMPLIANCE_FINDINGS} gauge`],
    score: [`# HELP ${COMPLIANCE_SCORE} Compliance score 0..100 by OPD; ${LABEL_OPD}="${KABUPATEN_SCORE_OPD}" is the whole kabupaten.`, `# TYPE ${COMPLIANCE_SCORE} gauge`],
  };
}

function findingLines(report: Report, extra: ExtraLabels): string[] {
  const counts = new Map<string, number>();
  for (const f of report.findings) {
    const key = `${f.opd}\u0000${f.severity}\u0000${f.rule}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const lines: string[] = [];
  // Every OPD × severity × applied rule is exported, zeros included, so a resolved finding drops
  // to 0 instead of disappearing (dashboards and alerts see the change).
  for (const o of report.opds) {
    for (const r of report.rules) {
      const n = counts.get(`${o.opd}\u0000${r.severity}\u0000${r.id}`) ?? 0;
      lines.push(`${COMPLIANCE_FINDINGS}{${prefix(extra)}${LABEL_OPD}="${esc(o.opd)}",${LABEL_SEVERITY}="${r.severity}",${LABEL_RULE}="${esc(r.id)}"} ${n}`);
    }
  }
  return lines;
}

function scoreLines(report: Report, extra: ExtraLabels): string[] {
  return [
    ...report.opds.map((o) => `${COMPLIANCE_SCORE}{${prefix(extra)}${LABEL_OPD}="${esc(o.opd)}"} ${o.score}`),
    `${COMPLIANCE_SCORE}{${prefix(extra)}${LABEL_OPD}="${KABUPATEN_SCORE_OPD}"} ${report.overall.score}`,
  ];
}

/**
 * One kabupaten's gauges. Written by hand because the contract is a synchronous string and
 * prom-client's registry.metrics() is async; the format is two gauges with escaped label values.
 */
export function complianceMetricsText(report: Report, extra: ExtraLabels = {}): string {
  return complianceMetricsOfMany([{ report, labels: extra }]);
}

/** Several kabupaten in one exposition: each metric's HELP/TYPE once, then every block's series. */
export function complianceMetricsOfMany(blocks: readonly { report: Report; labels: ExtraLabels }[]): string {
  const help = helpLines();
  const lines = [...help.findings, ...blocks.flatMap((b) => findingLines(b.report, b.labels)), ...help.score, ...blocks.flatMap((b) => scoreLines(b.report, b.labels))];
  return lines.join("\n") + "\n";
}
