// The `spbe validate` and `spbe plan` commands, run as a user runs them (a child process).
import { describe, expect, it } from "vitest";
import { runSpbe } from "../../testkit/spbe-cli";

const spbe = runSpbe;

describe("spbe validate", () => {
  it.each(["barito-timur", "klaten"])("accepts examples/%s (exit 0)", (name) => {
    const r = spbe(["validate", `examples/${name}/inventory.yaml`]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/valid \(0 errors/);
  });

  it("lists every error of a broken inventory with file:line:column and path, exit 2, no stack trace", () => {
    const file = "tests/fixtures/broken-inventory.yaml";
    const r = spbe(["validate", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const expected = [
      [13, "opds[1].subnets[0]", /overlaps 10\.1\.10\.0\/24 of OPD "diskominfo"/],
      [23, "devices[0].rack", /unknown rack "R9" in site "dc"/],
      [31, "devices[1].mgmtAddress", /IPv4 or IPv6 address/],
      [35, "links[0].b.device", /both ends of the link are on device "core"/],
      [41, "publicIp.allocations[0].address", /outside block "v4"/],
      [48, "applications[0].placement.server", /"core" is a switch, not a server/],
    ] as const;
    for (const [line, path, message] of expected) {
      const row = r.stderr.split("\n").find((l) => l.startsWith(`${file}:${line}:`) && l.includes(` ${path}: `));
      expect(row, `no error at ${file}:${line} ${path}\n${r.stderr}`).toBeDefined();
      expect(row).toMatch(message);
    }
    expect(r.stderr).toMatch(/6 errors, 0 warnings/);
  });

  it("prints JSON diagnostics with --format json", () => {
    const r = spbe(["validate", "tests/fixtures/broken-inventory.yaml", "--format", "json"]);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.diagnostics).toHaveLength(6);
    expect(out.diagnostics[0]).toMatchObject({ severity: "error", file: "tests/fixtures/broken-inventory.yaml", line: 13, column: 15, path: "opds[1].subnets[0]" });
  });

  it("speaks Indonesian with --lang id and when LANG is id_ID", () => {
    const a = spbe(["validate", "tests/fixtures/broken-inventory.yaml", "--lang", "id"]);
    expect(a.stderr).toMatch(/kesalahan: devices\[0\]\.rack: rak "R9" tidak dikenal di lokasi "dc"/);
    const b = spbe(["validate", "tests/fixtures/broken-inventory.yaml"], { LANG: "id_ID.UTF-8" });
    expect(b.stderr).toMatch(/6 kesalahan, 0 peringatan/);
  });

  it("exit 2 with a clear message for a missing file", () => {
    const r = spbe(["validate", "no/such/inventory.yaml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/inventory\.yaml .*cannot read the inventory: no such file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exit 2 on a usage error, 0 on --help", () => {
    expect(spbe(["validate"]).status).toBe(2);
    expect(spbe(["validate", "x.yaml", "--format", "xml"]).status).toBe(2);
    const help = spbe(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/validate/);
  });
});

describe("spbe plan", () => {
  it("summarises examples/barito-timur as text", () => {
    const r = spbe(["plan", "examples/barito-timur/inventory.yaml"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Plan of Barito Timur \(baritotimurkab\.go\.id\)/);
    expect(r.stdout).toMatch(/dc\/R1: 5\/42 U used/);
    expect(r.stdout).toMatch(/U41-U40\s+\[dc-rtr-01\]/);
    expect(r.stdout).toMatch(/bb-dishub .* \(no label\)/);
    expect(r.stdout).toMatch(/v4-dinas 203\.0\.113\.0\/24: \d+ used, \d+ free of 256/);
    expect(r.stdout).toMatch(/web-dishub .* external: DigitalOcean \(SG\)/);
  });

  it("gives the same facts as JSON, consistent with the inventory", () => {
    const r = spbe(["plan", "examples/klaten/inventory.yaml", "--format", "json"]);
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.counts.opds).toBeGreaterThanOrEqual(15);
    expect(plan.counts.applications).toBeGreaterThanOrEqual(20);
    expect(plan.quotas.opdsWithoutQuota).toEqual([]);
    expect(plan.placements.inDatacenter + plan.placements.external + plan.placements.onOpdServers).toBe(plan.counts.applications);
    const v4 = plan.blocks.find((b: any) => b.id === "v4-dinas");
    expect(BigInt(v4.used) + BigInt(v4.free)).toBe(256n);
    const sumAllocs = plan.blocks.reduce((s: number, b: any) => s + b.allocations, 0);
    expect(sumAllocs).toBe(plan.counts.allocations);
  });

  it("shows each public address as reserved, fixed in the file or assigned by the plan", () => {
    const text = spbe(["plan", "examples/barito-timur/inventory.yaml"]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/v4-dinas\s+203\.0\.113\.1\s+reserved\s+isp-router/);
    expect(text.stdout).toMatch(/v4-dinas\s+203\.0\.113\.2\s+fixed \(in the file\)\s+ns1 -> service dns-ns1/);
    const json = JSON.parse(spbe(["plan", "examples/barito-timur/inventory.yaml", "--format", "json"]).stdout);
    const assigned = json.publicIpAddresses.allocations.filter((a: any) => a.source === "assigned");
    expect(assigned.length).toBeGreaterThan(0);
    for (const a of assigned) expect(text.stdout).toMatch(new RegExp(`${a.address.replace(/\./g, "\\.")}\\s+assigned by the plan\\s+${a.id} `));
    expect(json.publicIpAddresses.reserved).toEqual([{ block: "v4-dinas", address: "203.0.113.1", reason: "isp-router", description: "router ISP di sisi Pusat Data" }]);
  });

  it("refuses an invalid inventory with exit 2", () => {
    expect(spbe(["plan", "tests/fixtures/broken-inventory.yaml"]).status).toBe(2);
  });
});
