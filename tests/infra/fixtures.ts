// A small inventory built through the real loader (schema defaults, validation), varied per test.
import { stringify } from "yaml";
import { loadInventoryText } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";

export function baseInventory(): Record<string, any> {
  return {
    meta: { kabupaten: "Uji", domain: "ujikab.go.id", profiles: ["bt-7-2019"], dinas: "diskominfo" },
    opds: [
      { code: "diskominfo", name: "Diskominfo", subnets: ["10.9.1.0/24"] },
      { code: "dinkes", name: "Dinas Kesehatan", subdomain: "dinkes.ujikab.go.id", subnets: ["10.9.2.0/24"] },
      { code: "rsud", name: "RSUD", subdomain: "rsud.ujikab.go.id", subnets: ["10.9.3.0/24"] },
    ],
    sites: [
      { id: "dc", name: "Pusat Data", kind: "datacenter", opd: "diskominfo" },
      { id: "drc", name: "Pemulihan", kind: "recovery", opd: "diskominfo" },
      { id: "kantor-rsud", name: "Kantor RSUD", kind: "opd-office", opd: "rsud" },
    ],
    devices: [
      { id: "srv-a", role: "server", site: "dc", mgmtAddress: "10.9.0.10" },
      { id: "srv-b", role: "server", site: "dc", mgmtAddress: "10.9.0.11" },
      { id: "mon", role: "server", site: "dc", mgmtAddress: "10.9.0.12" },
      { id: "dr-a", role: "server", site: "drc", mgmtAddress: "10.9.0.20" },
      { id: "rsud-srv", role: "server", site: "kantor-rsud", owner: "rsud", mgmtAddress: "10.9.3.10" },
    ],
    publicIp: {
      blocks: [
        { id: "v4", cidr: "203.0.113.0/24" },
        { id: "v6", cidr: "2001:db8:9::/48" },
      ],
      allocations: [
        { id: "ns1", block: "v4", address: "203.0.113.2", to: { service: "dns-ns1" } },
        { id: "nat", block: "v4", address: "203.0.113.248/29", to: { service: "nat" } },
        { id: "ip-web", block: "v4", address: "203.0.113.10", to: { application: "web" } },
        { id: "ip-sim", block: "v4", to: { application: "sim" } },
        { id: "ip-geo", block: "v6", to: { application: "geo" } },
      ],
    },
    applications: [
      {
        id: "web", name: "Portal", opd: "diskominfo", kind: "umum", classification: "publik", hostname: "www.ujikab.go.id",
        placement: { type: "datacenter", server: "srv-a", ports: [{ container: 8080, public: 443 }], publicIp: "ip-web" },
        dr: { server: "dr-a", rpoMinutes: 60, mode: "running" },
      },
      {
        id: "sim", name: "SIM", opd: "dinkes", kind: "khusus", classification: "rahasia", hostname: "sim.ujikab.go.id",
        placement: { type: "datacenter", server: "srv-b", ports: [{ container: 80 }, { container: 53, protocol: "udp" }], publicIp: "ip-sim" },
        dr: { server: "dr-a", rpoMinutes: 15 },
      },
      {
        id: "geo", name: "Geo", opd: "dinkes", kind: "khusus", classification: "publik", hostname: "geo.ujikab.go.id",
        placement: { type: "datacenter", server: "srv-a", ports: [{ container: 8080, public: 443 }], publicIp: "ip-geo" },
      },
      {
        id: "internal", name: "Internal", opd: "diskominfo", kind: "umum", classification: "internal", hostname: "internal.ujikab.go.id",
        placement: { type: "datacenter", server: "srv-b", ports: [{ container: 9000 }] },
      },
      {
        id: "simrs", name: "SIMRS", opd: "rsud", kind: "khusus", classification: "rahasia", hostname: "simrs.ujikab.go.id",
        placement: { type: "opd-server", server: "rsud-srv", network: "opd", exception: { ref: "EX-1", expires: "2030-01-01", signedByOpd: "2025-01-01" } },
      },
      {
        id: "cloud", name: "Cloud", opd: "dinkes", kind: "khusus", classification: "publik", hostname: "cloud.example.com",
        placement: { type: "external", provider: "Acme", country: "SG", providerLegalEntity: { name: "Acme Inc", country: "US" } },
      },
    ],
  };
}

export function load(doc: Record<string, any>): Inventory {
  const result = loadInventoryText(stringify(doc), "test.yaml");
  if (!result.inventory) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.inventory;
}
