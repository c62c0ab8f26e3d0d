// The rendered configuration on a real Linux gateway (network namespaces, tc HTB, nftables), with
// iperf3 from every OPD at once; the gateway's snmpd running the rendered counter script through
// `extend`, polled by the collectors' own pipeline (module spbe_quota → spbe_opd_traffic_bps); an
// OPD's traffic to a data-centre namespace beside it; the dashboards' over-quota alert rule run by
// promtool on the measured figures. Needs root.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDerived } from "../../collectors/derived";
import { buildAlertRules, OVER_QUOTA_ALERT } from "../../dashboards/build";
import { planQuotas, renderGatewayConfig } from "../../infra/quota";
import { linuxTcRollback } from "../../infra/quota/linux-tc";
import { runPromtool, writeRuleTests, type AlertCase } from "../../testkit/promtool";
import { type Spawned } from "../../testkit/servers/common";
import { startGatewayAgent, type GatewayAgent } from "../../testkit/quota/gateway-agent";
import { GATEWAY, TEST_OPDS, testInventory, type TestOpd } from "../../testkit/quota/fixture";
import { opdUsage, type OpdUsage } from "../../testkit/quota/opd-usage";
import { createTestBed, DC_ADDR, iperf, requireNetnsTools, startIperfServers, type TestBed } from "../../testkit/quota/testbed";

const RUN_SECONDS = 6; // iperf3 -t (plus 1 s omitted for slow start)
/** The collector's window: inside the steady part of the run, as long as it can be. */
const POLL_AT_MS = [1_500, 6_500];
/** The shaper against the quota. */
const TOLERANCE = 0.1;
/** The gateway's counters against iperf3's receiver figure, counted as the counters count (WIRE_PER_PAYLOAD). */
const COUNTER_TOLERANCE = 0.05;
/**
 * The tc class counts whole frames; iperf3 counts TCP payload. At the veths' MTU of 1500 a full
 * segment carries 1448 payload bytes (Linux uses TCP timestamps) in 1514 bytes: Ethernet 14, IPv4 20,
 * TCP 20 + 12 of options. Comparing like with like, iperf3's figure times 1514/1448.
 */
const WIRE_PER_PAYLOAD = 1514 / 1448;
/** setda's office has no backbone link in the inventory (an OPD in the data-centre building). */
const LINKLESS = ["setda"];
const inventory = (opds: TestOpd[] = TEST_OPDS) => testInventory(opds, 100, LINKLESS);

interface Measured {
  phase: string;
  opd: string;
  direction: "down" | "up";
  quotaMbps: number;
  iperfMbps: number;
  snmpMbps: number;
}

let bed: TestBed | undefined;
let iperfServers: Spawned[] = [];
let agent: GatewayAgent | undefined;
let usage: OpdUsage | undefined;
const measured: Measured[] = [];
const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

beforeAll(async () => {
  requireNetnsTools();
  bed = await createTestBed(TEST_OPDS, { mgmt: true, dataCenter: true });
  iperfServers = [...(await startIperfServers(bed, TEST_OPDS.length)), ...(await startIperfServers(bed, TEST_OPDS.length, bed.dataCenter))];
  agent = await startGatewayAgent(bed, inventory());
  const snmpd = agent.snmpd;
  usage = opdUsage(inventory(), GATEWAY, { host: snmpd.host, port: snmpd.port }, snmpd.community);
}, 60_000);

/** Applies the rendered shaping and installs its counter script, as the apply command does on a gateway. */
const applyConfig = (inv: ReturnType<typeof inventory>) => agent!.apply(inv);

afterAll(async () => {
  usage?.stop();
  await agent?.stop();
  await Promise.all(iperfServers.map((s) => s.stop()));
  await bed?.destroy();
  if (measured.length > 0) {
    const rows = measured.map((m) => `| ${m.phase} | ${m.opd} | ${m.direction} | ${m.quotaMbps} | ${m.iperfMbps.toFixed(2)} | ${m.snmpMbps.toFixed(2)} |`);
    console.log(["| phase | OPD | direction | applied quota Mbit/s | iperf3 Mbit/s | SNMP Mbit/s |", "|---|---|---|---|---|---|", ...rows].join("\n"));
  }
});

/** iperf3 from every OPD at once; the collector polls the gateway inside the steady part of the run. */
async function measure(phase: string, opds: TestOpd[], direction: "down" | "up", to?: string): Promise<Measured[]> {
  const start = Date.now();
  const runs = opds.map((_, i) => iperf(bed!, i, direction, RUN_SECONDS, to));
  for (const at of POLL_AT_MS) {
    await sleepUntil(start + at);
    await usage!.poll();
  }
  const snmp = usage!.rates();
  const results = await Promise.all(runs);
  const rows = opds.map((o, i) => ({
    phase,
    opd: o.code,
    direction,
    quotaMbps: direction === "down" ? o.downMbps : o.upMbps,
    iperfMbps: results[i]!.bps / 1e6,
    snmpMbps: (snmp.get(o.code)?.[direction] ?? NaN) / 1e6,
  }));
  measured.push(...rows);
  return rows;
}

function expectWithin(rows: Measured[]): void {
  for (const r of rows) {
    expect(Math.abs(r.iperfMbps / r.quotaMbps - 1), `${r.opd} ${r.direction}: iperf3 ${r.iperfMbps.toFixed(2)} vs quota ${r.quotaMbps}`).toBeLessThanOrEqual(TOLERANCE);
    const wire = r.iperfMbps * WIRE_PER_PAYLOAD;
    expect(Math.abs(r.snmpMbps / wire - 1), `${r.opd} ${r.direction}: SNMP ${r.snmpMbps.toFixed(2)} vs iperf3 ${r.iperfMbps.toFixed(2)} (${wire.toFixed(2)} on the wire)`).toBeLessThanOrEqual(COUNTER_TOLERANCE);
  }
}

describe("bandwidth quotas on a namespace gateway", () => {
  it("applying the rendered script twice leaves the gateway as applying it once", () => {
    const script = renderGatewayConfig(inventory()).script;
    bed!.applyScript(script);
    const once = bed!.gatewayState();
    expect(once).toContain("spbe_quota");
    bed!.applyScript(script);
    expect(bed!.gatewayState()).toEqual(once);
  });

  it("up: every OPD at once, each within 10% of its quota; the collector's spbe_opd_traffic_bps (the gateway's counters) within 5% of iperf3", async () => {
    expectWithin(await measure("shaped", TEST_OPDS, "up"));
  }, 30_000);

  it("down: every OPD at once, each within 10% of its quota; the collector's spbe_opd_traffic_bps within 5% of iperf3", async () => {
    expectWithin(await measure("shaped", TEST_OPDS, "down"));
  }, 30_000);

  it("an OPD without a backbone link (setda) has its internet series, measured at the gateway", () => {
    const setda = planDerived(inventory()).opds.find((o) => o.opd === "setda")!;
    expect(setda.dinasSide).toEqual([]);
    const rows = measured.filter((m) => m.opd === "setda" && m.phase === "shaped");
    expect(rows.map((r) => r.direction).sort()).toEqual(["down", "up"]);
    for (const r of rows) expect(r.snmpMbps, `setda ${r.direction}`).toBeGreaterThan(r.quotaMbps * 0.8);
  });

  for (const direction of ["up", "down"] as const) {
    it(`intranet (${direction}): every OPD's traffic with the data centre passes its quota and stays out of its internet series`, async () => {
      const rows = await measure("data centre", TEST_OPDS, direction, DC_ADDR);
      // Up (towards the data centre) leaves through an interface without shaping. Down (from it)
      // leaves through the LAN interface in HTB's default class, which all OPDs share up to the
      // upstream's capacity (100 Mbit/s here), unevenly: their sum is what passes the quotas.
      const sum = (f: (r: Measured) => number) => rows.reduce((t, r) => t + f(r), 0);
      if (direction === "down") expect(sum((r) => r.iperfMbps), "all OPDs from the data centre").toBeGreaterThan(sum((r) => r.quotaMbps) * 1.5);
      for (const r of rows) {
        if (direction === "up") expect(r.iperfMbps, `${r.opd} ${direction} to the data centre: not shaped`).toBeGreaterThan(r.quotaMbps * 1.5);
        // Nothing else runs: the OPD's internet counters do not move (a few control packets at most).
        expect(r.snmpMbps, `${r.opd} ${direction}: internet series while talking to the data centre`).toBeLessThan(0.05);
      }
    }, 30_000);
  }

  it("a changed quota, re-rendered and re-applied, changes only its class and the rate follows", async () => {
    const changed = TEST_OPDS.map((o) => (o.code === "dinkes" ? { ...o, downMbps: 16 } : o.code === "disdik" ? { ...o, downMbps: 5 } : o));
    const before = bed!.gatewayState().split("\n");
    applyConfig(inventory(changed));
    const after = bed!.gatewayState().split("\n");
    const differs = after.filter((l) => !before.includes(l));
    // Two OPDs changed: their class lines, and their leaf queues (whose length follows the rate).
    const classes = differs.filter((l) => l.startsWith("class htb"));
    expect(classes).toHaveLength(2);
    expect(classes.every((l) => /^class htb 1:[0-9a-f]+ parent 1:1 leaf .* rate (16|5)Mbit ceil (16|5)Mbit/.test(l)), differs.join("\n")).toBe(true);
    expect(differs.filter((l) => !l.startsWith("class htb")).every((l) => /^qdisc (pfifo|fq_codel) [0-9a-f]+: parent 1:[0-9a-f]+ /.test(l)), differs.join("\n")).toBe(true);
    expectWithin(await measure("changed", changed, "down"));
  }, 30_000);

  it("over-quota alert: quiet on the shaped figures, firing on figures from a gateway running a wrong configuration", async () => {
    // The NOC's quotas stay those of the inventory; the gateway runs a configuration with every
    // quota doubled (a stale or hand-edited script): what the alert exists to catch.
    const doubled = TEST_OPDS.map((o) => ({ ...o, downMbps: o.downMbps * 2, upMbps: o.upMbps * 2 }));
    applyConfig(inventory(doubled));
    const wrong = (await measure("wrong config (2x)", doubled, "up")).map((r, i) => ({ ...r, quotaMbps: TEST_OPDS[i]!.upMbps }));
    for (const r of wrong) expect(r.snmpMbps, `${r.opd} unshaped`).toBeGreaterThan(r.quotaMbps * 1.5);

    // Quiet case from the shaped "down" figures (the class counters are read after the shaper; "down"
    // is what the quota's own runs above checked most tightly), and from the data-centre runs: traffic
    // far above the quota on the backbone that is not internet traffic (what fired falsely before
    // spbe_opd_traffic_bps was measured at the gateway).
    const shaped = measured.filter((m) => m.phase === "shaped" && m.direction === "down");
    const series = (rows: Measured[]) =>
      rows.flatMap((r) => [
        // 15 one-minute samples of the measured rate: longer than the rule's `for: 5m`.
        { series: `spbe_opd_traffic_bps{opd="${r.opd}",direction="${r.direction}"}`, values: `${Math.round(r.snmpMbps * 1e6)}x15` },
        { series: `spbe_opd_quota_bps{opd="${r.opd}",direction="${r.direction}"}`, values: `${r.quotaMbps * 1e6}x15` },
      ]);
    const cases: AlertCase[] = [
      { name: "shaped OPDs (measured) stay quiet", alert: OVER_QUOTA_ALERT, input: series(shaped), evalTime: "12m", expect: [] },
      { name: "intranet traffic above the quota (measured) stays quiet", alert: OVER_QUOTA_ALERT, input: series(measured.filter((m) => m.phase === "data centre")), evalTime: "12m", expect: [] },
      {
        name: "OPDs above their quota (measured) fire",
        alert: OVER_QUOTA_ALERT,
        input: series(wrong),
        evalTime: "12m",
        expect: wrong.map((r) => ({
          labels: { opd: r.opd, direction: "up", severity: "warning" },
          summary: `OPD ${r.opd} above its up quota`,
          summary_id: `OPD ${r.opd} melebihi kuota up`,
        })),
      },
    ];
    const rules = buildAlertRules(inventory())[0]!.content;
    const { dir, testFile } = writeRuleTests(rules, cases);
    const r = runPromtool(["test", "rules", testFile], dir);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("SUCCESS");
  }, 30_000);

  it("the rollback (Pulumi's delete) removes the HTB trees and the nft table, twice is safe, and the script restores them", () => {
    const cfg = renderGatewayConfig(inventory());
    // The shaping part of the rollback: its counter part removes files under /etc and /usr/local
    // and reloads snmpd, which here would be the host's own.
    const rollback = linuxTcRollback(planQuotas(inventory()));
    expect(cfg.rollback.startsWith(rollback)).toBe(true);
    bed!.applyScript(cfg.script);
    // Sorted: a tree built afresh lists its classes in another order than one changed in place.
    const state = () => bed!.gatewayState().split("\n").sort();
    const applied = state();
    bed!.applyScript(rollback);
    bed!.applyScript(rollback);
    const gw = bed!.gw;
    for (const dev of [cfg.classes[0]!.interface, cfg.classes.at(-1)!.interface]) {
      expect(bed!.exec(gw, "tc", ["qdisc", "show", "dev", dev])).not.toContain("htb");
      expect(bed!.exec(gw, "tc", ["class", "show", "dev", dev])).toBe("");
    }
    expect(bed!.exec(gw, "nft", ["list", "tables"])).not.toContain("spbe_quota");
    bed!.applyScript(cfg.script);
    expect(state()).toEqual(applied);
  }, 30_000);
});
