// Benchmark: one `startServe` process polling 1,000 snmpd targets with 50 interfaces each every
// 60 s (the issue's sizing), for 75 s: every device polled on schedule, CPU used, the longest
// event-loop stall, and full /metrics scrapes (by curl, from another process) while it polls.
// Side by side in the same run: the same store streamed by the old drain-only loop (drain-only-peer.ts).
//
//   node bin/run-ts.cjs bench/collectors/sustained.ts [--devices 1000] [--ifaces 50] [--seconds 75]
//
// Runs inside the network namespace spbe-c-bench (created and removed here; root needed).
import * as fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Inventory } from "../../inventory/schema";
import type { PollResult } from "../../collectors/poller";
import { startServe } from "../../collectors/serve";
import { stopChild } from "../../testkit/servers/common";
import { startDrainOnlyPeer } from "./drain-only-peer";
import { COMMUNITY, pct, procCpuSeconds, runInsideBenchNetns, startFleet, startScraper } from "./fleet";

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const DEVICES = opt("devices", 1000);
const IFACES = opt("ifaces", 50);
const SECONDS = opt("seconds", 75);

const PEER = "drain-only";

interface Gap {
  ms: number;
  processCpuMs: number; // every thread of the process
  mainCpuMs: number; // the event loop's thread only
  waitMs: number; // the event loop's thread runnable, but the OS ran something else
  atS: number;
  during: string; // which scrape was in flight, "" for none
}

/** The main thread's scheduler counters (Linux): ns on a CPU, ns runnable but waiting for one. */
function mainThreadSched(): { run: number; wait: number } {
  const [run, wait] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ").map(Number);
  return { run: run!, wait: wait! };
}

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
  const peer = await startDrainOnlyPeer(serve.store); // the same store, streamed the old way
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  h.enable();
  // A 5 ms watchdog next to the histogram: for each gap over 40 ms, how much CPU was used in it. A gap
  // with little main-thread CPU is the OS running someone else (2 shared cores), not our code blocking.
  // process.cpuUsage() counts every thread (GC helpers, libuv pool, zlib); the main thread's own
  // schedstat (ns on CPU, ns waiting for a CPU) says whether the loop itself ran or was preempted.
  let scraping = "";
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let lastMain = mainThreadSched();
  const gaps: Gap[] = [];
  let scrapeWorst: Gap | undefined; // the longest watchdog interval of the scrape in flight
  const watchdog = setInterval(() => {
    const now = performance.now();
    const c = process.cpuUsage(lastCpu);
    const m = mainThreadSched();
    const g: Gap = { ms: now - last, processCpuMs: (c.user + c.system) / 1000, mainCpuMs: (m.run - lastMain.run) / 1e6, waitMs: (m.wait - lastMain.wait) / 1e6, atS: (Date.now() - t0) / 1000, during: scraping };
    if (g.ms > 40) gaps.push(g);
    if (scraping && (!scrapeWorst || g.ms > scrapeWorst.ms)) scrapeWorst = g;
    last = now;
    lastCpu = process.cpuUsage();
    lastMain = m;
  }, 5);
  const scrapes: { ms: number; bytes: number }[] = [];
  const gzScrapes: { ms: number; bytes: number }[] = [];
  const peerScrapes: { ms: number; bytes: number }[] = [];
  const worstOf = new Map<string, Gap[]>(); // per kind of scrape: each scrape's longest gap
  const scrape = async (kind: string, url: string, gzip: boolean, into: { ms: number; bytes: number }[]) => {
    scraping = kind;
    scrapeWorst = undefined;
    into.push(await scraper.get(url, gzip));
    scraping = "";
    if (scrapeWorst) worstOf.set(kind, [...(worstOf.get(kind) ?? []), scrapeWorst]);
  };
  while (Date.now() - t0 < SECONDS * 1000) {
    await new Promise((r) => setTimeout(r, 5000));
    if (polls.length < DEVICES / 2) continue; // scrape once the store is well filled
    // ours and the peer take turns at going first after the 5 s pause (the first scrape meets more
    // poll results waiting to be stored)
    const ours = () => scrape("plain", `${serve.url}/metrics`, false, scrapes);
    const old = () => scrape(PEER, peer.url, false, peerScrapes);
    if (scrapes.length % 2 === 0) { await ours(); await old(); } else { await old(); await ours(); }
    await scrape("gzip", `${serve.url}/metrics`, true, gzScrapes);
  }
  const wall = (Date.now() - t0) / 1000;
  const cu = process.cpuUsage(cpu0);
  h.disable();
  clearInterval(watchdog);
  scraper.stop();
  const snmpdCpu = fleet.pids.reduce((s, p) => s + procCpuSeconds(p), 0);
  await peer.close();
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
  const fmt = (g: Gap) => `${g.ms.toFixed(0)} ms (main thread on CPU ${g.mainCpuMs.toFixed(0)} ms, waiting for a CPU ${g.waitMs.toFixed(0)} ms; process on CPU ${g.processCpuMs.toFixed(0)} ms) at ${g.atS.toFixed(1)} s${g.during ? `, during a ${g.during} scrape` : ""}`;
  console.log(`event loop: p99 delay ${(h.percentile(99) / 1e6).toFixed(1)} ms, longest ${(h.max / 1e6).toFixed(1)} ms; gaps over 40 ms seen by the watchdog: ${gaps.length ? `\n  ${gaps.map(fmt).join("\n  ")}` : "none"}`);
  console.log("longest event-loop gap of each scrape (ms, main thread on CPU / waiting for a CPU in it):");
  for (const [kind, label] of [["plain", "plain, ours"], [PEER, `plain, ${PEER} peer`], ["gzip", "gzip, ours"]] as const) {
    const ws = worstOf.get(kind) ?? [];
    if (!ws.length) continue;
    console.log(`  ${label}: median ${pct(ws.map((g) => g.ms), 50).toFixed(0)}, max ${Math.max(...ws.map((g) => g.ms)).toFixed(0)}; main thread on CPU in it: median ${pct(ws.map((g) => g.mainCpuMs), 50).toFixed(0)}, max ${Math.max(...ws.map((g) => g.mainCpuMs)).toFixed(0)}; scrapes with a gap over 50 ms: ${ws.filter((g) => g.ms > 50).length}/${ws.length}, of which the main thread ran 40+ ms: ${ws.filter((g) => g.ms > 50 && g.mainCpuMs >= 40).length}`);
    console.log(`    ${ws.map((g) => `${g.ms.toFixed(0)} (${g.mainCpuMs.toFixed(0)}/${g.waitMs.toFixed(0)})`).join(", ")}`);
  }
  if (scrapes.length) {
    const med = (xs: { ms: number }[]) => pct(xs.map((s) => s.ms), 50).toFixed(0);
    console.log(`full /metrics while polling: plain median ${med(scrapes)} ms (${(scrapes.at(-1)!.bytes / 2 ** 20).toFixed(0)} MiB), gzip median ${med(gzScrapes)} ms (${(gzScrapes.at(-1)!.bytes / 2 ** 20).toFixed(1)} MiB), ${PEER} peer plain median ${med(peerScrapes)} ms, ${scrapes.length} of each`);
  }
}

if (args.includes("--inside")) inside().catch((e) => { console.error(e); process.exit(1); });
else runInsideBenchNetns(__filename, args, IFACES);
