// `pulumi preview` runs the program with provider outputs unknown (a container's image id, a
// network's name before creation). The program must still declare everything, waves included,
// and the policy-relevant inputs (labels, ports) must be known values, not unknowns.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { parse } from "yaml";
import { LABEL } from "../../inventory/labels";
import { runProgram, type ProgramRun } from "../../testkit/pulumi/run-program";
import { labelsOf } from "./stack-graph";

let run: ProgramRun;
beforeAll(async () => {
  run = await runProgram({ stack: "barito-timur", preview: true, config: { "spbe-infra:containerWave": "5" } });
});

it("the Pulumi entry point exports the program as a function (what the nodejs language host calls)", () => {
  // As Pulumi loads Pulumi.yaml's `main`: node's require with tsx's CommonJS hook, in a child process.
  const root = resolve(__dirname, "../..");
  const main = (parse(readFileSync(resolve(root, "Pulumi.yaml"), "utf8")) as { main: string }).main;
  expect(main).toBe("stack/");
  const out = execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", `process.stdout.write(typeof require(require('path').resolve(${JSON.stringify(main)})))`], { encoding: "utf8", cwd: root });
  expect(out).toBe("function");
});

it("every application container is declared in a preview, with known labels and ports", () => {
  const primaries = run.resources.filter((r) => r.type === "docker:index/container:Container" && labelsOf(r)[LABEL.role] === "primary");
  const { applications } = run.outputs as { applications: Record<string, { publicIp: string | null }> };
  expect(primaries).toHaveLength(Object.keys(applications).length);
  for (const c of primaries) {
    const app = labelsOf(c)[LABEL.application]!;
    expect(applications[app]).toBeDefined();
    for (const p of (c.inputs.ports ?? []) as { ip: string }[]) expect(p.ip).toBe(applications[app]!.publicIp);
  }
});

it("each FRR router's configuration is a known input in a preview: `pulumi preview` shows what will change on it", () => {
  const routers = run.resources.filter((r) => r.type === "spbe:infra:BackboneRouting");
  expect(routers.length).toBeGreaterThan(0);
  for (const router of routers) {
    const cmd = run.resources.find((r) => r.type === "command:remote:Command" && r.parent === router.urn)!;
    expect(typeof cmd.inputs.create).toBe("string");
    expect(cmd.inputs.create).toContain("router ospf");
    expect(cmd.inputs.create).toContain(`hostname ${router.name}`);
  }
});
