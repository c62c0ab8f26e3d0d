// The program under mocks with the Klaten stack (Pulumi.klaten.yaml).
import { beforeAll, describe, expect, it } from "vitest";
import { LABEL } from "../../inventory/labels";
import { describeStackGraph, loadStackGraph, type StackGraph } from "./stack-graph";

let g: StackGraph;
beforeAll(async () => {
  g = await loadStackGraph("klaten");
});

describeStackGraph("klaten", () => g);

describe("klaten: known facts of the example", () => {
  it("the portal sits on the apex klatenkab.go.id at 198.51.100.10, on dc-srv-01", () => {
    const portal = g.appContainer("portal", "primary")[0]!;
    expect(g.providerOf(portal)!.inputs.host).toBe("ssh://deploy@10.30.0.6");
    expect((portal.inputs.ports as { ip: string }[])[0]!.ip).toBe("198.51.100.10");
    expect(g.run.outputs.dnsZone).toContain("@ IN A 198.51.100.10 ; portal");
  });

  it("dtks (confidential) has no DR replica; simrs on the RSUD server is a record", () => {
    expect(g.appContainer("dtks", "dr-replica")).toEqual([]);
    const simrs = g.ofType("command:local:Command").find((r) => r.name === "simrs-placement-record")!;
    expect(simrs.inputs.environment).toMatchObject({ [LABEL.placement]: "opd-server", [LABEL.network]: "opd" });
  });
});
