// Small helpers shared by the rule files: citations, check builders, and the placement facts of an
// inventory application (the same shape the CrossGuard pack reads from container labels).
import type { Application, Inventory, Profile } from "../../inventory/schema";
import type { PlacementFacts, Violation } from "../placement";
import type { Check, Citation, InventoryIndex, Severity, Subject } from "../types";

export function cite(profile: Profile, pasal: number, ayat?: string, huruf?: string, extra: Partial<Citation> = {}): Citation {
  return { profile, pasal, ...(ayat ? { ayat } : {}), ...(huruf ? { huruf } : {}), ...extra };
}

/** `bt-7-2019 Pasal 15 (1)-(2) a` */
export function formatCitation(c: Citation): string {
  const ayat = c.ayat ? " " + c.ayat.split(/\s*,\s*/).map((part) => part.split("-").map((n) => `(${n})`).join("-")).join(", ") : "";
  return `${c.profile} Pasal ${c.pasal}${ayat}${c.huruf ? ` ${c.huruf}` : ""}`;
}

export function check(subject: Subject, opd: string, violation?: Violation): Check {
  return violation ? { subject, opd, failure: violation } : { subject, opd };
}

export const app = (id: string): Subject => ({ kind: "application", id });

/** The Dinas-or-OPD manager of a site, as the label contract writes it ("dinas" or the OPD code). */
export function siteManagerOf(site: Inventory["sites"][number] | undefined, dinas: string): string {
  if (!site) return "unknown";
  if (site.opd === undefined) return site.kind === "opd-office" ? "unknown" : "dinas";
  return site.opd === dinas ? "dinas" : site.opd;
}

// The facts of one application per evaluation (keyed by its index): four placement rules and the
// observed rules each ask for them, for each of 10,000 applications at scale 1.
const placementFactsByIndex = new WeakMap<InventoryIndex, WeakMap<Application, PlacementFacts>>();

export function placementFactsOf(a: Application, inv: Inventory, index: InventoryIndex): PlacementFacts {
  let byApplication = placementFactsByIndex.get(index);
  if (!byApplication) placementFactsByIndex.set(index, (byApplication = new WeakMap()));
  let facts = byApplication.get(a);
  if (!facts) byApplication.set(a, (facts = buildPlacementFacts(a, inv, index)));
  return facts;
}

function buildPlacementFacts(a: Application, inv: Inventory, index: InventoryIndex): PlacementFacts {
  // Built field by field rather than by spreads: once per application of the inventory.
  const p = a.placement;
  const site = p.type === "external" ? undefined : index.sites.get(index.devices.get(p.server)?.site ?? "");
  const facts: PlacementFacts = {
    application: a.id,
    opd: a.opd,
    classification: a.classification,
    website: a.website,
    siteKind: p.type === "external" ? "external" : (site?.kind ?? "opd-office"),
    siteManager: p.type === "external" ? p.provider : siteManagerOf(site, inv.meta.dinas),
    network: p.network,
  };
  if (p.type === "external") facts.hosting = { provider: p.provider, country: p.country, entity: p.providerLegalEntity.name, entityCountry: p.providerLegalEntity.country };
  if ((p.type === "external" || p.type === "opd-server") && p.exception) facts.exception = p.exception;
  if (a.national) facts.national = true;
  return facts;
}

/** A national application (central ministry/agency): outside the articles on the OPD's own applications. */
export const isNational = (a: Application): boolean => a.national !== undefined;

/** The severity a rule has under the selected profiles: its own unless every applicable citation overrides it. */
export function effectiveSeverity(rule: { severity: Severity; citations: Citation[] }, profiles: readonly Profile[]): Severity {
  const applicable = rule.citations.filter((c) => profiles.includes(c.profile));
  if (applicable.some((c) => !c.severity || c.severity === "mandatory")) return rule.severity;
  return "advisory";
}

/** The OPD an asset belongs to for scoring: the site's OPD, else the owner, else the Dinas. */
export function opdOfDevice(deviceId: string, inv: Inventory, index: InventoryIndex): string {
  const device = index.devices.get(deviceId);
  if (!device) return inv.meta.dinas;
  if (device.owner && device.owner !== "dinas" && device.owner !== inv.meta.dinas) return device.owner;
  const site = index.sites.get(device.site);
  return site?.opd ?? inv.meta.dinas;
}
