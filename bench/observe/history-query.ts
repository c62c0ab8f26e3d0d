// Benchmark of the report's history queries (target: 365 days × 1,000 devices in under 5 s), with
// its peers in the same run, alternating which goes first:
//   plan      observe/history.ts as the report runs it (the planner picks the hourly recorded series)
//   chunked   the same without the recording rule: raw series in chunks under --query.max-samples
//   naive     one instant query avg_over_time(spbe_snmp_up[365d]) over the raw series
//   node bin/run-ts.cjs bench/observe/history-query.ts [devices=1000] [days=365] [stepSeconds=300] [rounds=3]
// The TSDB (raw polls every stepSeconds plus the hourly recorded series, backfilled with promtool) is
// cached under $TMPDIR/spbe-bench-history-<devices>-<days>-<step>/ between runs: generating it takes
// minutes. Not a test: prints figures for docs/benchmarks.md.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import * as M from "../../collectors/metric-names";
import { readAvailabilityHistory } from "../../observe/history";
import { prometheusClient } from "../../observe/prometheus-api";
import { backfill, type HistorySeries } from "../../testkit/history/backfill";
import { startPrometheus } from "../../testkit/servers/prometheus";

const devices = Number(process.argv[2] ?? 1000);
const days = Number(process.argv[3] ?? 365);
const step = Number(process.argv[4] ?? 300);
const rounds = Number(process.argv[5] ?? 3);
const HOUR = 3600;
// A fixed period (so the cached TSDB fits every run): the 365 days before 2026-11-01.
const to = Date.UTC(2026, 10, 1) / 1000;
const from = to - days * 24 * HOUR;

function series(): HistorySeries[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: devices }, (_, i) => {
    const down: HistorySeries["down"] = [];
    // About a third of the devices have two outages a year, 10 min to 2 days long; one a 3-week one.
    if (rnd() < 0.33)
      for (let k = 0; k < 2; k++) {
        const start = from + Math.floor(rnd() * (days - 3)) * 24 * HOUR + Math.floor(rnd() * 24 * 12) * 300;
        down.push({ start, end: start + 600 + Math.floor(rnd() * 48 * 12) * 300 });
      }
    if (i === 0) down.push({ start: from + 40 * 24 * HOUR, end: from + 61 * 24 * HOUR });
    return { metric: M.SPBE_SNMP_UP, labels: { [M.LABEL_DEVICE]: `dev-${i}`, [M.LABEL_OPD]: `opd-${i % 200}` }, down };
  });
}

async function main() {
  const cache = path.join(os.tmpdir(), `spbe-bench-history-${devices}-${days}-${step}`);
  const dataDir = path.join(cache, "tsdb");
  if (!fs.existsSync(path.join(cache, "ready"))) {
    fs.rmSync(cache, { recursive: true, force: true });
    const t = performance.now();
    backfill({ from, to, step, series: series(), recorded: { [M.SPBE_SNMP_UP]: M.SPBE_DEVICE_UP_AVG1H } }, dataDir, path.join(cache, "om"));
    fs.writeFileSync(path.join(cache, "ready"), new Date().toISOString());
    process.stderr.write(`backfilled ${devices} devices × ${days} d every ${step} s in ${((performance.now() - t) / 1000).toFixed(0)} s → ${cache}\n`);
  }
  const prom = await startPrometheus({ dataDir });
  try {
    const period = { prometheusUrl: prom.url, from: new Date(from * 1000), to: new Date(to * 1000), timeoutMs: 120_000 };
    const client = prometheusClient(prom.url, { timeoutMs: 120_000 });
    const peers: Record<string, () => Promise<string>> = {
      plan: async () => {
        const { fact, plan } = await readAvailabilityHistory(period);
        if (fact.error) return `error ${fact.error.code}`;
        return `${plan!.devices}, ${plan!.queries} queries, ${fact.devices.length} devices, ${fact.devices.filter((d) => d.longestOutage).length} with an outage`;
      },
      chunked: async () => {
        const { fact, plan } = await readAvailabilityHistory({ ...period, ratioSource: "raw-chunked" });
        return fact.error ? `error ${fact.error.code}` : `${plan!.queries} queries, ${fact.devices.length} devices`;
      },
      naive: async () => {
        try {
          const r = await client.query(`avg by (${M.LABEL_DEVICE}) (avg_over_time(${M.SPBE_SNMP_UP}[${to - from}s]))`, to);
          return `${r.length} devices (ratios only)`;
        } catch (err) {
          return `refused: ${(err as Error).message.slice(0, 90)}`;
        }
      },
    };
    const names = Object.keys(peers);
    const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? names : [...names].reverse();
      for (const name of order) {
        const t = performance.now();
        const what = await peers[name]!();
        const ms = performance.now() - t;
        times[name]!.push(ms);
        console.log(`round ${r + 1} ${name.padEnd(8)} ${(ms / 1000).toFixed(2)} s  ${what}  load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`\n${devices} devices × ${days} days, raw polls every ${step} s, ${rounds} rounds, ${os.cpus().length} CPUs (${os.cpus()[0]?.model})`);
    for (const n of names) console.log(`median ${n.padEnd(8)} ${(median(times[n]!) / 1000).toFixed(2)} s`);
    console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  } finally {
    await prom.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
