// `spbe quotas render`, run as a user runs it: the script on stdout (the same text BandwidthQuota
// applies), JSON for tools, and bad input refused with exit 2, the file named, no stack trace.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { renderGatewayConfig } from "../../infra/quota";
import { inventorySchema } from "../../inventory/schema";
import { GATEWAY, testInventory, testInventoryData } from "../../testkit/quota/fixture";
import { runSpbe } from "../../testkit/spbe-cli";

const dir = mkdtempSync(join(tmpdir(), "spbe-quotas-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spbe = (args: string[]) => runSpbe(args);

function inventoryFile(name: string, mutate: (d: any) => void = () => {}): string {
  const data = testInventoryData();
  mutate(data);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(data));
  return file;
}

describe("spbe quotas render", () => {
  it("prints the script BandwidthQuota applies (exit 0)", () => {
    const r = spbe(["quotas", "render", inventoryFile("ok"), "--gateway", GATEWAY]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(renderGatewayConfig(testInventory()).apply);
  });

  it("--format json gives backend, classes and script", () => {
    const r = spbe(["quotas", "render", inventoryFile("ok-json"), "--format", "json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ backend: "linux-tc", gateway: GATEWAY });
    expect(doc.classes.find((c: any) => c.opd === "setda" && c.direction === "down")).toMatchObject({ rateKbit: 20000, ceilKbit: 20000 });
    expect(doc.script).toContain("nft -f -");
  });

  // What would stop rendering is the inventory check's now: each problem at its file:line:column and path.
  it.each([
    {
      name: "no-subnet",
      mutate: (d: any) => (d.opds[1].subnets = []),
      path: "bandwidth.quotas[0].opd",
      en: /OPD "dinkes" has a quota but no subnet/,
      id: /PD "dinkes" memiliki kuota tetapi tidak memiliki subnet/,
    },
    {
      name: "over-capacity",
      mutate: (d: any) => (d.bandwidth.quotas[1].downMbps = 80),
      path: "bandwidth.quotas[1].downMbps",
      en: /OPD "disdik": down quota of 80 Mbps is above the capacity of link bb-disdik \(50 Mbps\)/,
      id: /kuota down 80 Mbps melebihi kapasitas link bb-disdik \(50 Mbps\)/,
    },
  ])("$name: refused with file:line:column and path, exit 2, no stack trace, nothing on stdout", ({ name, mutate, path, en, id }) => {
    const file = inventoryFile(name, mutate);
    const r = spbe(["quotas", "render", file, "--gateway", GATEWAY]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const at = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+ error: ${path.replace(/[.[\]]/g, "\\$&")}: `);
    expect(r.stderr).toMatch(at);
    expect(r.stderr).toMatch(en);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(spbe(["quotas", "render", file, "--lang", "id"]).stderr).toMatch(id);
    const json = spbe(["quotas", "render", file, "--format", "json"]);
    expect(json.status).toBe(2);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ file, valid: false });
    expect(doc.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", code: `quota.${name}`, path }));
  });

  it("--backend of another kind than the gateway's: refused at the field that decides the kind, exit 2", () => {
    const file = inventoryFile("kind", (d) => (d.bandwidth.gateway.kind = "routeros"));
    const r = spbe(["quotas", "render", file, "--backend", "linux-tc"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/:\d+:\d+ error: bandwidth\.gateway\.kind: quota backend "linux-tc" serves linux gateways, but gateway "gw-01" is routeros/);
    // Without --backend, the gateway's kind chooses: a RouterOS script.
    const ok = spbe(["quotas", "render", file]);
    expect(ok.status, ok.stderr).toBe(0);
    const data = testInventoryData();
    data.bandwidth.gateway.kind = "routeros";
    expect(ok.stdout).toBe(renderGatewayConfig(inventorySchema.parse(data)).script);
    expect(ok.stdout).toContain("/queue tree");
  });

  it("validate, check and report refuse a quota above its OPD's link at its position (exit 2); a sum above the upstream only warns", () => {
    const over = inventoryFile("check-over", (d) => (d.bandwidth.quotas[0].upMbps = 60)); // dinkes, link bb-dinkes is 50 Mbps
    for (const cmd of ["validate", "check", "report"]) {
      const r = spbe([cmd, over]);
      expect(r.status, `${cmd}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/:\d+:\d+ error: bandwidth\.quotas\[0\]\.upMbps: OPD "dinkes": up quota of 60 Mbps is above the capacity of link bb-dinkes \(50 Mbps\)/);
    }
    // Each quota fits its link and the upstream, but together they oversubscribe the 39 Mbps upstream: deliberate, a warning.
    const sum = inventoryFile("check-sum", (d) => (d.bandwidth.upstreamMbps = 39));
    const r = spbe(["validate", sum]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/:\d+:\d+ warning: bandwidth\.quotas: quotas add up to 40 Mbps down/);
  });

  it("overlapping OPD subnets: refused by the inventory check before rendering (exit 2)", () => {
    const file = inventoryFile("overlap", (d) => (d.opds[3].subnets = ["10.77.2.128/25"]));
    const r = spbe(["quotas", "render", file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/overlaps 10\.77\.2\.0\/24/);
  });

  it("an unknown --gateway, exit 2", () => {
    const r = spbe(["quotas", "render", inventoryFile("gw"), "--gateway", "gw-99"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/gateway "gw-99" is not a device in the inventory/);
  });

  it("the example inventories render", () => {
    for (const f of ["examples/barito-timur/inventory.yaml", "examples/klaten/inventory.yaml"]) {
      const r = spbe(["quotas", "render", f, "--format", "json"]);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).classes.length).toBeGreaterThan(4);
    }
  });
});
