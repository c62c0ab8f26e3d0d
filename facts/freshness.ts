// Evidence has an age. A fact observed longer ago than the allowed age is reported as stale and
// withheld from the rules: a report must not judge today's network by last quarter's DNS answers.
import type { ObservedFacts } from "./schema";
import { FACT_SECTIONS, type FactSection } from "./sections";

/** Default age beyond which a fact is stale: two days, so a daily observation that missed one run still counts. */
export const DEFAULT_MAX_FACT_AGE_HOURS = 48;

export interface StaleFact {
  section: FactSection;
  /** What the fact is about: an application or device id, a name, `name address`. */
  subject: string;
  source: string;
  observedAt: string;
  ageHours: number;
}

const SUBJECT: { [S in FactSection]: (f: ObservedFacts[S][number]) => string } = {
  devices: (f) => f.id,
  names: (f) => f.name,
  zoneTransfers: (f) => f.zone,
  probes: (f) => `${f.scheme}://${f.name} ${f.address}`,
  applications: (f) => f.id,
  topology: (f) => f.device,
  availability: (f) => `${f.from}/${f.to}`,
};

/** Splits the facts into those young enough to judge by and those that are stale (as of `asOf`). */
export function splitStale(facts: ObservedFacts, asOf: Date, maxAgeHours = DEFAULT_MAX_FACT_AGE_HOURS): { fresh: ObservedFacts; stale: StaleFact[] } {
  const fresh: ObservedFacts = { ...facts };
  const stale: StaleFact[] = [];
  const limitMs = maxAgeHours * 3_600_000;
  for (const section of FACT_SECTIONS) {
    const subject = SUBJECT[section] as (f: ObservedFacts[typeof section][number]) => string;
    const kept: ObservedFacts[typeof section][number][] = [];
    for (const fact of facts[section]) {
      const ageMs = asOf.getTime() - Date.parse(fact.observedAt);
      if (ageMs > limitMs) {
        stale.push({ section, subject: subject(fact), source: fact.source, observedAt: fact.observedAt, ageHours: Math.floor(ageMs / 3_600_000) });
      } else kept.push(fact);
    }
    (fresh[section] as ObservedFacts[typeof section][number][]) = kept;
  }
  return { fresh, stale };
}
