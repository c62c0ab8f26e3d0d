// The generated rule file made fast for a test: every group evaluated each second and every `for`
// shortened 60-fold (5m → 5s), so minutes of waiting become seconds; what the rules say is unchanged.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { buildAlertRules } from "../../../dashboards/build";
import type { Inventory } from "../../../inventory/schema";

/** A Prometheus duration shortened 60-fold, at least a second. */
export function shortened(duration: string): string {
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
  let seconds = 0;
  for (const [, n, u] of duration.matchAll(/(\d+)([smhd])/g)) seconds += Number(n) * unit[u!]!;
  return `${Math.max(1, Math.round(seconds / 60))}s`;
}

/** Writes the fast copy of the inventory's rules into `dir`; the files' paths. */
export function fastRules(inv: Inventory, dir: string, pollIntervalSeconds: number): string[] {
  return buildAlertRules(inv, { pollIntervalSeconds }).map((f) => {
    const doc = parse(f.content) as { groups: { interval?: string; rules: { for?: string }[] }[] };
    for (const g of doc.groups) {
      g.interval = "1s";
      for (const r of g.rules) if (r.for) r.for = shortened(r.for);
    }
    const file = join(dir, f.path.replace(/\//g, "_"));
    writeFileSync(file, stringify(doc, { lineWidth: 0 }));
    return file;
  });
}
