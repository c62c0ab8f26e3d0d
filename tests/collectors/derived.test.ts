// Targets, derived link/OPD series and the exposition text: pure, over a small inventory.
import { describe, expect, it } from "vitest";
import type { Sample } from "../../collectors/sample";
import { counter32WrapRisk } from "../../collectors/counter-width";
import { DerivedState, planDerived, rateOf } from "../../collectors/derived";
import { escapeLabelValue, renderByFamily, renderLabels } from "../../collectors/exposition";
import { planTargets } from "../../collectors/targets";
import { parsePromText } from "./support/prom-text";
import { smallInventory } from "./support/small-inventory";

const octets = (device: string, link: string, inV: bigint, outV: bigint): Sample[] => [
  { name: "ifHCInOctets", type: "counter", help: "", labels: [["device", device], ["ifIndex", "1"], ["link", link]], value: inV.toString() },
  { name: "ifHCOutOctets", type: "counter", help: "", labels: [["device", device], ["ifIndex", "1"], ["link", link]], value: outV.toString() },
];

describe("planTargets", () => {
  it("polls devices with SNMP access and an address, with inventory labels and link endpoints", () => {
    const { targets, skipped } = planTargets(smallInventory());
    expect(targets.map((t) => t.device)).toEqual(["core-sw", "setda-rtr", "dinkes-rtr", "dc-srv", "dc-ups"]);
    expect(skipped).toEqual([{ device: "dc-pdu", reason: "no-snmp" }]);
    const setda = targets.find((t) => t.device === "setda-rtr")!;
    expect(Object.fromEntries(setda.labels)).toEqual({ device: "setda-rtr", site: "kantor-setda", opd: "setda", role: "router" });
    expect(setda.port).toBe(161);
    const core = targets.find((t) => t.device === "core-sw")!;
    expect([...core.linkByIfName]).toEqual([["Te1/0/1", "bb-setda"], ["Te1/0/2", "bb-dinkes"]]);
    expect(core.modules).toContain("if_mib");
    expect(targets.find((t) => t.device === "dc-ups")!.modules).toEqual(["system", "ups_mib"]);
  });
});

describe("planDerived", () => {
  it("reads each OPD's traffic on the Dinas side of its links, whichever end that is", () => {
    const plan = planDerived(smallInventory());
    const setda = plan.opds.find((o) => o.opd === "setda")!;
    expect(setda.dinasSide).toEqual([{ device: "core-sw", link: "bb-setda" }]);
    expect(setda.downBps).toBe(50e6);
    expect(setda.volumeBytes).toBe(2000e9);
    // bb-dinkes has the OPD router as endpoint a: the Dinas side is still core-sw
    expect(plan.opds.find((o) => o.opd === "dinkes")!.dinasSide).toEqual([{ device: "core-sw", link: "bb-dinkes" }]);
    expect(plan.links.map((l) => [l.link, l.capacityBps])).toEqual([["bb-setda", 1e9], ["bb-dinkes", 1e8]]);
  });
});

describe("rateOf", () => {
  it.each([
    ["normal", { t: 0, inOctets: 0n, outOctets: 0n }, { t: 10_000, inOctets: 1_250_000n, outOctets: 0n }, 1e6],
    ["counter reset", { t: 0, inOctets: 5n, outOctets: 5n }, { t: 10_000, inOctets: 1n, outOctets: 9n }, undefined],
    ["no time passed", { t: 5, inOctets: 0n, outOctets: 0n }, { t: 5, inOctets: 10n, outOctets: 10n }, undefined],
  ] as const)("%s", (_n, a, b, inBps) => {
    expect(rateOf(a, b)?.inBps).toBe(inBps);
  });
  it.each([
    // 32-bit counters wrap at 2^32: one wrap is 2^32 - prev + cur octets
    ["32-bit wrap", { t: 0, inOctets: 4_294_967_000n, outOctets: 0n, bits: 32 }, { t: 10_000, inOctets: 1_000n, outOctets: 0n, bits: 32, speedBps: 1e8 }, ((296 + 1_000) * 8) / 10],
    // ... unless that implies more than the interface can carry: the agent restarted
    ["32-bit restart", { t: 0, inOctets: 4_000_000_000n, outOctets: 0n, bits: 32 }, { t: 10_000, inOctets: 5n, outOctets: 0n, bits: 32, speedBps: 1e6 }, undefined],
    ["64-bit backwards is a reset", { t: 0, inOctets: 4_294_967_000n, outOctets: 0n, bits: 64 }, { t: 10_000, inOctets: 1_000n, outOctets: 0n, bits: 64 }, undefined],
    ["width changed (ifXTable appeared)", { t: 0, inOctets: 5n, outOctets: 0n, bits: 32 }, { t: 10_000, inOctets: 50n, outOctets: 0n, bits: 64 }, undefined],
  ] as const)("%s", (_n, a, b, inBps) => {
    expect(rateOf(a, b)?.inBps).toBe(inBps);
  });
  it("keeps exact deltas between counters above 2^53", () => {
    const big = 2n ** 60n;
    expect(rateOf({ t: 0, inOctets: big, outOctets: big }, { t: 1000, inOctets: big + 1n, outOctets: big + 3n })!.dOut).toBe(3n);
  });
});

describe("DerivedState", () => {
  it("derives link utilisation and each OPD's backbone traffic down/up from the Dinas side", () => {
    const inv = smallInventory();
    const st = new DerivedState(planDerived(inv));
    const t0 = Date.UTC(2026, 10, 23, 12, 0, 0);
    const big = 2n ** 55n;
    st.observe("core-sw", [...octets("core-sw", "bb-setda", big, big), ...octets("core-sw", "bb-dinkes", 0n, 0n)], t0);
    // 10 s later: 12.5 MB out (→ 10 Mbit/s down for setda), 2.5 MB in (2 Mbit/s up)
    st.observe("core-sw", [...octets("core-sw", "bb-setda", big + 2_500_000n, big + 12_500_000n), ...octets("core-sw", "bb-dinkes", 1_250_000n, 0n)], t0 + 10_000);
    const text = renderByFamily(st.samples(t0 + 10_000)).chunks;
    const all = parsePromText([...text.values()].join(""));
    const get = (name: string, labels: Record<string, string>) =>
      all.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(get("spbe_opd_backbone_traffic_bps", { opd: "setda", direction: "down" })).toBe(10e6);
    expect(get("spbe_opd_backbone_traffic_bps", { opd: "setda", direction: "up" })).toBe(2e6);
    expect(get("spbe_opd_quota_bps", { opd: "setda", direction: "down" })).toBe(50e6);
    expect(get("spbe_opd_quota_volume_bytes", { opd: "setda" })).toBe(2000e9);
    // the backbone link carries intranet traffic too: it is not the OPD's internet traffic
    expect(get("spbe_opd_traffic_bps", { opd: "setda", direction: "down" })).toBeUndefined();
    expect(get("spbe_opd_volume_bytes_total", { opd: "setda", direction: "down" })).toBeUndefined();
    // dinkes: core-sw is endpoint b of bb-dinkes; its ifHCInOctets = traffic from dinkes = "up"
    expect(get("spbe_opd_backbone_traffic_bps", { opd: "dinkes", direction: "up" })).toBe(1e6);
    expect(get("spbe_opd_backbone_traffic_bps", { opd: "dinkes", direction: "down" })).toBe(0);
    // link seen from endpoint a: bb-setda measured on a (core-sw): out = a→b = 10 Mbit/s
    expect(get("spbe_link_traffic_bps", { link: "bb-setda", direction: "out" })).toBe(10e6);
    expect(get("spbe_link_utilisation_ratio", { link: "bb-setda", direction: "out" })).toBeCloseTo(0.01, 10);
    // bb-dinkes measured on b (a is not reporting): a→b ("out") = b's in = 1 Mbit/s of 100
    expect(get("spbe_link_utilisation_ratio", { link: "bb-dinkes", direction: "out" })).toBeCloseTo(0.01, 10);
  });

  it("derives each OPD's internet traffic and month-to-date volume from the quota gateway's counters, with or without a backbone link", () => {
    const inv = smallInventory();
    inv.bandwidth!.quotas.push({ opd: "diskominfo", downMbps: 100, upMbps: 40 }); // in the data centre: no backbone link
    const st = new DerivedState(planDerived(inv));
    const t0 = Date.UTC(2026, 10, 23, 12, 0, 0);
    const counter = (opd: string, direction: string, bytes: bigint): Sample => ({ name: "spbe_opd_internet_bytes_total", type: "counter", help: "", labels: [["device", "gw"], ["opd", opd], ["direction", direction]], value: bytes.toString() });
    const big = 2n ** 55n;
    st.observe("gw", [counter("setda", "down", big), counter("setda", "up", 0n), counter("diskominfo", "down", 0n)], t0);
    // 10 s later: 12.5 MB down for setda (10 Mbit/s), 2.5 MB up; 25 MB down for diskominfo (20 Mbit/s)
    st.observe("gw", [counter("setda", "down", big + 12_500_000n), counter("setda", "up", 2_500_000n), counter("diskominfo", "down", 25_000_000n)], t0 + 10_000);
    const all = parsePromText([...renderByFamily(st.samples(t0 + 10_000)).chunks.values()].join(""));
    const get = (name: string, labels: Record<string, string>) =>
      all.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(get("spbe_opd_traffic_bps", { opd: "setda", direction: "down" })).toBe(10e6);
    expect(get("spbe_opd_traffic_bps", { opd: "setda", direction: "up" })).toBe(2e6);
    expect(get("spbe_opd_traffic_bps", { opd: "diskominfo", direction: "down" })).toBe(20e6);
    expect(get("spbe_opd_volume_bytes_total", { opd: "setda", direction: "down" })).toBe(12_500_000);
    expect(get("spbe_opd_volume_bytes_total", { opd: "diskominfo", direction: "down" })).toBe(25_000_000);
    // a counter that went backwards (the shaping was rebuilt) gives no rate, and the volume keeps what it had
    st.observe("gw", [counter("setda", "down", 1_000n)], t0 + 20_000);
    const after = parsePromText([...renderByFamily(st.samples(t0 + 20_000)).chunks.values()].join(""));
    expect(after.find((s) => s.name === "spbe_opd_traffic_bps" && s.labels.opd === "setda" && s.labels.direction === "down")).toBeUndefined();
    expect(after.find((s) => s.name === "spbe_opd_volume_bytes_total" && s.labels.opd === "setda" && s.labels.direction === "down")?.value).toBe(12_500_000);
    // a new month starts from zero
    const next = Date.UTC(2026, 11, 1, 0, 0, 5);
    expect(renderByFamily(st.samples(next)).chunks.get("spbe_opd_volume_bytes_total")).toContain('spbe_opd_volume_bytes_total{opd="setda",direction="down"} 0');
  });
});

describe("32-bit counters", () => {
  const c32 = (device: string, link: string, ifIndex: string, inV: bigint, outV: bigint, speed?: number): Sample[] => [
    { name: "ifInOctets", type: "counter", help: "", labels: [["device", device], ["ifIndex", ifIndex], ["link", link]], value: inV.toString() },
    { name: "ifOutOctets", type: "counter", help: "", labels: [["device", device], ["ifIndex", ifIndex], ["link", link]], value: outV.toString() },
    ...(speed === undefined ? [] : [{ name: "ifSpeed", type: "gauge" as const, help: "", labels: [["device", device], ["ifIndex", ifIndex], ["link", link]] as [string, string][], value: String(speed) }]),
  ];
  it("derive rates from ifIn/OutOctets when the interface has no HC counters, across a wrap", () => {
    const st = new DerivedState(planDerived(smallInventory()));
    st.observe("core-sw", c32("core-sw", "bb-setda", "1", 4_294_000_000n, 100n, 1e9), 0);
    st.observe("core-sw", c32("core-sw", "bb-setda", "1", 32_704n, 12_500_100n, 1e9), 10_000);
    const all = parsePromText([...renderByFamily(st.samples(10_000)).chunks.values()].join(""));
    const v = (dir: string) => all.find((s) => s.name === "spbe_link_traffic_bps" && s.labels.link === "bb-setda" && s.labels.direction === dir)?.value;
    expect(v("out")).toBe(10e6);
    // (2^32 - 4,294,000,000 + 32,704) octets = 1,000,000 octets in 10 s
    expect(v("in")).toBe(800_000);
  });
  it("prefer the HC counters when an interface has both", () => {
    const st = new DerivedState(planDerived(smallInventory()));
    st.observe("core-sw", [...c32("core-sw", "bb-setda", "1", 0n, 0n), ...octets("core-sw", "bb-setda", 0n, 0n)], 0);
    st.observe("core-sw", [...c32("core-sw", "bb-setda", "1", 999n, 999n), ...octets("core-sw", "bb-setda", 0n, 1_250_000n)], 10_000);
    const all = parsePromText([...renderByFamily(st.samples(10_000)).chunks.values()].join(""));
    expect(all.find((s) => s.name === "spbe_link_traffic_bps" && s.labels.direction === "out")?.value).toBe(1e6);
  });
  it("flag 32-bit interfaces whose counter can wrap within the poll interval", () => {
    const samples = [...c32("sw", "l2", "2", 0n, 0n, 1e9), ...c32("sw", "l3", "3", 0n, 0n, 1e8), ...c32("sw", "l4", "4", 0n, 0n), ...octets("sw", "l1", 0n, 0n)];
    const risk = counter32WrapRisk(samples, 60);
    // 1 Gb/s wraps 2^32 octets in 34.4 s (< 60 s); 100 Mb/s in 344 s; no speed: unknown; HC: no risk
    expect(risk.map((s) => [Object.fromEntries(s.labels).ifIndex, s.value])).toEqual([["2", "1"], ["3", "0"]]);
    expect(counter32WrapRisk(samples, 30).map((s) => s.value)).toEqual(["0", "0"]);
  });
});

describe("exposition", () => {
  it("escapes label values per the text format", () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect(renderLabels([["ifAlias", 'to "setda"'], ["x", ""]])).toBe('{ifAlias="to \\"setda\\"",x=""}');
  });
  it("groups samples by family and round-trips through a parser", () => {
    const { chunks, headers } = renderByFamily([
      { name: "a", type: "gauge", help: "h", labels: [["k", "1"]], value: "1" },
      { name: "b", type: "counter", help: "h", labels: [], value: "18446744073709551615" },
      { name: "a", type: "gauge", help: "h", labels: [["k", "2"]], value: "2" },
    ]);
    expect(chunks.get("a")).toBe('a{k="1"} 1\na{k="2"} 2\n');
    expect(chunks.get("b")).toBe("b 18446744073709551615\n");
    expect(headers.get("b")!.type).toBe("counter");
  });
});
