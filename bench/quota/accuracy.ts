// Quota accuracy on a namespace gateway, longer runs than the test: every OPD at once, each
// direction, ROUNDS rounds of SECONDS-second iperf3 runs; the collector's spbe_opd_traffic_bps
// over the same runs. Then the cost of applying the rendered script for many OPDs (first apply,
// re-apply unchanged, re-apply with one quota changed). Needs root.
//   node bin/run-ts.cjs bench/quota/accuracy.ts [seconds=10] [rounds=3] [opds-for-apply=200]
import { renderGatewayConfig } from "../../infra/quota";
import { GATEWAY, TEST_OPDS, testInventory, type TestOpd } from "../../testkit/quota/fixture";
import { opdUsage } from "../../testkit/quota/opd-usage";
import { startGatewayAgent } from "../../testkit/quota/gateway-agent";
import { createTestBed, iperf, requireNetnsTools, startIperfServers } from "../../testkit/quota/testbed";

const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
const manyOpds = Number(process.argv[4] ?? 200);
const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
const fmt = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `${mean.toFixed(2)} (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`;
};

async function main(): Promise<void> {
  requireNetnsTools();
  const bed = await createTestBed(TEST_OPDS, { mgmt: true });
  const servers = await startIperfServers(bed, TEST_OPDS.length);
  // The gateway's snmpd runs the rendered counter script (extend): spbe_opd_traffic_bps is what it counts.
  const agent = await startGatewayAgent(bed, testInventory());
  const snmpd = agent.snmpd;
  const usage = opdUsage(testInventory(), GATEWAY, { host: snmpd.host, port: snmpd.port }, snmpd.community);
  try {
    const rows: string[] = [];
    for (const direction of ["down", "up"] as const) {
      const ip: number[][] = TEST_OPDS.map(() => []);
      const sn: number[][] = TEST_OPDS.map(() => []);
      for (let r = 0; r < rounds; r++) {
        process.stderr.write(`${direction} round ${r + 1}/${rounds}\n`);
        const start = Date.now();
        const runs = TEST_OPDS.map((_, i) => iperf(bed, i, direction, seconds));
        await sleepUntil(start + 1_500);
        await usage.poll();
        await sleepUntil(start + (seconds + 0.5) * 1000);
        await usage.poll();
        const snmp = usage.rates();
        const res = await Promise.all(runs);
        TEST_OPDS.forEach((o, i) => {
          ip[i]!.push(res[i]!.bps / 1e6);
          sn[i]!.push(snmp.get(o.code)![direction] / 1e6);
        });
      }
      TEST_OPDS.forEach((o: TestOpd, i) => {
        const quota = direction === "down" ? o.downMbps : o.upMbps;
        const meanIp = ip[i]!.reduce((a, b) => a + b, 0) / rounds;
        const meanSn = sn[i]!.reduce((a, b) => a + b, 0) / rounds;
        rows.push(`| ${o.code} | ${direction} | ${quota} | ${fmt(ip[i]!)} | ${((meanIp / quota - 1) * 100).toFixed(1)}% | ${fmt(sn[i]!)} | ${((meanSn / meanIp - 1) * 100).toFixed(1)}% |`);
      });
    }
    console.log(`iperf3 -t ${seconds} -O 1, ${rounds} rounds, all OPDs at once; SNMP window 1.5 s..${seconds + 0.5} s of each run`);
    console.log("| OPD | direction | quota Mbit/s | iperf3 Mbit/s mean (min-max) | iperf3 vs quota | spbe_opd_traffic_bps Mbit/s | SNMP vs iperf3 |");
    console.log("|---|---|---|---|---|---|---|");
    for (const r of rows) console.log(r);

    // Applying for many OPDs: the script's cost on a gateway (one tc process per class and queue).
    const many: TestOpd[] = Array.from({ length: manyOpds }, (_, i) => ({ code: `opd-${String(i).padStart(3, "0")}`, subnet: `10.${100 + (i >> 8)}.${i & 255}.0/24`, downMbps: 5 + (i % 20), upMbps: 2 + (i % 10) }));
    const big = testInventory(many, 10_000);
    const t0 = performance.now();
    const script = renderGatewayConfig(big).script;
    const tRender = performance.now() - t0;
    const time = (s: string) => {
      const t = performance.now();
      bed.applyScript(s);
      return performance.now() - t;
    };
    const first = time(script);
    const again = time(script);
    const changedScript = renderGatewayConfig(testInventory(many.map((o, i) => (i === 7 ? { ...o, downMbps: o.downMbps + 1 } : o)), 10_000)).script;
    const changed = time(changedScript);
    console.log(`\n${manyOpds} OPDs (${script.split("\n").length} script lines): render ${tRender.toFixed(1)} ms; apply first ${first.toFixed(0)} ms, re-apply unchanged ${again.toFixed(0)} ms, re-apply with one quota changed ${changed.toFixed(0)} ms`);
  } finally {
    usage.stop();
    await agent.stop();
    await Promise.all(servers.map((s) => s.stop()));
    await bed.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
