// Reading generated dashboards the way Grafana does: every panel (rows and their nested panels),
// every query, every `$variable` reference.
import type { Dashboard, Panel, RowPanel } from "@grafana/grafana-foundation-sdk/dashboard";

export interface Target {
  expr?: string;
  refId?: string;
  legendFormat?: string;
  instant?: boolean;
  datasource?: { uid?: string };
}
export type AnyPanel = Omit<Panel, "targets"> & { panels?: AnyPanel[]; targets?: Target[] };

export function allPanels(d: Dashboard): AnyPanel[] {
  const out: AnyPanel[] = [];
  const walk = (p: AnyPanel) => {
    out.push(p);
    (p.panels ?? []).forEach(walk);
  };
  ((d.panels ?? []) as (Panel | RowPanel)[]).forEach((p) => walk(p as unknown as AnyPanel));
  return out;
}

export function queries(d: Dashboard): { panel: AnyPanel; expr: string; refId?: string; datasourceUid?: string }[] {
  return allPanels(d).flatMap((panel) => (panel.targets ?? []).map((t) => ({ panel, expr: t.expr ?? "", refId: t.refId, datasourceUid: t.datasource?.uid })));
}

/** Grafana's own variables: `$__rate_interval`, `${__field.labels.x}`, `${__url_time_range}` ... */
const BUILTIN = /^__/;

/** Every `$name` / `${name}` / `[[name]]` a string refers to, built-ins left out. */
export function variableRefs(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\$(\w+)|\$\{(\w+)(?:[:.][^}]*)?\}|\[\[(\w+)\]\]/g)) {
    const name = m[1] ?? m[2] ?? m[3]!;
    if (!BUILTIN.test(name)) names.add(name);
  }
  return [...names];
}

export function definedVariables(d: Dashboard): string[] {
  return (d.templating?.list ?? []).map((v) => v.name);
}

/** Everything in a dashboard that Grafana interpolates: queries, titles, links, repeats. */
export function interpolated(d: Dashboard): string[] {
  const texts: string[] = [];
  for (const p of allPanels(d)) {
    texts.push(p.title ?? "");
    if (p.repeat) texts.push(`$${p.repeat}`);
    for (const t of p.targets ?? []) texts.push(t.expr ?? "", t.legendFormat ?? "");
  }
  for (const v of d.templating?.list ?? []) if (typeof v.query === "string") texts.push(v.query);
    else if (v.query && typeof v.query === "object") texts.push(String((v.query as { query?: string }).query ?? ""));
  return texts;
}
