// The rendered configuration on a real Linux gateway (network namespaces, tc HTB, nftables), with
// iperf3 from every OPD at once; the gateway's snmpd polled by the collectors' own pipeline; the
// dashboards' over-quota alert rule run by promtool on the measured figures. Needs root.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAlertRules, OVER_QUOTA_ALERT } from "../../dashboards/build";
import { renderGatewayConfig } from "../../infra/quota";
import { runPromtool, writeRuleTests, type AlertCase } from "../../testkit/promtool";
import { startSnmpd, type SnmpdHandle } from "../../testkit/servers/snmpd";
import { run, type Spawned } from "../../testkit/servers/common";
import { GATEWAY, TEST_OPDS, testInventory, type TestOpd } from "../../testkit/quota/fixture";
import { NS_CACHE_TABLE, NS_CACHE_TIMEOUT_IFTABLE, opdUsage, type OpdUsage } from "../../testkit/quota/opd-usage";
import { createTestBed, iperf, requireNetnsTools, startIperfServers, type TestBed } from "../../testkit/quota/testbed";

const RUN_SECONDS = 6; // iperf3 -t (plus 1 s omitted for slow start)
/** The collector's window: inside the steady part of the run, as long as it can be. */
const POLL_AT_MS = [1_500, 6_500];
const TOLERANCE = 0.1;

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
let snmpd: SnmpdHandle | undefined;
let usage: OpdUsage | undefined;
const measured: Measured[] = [];
const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

beforeAll(async () => {
  requireNetnsTools();
  bed = await createTestBed(TEST_OPDS, { mgmt: true });
  iperfServers = await startIperfServers(bed, TEST_OPDS.length);
  const rw = `spbe-q-rw-${process.pid}`;
  snmpd = await startSnmpd({ netns: bed.gw, host: bed.mgmtAddress!, community: `spbe-q-${process.pid}`, extraConfig: `rwcommunity ${rw} default ${NS_CACHE_TABLE}` });
  const set = await run("snmpset", ["-v2c", "-c", rw, "-t", "1", `${snmpd.host}:${snmpd.port}`, NS_CACHE_TIMEOUT_IFTABLE, "i", "0"]);
  if (set.code !== 0) throw new Error(`could not switch off snmpd's interface cache: ${set.stderr}`);
  usage = opdUsage(testInventory(), GATEWAY, { host: snmpd.host, port: snmpd.port }, snmpd.community);
}, 60_000);

afterAll(async () => {
  usage?.stop();
  await snmpd?.stop();
  await Promise.all(iperfServers.map((s) => s.stop()));
  await bed?.destroy();
  if (measured.length > 0) {
    const rows = measured.map((m) => `| ${m.phase} | ${m.opd} | ${m.direction} | ${m.quotaMbps} | ${m.iperfMbps.toFixed(2)} | ${m.snmpMbps.toFixed(2)} |`);
    console.log(["| phase | OPD | direction | applied quota Mbit/s | iperf3 Mbit/s | SNMP Mbit/s |", "|---|---|---|---|---|---|", ...rows].join("\n"));
  }
});

/** iperf3 from every OPD at once; the collector polls the gateway inside the steady part of the run. */
async function measure(phase: string, opds: TestOpd[], direction: "down" | "up"): Promise<Measured[]> {
  const start = Date.now();
  const runs = opds.map((_, i) => iperf(bed!, i, direction, RUN_SECONDS));
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
    expect(Math.abs(r.snmpMbps / r.iperfMbps - 1), `${r.opd} ${r.direction}: SNMP ${r.snmpMbps.toFixed(2)} vs iperf3 ${r.iperfMbps.toFixed(2)}`).toBeLessThanOrEqual(TOLERANCE);
  }
}

describe("bandwidth quotas on a namespace gateway", () => {
  it("applying the rendered script twice leaves the gateway as applying it once", () => {
    const script = renderGatewayConfig(testInventory()).script;
    bed!.applyScript(script);
    const once = bed!.gatewayState();
    expect(once).toContain("spbe_quota");
    bed!.applyScript(script);
    expect(bed!.gatewayState()).toEqual(once);
  });

  it("up: every OPD at once, each within 10% of its quota; the collector's spbe_opd_traffic_bps agrees", async () => {
    expectWithin(await measure("shaped", TEST_OPDS, "up"));
  }, 30_000);

  it("down: every OPD at once, each within 10% of its quota; the collector's spbe_opd_traffic_bps agrees", async () => {
    expectWithin(await measure("shaped", TEST_OPDS, "down"));
  }, 30_000);

  it("a changed quota, re-rendered and re-applied, changes only its class and the rate follows", async () => {
    const changed = TEST_OPDS.map((o) => (o.code === "dinkes" ? { ...o, downMbps: 16 } : o.code === "disdik" ? { ...o, downMbps: 5 } : o));
    const before = bed!.gatewayState().split("\n");
    bed!.applyScript(renderGatewayConfig(testInventory(changed)).script);
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
    bed!.applyScript(renderGatewayConfig(testInventory(doubled)).script);
    const wrong = (await measure("wrong config (2x)", doubled, "up")).map((r, i) => ({ ...r, quotaMbps: TEST_OPDS[i]!.upMbps }));
    for (const r of wrong) expect(r.snmpMbps, `${r.opd} unshaped`).toBeGreaterThan(r.quotaMbps * 1.5);

    // Quiet case from the shaped "down" figures: read after the shaper, they cannot pass the quota.
    // (Up is read before it, on the OPD's port: a filling queue can put one short window a few
    // percent over, which the rule's `for: 5m` absorbs but a 5 s sample cannot.)
    const shaped = measured.filter((m) => m.phase === "shaped" && m.direction === "down");
    const series = (rows: Measured[]) =>
      rows.flatMap((r) => [
        // 15 one-minute samples of the measured rate: longer than the rule's `for: 5m`.
        { series: `spbe_opd_traffic_bps{opd="${r.opd}",direction="${r.direction}"}`, values: `${Math.round(r.snmpMbps * 1e6)}x15` },
        { series: `spbe_opd_quota_bps{opd="${r.opd}",direction="${r.direction}"}`, values: `${r.quotaMbps * 1e6}x15` },
      ]);
    const cases: AlertCase[] = [
      { name: "shaped OPDs (measured) stay quiet", alert: OVER_QUOTA_ALERT, input: series(shaped), evalTime: "12m", expect: [] },
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
    const rules = buildAlertRules(testInventory())[0]!.content;
    const { dir, testFile } = writeRuleTests(rules, cases);
    const r = runPromtool(["test", "rules", testFile], dir);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("SUCCESS");
  }, 30_000);

  it("the rollback (Pulumi's delete) removes the HTB trees and the nft table, twice is safe, and the script restores them", () => {
    const cfg = renderGatewayConfig(testInventory());
    bed!.applyScript(cfg.script);
    // Sorted: a tree built afresh lists its classes in another order than one changed in place.
    const state = () => bed!.gatewayState().split("\n").sort();
    const applied = state();
    bed!.applyScript(cfg.rollback);
    bed!.applyScript(cfg.rollback);
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
