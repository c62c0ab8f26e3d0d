// The renderer as a pure function: classes per OPD, idempotent and order-independent output, a
// changed quota changing only its own lines, and every bad input refused before rendering.
import { describe, expect, it } from "vitest";
import { inventorySchema } from "../../inventory/schema";
import { DEFAULT_CLASS, QuotaConfigError, renderGatewayConfig, TOTAL_CLASS, type QuotaProblem } from "../../infra/quota";
import { GATEWAY, LAN_IF, TEST_OPDS, testInventory, testInventoryData, WAN_IF } from "../../testkit/quota/fixture";
import { COUNTERS_SCRIPT_PATH, SNMPD_DROP_IN_PATH } from "../../infra/quota/counters";
import { parseQuotaCounterLine, QUOTA_EXTEND_NAME, quotaCounterLine } from "../../inventory/quota-names";
import { SPBE_QUOTA } from "../../collectors/modules";

function problemsOf(fn: () => unknown): QuotaProblem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof QuotaConfigError) return e.problems;
    throw e;
  }
  throw new Error("expected a QuotaConfigError");
}

const lines = (s: string) => s.split("\n");
/** Lines of `after` that are not in `before` (multiset difference is not needed: lines are unique). */
const added = (before: string, after: string) => lines(after).filter((l) => !lines(before).includes(l));
const removed = (before: string, after: string) => lines(before).filter((l) => !lines(after).includes(l));

describe("renderGatewayConfig (linux-tc)", () => {
  const cfg = renderGatewayConfig(testInventory());

  it("defaults to the inventory's gateway and the linux-tc backend", () => {
    expect(cfg.backend).toBe("linux-tc");
    expect(cfg.gateway).toBe(GATEWAY);
  });

  it.each(TEST_OPDS.flatMap((o) => [
    { opd: o.code, direction: "down", iface: LAN_IF, kbit: o.downMbps * 1000, subnet: o.subnet },
    { opd: o.code, direction: "up", iface: WAN_IF, kbit: o.upMbps * 1000, subnet: o.subnet },
  ]))("$opd $direction: one class on $iface at the quota, capped (rate = ceil)", ({ opd, direction, iface, kbit, subnet }) => {
    const mine = cfg.classes.filter((c) => c.opd === opd && c.direction === direction);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ interface: iface, rateKbit: kbit, ceilKbit: kbit, subnets: [subnet] });
    expect(cfg.script).toContain(`spbe_class '${iface}' 1:1 ${mine[0]!.id} ${kbit} ${kbit} `);
    // The same class id on both interfaces: one nft rule per direction sets it.
    const field = direction === "down" ? `iifname "${WAN_IF}" ip daddr ${subnet}` : `oifname "${WAN_IF}" ip saddr ${subnet}`;
    expect(cfg.script).toContain(`${field} meta priority set ${mine[0]!.id} comment "${opd} ${direction}"`);
  });

  it.each([
    { direction: "down", iface: LAN_IF },
    { direction: "up", iface: WAN_IF },
  ])("$direction: a parent at the upstream capacity and a default class for unclassified traffic", ({ direction, iface }) => {
    const total = cfg.classes.find((c) => c.opd === TOTAL_CLASS && c.direction === direction)!;
    const def = cfg.classes.find((c) => c.opd === DEFAULT_CLASS && c.direction === direction)!;
    expect(total).toMatchObject({ interface: iface, id: "1:1", rateKbit: 100_000, ceilKbit: 100_000 });
    expect(def).toMatchObject({ interface: iface, id: "1:2", ceilKbit: 100_000 });
    expect(cfg.script).toContain(`spbe_root '${iface}' 1: 2`);
  });

  it("gives every OPD distinct class ids", () => {
    const ids = cfg.classes.filter((c) => c.direction === "down").map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("replaces the nft table atomically and prunes classes no longer rendered", () => {
    const s = cfg.script;
    expect(s).toMatch(/nft -f - <<'SPBE_NFT'\ntable inet spbe_quota\ndelete table inet spbe_quota\ntable inet spbe_quota \{/);
    expect(s.indexOf("nft -f")).toBeGreaterThan(s.lastIndexOf("spbe_class "));
    const keepLan = cfg.classes.filter((c) => c.interface === LAN_IF).map((c) => c.id).join(" ");
    expect(s).toContain(`spbe_prune '${LAN_IF}' '${keepLan}'`);
  });

  it("is deterministic and independent of the inventory's order", () => {
    const data = testInventoryData();
    data.bandwidth.quotas.reverse();
    data.opds.reverse();
    expect(renderGatewayConfig(inventorySchema.parse(data))).toEqual(cfg);
    expect(renderGatewayConfig(testInventory())).toEqual(cfg);
  });

  it.each([
    { change: "down", opd: "disdik", to: { downMbps: 4 }, iface: LAN_IF },
    { change: "up", opd: "setda", to: { upMbps: 2.5 }, iface: WAN_IF },
  ])("a changed $change quota of $opd changes only that OPD's class and queue lines", ({ opd, to, iface }) => {
    const changed = renderGatewayConfig(testInventory(TEST_OPDS.map((o) => (o.code === opd ? { ...o, ...to } : o))));
    const id = cfg.classes.find((c) => c.opd === opd)!.id;
    const gone = removed(cfg.script, changed.script);
    const came = added(cfg.script, changed.script);
    expect(gone).toHaveLength(2);
    expect(came).toHaveLength(2);
    const kbit = Math.round((Object.values(to)[0] as number) * 1000);
    expect(came[0]).toMatch(new RegExp(`^spbe_class '${iface}' 1:1 ${id} ${kbit} ${kbit} .*# ${opd} `));
    expect(came[1]).toMatch(new RegExp(`^spbe_leaf '${iface}' ${id} `));
    const diffClasses = changed.classes.filter((c, i) => JSON.stringify(c) !== JSON.stringify(cfg.classes[i]));
    expect(diffClasses.map((c) => c.opd)).toEqual([opd]);
  });

  it("adding an OPD keeps every other OPD's class id", () => {
    const more = renderGatewayConfig(testInventory([...TEST_OPDS, { code: "bappeda", subnet: "10.77.4.0/24", downMbps: 5, upMbps: 5 }]));
    for (const c of cfg.classes) expect(more.classes.find((m) => m.opd === c.opd && m.direction === c.direction)?.id).toBe(c.id);
    expect(removed(cfg.script, more.script).filter((l) => l.startsWith("spbe_class") || l.includes("priority set"))).toEqual([]);
  });

  it("classifies IPv6 subnets with ip6", () => {
    const data = testInventoryData();
    data.opds[1].subnets.push("2001:db8:77::/48");
    const v6 = renderGatewayConfig(inventorySchema.parse(data));
    expect(v6.script).toContain(`oifname "${WAN_IF}" ip6 saddr 2001:db8:77::/48 meta priority set`);
  });
});

describe("bad input is refused before anything is rendered", () => {
  type Mutate = (d: any) => void;
  const cases: { name: string; mutate: Mutate; gateway?: string; expect: Partial<QuotaProblem>[] }[] = [
    { name: "quota on an OPD with no subnet", mutate: (d) => (d.opds[1].subnets = []), expect: [{ code: "quota.no-subnet", params: { opd: "dinkes" } }] },
    {
      name: "quota above the upstream capacity",
      mutate: (d) => (d.bandwidth.quotas[2].downMbps = 150),
      expect: [
        { code: "quota.over-capacity", params: { opd: "setda", direction: "down", quota: 150, capacity: 100, link: "bandwidth.upstreamMbps" } },
        { code: "quota.over-capacity", params: { opd: "setda", direction: "down", quota: 150, capacity: 50, link: "link bb-setda" } },
      ],
    },
    {
      name: "quota above the OPD's own link",
      mutate: (d) => (d.bandwidth.quotas[0].upMbps = 60),
      expect: [{ code: "quota.over-capacity", params: { opd: "dinkes", direction: "up", quota: 60, capacity: 50, link: "link bb-dinkes" } }],
    },
    {
      name: "quota above the WAN interface's speed",
      mutate: (d) => (d.devices[0].interfaces[1].speedMbps = 10),
      expect: [
        { code: "quota.over-capacity", params: { opd: "disdik", direction: "down", capacity: 10, link: `${GATEWAY}:${WAN_IF}` } },
        { code: "quota.over-capacity", params: { opd: "setda", direction: "down", capacity: 10 } },
        { code: "quota.over-capacity", params: { opd: "setda", direction: "up", capacity: 10 } },
      ],
    },
    {
      name: "overlapping OPD subnets (a model the validator never saw)",
      mutate: (d) => (d.opds[3].subnets = ["10.77.2.128/25"]),
      expect: [{ code: "quota.subnet-overlap", params: { opd: "setda", subnet: "10.77.2.128/25", other: "disdik", otherSubnet: "10.77.2.0/24" } }],
    },
    { name: "quota for an unknown OPD", mutate: (d) => (d.bandwidth.quotas[0].opd = "nope"), expect: [{ code: "quota.unknown-opd", params: { opd: "nope" } }] },
    { name: "no gateway declared", mutate: (d) => delete d.bandwidth.gateway, expect: [{ code: "quota.no-gateway" }] },
    { name: "an unknown --gateway", mutate: () => {}, gateway: "gw-99", expect: [{ code: "quota.unknown-gateway", params: { gateway: "gw-99" } }] },
    {
      name: "a gateway without the LAN interface",
      mutate: (d) => (d.bandwidth.gateway.lanInterface = "eth9"),
      expect: [{ code: "quota.gateway-interface", params: { gateway: GATEWAY, interface: "eth9" } }],
    },
  ];

  it.each(cases)("$name", ({ mutate, gateway, expect: want }) => {
    const data = testInventoryData();
    mutate(data);
    const inv = inventorySchema.parse(data);
    const problems = problemsOf(() => renderGatewayConfig(inv, { gateway }));
    expect(problems).toHaveLength(want.length);
    want.forEach((w, i) => expect(problems[i]).toMatchObject(w));
  });

  it("reports every problem at once", () => {
    const data = testInventoryData();
    data.opds[1].subnets = [];
    data.bandwidth.quotas[2].upMbps = 500;
    const codes = problemsOf(() => renderGatewayConfig(inventorySchema.parse(data))).map((p) => p.code);
    expect(codes).toEqual(["quota.no-subnet", "quota.over-capacity", "quota.over-capacity"]);
  });

  it("an unknown backend", () => {
    expect(problemsOf(() => renderGatewayConfig(testInventory(), { backend: "vyos" as never }))).toEqual([{ code: "quota.unknown-backend", params: { backend: "vyos" } }]);
  });

  it.each([
    { backend: "routeros", mutate: () => {}, kind: "linux" },
    { backend: "linux-tc", mutate: (d: any) => (d.bandwidth.gateway.kind = "routeros"), kind: "routeros" },
    { backend: "linux-tc", mutate: (d: any) => (d.devices[0].vendor = "MikroTik"), kind: "routeros" },
  ])("$backend refuses a $kind gateway", ({ backend, mutate, kind }) => {
    const data = testInventoryData();
    mutate(data);
    const problems = problemsOf(() => renderGatewayConfig(inventorySchema.parse(data), { backend: backend as never }));
    expect(problems).toEqual([{ code: "quota.backend-kind", params: { backend, backendKind: kind === "linux" ? "routeros" : "linux", gateway: GATEWAY, kind } }]);
  });
});

describe("the Linux gateway's per-OPD counters (infra/quota/counters.ts)", () => {
  const cfg = () => renderGatewayConfig(testInventory());
  it("the apply command installs the counter script and the snmpd extend, the rollback removes both", () => {
    const c = cfg();
    expect(c.counters!.extendName).toBe(QUOTA_EXTEND_NAME);
    expect(c.counters!.snmpdConf).toContain(`extend -cacheTime 1 ${QUOTA_EXTEND_NAME} /bin/sh ${COUNTERS_SCRIPT_PATH}`);
    expect(c.apply.startsWith(c.script)).toBe(true);
    expect(c.apply).toContain(`cat > '${COUNTERS_SCRIPT_PATH}' <<'SPBE_COUNTERS'\n${c.counters!.script.trimEnd()}\nSPBE_COUNTERS`);
    expect(c.apply).toContain(`cat > '${SNMPD_DROP_IN_PATH}'`);
    expect(c.rollback).toContain(`rm -f '${COUNTERS_SCRIPT_PATH}' '${SNMPD_DROP_IN_PATH}'`);
  });

  it("maps each OPD's class on the LAN egress to down and on the WAN egress to up, by the classes' own ids", () => {
    const c = cfg();
    const report = c.counters!.script.split("\n").filter((l) => l.startsWith("spbe_report "));
    const classId = (opd: string, direction: string) => c.classes.find((k) => k.opd === opd && k.direction === direction)!.id;
    const map = (direction: string) => TEST_OPDS.map((o) => `${classId(o.code, direction)}=${o.code}`).join(" ");
    expect(report).toEqual([`spbe_report '${LAN_IF}' down '${map("down")}'`, `spbe_report '${WAN_IF}' up '${map("up")}'`]);
  });

  it("adding an OPD adds only its own entries (the others' class ids stay)", () => {
    const entries = (script: string) => script.split("\n").filter((l) => l.startsWith("spbe_report ")).flatMap((l) => l.split("'")[3]!.split(" "));
    const more = [...TEST_OPDS, { code: "dishub", subnet: "10.77.9.0/24", downMbps: 4, upMbps: 2 }];
    const before = entries(cfg().counters!.script);
    const after = entries(renderGatewayConfig(testInventory(more)).counters!.script);
    expect(before.every((e) => after.includes(e))).toBe(true);
    expect(after.filter((e) => !before.includes(e)).map((e) => e.split("=")[1])).toEqual(["dishub", "dishub"]);
  });

  it("the collector reads back exactly the lines the script prints, and the module walks the extend the script is installed under", () => {
    for (const [opd, direction, bytes] of [["dinkes", "down", 0n], ["kec-wedi", "up", 2n ** 63n]] as const) {
      expect(parseQuotaCounterLine(quotaCounterLine(opd, direction, bytes))).toEqual({ opd, direction, bytes });
    }
    expect(parseQuotaCounterLine("dinkes sideways 5")).toBeUndefined();
    const column = SPBE_QUOTA.tables[0]!.columns[0]!.oid;
    expect(column).toBe(`1.3.6.1.4.1.8072.1.3.2.4.1.2.${QUOTA_EXTEND_NAME.length}.${[...Buffer.from(QUOTA_EXTEND_NAME)].join(".")}`);
  });
});
