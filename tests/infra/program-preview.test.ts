// `pulumi preview` runs the program with provider outputs unknown (a container's image id, a
// network's name before creation). The program must still declare everything, waves included,
// and the policy-relevant inputs (labels, ports) must be known values, not unknowns.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { LABEL } from "../../infra/labels";
import { runProgram, type ProgramRun } from "../support/pulumi/run-program";
import { labelsOf } from "./stack-graph";

let run: ProgramRun;
beforeAll(async () => {
  run = await runProgram({ stack: "barito-timur", preview: true, config: { "spbe-infra:containerWave": "5" } });
});

test("the Pulumi entry point exports the program as a function (what the nodejs language host calls)", () => {
  // As Pulumi loads `main: infra/`: node's require with tsx's CommonJS hook, in a child process.
  const out = execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", "process.stdout.write(typeof require(require('path').resolve('infra')))"], { encoding: "utf8", cwd: resolve(__dirname, "../..") });
  expect(out).toBe("function");
});

test("every application container is declared in a preview, with known labels and ports", () => {
  const primaries = run.resources.filter((r) => r.type === "docker:index/container:Container" && labelsOf(r)[LABEL.role] === "primary");
  const { applications } = run.outputs as { applications: Record<string, { publicIp: string | null }> };
  expect(primaries).toHaveLength(Object.keys(applications).length);
  for (const c of primaries) {
    const app = labelsOf(c)[LABEL.application]!;
    expect(applications[app]).toBeDefined();
    for (const p of (c.inputs.ports ?? []) as { ip: string }[]) expect(p.ip).toBe(applications[app]!.publicIp);
  }
});
