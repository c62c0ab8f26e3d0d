import { describe, expect, it } from "vitest";
import { contains, parseRange } from "../../inventory/ip";
import { planPublicIps, PublicIpPlanError } from "../../infra/planning/public-ips";
import { baseInventory, load } from "./fixtures";

function withAutos(ids: string[], block = { id: "v4", cidr: "203.0.113.0/24" }, fixed: { id: string; address: string }[] = []) {
  return load(withAutosDoc(ids, block, fixed));
}

function withAutosDoc(ids: string[], block: { id: string; cidr: string; reserved?: unknown[] } = { id: "v4", cidr: "203.0.113.0/24" }, fixed: { id: string; address: string }[] = []) {
  const doc = baseInventory();
  doc.applications = [];
  doc.publicIp = {
    blocks: [block],
    allocations: [
      ...fixed.map((f) => ({ id: f.id, block: block.id, address: f.address, to: { service: f.id } })),
      ...ids.map((id) => ({ id, block: block.id, to: { service: id } })),
    ],
  };
  return doc;
}

const addresses = (inv: ReturnType<typeof load>) => Object.fromEntries(planPublicIps(inv).map((a) => [a.id, a.address]));

describe("planPublicIps", () => {
  it("fixed allocations keep their address, auto ones get a unique address inside their block", () => {
    const plan = planPublicIps(load(baseInventory()));
    const byId = Object.fromEntries(plan.map((a) => [a.id, a]));
    expect(byId["ip-web"]).toMatchObject({ address: "203.0.113.10", source: "fixed" });
    expect(byId["nat"]).toMatchObject({ address: "203.0.113.248/29", source: "fixed" });
    expect(byId["ip-sim"]!.source).toBe("assigned");
    expect(contains(parseRange("203.0.113.0/24"), parseRange(byId["ip-sim"]!.address))).toBe(true);
    expect(byId["ip-geo"]!.family).toBe(6);
    expect(contains(parseRange("2001:db8:9::/48"), parseRange(byId["ip-geo"]!.address))).toBe(true);
    // Outputs follow the file's order.
    expect(plan.map((a) => a.id)).toEqual(["ns1", "nat", "ip-web", "ip-sim", "ip-geo"]);
  });

  const ids = Array.from({ length: 40 }, (_, i) => `app-${i}`);

  it.each([
    { name: "/24", cidr: "203.0.113.0/24", excluded: ["203.0.113.0", "203.0.113.1", "203.0.113.255"] },
    { name: "/26", cidr: "198.51.100.0/26", excluded: ["198.51.100.0", "198.51.100.1", "198.51.100.63"] },
  ])("auto addresses in a $name are unique and never the network, gateway or broadcast address", ({ cidr, excluded }) => {
    const got = Object.values(addresses(withAutos(ids, { id: "b", cidr })));
    expect(new Set(got).size).toBe(ids.length);
    for (const e of excluded) expect(got).not.toContain(e);
    for (const a of got) expect(contains(parseRange(cidr), parseRange(a))).toBe(true);
  });

  it("never assigns an address inside a fixed prefix or equal to a fixed address", () => {
    const fixed = [{ id: "nat", address: "203.0.113.0/25" }, { id: "one", address: "203.0.113.200" }];
    const got = addresses(withAutos(ids, undefined, fixed));
    for (const id of ids) {
      const r = parseRange(got[id]!);
      expect(contains(parseRange("203.0.113.0/25"), r)).toBe(false);
      expect(got[id]).not.toBe("203.0.113.200");
    }
  });

  it("does not depend on the order of the allocations in the file", () => {
    const a = addresses(withAutos(ids));
    const b = addresses(withAutos([...ids].reverse()));
    expect(b).toEqual(a);
  });

  it("is stable: adding or removing other allocations moves (almost) nobody", () => {
    const before = addresses(withAutos(ids));
    const added = addresses(withAutos([...ids, ...Array.from({ length: 10 }, (_, i) => `new-${i}`)]));
    const removed = addresses(withAutos(ids.filter((_, i) => i % 4 !== 0)));
    const moved = (after: Record<string, string>) => ids.filter((id) => after[id] !== undefined && after[id] !== before[id]);
    // With first-free counting, removing every 4th allocation would shift about 3/4 of the others.
    expect(moved(added).length).toBeLessThanOrEqual(3);
    expect(moved(removed).length).toBeLessThanOrEqual(3);
  });

  it("an IPv6 block assigns within its first 65,536 addresses", () => {
    const got = addresses(withAutos(ids, { id: "v6", cidr: "2001:db8:1000::/48" }));
    for (const a of Object.values(got)) expect(contains(parseRange("2001:db8:1000::/112"), parseRange(a))).toBe(true);
  });

  it("a block with no free address fails with the block and allocation named", () => {
    const inv = withAutos(["a", "b"], { id: "tiny", cidr: "192.0.2.0/30" });
    inv.publicIp.allocations.push({ id: "c", block: "tiny", to: { service: "c" } });
    expect(() => planPublicIps(inv)).toThrow(PublicIpPlanError);
    expect(() => planPublicIps(inv)).toThrow(/tiny.*no free address for allocation c/);
  });

  it("never assigns a reserved address: the only address left free is the one assigned", () => {
    // A /29's assignable offsets are .2-.6; with .2-.5 reserved (and .3 as a prefix), .6 is all that is left.
    const doc = baseInventory();
    doc.applications = [];
    doc.publicIp = {
      blocks: [{ id: "small", cidr: "192.0.2.0/29", reserved: [{ address: "192.0.2.2", reason: "isp-router" }, { address: "192.0.2.4/31", reason: "gateway" }, { address: "192.0.2.3", reason: "other" }] }],
      allocations: [{ id: "only", block: "small", to: { service: "x" } }],
    };
    expect(addresses(load(doc))).toEqual({ only: "192.0.2.6" });
    // Without the reservations the hashed preference decides, anywhere in the window .2-.6.
    doc.publicIp.blocks[0].reserved = [];
    expect(["192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5", "192.0.2.6"]).toContain(addresses(load(doc)).only);
  });

  it("a reservation moves no allocation when it is on an address nobody had", () => {
    const before = addresses(withAutos(ids));
    const taken = new Set(Object.values(before));
    const free = Array.from({ length: 200 }, (_, n) => `203.0.113.${n + 2}`).find((a) => !taken.has(a))!;
    const doc = withAutosDoc(ids);
    doc.publicIp.blocks[0].reserved = [{ address: free, reason: "gateway" }];
    expect(addresses(load(doc))).toEqual(before);
  });
});
