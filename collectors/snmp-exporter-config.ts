// Our modules written as an snmp_exporter (0.21 format) snmp.yml module: the same OIDs, names,
// indexes and lookups. Used to compare outputs with prometheus-snmp-exporter on the same agent and
// to benchmark both doing exactly the same work; also handy for sites that already run it.
import { stringify } from "yaml";
import { indexLabelsOf, STRING_SYNTAXES, type ModuleDef } from "./module-def";

export interface ExporterAuth {
  community: string;
  maxRepetitions?: number;
  retries?: number;
  timeoutSeconds?: number;
}

export function snmpExporterModule(m: ModuleDef, a: ExporterAuth): Record<string, unknown> {
  const metrics: Record<string, unknown>[] = [];
  for (const s of m.scalars) metrics.push({ name: s.name, oid: s.oid, type: s.type, help: s.help });
  const walk: string[] = [];
  for (const t of m.tables) {
    const indexes = indexLabelsOf(t);
    for (const c of t.columns) {
      walk.push(c.oid);
      metrics.push({
        name: c.name,
        oid: c.oid,
        // String columns carry their syntax as the exporter's type (it renders PhysAddress48 etc. itself).
        type: STRING_SYNTAXES.has(c.syntax) ? c.syntax : c.type,
        help: c.help,
        indexes: indexes.map((labelname) => ({ labelname, type: "gauge" })),
        lookups: t.lookups.map((l) => ({ labels: indexes, labelname: l.label, oid: l.oid, type: STRING_SYNTAXES.has(l.syntax) ? l.syntax : "DisplayString" })),
      });
    }
    for (const l of t.lookups) walk.push(l.oid);
  }
  return {
    walk,
    get: m.scalars.map((s) => `${s.oid}.0`),
    metrics,
    version: 2,
    max_repetitions: a.maxRepetitions ?? 25,
    retries: a.retries ?? 1,
    timeout: `${a.timeoutSeconds ?? 2}s`,
    auth: { community: a.community },
  };
}

export function snmpExporterConfig(modules: ModuleDef[], a: ExporterAuth): string {
  return stringify(Object.fromEntries(modules.map((m) => [m.name, snmpExporterModule(m, a)])));
}
