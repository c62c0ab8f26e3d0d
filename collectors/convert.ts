// PDUs → samples: the pure heart of the collector, in the spirit of snmp_exporter's collector.go
// (config → walk results → metric tree). No I/O here; table-driven tests in tests/collectors.
import { labelValue } from "./label-text";
import { STRING_SYNTAXES, type DeriveContext, type ModuleDef, type TableDef } from "./module-def";
import type { Labels, Sample } from "./sample";
import { compareOids, isExceptionType, numericValue, type Varbind } from "./varbind";

/** What one module poll returned: scalar varbinds by OID (with .0) and walked varbinds per column. */
export interface ModuleResult {
  scalars: Map<string, Varbind>;
  columns: Map<string, Varbind[]>;
}

/** Extra labels for a table row (e.g. `link` on an interface that is a backbone link endpoint). */
export type RowLabeler = (indexLabel: string, index: string, lookups: Labels) => Labels | undefined;

/**
 * Converts one module's results to samples; base labels (device, site, ...) come first on every sample.
 * `ctx` is what the module's derive() may use (the poll interval, for the 32-bit wrap risk).
 */
export function convertModule(m: ModuleDef, r: ModuleResult, base: Labels, rowLabeler?: RowLabeler, ctx: DeriveContext = {}): Sample[] {
  const out: Sample[] = [];
  for (const s of m.scalars) {
    const vb = r.scalars.get(`${s.oid}.0`);
    if (!vb) continue;
    const value = numericValue(vb);
    if (value !== undefined) out.push({ name: s.name, type: s.type, help: s.help, labels: base, value });
  }
  if (m.info) {
    const labels: Labels = [...base];
    let any = false;
    for (const l of m.info.labels) {
      const vb = r.scalars.get(`${l.oid}.0`);
      if (vb) any = true;
      labels.push([l.label, vb ? labelValue(vb, l.syntax) : ""]);
    }
    if (any) out.push({ name: m.info.name, type: "gauge", help: m.info.help, labels, value: "1" });
  }
  for (const t of m.tables) {
    // index → lookup label values
    const lookupByIndex = new Map<string, Map<string, string>>();
    for (const l of t.lookups) {
      for (const vb of r.columns.get(l.oid) ?? []) {
        const index = vb.oid.slice(l.oid.length + 1);
        let row = lookupByIndex.get(index);
        if (!row) lookupByIndex.set(index, (row = new Map()));
        row.set(l.label, labelValue(vb, l.syntax));
      }
    }
    const rowLabelCache = new Map<string, Labels>();
    const rowLabels = (index: string): Labels => {
      let labels = rowLabelCache.get(index);
      if (labels) return labels;
      const found = lookupByIndex.get(index);
      // snmp_exporter semantics: a lookup label is present (possibly empty) on every row.
      const lookups: Labels = t.lookups.map((l) => [l.label, found?.get(l.label) ?? ""]);
      const extra = rowLabeler?.(t.indexLabel, index, lookups) ?? [];
      labels = [...base, ...indexLabels(t, index), ...lookups, ...extra];
      rowLabelCache.set(index, labels);
      return labels;
    };
    for (const c of t.columns) {
      const vbs = r.columns.get(c.oid);
      if (!vbs) continue;
      if (STRING_SYNTAXES.has(c.syntax)) {
        // snmp_exporter's string types: value 1, the text in a label named after the metric.
        for (const vb of vbs) {
          if (isExceptionType(vb.type)) continue;
          out.push({ name: c.name, type: c.type, help: c.help, labels: [...rowLabels(vb.oid.slice(c.oid.length + 1)), [c.name, labelValue(vb, c.syntax)]], value: "1" });
        }
        continue;
      }
      for (const vb of vbs) {
        const value = numericValue(vb);
        if (value === undefined) continue;
        out.push({ name: c.name, type: c.type, help: c.help, labels: rowLabels(vb.oid.slice(c.oid.length + 1)), value });
      }
    }
  }
  if (m.derive) out.push(...m.derive(out, ctx));
  if (m.consumed) return out.filter((s) => !m.consumed!.includes(s.name));
  return out;
}

/**
 * The index labels of a row: the whole index under indexLabel, or, for a table indexed by several
 * integers, one sub-identifier per label (the last label takes what remains).
 */
function indexLabels(t: TableDef, index: string): Labels {
  if (!t.innerIndexLabels) return [[t.indexLabel, index]];
  const names = [t.indexLabel, ...t.innerIndexLabels];
  const parts = index.split(".");
  return names.map((name, i) => [name, i === names.length - 1 ? parts.slice(i).join(".") : parts[i] ?? ""]);
}

/** Sorts varbinds of one column by OID (agents answer in order; tests and merges rely on it). */
export function sortByOid(vbs: Varbind[]): Varbind[] {
  return [...vbs].sort((a, b) => compareOids(a.oid, b.oid));
}
