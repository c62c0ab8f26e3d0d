// The routing planner without Pulumi or FRR: transfer networks and loopbacks (deterministic, inside
// their blocks, stable when links are added), OSPF costs from capacity and medium, the rendered
// configuration, and the bad inputs validation and the planner both refuse, with their positions.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { allocateSlots } from "../../infra/routing/allocate";
import { ospfCost, planBackbone, renderBackbone, RoutingConfigError } from "../../infra/routing";
import { renderDeviceParts } from "../../infra/network/parts";
import { contains, parseRange } from "../../inventory/ip";
import { loadInventoryText } from "../../inventory/load";
import { inventorySchema } from "../../inventory/schema";
import { DC_CORE, KEC_FIBER, KEC_RADIO, KECAMATAN, routingInventory, routingInventoryData } from "../../testkit/routing/fixture";

const ROOT = resolve(__dirname, "../..");

describe("OSPF cost from capacity and medium", () => {
  it.each([
    ["fiber", 100_000, 1],
    ["fiber", 10_000, 10],
    ["fiber", 1_000, 100],
    ["leased-line", 200, 500],
    ["radio", 1_000, 200], // a radio as fast as the fiber still costs more
    ["radio", 100, 2_000],
    ["vpn", 50, 6_000],
    ["vpn", 0.5, 65_535], // clamped to OSPF's maximum
  ] as const)("%s at %d Mbit/s costs %d", (medium, capacity, cost) => {
    expect(ospfCost(medium, capacity)).toBe(cost);
  });

  it("a backup radio always costs more than the fiber of the same capacity or less", () => {
    for (const mbps of [10, 100, 1000, 10_000]) expect(ospfCost("radio", mbps)).toBeGreaterThan(ospfCost("fiber", mbps));
  });
});

describe("slot allocation", () => {
  it("is deterministic and independent of the input order", () => {
    const ids = ["bb-a", "bb-b", "bb-c", "bb-d"];
    expect(allocateSlots(ids, 64n)).toEqual(allocateSlots([...ids].reverse(), 64n));
  });

  it("fills every slot of a full block without giving one twice", () => {
    const ids = Array.from({ length: 16 }, (_, i) => `bb-${i}`);
    const slots = [...allocateSlots(ids, 16n).values()].sort((a, b) => Number(a - b));
    expect(slots).toEqual(Array.from({ length: 16 }, (_, i) => BigInt(i)));
  });

  it("is stable under additions: adding links moves none of the 200 already placed in a /20", () => {
    const before = allocateSlots(Array.from({ length: 200 }, (_, i) => `bb-${i}`), 1024n);
    const after = allocateSlots([...before.keys(), "bb-new-1", "bb-new-2"], 1024n);
    const moved = [...before].filter(([id, slot]) => after.get(id) !== slot);
    // Only an id whose probe path the newcomer takes can move (the public IP planner's property): none or very few.
    expect(moved.length).toBeLessThanOrEqual(2);
  });
});

describe("the backbone plan of the fixture", () => {
  const plan = planBackbone(routingInventory())!;

  it("gives every routed link a distinct /30 inside the transfer block, and every router a /32 inside the loopback block", () => {
    const block = parseRange("10.255.0.0/24");
    const nets = plan.links.map((l) => parseRange(l.network));
    for (const n of nets) expect(contains(block, n) && n.end - n.start === 3n).toBe(true);
    expect(new Set(plan.links.map((l) => l.network)).size).toBe(plan.links.length);
    expect(plan.links).toHaveLength(5);
    const ids = plan.routers.map((r) => r.routerId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(contains(parseRange("10.255.255.0/24"), parseRange(id))).toBe(true);
  });

  it("an end's address is the first or second host of its link's /30", () => {
    for (const l of plan.links) {
      const n = parseRange(l.network);
      expect(parseRange(l.a.address).start).toBe(n.start + 1n);
      expect(parseRange(l.b.address).start).toBe(n.start + 2n);
    }
  });

  it("the kecamatan's radio backup costs more than its fiber; the office announces its OPD's subnet", () => {
    const kec = plan.routers.find((r) => r.device === KECAMATAN.router)!;
    const fiber = kec.interfaces.find((i) => i.name === KEC_FIBER.interface)!;
    const radio = kec.interfaces.find((i) => i.name === KEC_RADIO.interface)!;
    expect(fiber.cost).toBeLessThan(radio.cost);
    expect(kec.announce).toEqual([KECAMATAN.subnet]);
  });

  it("adding a link keeps every other link's transfer network", () => {
    const data = routingInventoryData();
    data.devices.find((d: { id: string }) => d.id === "disdik-rtr").interfaces.push({ name: "ether2" });
    data.links.push({ id: "bb-disdik-radio", a: { device: DC_CORE, interface: "radio2" }, b: { device: "disdik-rtr", interface: "ether2" }, medium: "radio", capacityMbps: 100 });
    const grown = planBackbone(inventorySchema.parse(data))!;
    for (const l of plan.links) expect(grown.links.find((g) => g.link === l.link)!.network, l.link).toBe(l.network);
  });

  it("renders the same bytes twice (the content hash is the deploy trigger) and a costed interface per link", () => {
    const one = renderBackbone(routingInventory(), "x")!;
    const two = renderBackbone(routingInventory(), "x")!;
    expect(one.routers.map((r) => r.hash)).toEqual(two.routers.map((r) => r.hash));
    const kec = one.routers.find((r) => r.router.device === KECAMATAN.router)!;
    expect(kec.frrConf).toMatch(/interface ether2\n description bb-kec-awang-radio: radio 100 Mbit\/s to dc-core-rtr radio3\n ip address 10\.255\.0\.\d+\/30\n/);
    expect(kec.frrConf).toContain(" ip ospf cost 2000\n");
    expect(kec.frrConf).toContain(" ip ospf bfd profile spbe-backbone\n");
    expect(kec.frrConf).toContain(` network ${KECAMATAN.subnet} area 0\n`);
    expect(kec.scripts.apply).toContain(kec.frrConf.trimEnd());
    expect(kec.scripts.apply).toContain(`sha256 ${kec.hash}`);
  });

  it("the device parts: frr for an FRR router, nothing for another device", () => {
    expect(renderDeviceParts(routingInventory(), DC_CORE, "x").map((p) => p.name)).toEqual(["frr"]);
    const inv = routingInventory();
    inv.backbone!.routers = inv.backbone!.routers.filter((r) => r.device !== DC_CORE);
    expect(renderDeviceParts(inv, DC_CORE, "x")).toEqual([]);
  });
});

/** The fixture as a YAML file with one change, loaded as `spbe validate` and the program load it; errors in file order. */
function findings(change: (data: any) => void): string[] {
  const data = routingInventoryData();
  change(data);
  const result = loadInventoryText(stringify(data), "inv.yaml");
  return result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.column} ${d.path.join(".")} ${d.code}`);
}

type BadCase = [name: string, change: (data: any) => void, ...expected: RegExp[]];

describe("bad input: validation reports it with its position, the planner refuses it", () => {
  it.each<BadCase>([
    ["a router that is a switch (and so its link to the core)", (d: any) => (d.devices.find((x: any) => x.id === "disdik-rtr").role = "switch"), /^\d+:\d+ links\.2\.b\.device routing\.link-not-router$/, /^\d+:\d+ backbone\.routers\.3\.device routing\.not-router$/],
    ["a routed link whose other end is a switch", (d: any) => {
      d.devices.push({ id: "core-sw", role: "switch", site: "dc", interfaces: [{ name: "p1" }] });
      d.devices[0].interfaces.push({ name: "sw0" });
      d.links.push({ id: "bb-sw", a: { device: DC_CORE, interface: "sw0" }, b: { device: "core-sw", interface: "p1" }, medium: "fiber", capacityMbps: 1000 });
    }, /^\d+:\d+ links\.5\.b\.device routing\.link-not-router$/],
    ["a transfer block too small", (d: any) => (d.backbone.transferBlock = "10.255.0.0/29"), /^\d+:\d+ backbone\.transferBlock routing\.transfer-too-small$/],
    ["a loopback block too small", (d: any) => (d.backbone.loopbackBlock = "10.255.255.0/30"), /^\d+:\d+ backbone\.loopbackBlock routing\.loopback-too-small$/],
    ["a public transfer block", (d: any) => (d.backbone.transferBlock = "203.0.113.0/24"), /^\d+:\d+ backbone\.transferBlock routing\.block-not-private$/],
    ["overlapping blocks", (d: any) => (d.backbone.loopbackBlock = "10.255.0.0/25"), /^\d+:\d+ backbone\.loopbackBlock routing\.block-overlap$/],
    ["a router listed twice", (d: any) => d.backbone.routers.push({ device: DC_CORE }), /^\d+:\d+ backbone\.routers\.5\.device routing\.router-twice$/],
    ["a router without a management address", (d: any) => delete d.devices.find((x: any) => x.id === "drc-rtr").mgmtAddress, /^\d+:\d+ backbone\.routers\.1\.device routing\.no-address$/],
    ["an interface name Linux refuses", (d: any) => {
      d.links[0].a.interface = "xe-0/0/1";
      d.devices[0].interfaces.push({ name: "xe-0/0/1" });
    }, /^\d+:\d+ links\.0\.a\.interface routing\.interface-name$/],
    ["an unknown router", (d: any) => d.backbone.routers.push({ device: "nope" }), /^\d+:\d+ backbone\.routers\.5\.device ref\.unknown$/],
  ])("%s", (_name, change, ...expected) => {
    const errors = findings(change);
    expect(errors).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(errors[i]).toMatch(e));
  });

  it("the planner refuses what validation reports, for a model that never went through the loader", () => {
    const data = routingInventoryData();
    data.backbone.transferBlock = "10.255.0.0/29";
    expect(() => planBackbone(inventorySchema.parse(data))).toThrow(RoutingConfigError);
  });

  it("both examples validate and render a configuration for each FRR router", () => {
    for (const ex of ["barito-timur", "klaten"]) {
      const result = loadInventoryText(readFileSync(resolve(ROOT, `examples/${ex}/inventory.yaml`), "utf8"), ex);
      expect(result.diagnostics.filter((d) => d.severity === "error"), ex).toEqual([]);
      const routing = renderBackbone(result.inventory!, ex)!;
      expect(routing.routers.map((r) => r.router.device)).toEqual(result.inventory!.backbone!.routers.map((r) => r.device));
      for (const r of routing.routers) expect(r.frrConf).toContain("router ospf");
    }
  });
});
