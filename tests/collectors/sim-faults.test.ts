// The simulator's cut links (collectors/sim-wiring.ts linkFaults), pure: which ports report down and
// which devices go silent, the same "behind it" alerting inhibits by (inventory/topology.ts).
import { describe, expect, it } from "vitest";
import { interfaceKey, linkFaults, UnknownLinkError } from "../../collectors/sim-wiring";
import { behindForAlerting } from "../../dashboards/alertmanager/inhibit";
import { loadInventoryOrThrow } from "../../inventory/load";

const inv = loadInventoryOrThrow("examples/barito-timur/inventory.yaml");
const behind = behindForAlerting(inv).filter((b) => b.failed.kind === "link");

describe("linkFaults", () => {
  it("nothing cut: every port up, every device answers", () => {
    const f = linkFaults(inv, []);
    expect(f.downInterfaces.size).toBe(0);
    expect(f.unreachable.size).toBe(0);
  });

  it("one uplink cut: both its ends down, exactly what the topology puts behind it silent", () => {
    const b = behind.find((x) => x.sites.includes("kantor-kec-awang"))!;
    const link = inv.links.find((l) => l.id === b.failed.id)!;
    const f = linkFaults(inv, [link.id]);
    expect([...f.downInterfaces].sort()).toEqual([interfaceKey(link.a.device, link.a.interface), interfaceKey(link.b.device, link.b.interface)].sort());
    expect([...f.unreachable]).toEqual(b.devices);
  });

  it("two uplinks cut: what is behind either", () => {
    const [x, y] = behind;
    const f = linkFaults(inv, [x!.failed.id, y!.failed.id]);
    expect([...f.unreachable].sort()).toEqual([...new Set([...x!.devices, ...y!.devices])].sort());
    expect(f.downInterfaces.size).toBe(4);
  });

  it("refuses a link the inventory does not have", () => {
    expect(() => linkFaults(inv, ["bb-nowhere"])).toThrow(UnknownLinkError);
  });
});
