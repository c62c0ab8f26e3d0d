// What naming a facts file's parts needs, without its schema: the version strings, the list sections
// and an empty document. Apart from schema.ts (zod) so that code that only names sections (freshness,
// merging, the CLI's history options) does not load zod: a report from the cache needs none of it.
// `as const`: literal types that stay literal inside objects (the schema's z.literal matches them).
export const FACTS_SCHEMA_V2 = "spbe-observed-facts/2" as const;
export const FACTS_SCHEMA_V1 = "spbe-observed-facts/1" as const;

/** The sections of a facts file that hold lists of facts. */
export const FACT_SECTIONS = ["devices", "names", "zoneTransfers", "probes", "applications", "topology", "availability"] as const;
export type FactSection = (typeof FACT_SECTIONS)[number];

/**
 * An empty v2 document observed now. Its lists are typed empty (`never[]`), which fits schema.ts's
 * ObservedFacts and each of its sections, so this file needs no import of the schema.
 */
export function emptyFacts(observedAt: Date) {
  const none = (): never[] => [];
  return { schema: FACTS_SCHEMA_V2, observedAt: observedAt.toISOString(), devices: none(), names: none(), zoneTransfers: none(), probes: none(), applications: none(), topology: none(), availability: none() };
}
