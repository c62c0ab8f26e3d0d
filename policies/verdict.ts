// The predicate a Dewan TIK can sign: read from the count of findings by severity, never from the
// score (a 94/100 next to 15 mandatory findings misleads). The thresholds are data, so every report
// writes them out next to the predicate.
export type Predicate = "memenuhi" | "memenuhi-dengan-catatan" | "tidak-memenuhi";

/** The thresholds, in the order they are tried: the first that holds gives the predicate. */
export const PREDICATE_THRESHOLDS: readonly { predicate: Predicate; maxMandatory: number; maxAdvisory: number }[] = [
  { predicate: "memenuhi", maxMandatory: 0, maxAdvisory: 0 },
  { predicate: "memenuhi-dengan-catatan", maxMandatory: 0, maxAdvisory: Number.POSITIVE_INFINITY },
  { predicate: "tidak-memenuhi", maxMandatory: Number.POSITIVE_INFINITY, maxAdvisory: Number.POSITIVE_INFINITY },
];

export function predicateOf(mandatory: number, advisory: number): Predicate {
  return PREDICATE_THRESHOLDS.find((t) => mandatory <= t.maxMandatory && advisory <= t.maxAdvisory)!.predicate;
}
