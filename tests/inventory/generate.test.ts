// The synthetic inventories behind the benchmarks must stay valid, or the benchmarks measure errors.
import { describe, expect, it } from "vitest";
import { loadInventoryText } from "../../inventory/load";
import { generateInventoryYaml, sizesFor } from "../../testkit/generate-inventory";

describe("synthetic inventory generator", () => {
  it("produces a valid inventory of the requested size", () => {
    const r = loadInventoryText(generateInventoryYaml(0.02), "synthetic.yaml");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const n = sizesFor(0.02);
    expect(r.inventory!.applications).toHaveLength(n.applications);
    expect(r.inventory!.publicIp.allocations).toHaveLength(n.allocations);
    expect(r.inventory!.links).toHaveLength(n.links);
    expect(r.inventory!.devices).toHaveLength(n.devices);
  });
});
