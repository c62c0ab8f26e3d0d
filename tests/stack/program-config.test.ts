// Stack settings that the example stacks leave at their defaults, or do not use: docker hosts from
// management addresses, the monitoring host chosen by the planner, a private registry's credentials.
import { beforeAll, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../inventory/load";
import { LABEL } from "../../inventory/labels";
import { runProgram, type ProgramRun } from "../../testkit/pulumi/run-program";
import { labelsOf, unsecret } from "./stack-graph";

let run: ProgramRun;
const inv = loadInventoryOrThrow("examples/klaten/inventory.yaml");
beforeAll(async () => {
  run = await runProgram({
    inventoryFile: "examples/klaten/inventory.yaml",
    config: {
      "spbe-infra:sshUser": "ops",
      "spbe-infra:registry": JSON.stringify({ server: "registry.klatenkab.go.id", username: "spbe-pull" }),
    },
  });
});

it("servers without a dockerHosts entry are reached over SSH at their management address", () => {
  const providers = run.resources.filter((r) => r.type === "pulumi:providers:docker");
  expect(providers.length).toBeGreaterThan(3);
  for (const p of providers) {
    const server = inv.devices.find((d) => d.id === p.name.slice("docker-".length))!;
    expect(p.inputs.host).toBe(`ssh://ops@${server.mgmtAddress}`);
    expect(JSON.parse(String(p.inputs.sshOpts))).toEqual(["-o", "BatchMode=yes"]);
  }
});

it("the monitoring stack goes to the data-center server no application uses", () => {
  const grafana = run.resources.find((r) => r.type === "docker:index/container:Container" && labelsOf(r)[LABEL.service] === "grafana")!;
  expect(labelsOf(grafana)[LABEL.server]).toBe("dc-mon-01");
  expect((run.outputs.monitoring as { grafanaUrl: string }).grafanaUrl).toBe("http://10.30.0.12:3000");
});

it("registry credentials reach every docker provider, the password as a secret", () => {
  for (const p of run.resources.filter((r) => r.type === "pulumi:providers:docker")) {
    // Provider config travels JSON-encoded; holding the password, the whole value is a secret.
    expect(unsecret(p.inputs.registryAuth)).not.toBe(p.inputs.registryAuth);
    const auth = JSON.parse(unsecret<string>(p.inputs.registryAuth)) as { address: string; username: string; password: string }[];
    expect(auth).toEqual([{ address: "registry.klatenkab.go.id", username: "spbe-pull", password: "test-registry-password-not-real" }]);
  }
});

it("with a registry named, the collector image is built and pushed there with the registry's credentials", () => {
  const built = run.resources.filter((r) => r.type === "docker:index/image:Image");
  expect(built).toHaveLength(1);
  const image = built[0]!;
  expect(image.inputs.skipPush).toBe(false);
  expect(String(image.inputs.imageName)).toMatch(/^registry\.klatenkab\.go\.id\/spbe-infra\/collector:\d+\.\d+\.\d+$/);
  const registry = unsecret<{ server: string; username: string; password: string }>(image.inputs.registry);
  expect(registry).toEqual({ server: "registry.klatenkab.go.id", username: "spbe-pull", password: "test-registry-password-not-real" });
  const collector = run.resources.find((r) => r.type === "docker:index/container:Container" && labelsOf(r)[LABEL.service] === "collector")!;
  expect(collector.inputs.image).toBe(`${String(image.inputs.imageName)}@sha256:mock`);
});
