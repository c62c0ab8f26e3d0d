// Benchmark: one `startServe` process polling 1,000 snmpd targets with 50 interfaces each every
// 60 s (the issue's sizing), for 75 s: every device polled on schedule, CPU used, the longest
// event-loop stall, and full /metrics scrapes (by curl, from another process) while it polls.
//
//   node bin/run-ts.cjs bench/collectors/sustained.ts [--devices 1000] [--ifaces 50] [--seconds 75]
//
// Runs inside the network namespace spbe-c-bench (created and removed here; root needed).
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Inventory } from "../../infra/inventory/schema";
import type { PollResult } from "../../collectors/poller";
import { startServe } from "../../collectors/serve";
import { stopChild } from "../../tests/support/servers/common";
import { COMMUNITY, pct, procCpuSeconds, runInsideBenchNetns, startFleet, startScraper } from "./fleet";

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const DEVICES = opt("devices", 1000);
const IFACES = opt("ifaces", 50);
const SECONDS = opt("seconds", 75);

function inventoryFor(ports: number[]): Inventory {
  return {
    meta: { kabupaten: "Bench", domain: "bench.go.id", profiles: ["bt-7-2019"], dinas: "diskominfo" },
    opds: [{ code: "diskominfo", name: "Diskominfo", pengelolaTik: [], subnets: [] }],
    sites: [{ id: "dc", name: "DC", kind: "datacenter", opd: "diskominfo", racks: [] }],
    devices: ports.map((port, i) => ({
      id: `sw-${i}`, role: "switch", site: "dc", heightU: 1, generalPurpose: false, owner: "dinas", interfaces: [],
      mgmtAddress: "127.0.0.1", snmp: { version: "2c", community: { env: "BENCH_COMMUNITY" }, port },
    })),
    links: [], cables: [], publicIp: { blocks: [], allocations: [] }, applications: [],
  } as Inventory;
}

async function inside(): Promise<void> {
  const fleet = await startFleet(DEVICES, 4);
  const polls: PollResult[] = [];
  const h = monitorEventLoopDelay({ resolution: 5 });
  const serve = await startServe({
    inventory: inventoryFor(fleet.ports), port: 0, intervalSeconds: 60, env: { BENCH_COMMUNITY: COMMUNITY },
    timeoutMs: 5000, retries: 1, log: () => undefined, onPoll: (r) => polls.push(r),
  });
  // switches are polled with system + if_mib + entity_sensor (snmpd has no sensors: an empty walk)
  const scraper = startScraper();
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  h.enable();
  // A 5 ms watchdog next to the histogram: for each gap over 40 ms, how much CPU this process used in
  // it. A gap with little CPU is the OS running someone else (2 shared cores), not our code blocking.
  let scraping = "";
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const gaps: string[] = [];
  const watchdog = setInterval(() => {
    const now = performance.now();
    const c = process.cpuUsage(lastCpu);
    if (now - last > 40) gaps.push(`${(now - last).toFixed(0)} ms (this process on CPU ${((c.user + c.system) / 1000).toFixed(0)} ms) at ${((Date.now() - t0) / 1000).toFixed(1)} s${scraping ? `, during a ${scraping} scrape` : ""}`);
    last = now;
    lastCpu = process.cpuUsage();
  }, 5);
  const scrapes: { ms: number; bytes: number }[] = [];
  const gzScrapes: { ms: number; bytes: number }[] = [];
  while (Date.now() - t0 < SECONDS * 1000) {
    await new Promise((r) => setTimeout(r, 5000));
    if (polls.length < DEVICES / 2) continue; // scrape once the store is well filled
    scraping = "plain";
    scrapes.push(await scraper.get(`${serve.url}/metrics`, false));
    scraping = "gzip";
    gzScrapes.push(await scraper.get(`${serve.url}/metrics`, true));
    scraping = "";
  }
  const wall = (Date.now() - t0) / 1000;
  const cu = process.cpuUsage(cpu0);
  h.disable();
  clearInterval(watchdog);
  scraper.stop();
  const snmpdCpu = fleet.pids.reduce((s, p) => s + procCpuSeconds(p), 0);
  await serve.close();
  for (const p of fleet.procs) await stopChild(p);

  const perDevice = new Map<string, number>();
  for (const p of polls) perDevice.set(p.target.device, (perDevice.get(p.target.device) ?? 0) + 1);
  const failed = polls.filter((p) => !p.up || p.errors.length > 0).length;
  const second = polls.filter((p) => p.startedAt - t0 > 60_000);
  const series = polls.at(-1)!.samples.length;
  console.log(`\n${DEVICES} devices (4 snmpd processes) x ${IFACES} veth interfaces + lo, every 60 s, ${wall.toFixed(0)} s run`);
  console.log(`polls: ${polls.length} (${failed} with an error); devices polled at least once: ${perDevice.size}/${DEVICES}; second round started: ${second.length}`);
  console.log(`scheduler lag: p50 ${pct(polls.map((p) => p.lagMs), 50).toFixed(0)} ms, p99 ${pct(polls.map((p) => p.lagMs), 99).toFixed(0)} ms, max ${Math.max(...polls.map((p) => p.lagMs)).toFixed(0)} ms`);
  console.log(`poll duration: p50 ${pct(polls.map((p) => p.durationMs), 50).toFixed(0)} ms, p95 ${pct(polls.map((p) => p.durationMs), 95).toFixed(0)} ms; ~${series} samples per device`);
  console.log(`CPU: ${(((cu.user + cu.system) / 1e6) / wall * 100).toFixed(1)}% of one core on average (${((cu.user + cu.system) / 1e3 / polls.length).toFixed(1)} ms per poll, scrapes included); snmpd ${snmpdCpu.toFixed(0)} s`);
  console.log(`event loop: p99 delay ${(h.percentile(99) / 1e6).toFixed(1)} ms, longest ${(h.max / 1e6).toFixed(1)} ms; gaps over 40 ms seen by the watchdog: ${gaps.length ? `\n  ${gaps.join("\n  ")}` : "none"}`);
  if (scrapes.length) {
    console.log(`full /metrics while polling: plain median ${pct(scrapes.map((s) => s.ms), 50).toFixed(0)} ms (${(scrapes.at(-1)!.bytes / 2 ** 20).toFixed(0)} MiB), gzip median ${pct(gzScrapes.map((s) => s.ms), 50).toFixed(0)} ms (${(gzScrapes.at(-1)!.bytes / 2 ** 20).toFixed(1)} MiB), ${scrapes.length} of each`);
  }
}

if (args.includes("--inside")) inside().catch((e) => { console.error(e); process.exit(1); });
else runInsideBenchNetns(__filename, args, IFACES);
