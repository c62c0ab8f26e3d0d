// The provincial compliance report: every kabupaten's own report (each evaluated under its own Perda
// profile), ranked side by side, with the trend of each kabupaten and OPD over the reports given.
// Plain data, so it serialises to JSON as is.
import type { Profile } from "../../inventory/schema";
import type { Predicate } from "../verdict";

/** One evaluation of a kabupaten at one date: the figures the trend follows. */
export interface ProvincePoint {
  asOf: string;
  score: number;
  mandatory: number;
  advisory: number;
}

export interface ProvinceKabupaten {
  /** 1 = best: highest score, then fewest mandatory findings, then name. */
  rank: number;
  kabupaten: string;
  /** meta.domain: the key that joins several reports of one kabupaten (and the `kabupaten` metric label). */
  domain: string;
  /** The Perda the kabupaten's own evaluation read. */
  profiles: Profile[];
  asOf: string;
  score: number;
  checks: number;
  mandatory: number;
  advisory: number;
  predicate?: Predicate;
  opds: number;
  /** The file the current evaluation came from (an inventory or a report JSON). */
  source: string;
  /** Every evaluation given for this kabupaten, oldest first (the current one last). */
  trend: ProvincePoint[];
}

export interface ProvinceOpd {
  /** 1 = best across the province, same order as the kabupaten. */
  rank: number;
  kabupaten: string;
  domain: string;
  opd: string;
  name: string;
  score: number;
  checks: number;
  mandatory: number;
  advisory: number;
  /** The OPD's score in the kabupaten's previous evaluation, when one was given. */
  previousScore?: number;
}

export interface ProvinceReport {
  schema: "spbe-province-report/1";
  /** The newest evaluation date among the kabupaten. */
  asOf: string;
  kabupaten: ProvinceKabupaten[];
  opds: ProvinceOpd[];
  /** Over all kabupaten: checks, findings, and the mean of the kabupaten scores. */
  overall: { kabupaten: number; opds: number; checks: number; mandatory: number; advisory: number; meanScore: number };
  /** Profile → the kabupaten evaluated under it. */
  profiles: { profile: Profile; kabupaten: string[] }[];
}
