// One case per validation rule: a mutation of a valid inventory that must fail (or warn) with that
// rule's message code at that path, on the line where the offending value stands.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { formatPath, renderDiagnostic } from "../../inventory/diagnostics";
import { loadInventoryText } from "../../inventory/load";
import { minimalInventory } from "../fixtures/minimal-inventory";

type Case = [name: string, mutate: (inv: any) => void, code: string, path: string, severity?: "error" | "warning"];

const cases: Case[] = [
  ["unknown field", (i) => (i.devices[0].colour = "red"), "schema", "devices[0].colour"],
  ["missing required field", (i) => delete i.sites[0].kind, "schema", "sites[0].kind"],
  ["bad enum", (i) => (i.devices[1].role = "mainframe"), "schema", "devices[1].role"],
  ["inline secret", (i) => (i.devices[0].snmp.community = "public"), "schema", "devices[0].snmp.community"],
  ["v3 authPriv without privKey", (i) => (i.devices[0].snmp = { version: "3", user: "u", securityLevel: "authPriv", authProtocol: "sha", authKey: { env: "K" }, privProtocol: "aes" }), "schema", "devices[0].snmp.privKey"],
  ["malformed CIDR", (i) => (i.opds[0].subnets[0] = "10.1.10.0/33"), "schema", "opds[0].subnets[0]"],
  ["CIDR with host bits", (i) => (i.publicIp.blocks[0].cidr = "203.0.113.5/28"), "schema", "publicIp.blocks[0].cidr"],
  ["malformed IP", (i) => (i.devices[0].mgmtAddress = "10.0.0.300"), "schema", "devices[0].mgmtAddress"],
  ["DNS server given by name", (i) => (i.meta.dns = { resolver: "ns1.contohkab.go.id:53" }), "schema", "meta.dns.resolver"],
  ["DNS server with a bad port", (i) => (i.meta.dns = { resolver: "203.0.113.2:70000" }), "schema", "meta.dns.resolver"],
  ["zone served by an unknown device", (i) => (i.meta.dns = { authoritative: { primary: "ghost" } }), "ref.unknown", "meta.dns.authoritative.primary"],
  ["zone served by a switch", (i) => (i.meta.dns = { authoritative: { primary: "srv1", secondaries: ["core"] } }), "dns.serving-not-server", "meta.dns.authoritative.secondaries[0]"],
  ["zone server named twice", (i) => (i.meta.dns = { authoritative: { primary: "srv1", secondaries: ["srv1"] } }), "dns.serving-twice", "meta.dns.authoritative.secondaries[0]"],
  ["malformed date", (i) => (i.applications[0].securityAssessment = { date: "2026-02-30" }), "schema", "applications[0].securityAssessment.date"],
  ["duplicate device id", (i) => (i.devices[2].id = "srv1"), "dup.id", "devices[2].id"],
  ["duplicate OPD code", (i) => (i.opds[1].code = "diskominfo"), "dup.id", "opds[1].code"],
  ["duplicate interface", (i) => (i.devices[0].interfaces[1].name = "te1"), "dup.id", "devices[0].interfaces[1].name"],
  ["duplicate allocation id", (i) => (i.publicIp.allocations[1].id = "ns1"), "dup.id", "publicIp.allocations[1].id"],
  ["unknown site", (i) => (i.devices[1].site = "nowhere"), "ref.unknown", "devices[1].site"],
  ["unknown rack", (i) => (i.devices[1].rack = "R9"), "ref.unknown-in", "devices[1].rack"],
  ["unknown OPD on application", (i) => (i.applications[0].opd = "dinas-x"), "ref.unknown", "applications[0].opd"],
  ["unknown owner", (i) => (i.devices[4].owner = "nobody"), "device.owner-unknown", "devices[4].owner"],
  ["meta.dinas not an OPD", (i) => (i.meta.dinas = "kominfo"), "placement.dinas-is-opd", "meta.dinas"],
  ["unknown link device", (i) => (i.links[0].b.device = "ghost"), "ref.unknown", "links[0].b.device"],
  ["unknown link interface", (i) => (i.links[0].a.interface = "te9"), "ref.unknown-in", "links[0].a.interface"],
  ["link endpoints on one device", (i) => (i.links[0].b = { device: "core", interface: "te2" }), "link.same-device", "links[0].b.device"],
  ["unknown server", (i) => (i.applications[0].placement.server = "srv9"), "ref.unknown", "applications[0].placement.server"],
  ["placed on a non-server", (i) => (i.applications[0].placement.server = "core"), "ref.not-server", "applications[0].placement.server"],
  ["DR on a non-server", (i) => (i.applications[0].dr.server = "gw"), "ref.not-server", "applications[0].dr.server"],
  ["DR on the same server", (i) => (i.applications[0].dr.server = "srv1"), "dr.same-server", "applications[0].dr.server"],
  ["rack position missing", (i) => delete i.devices[1].position, "rack.position-missing", "devices[1].rack"],
  ["position without rack", (i) => delete i.devices[1].rack, "rack.no-rack", "devices[1].position"],
  ["outside the rack", (i) => (i.devices[0].position = 42, i.devices[0].heightU = 2), "rack.outside", "devices[0].position"],
  ["overlapping rack units", (i) => (i.devices[3].position = 11), "rack.overlap", "devices[3].position"],
  ["allocation outside its block", (i) => (i.publicIp.allocations[0].address = "203.0.113.20"), "ip.outside-block", "publicIp.allocations[0].address"],
  ["allocation of the wrong family", (i) => (i.publicIp.allocations[0].address = "2001:db8::5"), "ip.family", "publicIp.allocations[0].address"],
  ["overlapping allocations", (i) => i.publicIp.allocations.push({ id: "net", block: "v4", address: "203.0.113.0/30", to: { service: "x" } }), "ip.alloc-overlap", "publicIp.allocations[2].address"],
  ["duplicated allocation", (i) => i.publicIp.allocations.push({ id: "ns1b", block: "v4", address: "203.0.113.2", to: { service: "x" } }), "ip.alloc-duplicate", "publicIp.allocations[2].address"],
  ["fixed allocation on a reserved address", (i) => (i.publicIp.blocks[0].reserved = [{ address: "203.0.113.2", reason: "isp-router" }]), "ip.alloc-reserved", "publicIp.allocations[0].address"],
  ["fixed prefix over a reserved address", (i) => ((i.publicIp.blocks[0].reserved = [{ address: "203.0.113.5", reason: "gateway" }]), (i.publicIp.allocations[0].address = "203.0.113.4/30")), "ip.alloc-reserved", "publicIp.allocations[0].address"],
  ["reserved address outside its block", (i) => (i.publicIp.blocks[0].reserved = [{ address: "198.51.100.1", reason: "gateway" }]), "ip.outside-block", "publicIp.blocks[0].reserved[0].address"],
  ["reserved address of the wrong family", (i) => (i.publicIp.blocks[0].reserved = [{ address: "2001:db8::1", reason: "gateway" }]), "ip.family", "publicIp.blocks[0].reserved[0].address"],
  ["block full counting reserved addresses", (i) => { i.publicIp.blocks[0].reserved = [{ address: "203.0.113.8/29", reason: "other" }]; for (let n = 0; n < 7; n++) i.publicIp.allocations.push({ id: `a${n}`, block: "v4", to: { service: "x" } }); }, "ip.block-full", "publicIp.allocations[8]"],
  ["unknown block", (i) => (i.publicIp.allocations[0].block = "v9"), "ref.unknown", "publicIp.allocations[0].block"],
  ["allocation to an unknown application", (i) => (i.publicIp.allocations[1].to = { application: "nope" }), "ref.unknown", "publicIp.allocations[1].to.application"],
  ["public IP allocated to another app", (i) => (i.applications[0].placement.publicIp = "ns1"), "placement.public-ip-not-assigned", "applications[0].placement.publicIp"],
  ["overlapping blocks", (i) => i.publicIp.blocks.push({ id: "v4b", cidr: "203.0.113.8/29" }), "ip.block-overlap", "publicIp.blocks[2].cidr"],
  ["block full", (i) => { for (let n = 0; n < 15; n++) i.publicIp.allocations.push({ id: `a${n}`, block: "v4", to: { service: "x" } }); }, "ip.block-full", "publicIp.allocations[16]"],
  ["overlapping OPD subnets", (i) => (i.opds[1].subnets = ["10.1.10.128/25"]), "ip.subnet-overlap", "opds[1].subnets[0]"],
  ["public OPD subnet", (i) => (i.opds[1].subnets = ["198.51.100.0/24"]), "ip.subnet-public", "opds[1].subnets[0]"],
  ["quota for unknown OPD", (i) => (i.bandwidth.quotas[0].opd = "dishub"), "ref.unknown", "bandwidth.quotas[0].opd"],
  ["two quotas for one OPD", (i) => i.bandwidth.quotas.push({ opd: "dinkes", downMbps: 1, upMbps: 1 }), "quota.duplicate", "bandwidth.quotas[1].opd"],
  ["gateway LAN interface unknown", (i) => (i.bandwidth.gateway.lanInterface = "eth7"), "quota.gateway-interface", "bandwidth.gateway.lanInterface"],
  ["gateway WAN interface unknown", (i) => (i.bandwidth.gateway.wanInterface = "eth8"), "quota.gateway-interface", "bandwidth.gateway.wanInterface"],
  // The queues are named after the interfaces: a gateway that lists none cannot be shaped (render refused it; now validate does).
  ["gateway that lists no interfaces", (i) => (i.devices[3].interfaces = []), "quota.gateway-interface", "bandwidth.gateway.lanInterface"],
  ["gateway LAN and WAN the same", (i) => (i.bandwidth.gateway.wanInterface = "lan0"), "quota.same-interface", "bandwidth.gateway.wanInterface"],
  ["unknown gateway device", (i) => (i.bandwidth.gateway.device = "gw9"), "ref.unknown", "bandwidth.gateway.device"],
  ["one quota above the upstream", (i) => (i.bandwidth.quotas[0].downMbps = 500), "quota.over-capacity", "bandwidth.quotas[0].downMbps"],
  ["one quota above the OPD's own link", (i) => ((i.links[0].capacityMbps = 5), (i.bandwidth.quotas[0].upMbps = 8)), "quota.over-capacity", "bandwidth.quotas[0].upMbps"],
  ["one quota above the gateway's WAN speed", (i) => ((i.devices[3].interfaces[1].speedMbps = 15), (i.bandwidth.quotas[0].downMbps = 16)), "quota.over-capacity", "bandwidth.quotas[0].downMbps"],
  ["quota on an OPD without subnet", (i) => (i.opds[1].subnets = []), "quota.no-subnet", "bandwidth.quotas[0].opd"],
  ["gateway declared linux on MikroTik hardware", (i) => ((i.devices[3].vendor = "MikroTik"), (i.bandwidth.gateway.kind = "linux")), "quota.kind-vendor", "bandwidth.gateway.kind"],
  ["unknown gateway kind", (i) => (i.bandwidth.gateway.kind = "cisco-ios"), "schema", "bandwidth.gateway.kind"],
  ["SNMP without address", (i) => delete i.devices[0].mgmtAddress, "snmp.no-address", "devices[0].snmp"],
  // Oversubscription by the SUM of quotas is normal practice: a warning, while each quota fits.
  ["quotas adding up above the upstream (warning)", (i) => i.bandwidth.quotas.push({ opd: "diskominfo", downMbps: 90, upMbps: 10 }), "quota.over-upstream", "bandwidth.quotas", "warning"],
  ["assessment reference of another year (warning)", (i) => (i.applications[0].securityAssessment = { date: "2025-02-03", ref: "BA-KAMINFO/web/2026" }), "evidence.year-mismatch", "applications[0].securityAssessment.ref", "warning"],
  ["block nearly exhausted (warning)", (i) => { for (let n = 0; n < 13; n++) i.publicIp.allocations.push({ id: `a${n}`, block: "v4", to: { service: "x" } }); }, "ip.block-exhausted", "publicIp.blocks[0]", "warning"],
];

describe("inventory validation rules", () => {
  it("the minimal fixture is valid", () => {
    const r = loadInventoryText(stringify(minimalInventory()), "min.yaml");
    expect(r.diagnostics).toEqual([]);
    expect(r.inventory?.applications[0]?.id).toBe("web");
  });

  it.each(cases)("%s", (_name, mutate, code, path, severity = "error") => {
    const inv = minimalInventory();
    mutate(inv);
    const text = stringify(inv);
    const r = loadInventoryText(text, "case.yaml");
    const hit = r.diagnostics.find((d) => d.code === code && formatPath(d.path) === path);
    expect(hit, JSON.stringify(r.diagnostics.map((d) => [d.code, formatPath(d.path)]))).toBeDefined();
    expect(hit!.severity).toBe(severity);
    expect(hit!.file).toBe("case.yaml");
    expect(hit!.line).toBeGreaterThan(0);
    expect(hit!.column).toBeGreaterThan(0);
    if (severity === "error") expect(r.inventory).toBeUndefined();
    else expect(r.inventory).toBeDefined();
  });
});

describe("error reporting", () => {
  it("reports every error at once, at the line of the offending value", () => {
    const inv = minimalInventory();
    inv.devices[1].site = "nowhere";
    inv.devices[0].colour = "red";
    inv.links[0].b.device = "ghost";
    inv.publicIp.allocations[0].address = "203.0.113.99";
    const text = stringify(inv);
    const r = loadInventoryText(text, "many.yaml");
    const codes = r.diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual(["ip.outside-block", "ref.unknown", "ref.unknown", "schema"]);
    const lines = text.split("\n");
    for (const d of r.diagnostics) expect(lines[d.line! - 1]).toMatch(/nowhere|colour|ghost|203\.0\.113\.99|- id: core/);
    const outside = r.diagnostics.find((d) => d.code === "ip.outside-block")!;
    expect(lines[outside.line! - 1]!.slice(outside.column! - 1)).toMatch(/^203\.0\.113\.99/);
  });

  it("an element that fails the schema does not cascade into unknown-reference errors", () => {
    const inv = minimalInventory();
    inv.devices[1].role = "mainframe"; // srv1 is now invalid...
    const r = loadInventoryText(stringify(inv), "x.yaml");
    // ...but the application placed on it reports only the schema error, not "unknown server".
    expect(r.diagnostics.map((d) => d.code)).toEqual(["schema"]);
  });

  it("a publicIp that is not {blocks, allocations} is reported with the other errors, not a crash", () => {
    const inv = minimalInventory();
    (inv as any).publicIp = { blocks: 5 };
    inv.devices[1].role = "mainframe";
    const r = loadInventoryText(stringify(inv), "x.yaml");
    expect(r.diagnostics.map((d) => formatPath(d.path)).sort()).toEqual(["devices[1].role", "publicIp.blocks"]);
  });

  it("keeps file positions right after an invalid element is dropped", () => {
    const inv = minimalInventory();
    inv.devices[0].colour = "red"; // devices[0] is dropped from the model
    inv.devices[3].position = 11; // overlaps srv1: reported at devices[3], not devices[2]
    const text = stringify(inv);
    const r = loadInventoryText(text, "x.yaml");
    const overlap = r.diagnostics.find((d) => d.code === "rack.overlap")!;
    expect(formatPath(overlap.path)).toBe("devices[3].position");
    expect(text.split("\n")[overlap.line! - 1]).toContain("position: 11");
  });

  it("reports YAML syntax errors with their position", () => {
    const r = loadInventoryText("meta:\n  kabupaten: [unclosed\nopds: []\n", "bad.yaml");
    expect(r.inventory).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: "yaml.syntax", file: "bad.yaml" });
    expect(r.diagnostics[0]!.line).toBeGreaterThan(0);
  });

  it("reports duplicate keys by name, alongside the other errors", () => {
    const r = loadInventoryText("meta:\n  kabupaten: A\n  kabupaten: B\n", "dup.yaml");
    expect(r.diagnostics.find((d) => d.code === "yaml.duplicate-key-named")).toMatchObject({ line: 3, column: 3, params: { key: "kabupaten", firstLine: 2 } });
    expect(r.diagnostics.map((d) => formatPath(d.path))).toEqual(expect.arrayContaining(["opds", "sites"]));
  });
});

describe("hostile input", () => {
  it("reports an alias bomb as an error instead of expanding it", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) lines.push(`${"abcdefgh"[i]}: &${"abcdefgh"[i]} [${Array(10).fill(`*${"abcdefgh"[i - 1]}`).join(", ")}]`);
    const r = loadInventoryText(lines.join("\n") + "\n", "bomb.yaml");
    expect(r.inventory).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: "yaml.syntax", file: "bomb.yaml" });
    expect(String(r.diagnostics[0]!.params.message)).toMatch(/alias/i);
  });
});

describe("errors that say what to type (file:line:column)", () => {
  // Written by hand, as a new user writes it, so each position below is a line of this text.
  const BASE = [
    "meta:", //                                                                  1
    "  kabupaten: Contoh", //                                                    2
    "  domain: contohkab.go.id", //                                              3
    "  profiles: [bt-7-2019]", //                                                4
    "  dinas: diskominfo", //                                                    5
    "opds:", //                                                                  6
    "  - {code: diskominfo, name: Dinas Kominfo}", //                            7
    "sites:", //                                                                 8
    "  - {id: dc, name: Pusat Data, kind: datacenter}", //                       9
    "devices:", //                                                              10
    "  - id: gw", //                                                            11
    "    role: gateway", //                                                     12
    "    site: dc", //                                                          13
    "    mgmtAddress: 10.0.0.1", //                                             14
    "    snmp:", //                                                             15
    '      version: "3"', //                                                    16
    "      user: mon", //                                                       17
    "      securityLevel: noAuthNoPriv", //                                     18
    "    interfaces:", //                                                       19
    "      - {name: ether1}", //                                                20
    "      - {name: ether2, description: uplink}", //                           21
    "bandwidth:", //                                                            22
    "  upstreamMbps: 100", //                                                   23
    "  gateway: {device: gw, lanInterface: ether2, wanInterface: ether1}", //   24
    "",
  ].join("\n");
  const render = (text: string, lang: "id" | "en" = "en") => loadInventoryText(text, "x.yaml").diagnostics.map((d) => renderDiagnostic(d, lang));

  it("the hand-written base is valid", () => {
    expect(render(BASE)).toEqual([]);
  });

  const cases: [name: string, from: string, to: string, expected: string][] = [
    [
      "unquoted SNMP version",
      'version: "3"',
      "version: 3",
      'x.yaml:16:16 error: devices[0].snmp.version: must be the string "3" (quote it: unquoted, YAML reads 3 as a number)',
    ],
    ["SNMP version that does not exist", 'version: "3"', "version: 1", 'x.yaml:16:16 error: devices[0].snmp.version: must be one of "2c", "3"'],
    ["a number where a name belongs", "{name: ether1}", "{name: 1}", 'x.yaml:20:16 error: devices[0].interfaces[0].name: must be the string "1" (quote it: unquoted, YAML reads 1 as a number)'],
    [
      "wrong lanInterface, at lanInterface",
      "lanInterface: ether2",
      "lanInterface: ether9",
      'x.yaml:24:39 error: bandwidth.gateway.lanInterface: gateway "gw" has no interface "ether9"',
    ],
    [
      "unquoted comma in a { } entry",
      "description: uplink}",
      "description: port 1, belum berlabel}",
      'x.yaml:21:45 error: devices[0].interfaces[1].belum berlabel: unknown field(s): belum berlabel. Inside { } a comma separates fields: quote a value that contains a comma, e.g. description: "port 1, belum berlabel"',
    ],
    [
      "unquoted colon in a value",
      "kabupaten: Contoh",
      "kabupaten: Kabupaten: Contoh",
      'x.yaml:2:14 error: (document): YAML syntax error: Nested mappings are not allowed in compact mappings. A value containing ": " must be quoted, e.g. name: "Dinas: Kesehatan"',
    ],
    ["tab as indentation", "  dinas: diskominfo", "\tdinas: diskominfo", "x.yaml:5:1 error: (document): YAML syntax error: Tabs are not allowed as indentation. Indent with spaces, not tabs"],
  ];

  it.each(cases)("%s", (_name, from, to, expected) => {
    expect(BASE).toContain(from);
    const lines = render(BASE.replace(from, to));
    expect(lines, lines.join("\n")).toContain(expected);
  });

  it("says it in Indonesian too", () => {
    expect(render(BASE.replace('version: "3"', "version: 3"), "id")).toContain(
      'x.yaml:16:16 kesalahan: devices[0].snmp.version: harus berupa teks "3" (beri tanda kutip: tanpa kutip YAML membaca 3 sebagai angka)',
    );
  });

  it("reports meta.dinas in the same round as the missing opds and sites", () => {
    const text = BASE.split("\n").filter((_, i) => ![4, 5, 6, 7, 8].includes(i)).join("\n"); // drops dinas, opds, sites
    const r = loadInventoryText(text, "x.yaml");
    expect(r.inventory).toBeUndefined();
    const found = r.diagnostics.map((d) => `${formatPath(d.path)}: ${renderDiagnostic(d, "en").split(": ").slice(2).join(": ")}`);
    expect(found).toEqual(expect.arrayContaining(["opds: required", "sites: required", "meta.dinas: required"]));
    // Cross-references wait for a whole top level: the device's unknown site is not a fourth error.
    expect(r.diagnostics.map((d) => d.code)).not.toContain("ref.unknown");
  });
});
