// Several observations (DNS and probes from `spbe observe`, topology from a walk, history from
// Prometheus, device facts from the poller) become one document. Where two facts are about the same
// thing, the newer observation wins: a later run replaces an earlier one, never adds to it.
import type { ObservedFacts } from "./schema";
import { emptyFacts, FACT_SECTIONS, type FactSection } from "./sections";

/** The identity of a fact within its section: two facts with the same key are observations of one thing. */
const KEY: { [S in FactSection]: (f: ObservedFacts[S][number]) => string } = {
  devices: (f) => f.id,
  names: (f) => `${f.name}\u0000${f.resolver}`,
  zoneTransfers: (f) => `${f.zone}\u0000${f.server}`,
  probes: (f) => `${f.name}\u0000${f.address}\u0000${f.scheme}\u0000${f.port}`,
  applications: (f) => f.id,
  topology: (f) => `${f.device}\u0000${f.protocol}`,
  availability: (f) => `${f.source}\u0000${f.from}\u0000${f.to}`,
};

export function mergeFacts(documents: ObservedFacts[], now = new Date()): ObservedFacts {
  const out: ObservedFacts = emptyFacts(now);
  if (documents.length > 0) out.observedAt = documents.map((d) => d.observedAt).sort().at(-1)!;
  for (const section of FACT_SECTIONS) {
    const byKey = new Map<string, ObservedFacts[typeof section][number]>();
    const key = KEY[section] as (f: ObservedFacts[typeof section][number]) => string;
    for (const doc of documents) {
      for (const fact of doc[section]) {
        const k = key(fact);
        const prior = byKey.get(k);
        if (!prior || Date.parse(fact.observedAt) >= Date.parse(prior.observedAt)) byKey.set(k, fact);
      }
    }
    (out[section] as ObservedFacts[typeof section][number][]) = [...byKey.values()];
  }
  return out;
}
