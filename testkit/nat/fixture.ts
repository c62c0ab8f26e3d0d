// A small inventory shaped like the NAT test bed: an edge gateway (WAN towards the "internet"
// namespace, a LAN bridge towards the data center and one OPD), one server running two applications
// with their own public addresses, an OPD whose internet traffic leaves from its own public address,
// and a quota on that OPD (so the quota's table runs beside the NAT's). Plain data, parsed through the
// real schema so defaults apply as in a loaded file.
import { inventorySchema, type Inventory } from "../../inventory/schema";

export const NAT_GATEWAY = "edge-gw";
export const NAT_WAN_IF = "spbe-n-wan";
export const NAT_LAN_IF = "spbe-n-lan";
export const PUBLIC_BLOCK = "198.51.100.0/24";
export const SERVER_ADDR = "10.79.1.10";
export const OPD_SUBNET = "10.79.2.0/24";

/** Two applications on one server, both answering on 443 of their own public address. */
export const NAT_APPS = [
  { id: "portal", address: "198.51.100.10", ports: [{ container: 8080, public: 443 }] },
  { id: "satudata", address: "198.51.100.11", ports: [{ container: 8080, public: 443 }, { container: 9000, public: 8443 }] },
] as const;
/** The OPD's public address for its internet traffic. */
export const OPD_PUBLIC = "198.51.100.20";

export interface NatFixtureOptions {
  /** Application ids whose allocation is left out (as if removed from the inventory). */
  without?: string[];
}

export function natInventoryData(opts: NatFixtureOptions = {}): any {
  const apps = NAT_APPS.filter((a) => !opts.without?.includes(a.id));
  return {
    meta: { kabupaten: "Uji", domain: "ujikab.go.id", profiles: ["klaten-18-2018"], dinas: "diskominfo" },
    opds: [
      { code: "diskominfo", name: "Dinas Komunikasi dan Informatika", subnets: ["10.79.1.0/24"] },
      { code: "dinkes", name: "Dinas Kesehatan", subnets: [OPD_SUBNET] },
    ],
    sites: [{ id: "dc", name: "Pusat Data", kind: "datacenter", opd: "diskominfo" }],
    devices: [
      { id: NAT_GATEWAY, role: "gateway", site: "dc", mgmtAddress: "10.79.1.1", interfaces: [{ name: NAT_WAN_IF }, { name: NAT_LAN_IF }] },
      { id: "srv-01", role: "server", site: "dc", mgmtAddress: SERVER_ADDR },
    ],
    publicIp: {
      blocks: [{ id: "v4", cidr: PUBLIC_BLOCK }],
      allocations: [
        ...apps.map((a) => ({ id: `ip-${a.id}`, block: "v4", address: a.address, to: { application: a.id } })),
        { id: "nat-dinkes", block: "v4", address: OPD_PUBLIC, to: { opd: "dinkes" } },
      ],
    },
    bandwidth: {
      upstreamMbps: 100,
      gateway: { device: NAT_GATEWAY, lanInterface: NAT_LAN_IF, wanInterface: NAT_WAN_IF, kind: "linux" },
      quotas: [{ opd: "dinkes", downMbps: 50, upMbps: 50 }],
    },
    applications: NAT_APPS.map((a) => ({
      id: a.id,
      name: a.id,
      opd: "diskominfo",
      kind: "umum",
      classification: "publik",
      placement: { type: "datacenter", server: "srv-01", ports: a.ports.map((p) => ({ ...p })), ...(opts.without?.includes(a.id) ? {} : { publicIp: `ip-${a.id}` }) },
    })),
  };
}

export function natInventory(opts: NatFixtureOptions = {}): Inventory {
  return inventorySchema.parse(natInventoryData(opts));
}
