// Where the collector image comes from: configured (pulled), built and pushed to the stack's
// registry, or built on the monitoring host; never a name nobody publishes.
import { expect, it } from "vitest";
import { planCollectorImage } from "../../infra/planning/collector-image";

it("a configured image is pulled as it is, whatever else is set", () => {
  expect(planCollectorImage({ configured: "reg.example.invalid/c:1", registryServer: "reg.other.invalid", version: "0.1.0" })).toEqual({ name: "reg.example.invalid/c:1" });
});

it("with a registry and no image, built and pushed there under spbe-infra/collector:<version>", () => {
  expect(planCollectorImage({ registryServer: "registry.klatenkab.go.id/", version: "0.2.0" })).toEqual({
    name: "registry.klatenkab.go.id/spbe-infra/collector:0.2.0",
    build: { pushTo: "registry.klatenkab.go.id/", version: "0.2.0" },
  });
});

it("with neither, built on the building host and not pushed", () => {
  expect(planCollectorImage({ version: "0.1.0" })).toEqual({ name: "spbe-infra/collector:0.1.0", build: { version: "0.1.0" } });
  expect(planCollectorImage({ configured: "", version: "0.1.0" }).build).toBeDefined();
});
