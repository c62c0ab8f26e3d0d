// A small backbone shaped like the namespace test bed: the data center core and the recovery site's
// router joined by fiber, three OPD office routers on fiber from the core, and the kecamatan's office
// with a radio backup beside its fiber. Every router runs FRR. Plain data, parsed through the real
// schema so defaults apply as in a loaded file; interface names are the veths' names in the namespaces.
import { inventorySchema, type Inventory } from "../../inventory/schema";

export const DC_CORE = "dc-core-rtr";
export const DRC = "drc-rtr";
/** The data center's application addresses (a server network behind the core) and the recovery site's; the test bed puts each network's first address on a LAN interface. */
export const DC_APPS = { network: "10.81.0.0/28", address: "10.81.0.1" };
export const DRC_APPS = { network: "10.82.0.0/28", address: "10.82.0.1" };

export interface TestOffice {
  opd: string;
  router: string;
  subnet: string;
  /** The office router's LAN address, the source of the test's pings. */
  lanAddress: string;
}

export const OFFICES: TestOffice[] = [
  { opd: "dinkes", router: "dinkes-rtr", subnet: "10.77.1.0/24", lanAddress: "10.77.1.1" },
  { opd: "disdik", router: "disdik-rtr", subnet: "10.77.2.0/24", lanAddress: "10.77.2.1" },
  { opd: "kec-awang", router: "kec-awang-rtr", subnet: "10.77.3.0/24", lanAddress: "10.77.3.1" },
];
/** The office whose fiber the test cuts, and its two links. */
export const KECAMATAN = OFFICES[2]!;
export const KEC_FIBER = { link: "bb-kec-awang", interface: "ether1" };
export const KEC_RADIO = { link: "bb-kec-awang-radio", interface: "ether2" };

export function routingInventoryData(): any {
  const core = { id: DC_CORE, role: "router", site: "dc", mgmtAddress: "10.20.0.1", interfaces: [] as { name: string }[] };
  const link = (id: string, a: [string, string], b: [string, string], medium: string, capacityMbps: number) => ({
    id,
    a: { device: a[0], interface: a[1] },
    b: { device: b[0], interface: b[1] },
    medium,
    capacityMbps,
  });
  const links = [
    link("bb-dc-drc", [DC_CORE, "drc0"], [DRC, "dc0"], "fiber", 10_000),
    ...OFFICES.map((o, i) => link(`bb-${o.opd}`, [DC_CORE, `opd${i + 1}`], [o.router, "ether1"], "fiber", 1000)),
    link(KEC_RADIO.link, [DC_CORE, "radio3"], [KECAMATAN.router, KEC_RADIO.interface], "radio", 100),
  ];
  core.interfaces = links.filter((l) => l.a.device === DC_CORE).map((l) => ({ name: l.a.interface }));
  return {
    meta: { kabupaten: "Uji", domain: "ujikab.go.id", profiles: ["klaten-18-2018"], dinas: "diskominfo" },
    opds: [
      { code: "diskominfo", name: "Dinas Komunikasi dan Informatika", subnets: ["10.77.0.0/24"] },
      ...OFFICES.map((o) => ({ code: o.opd, name: `OPD ${o.opd}`, subnets: [o.subnet] })),
    ],
    sites: [
      { id: "dc", name: "Pusat Data", kind: "datacenter", opd: "diskominfo" },
      { id: "drc", name: "Pusat Pemulihan Data", kind: "recovery", opd: "diskominfo" },
      ...OFFICES.map((o) => ({ id: `kantor-${o.opd}`, name: `Kantor ${o.opd}`, kind: "opd-office", opd: o.opd })),
    ],
    devices: [
      core,
      { id: DRC, role: "router", site: "drc", mgmtAddress: "10.20.0.2", interfaces: [{ name: "dc0" }] },
      ...OFFICES.map((o, i) => ({
        id: o.router,
        role: "router",
        site: `kantor-${o.opd}`,
        mgmtAddress: `10.20.1.${i + 1}`,
        interfaces: o === KECAMATAN ? [{ name: "ether1" }, { name: "ether2" }] : [{ name: "ether1" }],
      })),
    ],
    links,
    backbone: {
      transferBlock: "10.255.0.0/24",
      loopbackBlock: "10.255.255.0/24",
      routers: [
        { device: DC_CORE, announce: [DC_APPS.network] },
        { device: DRC, announce: [DRC_APPS.network] },
        ...OFFICES.map((o) => ({ device: o.router })),
      ],
    },
  };
}

export function routingInventory(): Inventory {
  return inventorySchema.parse(routingInventoryData());
}
