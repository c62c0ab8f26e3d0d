// A stack that sets spbe-infra:collectorImage (a host that cannot build): the program builds
// nothing and the monitoring host pulls that image like any other.
import { beforeAll, expect, it } from "vitest";
import { LABEL } from "../../inventory/labels";
import { runProgram, type ProgramRun } from "../../testkit/pulumi/run-program";
import { labelsOf } from "./stack-graph";

const IMAGE = "registry.baritotimurkab.go.id/spbe-infra/collector:0.1.0";
let run: ProgramRun;
beforeAll(async () => {
  run = await runProgram({ stack: "barito-timur", config: { "spbe-infra:collectorImage": IMAGE } });
});

it("builds no image and runs the configured one, pulled on the monitoring host", () => {
  expect(run.resources.filter((r) => r.type === "docker:index/image:Image")).toHaveLength(0);
  const collector = run.resources.find((r) => r.type === "docker:index/container:Container" && labelsOf(r)[LABEL.service] === "collector")!;
  const pulled = run.resources.filter((r) => r.type === "docker:index/remoteImage:RemoteImage" && r.inputs.name === IMAGE);
  expect(pulled).toHaveLength(1);
  expect(pulled[0]!.provider).toBe(collector.provider);
  expect(collector.inputs.image).toBe(IMAGE);
});
