// `pulumi preview` of both example stacks shows what the network components will change (issue 17,
// "What to build" 4): under mocks with provider outputs unknown, as in a preview, each stack registers
// a BackboneRouting per FRR router, the edge gateway's PublicAddressNat and the zone's DnsZone, and each
// one's remote commands carry, as known inputs, exactly the scripts the pure planners render from the
// stack's inventory: the diff a reviewer sees is the configuration that will run.
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { renderPublicNat } from "../../infra/nat";
import { renderDnsZone } from "../../infra/planning/dns";
import { planDnsServing } from "../../infra/planning/dns-serving";
import { planPublicIps } from "../../infra/planning/public-ips";
import { renderBackbone } from "../../infra/routing";
import { loadInventoryOrThrow } from "../../inventory/load";
import { runProgram, stackConfig, type RegisteredResource } from "../../testkit/pulumi/run-program";

const ROOT = resolve(__dirname, "../..");
const REMOTE_COMMAND = "command:remote:Command";

/** A remote command's create, update and delete inputs: plain strings, not unknowns. */
function scripts(cmd: RegisteredResource): { create: unknown; update: unknown; delete: unknown } {
  return { create: cmd.inputs.create, update: cmd.inputs.update, delete: cmd.inputs.delete };
}

describe.each(["barito-timur", "klaten"] as const)("%s in a preview", (stack) => {
  const config = stackConfig(stack);
  const file = config["spbe-infra:inventory"]!;
  const inv = loadInventoryOrThrow(join(ROOT, file));
  const allocations = planPublicIps(inv);

  it("registers BackboneRouting, PublicAddressNat and DnsZone with the rendered scripts as known inputs", async () => {
    const run = await runProgram({ stack, preview: true });
    const children = (parent: RegisteredResource) => run.resources.filter((r) => r.type === REMOTE_COMMAND && r.parent === parent.urn);

    // The backbone: one component per FRR router, its script the one `spbe network render` prints beside frr.conf.
    const routing = renderBackbone(inv, file)!;
    expect(routing, "the example routes its backbone").toBeDefined();
    const routers = run.resources.filter((r) => r.type === "spbe:infra:BackboneRouting");
    expect(routers.map((r) => r.name).sort()).toEqual(routing.routers.map((r) => r.router.device).sort());
    for (const rc of routing.routers) {
      const cmds = children(routers.find((r) => r.name === rc.router.device)!);
      expect(cmds.map((c) => c.name)).toEqual([`${rc.router.device}-frr`]);
      expect(scripts(cmds[0]!)).toEqual({ create: rc.scripts.apply, update: rc.scripts.apply, delete: rc.scripts.rollback });
      expect(rc.scripts.apply).toContain(rc.frrConf);
    }

    // The edge gateway's public addresses.
    const nat = renderPublicNat(inv, allocations)!;
    expect(nat, "the example forwards public addresses").toBeDefined();
    const natComponents = run.resources.filter((r) => r.type === "spbe:infra:PublicAddressNat");
    expect(natComponents.map((r) => r.name)).toEqual([nat.gateway]);
    const natCmds = children(natComponents[0]!);
    expect(natCmds).toHaveLength(1);
    expect(scripts(natCmds[0]!)).toEqual({ create: nat.script, update: nat.script, delete: nat.rollback });
    expect(nat.script).toContain("table inet spbe_nat");

    // The zone: the primary's script carries the rendered zone; each secondary's copies it from the primary.
    const zone = renderDnsZone(inv, allocations, { serial: Number(config["spbe-infra:dnsSerial"]) });
    const serving = planDnsServing(inv, zone)!;
    expect(serving, "the example serves its zone").toBeDefined();
    const zones = run.resources.filter((r) => r.type === "spbe:infra:DnsZone");
    expect(zones.map((z) => z.name)).toEqual([inv.meta.domain]);
    const dnsCmds = children(zones[0]!);
    const servers = [serving.primary, ...serving.secondaries];
    expect(dnsCmds.map((c) => c.name).sort()).toEqual(servers.map((s) => `${inv.meta.domain}-${s.role}-${s.device}`).sort());
    for (const s of servers) {
      const cmd = dnsCmds.find((c) => c.name === `${inv.meta.domain}-${s.role}-${s.device}`)!;
      expect(scripts(cmd)).toEqual({ create: s.apply, update: s.apply, delete: s.remove });
    }
    for (const r of zone.records) expect(serving.primary.apply).toContain(` IN ${r.type} ${r.value}`);
  }, 60_000);
});
