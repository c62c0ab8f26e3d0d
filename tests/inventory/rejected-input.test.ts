// Wrong input a careless author writes, each refused at the line and column where it stands (issue 15).
// The base is written by hand so every expected position below is a line of this text.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatPath, renderDiagnostic } from "../../inventory/diagnostics";
import { loadInventoryFile, loadInventoryText } from "../../inventory/load";
import { parseDnsServer } from "../../inventory/dns-server";

const BASE = [
  "meta:", //                                                                 1
  "  kabupaten: Contoh", //                                                   2
  "  domain: contohkab.go.id", //                                             3
  "  profiles: [bt-7-2019]", //                                               4
  "  dinas: diskominfo", //                                                   5
  "opds:", //                                                                 6
  "  - {code: diskominfo, name: Dinas Kominfo}", //                           7
  "sites:", //                                                                8
  "  - {id: dc, name: Pusat Data, kind: datacenter}", //                      9
  "devices:", //                                                             10
  "  - id: gw", //                                                           11
  "    role: gateway", //                                                    12
  "    site: dc", //                                                         13
  "    mgmtAddress: 10.0.0.1", //                                            14
  "    interfaces:", //                                                      15
  "      - {name: ether1}", //                                               16
  "publicIp:", //                                                            17
  "  blocks: [{id: v4, cidr: 203.0.113.0/28}, {id: p2p, cidr: 198.51.100.0/31}]", // 18
  "  allocations:", //                                                       19
  "    - {id: ns1, block: v4, address: 203.0.113.2, to: {service: dns}}", // 20
  "bandwidth:", //                                                           21
  "  upstreamMbps: 100", //                                                  22
  "",
].join("\n");

const lines = (text: string) => loadInventoryText(text, "x.yaml").diagnostics.map((d) => renderDiagnostic(d, "en"));

describe("wrong input, rejected at its position", () => {
  it("the base is valid", () => {
    expect(lines(BASE)).toEqual([]);
  });

  it("an empty file: one error at 1:1", () => {
    for (const text of ["", "\n\n", "# only a comment\n"]) {
      const r = loadInventoryText(text, "x.yaml");
      expect(r.inventory).toBeUndefined();
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]).toMatchObject({ code: "file.empty", line: 1, column: 1 });
    }
  });

  it("an IPv6 zone in a management address", () => {
    expect(lines(BASE.replace("mgmtAddress: 10.0.0.1", "mgmtAddress: fe80::1%eth0"))).toEqual([
      "x.yaml:14:18 error: devices[0].mgmtAddress: must not carry an IPv6 zone (%name): a zone only means something on one host; write the address alone",
    ]);
  });

  it("an IPv6 zone in an allocation (address or prefix) and in a DNS server", () => {
    const text = BASE.replace("address: 203.0.113.2,", "address: 'fe80::1%eth0',");
    expect(lines(text)).toEqual([
      "x.yaml:20:37 error: publicIp.allocations[0].address: must not carry an IPv6 zone (%name): a zone only means something on one host; write the address alone",
    ]);
    expect(parseDnsServer("[fe80::53%eth0]:53")).toBeUndefined();
    expect(parseDnsServer("[fe80::53]:53")).toEqual({ host: "fe80::53", port: 53 });
  });

  it("an allocation that is neither an address nor a prefix says which it was taken for, not zod's bare 'Invalid input'", () => {
    expect(lines(BASE.replace("address: 203.0.113.2,", "address: 203.0.113.999,"))).toEqual([
      "x.yaml:20:37 error: publicIp.allocations[0].address: must be an IPv4 or IPv6 address",
    ]);
    expect(lines(BASE.replace("address: 203.0.113.2,", "address: 203.0.113.2/28,"))).toEqual([
      "x.yaml:20:37 error: publicIp.allocations[0].address: must be a CIDR prefix with no host bits set (e.g. 203.0.113.0/24)",
    ]);
  });

  it("an allocation on the network or the broadcast address of its IPv4 block", () => {
    expect(lines(BASE.replace("address: 203.0.113.2,", "address: 203.0.113.0,"))).toEqual([
      'x.yaml:20:37 error: publicIp.allocations[0].address: 203.0.113.0 is the network address of block "v4" (203.0.113.0/28): no host can use it',
    ]);
    expect(lines(BASE.replace("address: 203.0.113.2,", "address: 203.0.113.15,"))).toEqual([
      'x.yaml:20:37 error: publicIp.allocations[0].address: 203.0.113.15 is the broadcast address of block "v4" (203.0.113.0/28): no host can use it',
    ]);
  });

  it("both addresses of a /31 are hosts (RFC 3021), and a prefix allocation is a sub-block", () => {
    expect(lines(BASE.replace("address: 203.0.113.2, to: {service: dns}}", "address: 203.0.113.0/30, to: {service: dns}}\n    - {id: p, block: p2p, address: 198.51.100.1, to: {service: dns}}"))).toEqual([]);
  });

  it("an unknown top-level key at its own line, with the key it resembles", () => {
    expect(lines(BASE.replace("bandwidth:", "bandwith:"))).toEqual(["x.yaml:21:1 error: bandwith: unknown field: bandwith (did you mean bandwidth?)"]);
  });

  it("an unknown nested key at its own line, a swapped pair of letters too; no suggestion when nothing is close", () => {
    expect(lines(BASE.replace("    site: dc", "    site: dc\n    mgmtAdress: 10.0.0.2"))).toEqual([
      "x.yaml:14:5 error: devices[0].mgmtAdress: unknown field: mgmtAdress (did you mean mgmtAddress?)",
    ]);
    expect(lines(BASE.replace("{name: ether1}", "{name: ether1, nmae: x}"))).toEqual([
      "x.yaml:16:24 error: devices[0].interfaces[0].nmae: unknown field: nmae (did you mean name?)",
    ]);
    expect(lines(BASE.replace("  upstreamMbps: 100", "  upstreamMbps: 100\n  colour: red"))).toEqual(["x.yaml:23:3 error: bandwidth.colour: unknown field: colour"]);
  });

  it("says it in Indonesian too", () => {
    const r = loadInventoryText(BASE.replace("bandwidth:", "bandwith:"), "x.yaml");
    expect(renderDiagnostic(r.diagnostics[0]!, "id")).toBe("x.yaml:21:1 kesalahan: bandwith: kolom tidak dikenal: bandwith (maksudnya bandwidth?)");
  });

  it("a duplicate key is named, and every other error is reported in the same round", () => {
    const text = BASE.replace("    site: dc", "    site: nowhere\n    role: router").replace("  upstreamMbps: 100", "  upstreamMbps: 100\n  upstreamMbps: 200");
    expect(lines(text)).toEqual([
      'x.yaml:13:11 error: devices[0].site: unknown site "nowhere"',
      'x.yaml:14:5 error: devices[0].role: duplicate key "role" (first at line 12); only one can count',
      'x.yaml:24:3 error: bandwidth.upstreamMbps: duplicate key "upstreamMbps" (first at line 23); only one can count',
    ]);
    expect(loadInventoryText(text, "x.yaml").inventory).toBeUndefined();
  });

  describe("bytes that are not UTF-8", () => {
    const dir = mkdtempSync(join(tmpdir(), "spbe-utf8-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, bytes: Buffer) => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };

    it("a Latin-1 byte: refused at the line:column of the first bad byte", () => {
      // A Latin-1 é (0xE9) in "Pusat Data", after a correct UTF-8 "ü" on the same line (one column, two bytes).
      const text = BASE.replace("name: Pusat Data", "name: Püsat D\u0000ta");
      const bytes = Buffer.from(text, "utf8");
      bytes[bytes.indexOf(0)] = 0xe9;
      const r = loadInventoryFile(write("latin1.yaml", bytes));
      expect(r.inventory).toBeUndefined();
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]).toMatchObject({ code: "file.not-utf8", line: 9, column: 27, params: { byte: "0xE9" } });
      expect(renderDiagnostic(r.diagnostics[0]!, "en")).toMatch(/latin1\.yaml:9:27 error: \(document\): the file is not UTF-8: byte 0xE9/);
    });

    it("a real U+FFFD and a BOM are text, not errors", () => {
      const text = "\ufeff" + BASE.replace("name: Pusat Data", "name: Pusat \ufffd Data");
      const r = loadInventoryFile(write("ok.yaml", Buffer.from(text, "utf8")));
      expect(r.diagnostics.map((d) => [d.code, formatPath(d.path)])).toEqual([]);
      expect(r.inventory?.sites[0]?.name).toBe("Pusat \ufffd Data");
    });

    it("a truncated sequence at the end of the file", () => {
      const bytes = Buffer.concat([Buffer.from(BASE, "utf8"), Buffer.from([0x23, 0x20, 0xe2, 0x82])]);
      const r = loadInventoryFile(write("cut.yaml", bytes));
      expect(r.diagnostics[0]).toMatchObject({ code: "file.not-utf8", line: 23, column: 3 });
    });
  });
});
