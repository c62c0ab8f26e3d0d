// A small inventory shaped like the namespace test bed: a gateway owning a LAN bridge, a WAN
// interface and one interface per OPD (linked to that OPD's office router), three OPDs with small
// quotas. Plain data, parsed through the real schema so defaults apply as in a loaded file.
import { inventorySchema, type Inventory } from "../../inventory/schema";

export interface TestOpd {
  code: string;
  subnet: string;
  downMbps: number;
  upMbps: number;
}

export const TEST_OPDS: TestOpd[] = [
  { code: "dinkes", subnet: "10.77.1.0/24", downMbps: 8, upMbps: 6 },
  { code: "disdik", subnet: "10.77.2.0/24", downMbps: 12, upMbps: 10 },
  { code: "setda", subnet: "10.77.3.0/24", downMbps: 20, upMbps: 15 },
];

export const GATEWAY = "gw-01";
export const LAN_IF = "spbe-q-lan";
export const WAN_IF = "spbe-q-wan";
/** The gateway's interface towards OPD number i (0-based): a veth in the gateway namespace. */
export const opdIf = (i: number): string => `spbe-q-o${i + 1}`;

/**
 * `linkless`: OPDs whose office has no backbone link of its own in the inventory (an OPD in the
 * data-centre building): the gateway still shapes and counts their internet traffic.
 */
export function testInventoryData(opds: TestOpd[] = TEST_OPDS, upstreamMbps = 100, linkless: readonly string[] = []): any {
  return {
    meta: { kabupaten: "Uji", domain: "ujikab.go.id", profiles: ["klaten-18-2018"], dinas: "diskominfo" },
    opds: [
      { code: "diskominfo", name: "Dinas Komunikasi dan Informatika", subnets: ["10.77.0.0/24"] },
      ...opds.map((o) => ({ code: o.code, name: `OPD ${o.code}`, subnets: [o.subnet] })),
    ],
    sites: [
      { id: "dc", name: "Pusat Data", kind: "datacenter", opd: "diskominfo" },
      ...opds.map((o) => ({ id: `kantor-${o.code}`, name: `Kantor ${o.code}`, kind: "opd-office", opd: o.code })),
    ],
    devices: [
      {
        id: GATEWAY,
        role: "gateway",
        site: "dc",
        // The namespace test polls the snmpd it starts (its endpoint replaces this address).
        mgmtAddress: "198.18.0.2",
        snmp: { version: "2c", community: { env: "SPBE_SNMP_COMMUNITY" } },
        interfaces: [{ name: LAN_IF }, { name: WAN_IF }, ...opds.map((_, i) => ({ name: opdIf(i) }))],
      },
      ...opds.map((o) => ({ id: `rtr-${o.code}`, role: "router", site: `kantor-${o.code}`, interfaces: [{ name: "ether1" }] })),
    ],
    links: opds.flatMap((o, i) => (linkless.includes(o.code) ? [] : [{
      id: `bb-${o.code}`,
      a: { device: GATEWAY, interface: opdIf(i) },
      b: { device: `rtr-${o.code}`, interface: "ether1" },
      medium: "fiber",
      capacityMbps: 50,
    }])),
    bandwidth: {
      upstreamMbps,
      gateway: { device: GATEWAY, lanInterface: LAN_IF, wanInterface: WAN_IF },
      quotas: opds.map((o) => ({ opd: o.code, downMbps: o.downMbps, upMbps: o.upMbps })),
    },
  };
}

export function testInventory(opds: TestOpd[] = TEST_OPDS, upstreamMbps = 100, linkless: readonly string[] = []): Inventory {
  return inventorySchema.parse(testInventoryData(opds, upstreamMbps, linkless));
}
