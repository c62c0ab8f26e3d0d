// The starter inventory `spbe init` writes: the few facts every inventory needs (kabupaten, domain,
// profiles, the Dinas, public blocks) and commented placeholders for the rest, so a new engineer
// starts from a file that validates and shows where everything goes. Pure: answers in, text out.
import type { Profile } from "./schema";

export interface StarterAnswers {
  kabupaten: string;
  domain: string;
  profiles: Profile[];
  /** The Dinas Kominfo's OPD code and name. */
  dinas: string;
  dinasName: string;
  /** Public IPv4/IPv6 blocks as CIDR prefixes. */
  blocks: string[];
  /** Where the JSON Schema is, as the file's first line names it (relative to the file or a URL). */
  schemaRef: string;
}

/** The answers' fields, in the order the inventory keeps them (the CLI maps each to its flag). */
export const STARTER_PATHS = {
  kabupaten: "meta.kabupaten",
  domain: "meta.domain",
  profiles: "meta.profiles",
  dinas: "meta.dinas",
  blocks: "publicIp.blocks",
} as const;

// JSON strings are YAML strings: every answer is written quoted, whatever characters it holds.
const q = (s: string) => JSON.stringify(s);

export function starterInventory(a: StarterAnswers): string {
  const blocks = a.blocks.length
    ? a.blocks.map((cidr, i) => `    - { id: ${q(`blok-${i + 1}`)}, cidr: ${q(cidr)}, description: "dari ISP / from the ISP" }`).join("\n")
    : `    []
    # - { id: blok-1, cidr: 203.0.113.0/28, description: "dari ISP / from the ISP" }`;
  return `# yaml-language-server: $schema=${a.schemaRef}
# Inventaris SPBE Kabupaten ${a.kabupaten}, dibuat oleh \`spbe init\`. / SPBE inventory of Kabupaten ${a.kabupaten}, written by \`spbe init\`.
# Rujukan kolom / field reference: docs/inventory.md. Periksa / check: spbe validate <file>.
# Rahasia hanya sebagai rujukan / secrets as references only: { env: NAME } or { pulumiSecret: NAME }.
meta:
  kabupaten: ${q(a.kabupaten)}
  domain: ${q(a.domain)}
  profiles: [${a.profiles.map(q).join(", ")}]
  dinas: ${q(a.dinas)}
  # sourceRepositoryBase: "https://git.${a.domain}"   # repositori kode sumber / source repository (bt-7-2019 Pasal 13 (9))
opds:
  - code: ${q(a.dinas)}
    name: ${q(a.dinasName)}
    kind: dinas
    # subnets: [10.1.10.0/24]
    # pengelolaTik:
    #   - { name: "Nama Pengelola", decree: "SK No. ...", appointed: 2025-01-06 }
  # - { code: dinkes, name: "Dinas Kesehatan", kind: dinas, subnets: [10.1.20.0/24] }
sites:
  - { id: dc, name: "Pusat Data", kind: datacenter, opd: ${q(a.dinas)} }
  # - { id: drc, name: "Pusat Pemulihan Data", kind: recovery }
devices: []
  # - { id: core-sw1, role: switch, site: dc, mgmtAddress: 10.0.0.2, snmp: { version: "2c", community: { env: SNMP_COMMUNITY } } }
links: []
  # - { id: bb-dinkes, a: { device: core-sw1, interface: sfp1 }, b: { device: dinkes-gw, interface: ether1 }, medium: fiber, capacityMbps: 1000 }
publicIp:
  blocks:
${blocks}
  allocations: []
    # - { id: ns1, block: blok-1, to: { service: dns } }   # tanpa address: dipilih perencana / no address: the planner assigns one
applications: []
  # - id: portal
  #   name: "Portal Kabupaten"
  #   opd: ${a.dinas}
  #   kind: umum
  #   classification: publik
  #   placement: { type: datacenter, server: srv1 }
`;
}
