// The gateway's kind chooses what `pulumi up` sends over SSH: the barito-timur stack as written
// (a Linux gateway) and the same stack with a MikroTik gateway. In a preview (provider outputs
// unknown) the apply command and its rollback (the delete command) are known inputs, so the
// reviewer sees exactly what would run on the gateway, and what `pulumi destroy` would run.
// The RouterOS command was never run against a real router (README, "Bandwidth quotas").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderGatewayConfig } from "../../infra/quota";
import { loadInventoryOrThrow } from "../../inventory/load";
import { ProgramRunError, runProgram, type RegisteredResource } from "../../testkit/pulumi/run-program";

const ROOT = resolve(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "spbe-quota-backends-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mikrotikInventory(): string {
  const text = readFileSync(join(ROOT, "examples/barito-timur/inventory.yaml"), "utf8")
    .replace("    vendor: Supermicro\n    model: SYS-5019 (Debian, tc/nftables)\n", "    vendor: MikroTik\n    model: CCR2004-1G-12S+2XS\n")
    .replace("wanInterface: wan0, kind: linux}", "wanInterface: wan0, kind: routeros}");
  const file = join(dir, "mikrotik.yaml");
  writeFileSync(file, text);
  return file;
}

function quotaCommand(resources: RegisteredResource[]): RegisteredResource {
  const quota = resources.filter((r) => r.type === "spbe:infra:BandwidthQuota");
  expect(quota.map((q) => q.name)).toEqual(["dc-gw-01"]);
  // Other components (the DNS zone) run remote commands too: the quota's is the one under BandwidthQuota.
  const cmds = resources.filter((r) => r.type === "command:remote:Command" && r.parent === quota[0]!.urn);
  expect(cmds).toHaveLength(1);
  return cmds[0]!;
}

describe("the quota command in a preview", () => {
  it.each([
    { name: "Linux gateway (barito-timur as written)", file: () => join(ROOT, "examples/barito-timur/inventory.yaml"), backend: "linux-tc" },
    { name: "MikroTik gateway (kind: routeros)", file: mikrotikInventory, backend: "routeros" },
  ])("$name: apply on create and update, rollback on delete, all known", async ({ file, backend }) => {
    const inventoryFile = file();
    const run = await runProgram({ inventoryFile, preview: true });
    const cfg = renderGatewayConfig(loadInventoryOrThrow(inventoryFile));
    expect(cfg.backend).toBe(backend);
    const cmd = quotaCommand(run.resources);
    expect(cmd.inputs.create).toBe(cfg.apply);
    expect(cmd.inputs.update).toBe(cfg.apply);
    expect(cmd.inputs.delete).toBe(cfg.rollback);
    expect((run.outputs.quota as { backend: string }).backend).toBe(backend);
    if (backend === "routeros") {
      // One RouterOS command line: the queue tree and its rollback, no tc or nft anywhere.
      expect(cfg.apply).not.toContain("\n");
      expect(cfg.apply).toContain("/queue tree set [find where name=\"spbe-dinkes-down\"]");
      expect(cfg.apply).not.toMatch(/\btc |nft /);
      expect(cfg.rollback).toMatch(/^\/queue tree remove \[find where comment="spbe-quota"/);
    } else {
      // The shaping script, then the install of the per-OPD counters its snmpd reports; the rollback removes both.
      expect(cfg.apply.startsWith(cfg.script)).toBe(true);
      expect(cfg.apply).toContain(cfg.counters!.snmpdConf.trimEnd());
      expect(cfg.rollback).toContain("nft delete table inet spbe_quota");
      expect(cfg.rollback).toContain("rm -f '/usr/local/lib/spbe/quota-counters'");
    }
  });
});

describe("a pinned quota backend (spbe-infra:quotaBackend)", () => {
  it("of another kind than the gateway's: nothing registered, an inventory error at the kind's position", async () => {
    let err: unknown;
    try {
      await runProgram({ inventoryFile: mikrotikInventory(), config: { "spbe-infra:quotaBackend": "linux-tc" } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProgramRunError);
    const e = err as ProgramRunError;
    expect(e.resources).toEqual([]);
    expect(e.name).toBe("InventoryLoadError");
    expect(e.message).toMatch(/mikrotik\.yaml:\d+:\d+ .*bandwidth\.gateway\.kind: quota backend "linux-tc" serves linux gateways, but gateway "dc-gw-01" is routeros/);
  });

  it("an unknown one is a setting error naming the backends", async () => {
    await expect(runProgram({ stack: "barito-timur", config: { "spbe-infra:quotaBackend": "vyos" } })).rejects.toThrow(/spbe-infra:quotaBackend must be one of linux-tc, routeros/);
  });
});
