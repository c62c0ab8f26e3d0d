// A small inventory that passes every rule of both Perda; each rule test breaks one thing in a copy.
import { loadInventoryText } from "../../inventory/load";
import type { Inventory, Profile } from "../../inventory/schema";
import { minimalInventory } from "../fixtures/minimal-inventory";

export const AS_OF = new Date("2026-11-23T00:00:00Z");

const docs = (id: string) => ({ requirements: `SKPL-${id}`, architecture: `DPPL-${id}`, technical: true, manual: true, sourceRepository: `https://git.contohkab.go.id/opd/${id}` });

/** The compliant inventory as plain data (mutate it, then `load` it). */
export function compliantData(): any {
  const inv = minimalInventory();
  inv.meta.profiles = ["bt-7-2019", "klaten-18-2018"];
  inv.meta.sourceRepositoryBase = "https://git.contohkab.go.id";
  inv.sites.find((s: any) => s.id === "drc").opd = "diskominfo";
  inv.bandwidth.quotas.push({ opd: "diskominfo", downMbps: 50, upMbps: 20 });
  for (const o of inv.opds) for (const p of o.pengelolaTik) p.status = "pranata-komputer";
  inv.bandwidth.siteControl = { policyRef: "SOP-INT/1", method: "dns", blocked: ["judi.example"] };
  inv.governance = {
    masterPlan: { ref: "Perbup 1/2025", date: "2025-03-01" },
    evaluations: [{ ref: "EVAL/2025", date: "2025-12-01", reportedToSekda: { ref: "SEKDA/2025/9", date: "2025-12-10" } }],
  };
  // The incident register (bt-7-2019 Pasal 17 (8)): a fibre cut by road works, reported to the Bupati.
  inv.incidents = [
    { id: "ins-1", start: "2026-11-10T01:00:00Z", end: "2026-11-10T09:00:00Z", devices: ["dinkes-rtr"], cause: "third-party", serious: true, report: { ref: "LAP/INS/1", date: "2026-11-12" } },
  ];
  inv.cables = [{ id: "lan-dinkes", site: "kantor-dinkes", from: { device: "dinkes-rtr", interface: "ether1" }, to: "switch lantai 1", labelCode: "C-DINKES-LAN-01" }];
  inv.devices.push({ id: "dinkes-pc", role: "server", site: "kantor-dinkes", owner: "dinkes", generalPurpose: true, recommendation: { ref: "REK/1", date: "2026-01-05" }, procurement: { year: 2026, verificationRef: "VER/2026/3" } });
  inv.publicIp.allocations.push({ id: "ip-simpeg", block: "v4", to: { application: "simpeg" } });
  inv.applications = [
    {
      id: "web",
      name: "Website Dinkes",
      opd: "dinkes",
      kind: "khusus",
      classification: "publik",
      website: true,
      hostname: "dinkes.contohkab.go.id",
      placement: { type: "datacenter", server: "srv1", publicIp: "ip-web", ports: [{ container: 8080, public: 443 }] },
      documentation: docs("web"),
      license: "pemda-owned",
      securityAssessment: { date: "2026-05-14", ref: "BA/web" },
      development: { dinasRef: "REK-DEV/web", date: "2025-10-01" },
      procurement: { year: 2025, verificationRef: "VER/2025/2" },
    },
    {
      id: "simpeg",
      name: "SIMPEG",
      opd: "diskominfo",
      kind: "umum",
      classification: "rahasia",
      hostname: "simpeg.contohkab.go.id",
      placement: { type: "datacenter", server: "srv1", publicIp: "ip-simpeg" },
      dr: { server: "drsrv", rpoMinutes: 15 },
      documentation: docs("simpeg"),
      license: "open-source",
      securityAssessment: { date: "2025-11-23", ref: "BA/simpeg" },
      procurement: { year: 2025, verificationRef: "VER/2025/1" },
    },
    {
      id: "oss",
      name: "Perizinan",
      opd: "dinkes",
      kind: "khusus",
      classification: "internal",
      website: true,
      hostname: "oss.contohkab.go.id",
      placement: {
        type: "external",
        provider: "PT Awan Indonesia",
        country: "ID",
        providerLegalEntity: { name: "PT Awan Indonesia", country: "ID" },
        exception: { ref: "SPJ/1", signedByOpd: "2026-01-02", signedByProvider: "2026-01-03", expires: "2027-06-30" },
        network: "dinas",
      },
      documentation: docs("oss"),
      license: "proprietary-licensed",
      securityAssessment: { date: "2026-02-01" },
      development: { dinasRef: "REK-DEV/oss", date: "2025-09-01" },
    },
  ];
  return inv;
}

/**
 * The compliant inventory for one Perda. Klaten's Pasal 14 (1) has no exception route, so under it the
 * externally hosted `oss` moves into the data center; under bt-7-2019 it stays outside, compliant by
 * its statement (Pasal 15 (2)) and as a website rented in Indonesia (Pasal 19 (4)).
 */
export function compliantFor(profile: Profile): any {
  const inv = compliantData();
  if (profile === "klaten-18-2018") {
    appOf(inv, "oss").placement = { type: "datacenter", server: "srv1" };
  }
  return inv;
}

/** Loads through the real loader (schema + semantic validation), so fixtures stay valid inventories. */
export function load(data: unknown): Inventory {
  const result = loadInventoryText(JSON.stringify(data), "fixture.json");
  if (!result.inventory) throw new Error("fixture is not a valid inventory: " + JSON.stringify(result.diagnostics.filter((d) => d.severity === "error")));
  return result.inventory;
}

export function appOf(data: any, id: string): any {
  return data.applications.find((a: any) => a.id === id);
}
