// The placement rules as pure functions over plain facts. The SAME functions serve the inventory
// rules (facts built from the inventory, rules/placement.ts) and the CrossGuard pack (facts read from
// docker Container labels, crossguard/policies.ts; label names in inventory/labels.ts): one rule, one place.
import { contains, tryParseRange } from "../inventory/ip";
import type { Profile } from "../inventory/schema";

export type SiteKind = "datacenter" | "recovery" | "opd-office" | "external";
export type Network = "dinas" | "opd" | "internet";

export interface ExceptionFacts {
  ref: string;
  /** YYYY-MM-DD */
  expires: string;
  signedByOpd?: string;
  signedByProvider?: string;
}

export interface PlacementFacts {
  application: string;
  opd: string;
  /** Where the application runs; "external" for hosting outside the kabupaten's sites. */
  siteKind: SiteKind;
  /** "dinas" when the Dinas manages the site, else the managing OPD code or the provider. */
  siteManager: string;
  classification: "publik" | "internal" | "rahasia" | "strategis";
  network: Network;
  exception?: ExceptionFacts;
  /** An OPD website (bt-7-2019 Pasal 19). Absent counts as not a website. */
  website?: boolean;
  /** Rented hosting (siteKind "external"): who hosts it, where, and its legal entity. */
  hosting?: HostingFacts;
  /** A national application (provided by a central ministry/agency): not the OPD's to place. */
  national?: boolean;
}

export interface HostingFacts {
  provider: string;
  /** ISO 3166-1 alpha-2 country the servers are in. */
  country: string;
  /** The provider's legal entity and the country it is incorporated in. */
  entity: string;
  entityCountry: string;
}

/** The jurisdiction bt-7-2019 Pasal 19 (4) requires for rented website hosting. */
export const INDONESIA = "ID";

export const EXCEPTION_WARNING_DAYS = 60;
const DAY_MS = 86_400_000;

/** Whole days from `asOf` (its UTC date) to an ISO date; negative when the date is past. */
export function daysUntil(isoDate: string, asOf: Date): number {
  const target = Date.parse(`${isoDate}T00:00:00Z`);
  const today = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  return Math.round((target - today) / DAY_MS);
}

/** The Dinas data center or its recovery site (both are Dinas-run data center facilities). */
export function inDinasFacility(f: Pick<PlacementFacts, "siteKind" | "siteManager">): boolean {
  return (f.siteKind === "datacenter" || f.siteKind === "recovery") && f.siteManager === "dinas";
}

export type ExceptionStatus = "valid" | "expiring" | "expired" | "unsigned";

/** An exception counts only when both the OPD and the provider signed it and it has not expired. */
export function exceptionStatus(e: ExceptionFacts, asOf: Date): { status: ExceptionStatus; daysLeft: number } {
  const daysLeft = daysUntil(e.expires, asOf);
  if (!e.signedByOpd || !e.signedByProvider) return { status: "unsigned", daysLeft };
  if (daysLeft < 0) return { status: "expired", daysLeft };
  if (daysLeft <= EXCEPTION_WARNING_DAYS) return { status: "expiring", daysLeft };
  return { status: "valid", daysLeft };
}

export type Violation = { variant: string; params: Record<string, string | number> };

/**
 * Without profiles, checkPlacement reads bt-7-2019 (the only Perda with an exception route): what the
 * observed-address rule needs to tell a declared external application from a misplaced one.
 */
const DEFAULT_PLACEMENT_PROFILES: readonly Profile[] = ["bt-7-2019"];

/**
 * Where an OPD application may run, per the selected Perda (docs/compliance-matrix.md, "Interpretations"):
 * - bt-7-2019 Pasal 15 (1): the Dinas data center; (2) elsewhere only under a data-security statement
 *   signed by the OPD and the provider (and, our reading, not expired); Pasal 19 (4) is a specific
 *   permission for websites: a website rented in Indonesia from an Indonesian legal entity needs no
 *   15 (2) statement (otherwise 19 (4) would add nothing to 15 (2)).
 * - klaten-18-2018 Pasal 14 (1): the Dinas data center, with no exception route at all.
 * A national application (provided by a central ministry/agency) is neither "Aplikasi PD" nor a
 * "Sistem informasi Pemerintah Daerah": not judged. Under both profiles an application must satisfy both.
 */
export function checkPlacement(f: PlacementFacts, asOf: Date, profiles: readonly Profile[] = DEFAULT_PLACEMENT_PROFILES): Violation | undefined {
  if (f.national || inDinasFacility(f)) return undefined;
  const where = { site: f.siteKind, manager: f.siteManager };
  if (profiles.includes("bt-7-2019")) {
    const v = btPlacementViolation(f, asOf, where);
    if (v) return v;
  }
  if (profiles.includes("klaten-18-2018")) return { variant: "outside-dc-no-route", params: where };
  return undefined;
}

function btPlacementViolation(f: PlacementFacts, asOf: Date, where: { site: string; manager: string }): Violation | undefined {
  if (f.website && f.siteKind === "external" && !checkWebsiteHosting(f)) return undefined; // Pasal 19 (4)
  if (!f.exception) return { variant: "no-exception", params: where };
  const { status, daysLeft } = exceptionStatus(f.exception, asOf);
  if (status === "unsigned") {
    const missing = [!f.exception.signedByOpd ? "OPD" : "", !f.exception.signedByProvider ? "provider" : ""].filter(Boolean).join(", ");
    return { variant: "exception-unsigned", params: { ...where, ref: f.exception.ref, missing } };
  }
  if (status === "expired") return { variant: "exception-expired", params: { ...where, ref: f.exception.ref, expires: f.exception.expires, days: -daysLeft } };
  return undefined;
}

/** Advisory: an exception that still holds but ends within EXCEPTION_WARNING_DAYS. */
export function checkExceptionExpiring(f: PlacementFacts, asOf: Date): Violation | undefined {
  if (f.national || inDinasFacility(f) || !f.exception) return undefined;
  const { status, daysLeft } = exceptionStatus(f.exception, asOf);
  if (status !== "expiring") return undefined;
  return { variant: "expiring", params: { ref: f.exception.ref, expires: f.exception.expires, days: daysLeft } };
}

/**
 * bt-7-2019 Pasal 19 (4): an OPD website may be rented only inside Indonesian jurisdiction, from an
 * Indonesian legal entity. Only rented (external) hosting of a website is judged; an external website
 * whose hosting facts are missing fails (unknown is not Indonesian).
 */
export function checkWebsiteHosting(f: Pick<PlacementFacts, "website" | "siteKind" | "siteManager" | "hosting" | "national">): Violation | undefined {
  if (f.national || !f.website || f.siteKind !== "external") return undefined;
  const h = f.hosting ?? { provider: f.siteManager, country: "unknown", entity: "unknown", entityCountry: "unknown" };
  if (h.country === INDONESIA && h.entityCountry === INDONESIA) return undefined;
  return { variant: "abroad", params: { provider: h.provider, country: h.country, entity: h.entity, entityCountry: h.entityCountry } };
}

/** Where a cluster of the provincial tier runs and who runs it (the tier's location annotations). */
export interface ClusterLocationFacts {
  cluster: string;
  country: string;
  region: string;
  operator: string;
  operatorCountry: string;
}

/**
 * The provincial tier read under the same hosting rule as a rented website (bt-7-2019 Pasal 19 (4);
 * docs/compliance-matrix.md "The provincial tier"): its cluster's nodes in Indonesia, operated by an
 * Indonesian legal entity. A fact left out is "unknown", which is not Indonesian: it fails.
 */
export function checkClusterLocation(f: ClusterLocationFacts): Violation | undefined {
  if (f.country === INDONESIA && f.operatorCountry === INDONESIA) return undefined;
  return { variant: "abroad", params: { cluster: f.cluster, country: f.country, region: f.region, operator: f.operator, operatorCountry: f.operatorCountry } };
}

export function isConfidential(classification: string): boolean {
  return classification === "rahasia" || classification === "strategis";
}

/**
 * bt-7-2019 Pasal 18, klaten-18-2018 Pasal 22: confidential and strategic information uses the
 * security system and network managed by the Dinas: a Dinas facility and the Dinas network. A national
 * application runs where its central agency runs it; the Pemda can still reach it over the Dinas
 * network, so only the network is judged for it.
 */
export function checkConfidentialOnDinas(f: PlacementFacts): Violation | undefined {
  if (!isConfidential(f.classification)) return undefined;
  const facility = f.national === true || inDinasFacility(f);
  const network = f.network === "dinas";
  if (facility && network) return undefined;
  const variant = !facility && !network ? "site-and-network" : !facility ? "site" : "network";
  return { variant, params: { classification: f.classification, site: f.siteKind, manager: f.siteManager, network: f.network } };
}

/**
 * A public address the kabupaten publishes or answers from must lie in one of the Dinas public
 * blocks (klaten-18-2018 Pasal 9 (2) c; bt-7-2019 Pasal 12 (3)-(4)).
 */
export function checkAddressInBlocks(address: string, dinasBlocks: readonly string[]): Violation | undefined {
  const addr = tryParseRange(address);
  if (!addr) return { variant: "unparsable", params: { address } };
  for (const block of dinasBlocks) {
    const range = tryParseRange(block);
    if (range && contains(range, addr)) return undefined;
  }
  return { variant: "outside", params: { address, blocks: dinasBlocks.join(", ") || "-" } };
}
