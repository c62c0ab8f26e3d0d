// The score, weighted by what is at stake: a finding weighs its severity (mandatory 1, advisory a
// quarter) times the classification of the data its subject holds, and so does each check in the
// denominator, so a failing rahasia system pulls an OPD down three times as far as a failing public
// page. Subjects that hold no data of their own (an OPD, a device, a link) weigh as publik. The
// predicate (verdict.ts) is never read from this number; the report writes these weights out.
import type { Classification } from "../inventory/schema";
import type { Severity } from "./types";

export const SEVERITY_WEIGHT: Record<Severity, number> = { mandatory: 1, advisory: 0.25 };
export const CLASSIFICATION_WEIGHT: Record<Classification, number> = { publik: 1, internal: 1, rahasia: 2, strategis: 3 };

/** A running tally of weighted checks and weighted findings. */
export interface WeightedTally {
  checkWeight: number;
  findingWeight: number;
}

export function addCheck(t: WeightedTally, stakes: number, failed: Severity | undefined): void {
  t.checkWeight += stakes;
  if (failed) t.findingWeight += stakes * SEVERITY_WEIGHT[failed];
}

/** 0..100, one decimal: 100 × (1 − Σ finding weight / Σ check weight); 100 when nothing was checked. */
export function weightedScore(t: WeightedTally): number {
  if (t.checkWeight === 0) return 100;
  return Math.round(1000 * Math.max(0, 1 - t.findingWeight / t.checkWeight)) / 10;
}
