// Turns a dashboard into the Prometheus queries Grafana would send, with template variables
// expanded the way Grafana expands them: "All" of a multi-value variable becomes its allValue,
// a repeated row becomes one copy per value of its variable, a single-value variable is tried
// with each of its values.
import type { Dashboard, VariableModel } from "@grafana/grafana-foundation-sdk/dashboard";
import { allPanels, type AnyPanel, type Target } from "./inspect";

export interface PanelQuery {
  dashboard: string;
  panel: string;
  target: Target;
  /** The variable this panel repeats over (its row's repeat), if any. */
  repeat?: string;
}

/** Every query of a dashboard with the row it sits in. */
export function panelQueries(d: Dashboard): PanelQuery[] {
  const out: PanelQuery[] = [];
  const top = (d.panels ?? []) as unknown as AnyPanel[];
  let rowRepeat: string | undefined;
  for (const p of top) {
    if (p.type === "row") {
      rowRepeat = p.repeat;
      for (const child of p.panels ?? []) for (const t of child.targets ?? []) out.push({ dashboard: d.uid!, panel: child.title ?? "", target: t, repeat: rowRepeat });
      continue;
    }
    for (const t of p.targets ?? []) out.push({ dashboard: d.uid!, panel: p.title ?? "", target: t, repeat: rowRepeat });
  }
  // Sanity: every panel with targets was seen.
  const seen = out.length;
  const total = allPanels(d).reduce((n, p) => n + (p.targets?.length ?? 0), 0);
  if (seen !== total) throw new Error(`${d.uid}: walked ${seen} of ${total} queries`);
  return out;
}

export function substitute(expr: string, values: Record<string, string>, rateInterval: string): string {
  return expr
    .replace(/\$__rate_interval/g, rateInterval)
    .replace(/\$(\w+)|\$\{(\w+)\}/g, (m, a?: string, b?: string) => {
      const name = (a ?? b)!;
      if (!(name in values)) throw new Error(`no value for $${name} in ${expr}`);
      return values[name]!;
    });
}

/** The value a variable has when the dashboard opens with "All" selected (multi) — or undefined. */
export function allValue(v: VariableModel): string | undefined {
  return v.multi && v.includeAll ? (v.allValue ?? ".*") : undefined;
}

/** A variable's options: custom ones from its comma-separated query, query ones from label_values. */
export async function variableOptions(v: VariableModel, values: Record<string, string>, labelValues: (label: string, match: string) => Promise<string[]>): Promise<string[]> {
  if (v.type === "custom") return String(v.query ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (v.type === "query") {
    const q = typeof v.query === "string" ? v.query : String((v.query as { query?: string }).query ?? "");
    const m = /^label_values\((.*),\s*(\w+)\)$/.exec(q.trim());
    if (!m) throw new Error(`unsupported variable query ${q}`);
    return labelValues(m[2]!, substitute(m[1]!, values, "1m"));
  }
  throw new Error(`unsupported variable type ${v.type}`);
}
