// Both example stacks register the edge gateway's PublicAddressNat with the script infra/nat renders
// from their inventory: in a preview (provider outputs unknown) the script, its update and its rollback
// are known inputs, so the reviewer sees what would run on the gateway. A port declared twice, or an
// OPD allocation with nothing to translate, stops the program before anything is registered, as an
// inventory error with its file:line:column and path.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderPublicNat } from "../../infra/nat";
import { loadInventoryOrThrow } from "../../inventory/load";
import { ProgramRunError, runProgram, type RegisteredResource } from "../../testkit/pulumi/run-program";

const ROOT = resolve(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "spbe-public-nat-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function natCommand(resources: RegisteredResource[]): RegisteredResource {
  const nat = resources.filter((r) => r.type === "spbe:infra:PublicAddressNat");
  expect(nat.map((n) => n.name)).toEqual(["dc-gw-01"]);
  const cmds = resources.filter((r) => r.type === "command:remote:Command" && r.parent === nat[0]!.urn);
  expect(cmds).toHaveLength(1);
  return cmds[0]!;
}

async function failure(file: string): Promise<ProgramRunError> {
  try {
    await runProgram({ inventoryFile: file });
  } catch (err) {
    expect(err).toBeInstanceOf(ProgramRunError);
    return err as ProgramRunError;
  }
  throw new Error("the program did not fail");
}

describe("the edge gateway's public addresses in both stacks", () => {
  it.each([
    { stack: "barito-timur" as const, portal: "203.0.113.10", gatewayHost: "10.20.0.3" },
    { stack: "klaten" as const, portal: "198.51.100.10", gatewayHost: "10.30.0.3" },
  ])("$stack: the rendered script on create and update, the rollback on delete, known in a preview", async ({ stack, portal, gatewayHost }) => {
    const run = await runProgram({ stack, preview: true });
    const cfg = renderPublicNat(loadInventoryOrThrow(join(ROOT, `examples/${stack}/inventory.yaml`)))!;
    const cmd = natCommand(run.resources);
    expect(cmd.inputs.create).toBe(cfg.script);
    expect(cmd.inputs.update).toBe(cfg.script);
    expect(cmd.inputs.delete).toBe(cfg.rollback);
    // The connection carries the SSH key, so it is a secret as a whole; its host is the gateway's mgmtAddress.
    expect(JSON.stringify(cmd.inputs.connection)).toContain(`"host":"${gatewayHost}"`);
    expect(cfg.script).toContain(`ip daddr ${portal} tcp dport 443 accept comment "portal"`);
    expect(cfg.script).toContain(`spbe_route 4 ${portal} `);
    const out = run.outputs.publicNat as { gateway: string; sha256: string; forwarded: Record<string, { address: string; ports: string[] }> };
    expect(out.gateway).toBe("dc-gw-01");
    expect(out.sha256).toBe(cfg.sha256);
    expect(out.forwarded["ip-portal"]).toMatchObject({ address: portal, ports: ["443/tcp"] });
    // Every application in the data center with an allocation is forwarded, nothing else.
    expect(Object.keys(out.forwarded).sort()).toEqual(cfg.plan.forwards.map((f) => f.allocation).sort());
  }, 60_000);

  it("an OPD allocation becomes the OPD's source NAT in the registered script", async () => {
    const text = readFileSync(join(ROOT, "examples/barito-timur/inventory.yaml"), "utf8").replace(
      "    - {id: ip-portal,",
      "    - {id: nat-rsud, block: v4-dinas, address: 203.0.113.240/30, to: {opd: rsud}}\n    - {id: ip-portal,",
    );
    const file = join(dir, "snat.yaml");
    writeFileSync(file, text);
    const run = await runProgram({ inventoryFile: file, preview: true });
    const cmd = natCommand(run.resources);
    expect(String(cmd.inputs.create)).toMatch(/oifname "wan0" ip saddr \{ 10\.20\.\d+\.0\/24 \} snat ip to 203\.0\.113\.240-203\.0\.113\.243 comment "opd rsud"/);
    expect((run.outputs.publicNat as { sourceNat: Record<string, unknown> }).sourceNat).toEqual({ "nat-rsud": { opd: "rsud", address: "203.0.113.240-203.0.113.243" } });
  }, 60_000);
});

describe("bad input for the edge gateway", () => {
  it("a port declared twice fails before anything is registered, at its file:line:column and path", async () => {
    const text = readFileSync(join(ROOT, "examples/klaten/inventory.yaml"), "utf8");
    const portal = text.indexOf("  - id: portal\n");
    const ports = text.indexOf("        - {container: 8080, public: 443}\n", portal);
    const broken = text.slice(0, ports) + "        - {container: 8080, public: 443}\n        - {container: 8081, public: 443}\n" + text.slice(ports + "        - {container: 8080, public: 443}\n".length);
    const file = join(dir, "ports.yaml");
    writeFileSync(file, broken);
    const err = await failure(file);
    expect(err.resources).toEqual([]);
    expect(err.name).toBe("InventoryLoadError");
    expect(err.message).toMatch(/ports\.yaml:\d+:\d+ .*applications\[0\]\.placement\.ports\[1\]\.public: port 443\/tcp is already declared at ports\[0\]/);
  }, 60_000);

  it("an OPD allocation of a family the OPD has no subnet of fails the same way", async () => {
    const text = readFileSync(join(ROOT, "examples/barito-timur/inventory.yaml"), "utf8").replace(
      "    - {id: ip-portal,",
      "    - {id: nat-rsud, block: v6-dinas, to: {opd: rsud}}\n    - {id: ip-portal,",
    );
    const file = join(dir, "opd-v6.yaml");
    writeFileSync(file, text);
    const err = await failure(file);
    expect(err.resources).toEqual([]);
    expect(err.message).toMatch(/opd-v6\.yaml:\d+:\d+ .*publicIp\.allocations\[4\]\.to\.opd: OPD "rsud" has no IPv6 subnet/);
  }, 60_000);
});
