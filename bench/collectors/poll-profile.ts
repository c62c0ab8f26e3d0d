// Profiling driver for the poll path alone: a small snmpd fleet in `spbe-c-bench`, every device polled
// (walk + convert + PromStore.update, as serve does) `--rounds` times at `--concurrency`, nothing else
// in the process, so a --cpu-prof profile shows only the poll path (net-snmp's decode vs ours).
//
//   SPBE_BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node bin/run-ts.cjs bench/collectors/poll-profile.ts [--devices 20] [--rounds 10] [--concurrency 10] [--warmup-rounds 0] [--no-gzip]
//
// --warmup-rounds N polls every device N times before measuring (default 0: the first polls include
// V8 compiling the poll path). Root needed (network namespace). Prints CPU ms per device poll; the profile is the figure to read.
import { pollTarget } from "../../collectors/poller";
import { PromStore } from "../../collectors/prom-store";
import { envSecrets } from "../../collectors/secrets";
import { SnmpClient } from "../../collectors/snmp-client";
import type { Target } from "../../collectors/targets";
import { stopChild } from "../../testkit/servers/common";
import { loadavg } from "node:os";
import { constants as perfConstants, PerformanceObserver } from "node:perf_hooks";
import { COMMUNITY, mainThreadCpuSeconds, procCpuSeconds, runInsideBenchNetns, startFleet } from "./fleet";

const loadAverage = () => loadavg()[0]!.toFixed(2);

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const DEVICES = opt("devices", 20);
const ROUNDS = opt("rounds", 10);
const CONCURRENCY = opt("concurrency", 10);
// Polls before the measured ones, as a long-running `spbe serve` is: V8 compiles the poll path during
// the first few hundred polls (~0.4 s of its helper threads' CPU, docs/benchmarks.md), a one-off cost.
const WARMUP_ROUNDS = opt("warmup-rounds", 0);
// As vs-snmp-exporter.ts: the store deflates each poll for gzip scrapes (serve does, once Prometheus asked).
const GZIP = !args.includes("--no-gzip");

async function inside(): Promise<void> {
  const fleet = await startFleet(DEVICES, 2);
  const secrets = envSecrets({}, { C: COMMUNITY });
  const targets: Target[] = fleet.ports.map((port, i) => ({
    device: `dev${i}`, role: "switch", site: "dc", opd: "diskominfo", host: "127.0.0.1", port,
    access: { version: "2c", community: { env: "C" } }, modules: ["if_mib"], intervalSeconds: 60,
    labels: [["device", `dev${i}`], ["site", "dc"], ["opd", "diskominfo"], ["role", "switch"]],
    linkByIfName: new Map(), linkByIfIndex: new Map(),
  }));
  const clients = targets.map((t) => new SnmpClient({ host: t.host, port: t.port, access: t.access, secrets, timeoutMs: 5000, retries: 1, maxRepetitions: 25 }));
  const store = new PromStore({ gzipAtPoll: GZIP });
  const jobs = Array.from({ length: DEVICES * ROUNDS }, (_, k) => k % DEVICES);
  const runJobs = async (list: number[]) => {
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < list.length) {
        const i = list[next++]!;
        store.update(await pollTarget(targets[i]!, clients[i]!));
      }
    }));
  };
  await runJobs(Array.from({ length: DEVICES * WARMUP_ROUNDS }, (_, k) => k % DEVICES));
  // Time in the garbage collector's pauses on the main thread (scavenges apart): the share of the poll
  // path that keeping fewer objects alive could save. Helper threads' GC work shows only in cpuUsage.
  let gcMs = 0;
  let scavengeMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      if ((e as { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) scavengeMs += e.duration;
    }
  });
  gcObserver.observe({ entryTypes: ["gc"] });
  const snmpd0 = fleet.pids.reduce((s, p) => s + procCpuSeconds(p), 0);
  const main0 = mainThreadCpuSeconds();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await runJobs(jobs);
  const cu = process.cpuUsage(cpu0);
  const mainMs = ((mainThreadCpuSeconds() - main0) * 1000) / jobs.length;
  const snmpd = fleet.pids.reduce((s, p) => s + procCpuSeconds(p), 0) - snmpd0;
  gcObserver.disconnect();
  const ours = (cu.user + cu.system) / 1000 / jobs.length;
  const agent = (snmpd * 1000) / jobs.length;
  // user and system apart: at concurrency 1 every round trip puts the process to sleep and wakes it
  // (epoll, context switch), which shows as system time; the ratio uses snmpd, on the same cores in
  // the same run, as the yardstick of how fast the machine is right now.
  console.log(`${jobs.length} polls at concurrency ${CONCURRENCY} after ${WARMUP_ROUNDS * DEVICES} unmeasured, in ${((performance.now() - t0) / 1000).toFixed(1)} s, load ${loadAverage()}; poller CPU ${ours.toFixed(2)} ms per device poll (user ${(cu.user / 1000 / jobs.length).toFixed(2)}, system ${(cu.system / 1000 / jobs.length).toFixed(2)}; main thread ${mainMs.toFixed(2)}, helper threads ${(ours - mainMs).toFixed(2)}), GC pauses ${(gcMs / jobs.length).toFixed(2)} ms (scavenges ${(scavengeMs / jobs.length).toFixed(2)}), snmpd ${agent.toFixed(2)} ms, poller / snmpd ${(ours / agent).toFixed(2)}, max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (${GZIP ? "deflating each poll" : "text only"})`);
  for (const c of clients) c.close();
  for (const p of fleet.procs) await stopChild(p);
}

if (args.includes("--inside")) inside().catch((e) => { console.error(e); process.exit(1); });
else runInsideBenchNetns(__filename, args, opt("ifaces", 150));
