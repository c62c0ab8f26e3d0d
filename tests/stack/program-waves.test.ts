// Large stacks declare containers in waves (bounded registrations in flight). Forced here on the
// Klaten stack with waves of 4: the resource graph must be exactly the one declared all at once.
import { beforeAll, expect, it } from "vitest";
import { describeStackGraph, loadStackGraph, type StackGraph } from "./stack-graph";

let g: StackGraph;
beforeAll(async () => {
  g = await loadStackGraph("klaten", { "spbe-infra:containerWave": "4" });
});

describeStackGraph("klaten", () => g);

it("each wave is registered before the next one is declared", () => {
  const position = new Map(g.run.resources.map((r, i) => [r.urn, i]));
  // The data center's containers in plan order (the inventory's order), cut into waves of 4.
  const primaries = g.inv.applications.filter((a) => a.placement.type === "datacenter").map((a) => g.appContainer(a.id, "primary")[0]!);
  const waves: number[][] = [];
  for (let at = 0; at < primaries.length; at += 4) waves.push(primaries.slice(at, at + 4).map((c) => position.get(c.urn)!));
  expect(waves.length).toBeGreaterThan(3);
  for (let w = 1; w < waves.length; w++) expect(Math.min(...waves[w]!)).toBeGreaterThan(Math.max(...waves[w - 1]!));
});
