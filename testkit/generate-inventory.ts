// Synthetic inventories for benchmarks and tests: valid, realistic in shape, and scaled linearly.
// scale 1 = 10,000 applications, 5,000 devices, 1,000 links, 50,000 IP allocations.
//   node bin/run-ts.cjs testkit/generate-inventory.ts [scale] > big.yaml
import { resolve } from "node:path";
import { stringify } from "yaml";

export interface GeneratedSizes {
  opds: number;
  devices: number;
  links: number;
  applications: number;
  allocations: number;
}

export function sizesFor(scale: number): GeneratedSizes {
  return {
    opds: Math.max(2, Math.round(200 * scale)),
    devices: Math.round(5000 * scale),
    links: Math.round(1000 * scale),
    applications: Math.round(10000 * scale),
    allocations: Math.round(50000 * scale),
  };
}

const hex = (n: number) => n.toString(16);

/** Who the synthetic kabupaten is: several of them side by side make a synthetic province. */
export interface GeneratedIdentity {
  kabupaten: string;
  /** The primary domain; every OPD subdomain and application hostname sits under it. */
  domain: string;
  profiles: ("bt-7-2019" | "klaten-18-2018")[];
}

export const SYNTHETIC_IDENTITY: GeneratedIdentity = { kabupaten: "Sintetis", domain: "sintetiskab.go.id", profiles: ["bt-7-2019", "klaten-18-2018"] };

export function generateInventory(scale = 1, identity: GeneratedIdentity = SYNTHETIC_IDENTITY): Record<string, any> {
  const n = sizesFor(scale);
  const domain = identity.domain;
  const opds = Array.from({ length: n.opds }, (_, i) => ({
    code: i === 0 ? "diskominfo" : `opd-${i}`,
    name: i === 0 ? "Dinas Komunikasi dan Informatika" : `Perangkat Daerah ${i}`,
    pengelolaTik: [{ name: `Pengelola ${i}`, decree: `SK ${i}/2025` }],
    subdomain: `opd${i}.${domain}`,
    // 10.x.y.0/24 for each OPD: unique and private.
    subnets: [`10.${Math.floor(i / 256)}.${i % 256}.0/24`],
  }));
  // Servers and network gear in DC racks (42U, 20 two-U servers per rack); the rest at OPD offices.
  const rackedDevices = Math.floor(n.devices / 2);
  const racks = Math.ceil(rackedDevices / 20);
  const sites: any[] = [
    { id: "dc", name: "Pusat Data", kind: "datacenter", opd: "diskominfo", racks: Array.from({ length: racks }, (_, r) => ({ id: `R${r + 1}`, heightU: 42 })) },
    { id: "drc", name: "Pusat Pemulihan Data", kind: "recovery", opd: "diskominfo", racks: [] },
    ...opds.slice(1).map((o) => ({ id: `kantor-${o.code}`, name: `Kantor ${o.name}`, kind: "opd-office", opd: o.code })),
  ];
  const snmp = { version: "2c", community: { env: "SPBE_SNMP_COMMUNITY" } };
  const devices: any[] = [];
  for (let i = 0; i < n.devices; i++) {
    const racked = i < rackedDevices;
    const role = racked ? (i % 10 === 0 ? "switch" : "server") : i % 3 === 0 ? "switch" : "router";
    const d: any = {
      id: `dev-${i}`,
      role,
      site: racked ? "dc" : `kantor-${opds[1 + (i % (n.opds - 1))]!.code}`,
      mgmtAddress: `10.${200 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}`,
      snmp,
      interfaces: [{ name: "eth0", ifIndex: 1, speedMbps: 1000 }, { name: "eth1", ifIndex: 2, speedMbps: 1000 }],
    };
    if (racked) Object.assign(d, { rack: `R${Math.floor(i / 20) + 1}`, position: 1 + (i % 20) * 2, heightU: 2 });
    devices.push(d);
  }
  const links = Array.from({ length: n.links }, (_, i) => ({
    id: `link-${i}`,
    a: { device: `dev-${(2 * i) % n.devices}`, interface: "eth0" },
    b: { device: `dev-${(2 * i + 1) % n.devices}`, interface: "eth1" },
    medium: i % 5 === 0 ? "radio" : "fiber",
    capacityMbps: i % 5 === 0 ? 100 : 1000,
    labelCode: `SYN-BB-${i}`,
  }));
  // One IPv6 /48 block per 1,000 allocations; four in five addresses fixed, the rest auto-assigned.
  const blockCount = Math.max(1, Math.ceil(n.allocations / 1000));
  const blocks = Array.from({ length: blockCount }, (_, b) => ({ id: `v6-${b}`, cidr: `2001:db8:${hex(b)}::/48` }));
  const servers = devices.filter((d) => d.role === "server");
  const applications = Array.from({ length: n.applications }, (_, i) => ({
    id: `app-${i}`,
    name: `Aplikasi ${i}`,
    opd: opds[i % n.opds]!.code,
    kind: "khusus",
    classification: (["publik", "internal", "rahasia", "strategis"] as const)[i % 4],
    hostname: `app-${i}.${domain}`,
    placement: { type: "datacenter", server: servers[i % servers.length]!.id, ports: [{ container: 8080, public: 443 }] },
    documentation: { requirements: true, architecture: true, technical: true, manual: true, sourceRepository: `https://git.${domain}/app-${i}` },
    securityAssessment: { date: "2026-06-01" },
  }));
  const allocations = Array.from({ length: n.allocations }, (_, i) => {
    const b = Math.floor(i / 1000);
    const a: any = { id: `alloc-${i}`, block: `v6-${b}`, to: i < n.applications ? { application: `app-${i}` } : { service: `svc-${i}` } };
    if (i % 5 !== 0) a.address = `2001:db8:${hex(b)}::${hex((i % 1000) + 1)}`;
    return a;
  });
  return {
    meta: { kabupaten: identity.kabupaten, domain, profiles: [...identity.profiles], dinas: "diskominfo" },
    opds,
    sites,
    devices,
    links,
    publicIp: { blocks, allocations },
    bandwidth: { upstreamMbps: 100000, quotas: opds.map((o) => ({ opd: o.code, downMbps: 50, upMbps: 20 })) },
    applications,
  };
}

export function generateInventoryYaml(scale = 1, identity: GeneratedIdentity = SYNTHETIC_IDENTITY): string {
  return stringify(generateInventory(scale, identity), { lineWidth: 0, aliasDuplicateObjects: false });
}

// Run directly (bin/run-ts.cjs puts the file in argv[1]), not when imported.
if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  process.stdout.write(generateInventoryYaml(Number(process.argv[2] ?? 1)));
}
