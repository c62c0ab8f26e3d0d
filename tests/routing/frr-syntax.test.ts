// Every configuration the planner renders is read by FRR's own parser (vtysh --dryrun, Debian's frr
// 8.4): the fixture's routers and both examples' — what the apply script checks before installing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderBackbone } from "../../infra/routing";
import { loadInventoryOrThrow } from "../../inventory/load";
import { requireBinary } from "../../testkit/servers/common";
import { routingInventory } from "../../testkit/routing/fixture";

const dir = mkdtempSync(join(tmpdir(), "spbe-frr-syntax-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROOT = resolve(__dirname, "../..");

function dryRun(name: string, conf: string): { code: number; out: string } {
  const file = join(dir, `${name}.conf`);
  writeFileSync(file, conf);
  try {
    return { code: 0, out: execFileSync(requireBinary("vtysh", "frr"), ["--dryrun", "-f", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (e) {
    const err = e as { status: number; stdout?: string; stderr?: string };
    return { code: err.status, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

describe("rendered FRR configurations, checked by vtysh --dryrun", () => {
  const sources = [
    { name: "fixture", inv: routingInventory() },
    ...["barito-timur", "klaten"].map((ex) => ({ name: ex, inv: loadInventoryOrThrow(join(ROOT, `examples/${ex}/inventory.yaml`)) })),
  ];
  for (const { name, inv } of sources) {
    it(`${name}: every router's frr.conf parses`, () => {
      for (const r of renderBackbone(inv, name)!.routers) {
        const result = dryRun(`${name}-${r.router.device}`, r.frrConf);
        expect(result, `${r.router.device}: ${result.out}`).toMatchObject({ code: 0 });
      }
    });
  }

  it("the check can fail: a misspelt command is refused", () => {
    const conf = renderBackbone(routingInventory(), "x")!.routers[0]!.frrConf.replace(" ip ospf cost", " ip ospf costs");
    expect(dryRun("broken", conf).code).not.toBe(0);
  });
});
