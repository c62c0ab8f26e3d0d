// What the HTTP(S) probes are asked to look at: every address an application's hostname resolved to,
// over HTTPS (443) and HTTP (80). Pure, so the blackbox exporter's configuration and the probes made
// by `spbe observe` can agree on the same list.
import type { NameFact } from "../facts/schema";
import { normalizeName } from "../inventory/dns-names";
import type { Inventory } from "../inventory/schema";

export interface ProbeTarget {
  name: string;
  address: string;
  scheme: "http" | "https";
  port: number;
}

export function probeTargetsOf(inv: Inventory, names: readonly NameFact[]): ProbeTarget[] {
  const byName = new Map(names.map((n) => [normalizeName(n.name), n]));
  const out: ProbeTarget[] = [];
  const seen = new Set<string>();
  for (const a of inv.applications) {
    if (!a.hostname) continue;
    const name = normalizeName(a.hostname);
    for (const address of byName.get(name)?.addresses ?? []) {
      for (const [scheme, port] of [["https", 443], ["http", 80]] as const) {
        const key = `${name} ${address} ${scheme}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ name, address, scheme, port });
      }
    }
  }
  return out;
}
