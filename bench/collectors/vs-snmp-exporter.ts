// Benchmark: our poller vs Debian's prometheus-snmp-exporter 0.21, side by side in one run, doing
// the same work: the if_mib module (same OIDs; snmp.yml generated from our module table), SNMPv2c,
// max-repetitions 25, same timeout and retries, against a fleet of snmpd agents with ~150
// interfaces each (veth interfaces in a network namespace, so ~2,400 varbinds per device).
//
//   node bin/run-ts.cjs bench/collectors/vs-snmp-exporter.ts [--devices 200] [--ifaces 150] [--quick] [--exporter-first] [--no-gzip] [--jit-warmup 300]
//
// At each concurrency the two tools take turns at going first (ours first at c=1, 50; the exporter at
// c=10, 200; `--exporter-first` swaps that, so two runs cover both orders). The load average is read
// before each measurement and printed with it. Our store deflates each poll's text for gzip scrapes,
// as `spbe serve` does once Prometheus asks for gzip (the exporter gzips each answer too: fetch asks
// for it); `--no-gzip` leaves that out.
// Sets up the namespace `spbe-c-bench` (root needed), re-runs itself inside it, removes it at the
// end. Prints a markdown table. Not a test: figures go to docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { convertModule } from "../../collectors/convert";
import { createApp } from "../../collectors/http";
import { IF_MIB } from "../../collectors/modules";
import { pollTarget } from "../../collectors/poller";
import { PromStore } from "../../collectors/prom-store";
import { envSecrets } from "../../collectors/secrets";
import { snmpExporterConfig } from "../../collectors/snmp-exporter-config";
import { SnmpClient } from "../../collectors/snmp-client";
import type { Target } from "../../collectors/targets";
import { T } from "../../collectors/varbind";
import { startSnmpExporter } from "../../testkit/servers/snmp-exporter";
import { stopChild } from "../../testkit/servers/common";
import { COMMUNITY, mainThreadCpuSeconds, pct, procCpuSeconds, procRssMiB, runInsideBenchNetns, startFetcher, startFleet, startScraper } from "./fleet";

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const DEVICES = opt("devices", 200);
const IFACES = opt("ifaces", 150);
const SNMPD_PROCS = opt("snmpd", 4);
const QUICK = args.includes("--quick");
const EXPORTER_FIRST = args.includes("--exporter-first");
const GZIP = !args.includes("--no-gzip");
// Unmeasured polls before the first measurement, by clients of their own (the measured clients' sessions
// and cached lookups stay as they were): V8 compiles the poll path over the first few hundred polls,
// ~0.4 s of its helper threads' CPU, which a 20-poll warm-up left inside the c=1 row (docs/benchmarks.md).
const JIT_WARMUP_POLLS = opt("jit-warmup", 300);
const load1 = () => os.loadavg()[0]!;
const CONCURRENCY = QUICK ? [1, 10] : [1, 10, 50, 200];

async function runPool<T>(n: number, concurrency: number, job: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, async () => {
    while (next < n) await job(next++);
  }));
}

interface Row { tool: string; c: number; polls: number; wall: number; cpu: number; mainCpu?: number; p50: number; p95: number; rss: number; varbinds: number; errors: number; load: number; order: number }

async function inside(): Promise<void> {
  const fleet = await startFleet(DEVICES, SNMPD_PROCS);
  const secrets = envSecrets({}, { C: COMMUNITY });
  const exporter = await startSnmpExporter({ configYaml: snmpExporterConfig([IF_MIB], { community: COMMUNITY, maxRepetitions: 25, retries: 1, timeoutSeconds: 5 }) });
  const rows: Row[] = [];
  const targets: Target[] = fleet.ports.map((port, i) => ({
    device: `dev${i}`, role: "switch", site: "dc", opd: "diskominfo", host: "127.0.0.1", port,
    access: { version: "2c", community: { env: "C" } }, modules: ["if_mib"], intervalSeconds: 60,
    labels: [["device", `dev${i}`], ["site", "dc"], ["opd", "diskominfo"], ["role", "switch"]],
    linkByIfName: new Map(), linkByIfIndex: new Map(),
  }));
  const clients = targets.map((t) => new SnmpClient({ host: t.host, port: t.port, access: t.access, secrets, timeoutMs: 5000, retries: 1, maxRepetitions: 25 }));
  const store = new PromStore({ gzipAtPoll: GZIP });
  // warm-up both (JIT, v3-free sessions, snmpd caches)
  await runPool(Math.min(20, DEVICES), 10, async (i) => { store.update(await pollTarget(targets[i]!, clients[i]!)); });
  // The exporter is scraped from a process of its own: its answers' garbage stays out of our CPU figure.
  const fetcher = startFetcher(/snmp_scrape_pdus_returned \d/, /An error has occurred/);
  const scrapeUrl = (i: number) => `${exporter.url}/snmp?target=${encodeURIComponent(`127.0.0.1:${fleet.ports[i]}`)}&module=if_mib`;
  await runPool(Math.min(20, DEVICES), 10, async (i) => { await fetcher.get(scrapeUrl(i)); });
  const warmClients = targets.slice(0, 20).map((t) => new SnmpClient({ host: t.host, port: t.port, access: t.access, secrets, timeoutMs: 5000, retries: 1, maxRepetitions: 25 }));
  await runPool(JIT_WARMUP_POLLS, 10, async (k) => {
    const i = k % warmClients.length;
    store.update(await pollTarget(targets[i]!, warmClients[i]!));
  });
  for (const c of warmClients) c.close();

  const ours = async (c: number, polls: number, order: number) => {
    const lat: number[] = [];
    let varbinds = 0;
    let errors = 0;
    const load = load1();
    const main0 = mainThreadCpuSeconds();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await runPool(polls, c, async (i) => {
      const r = await pollTarget(targets[i]!, clients[i]!);
      store.update(r); // render the exposition text (and deflate it for gzip scrapes), as serve does
      lat.push(r.durationMs);
      varbinds += r.varbinds;
      if (r.errors.length) errors++;
    });
    const wall = (performance.now() - t0) / 1000;
    const cu = process.cpuUsage(cpu0);
    rows.push({ tool: "spbe", c, polls, wall, cpu: (cu.user + cu.system) / 1e6, mainCpu: mainThreadCpuSeconds() - main0, p50: pct(lat, 50), p95: pct(lat, 95), rss: process.memoryUsage().rss / 2 ** 20, varbinds: varbinds / polls, errors, load, order });
  };
  const theirs = async (c: number, polls: number, order: number) => {
    const lat: number[] = [];
    let errors = 0;
    const load = load1();
    const cpu0 = procCpuSeconds(exporter.pid);
    const t0 = performance.now();
    await runPool(polls, c, async (i) => {
      const r = await fetcher.get(scrapeUrl(i));
      lat.push(r.ms);
      if (!r.ok) errors++;
    });
    const wall = (performance.now() - t0) / 1000;
    rows.push({ tool: "snmp_exporter", c, polls, wall, cpu: procCpuSeconds(exporter.pid) - cpu0, p50: pct(lat, 50), p95: pct(lat, 95), rss: procRssMiB(exporter.pid), varbinds: NaN, errors, load, order });
  };
  for (const [k, c] of CONCURRENCY.entries()) {
    const polls = c === 1 ? Math.min(DEVICES, QUICK ? 20 : 40) : DEVICES;
    if ((k % 2 === 0) !== EXPORTER_FIRST) {
      await ours(c, polls, 1);
      await theirs(c, polls, 2);
    } else {
      await theirs(c, polls, 1);
      await ours(c, polls, 2);
    }
    process.stderr.write(`concurrency ${c} done\n`);
  }
  const snmpdCpu = fleet.pids.reduce((s, p) => s + procCpuSeconds(p), 0);

  for (const c of clients) c.close();
  fetcher.stop();
  await exporter.stop();
  for (const p of fleet.procs) await stopChild(p);

  // Scale: 1,000 devices x 50 interfaces in one store; scrape time and event-loop stalls. In a process
  // of its own, holding only that store as `spbe serve` does: in this one, beside the comparison's
  // store (~470 MiB RSS), gzip scrapes measured 495-741 ms against 75-185 ms alone (docs/benchmarks.md).
  const scale = execFileSync(process.execPath, [path.join(__dirname, "../../bin/run-ts.cjs"), __filename, "--scale-only"], { encoding: "utf8" }).trim();

  console.log(`\n${new Date().toISOString()}: fleet: ${DEVICES} snmpd targets (${SNMPD_PROCS} snmpd processes), ${IFACES} veth interfaces + lo; snmpd CPU total ${snmpdCpu.toFixed(1)} s; ${EXPORTER_FIRST ? "exporter first at c=1, 50" : "ours first at c=1, 50"}; our store ${GZIP ? "deflates each poll for gzip scrapes" : "text only (--no-gzip)"}; ${JIT_WARMUP_POLLS} unmeasured warm-up polls (--jit-warmup)\n`);
  console.log("| tool | concurrency | went | load avg (1 min) | polls | devices/s | CPU ms/device | p50 ms | p95 ms | RSS MiB | failed |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(`| ${r.tool} | ${r.c} | ${r.order === 1 ? "first" : "second"} | ${r.load.toFixed(1)} | ${r.polls} | ${(r.polls / r.wall).toFixed(1)} | ${((r.cpu / r.polls) * 1000).toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.rss.toFixed(0)} | ${r.errors} |`);
  }
  const ourRows = rows.filter((r) => r.tool === "spbe");
  console.log(`\nvarbinds per device (ours): ${ourRows[0]!.varbinds.toFixed(0)}`);
  for (const c of CONCURRENCY) {
    const a = rows.find((r) => r.tool === "spbe" && r.c === c)!;
    const b = rows.find((r) => r.tool === "snmp_exporter" && r.c === c)!;
    const speed = a.polls / a.wall / (b.polls / b.wall);
    const cpu = (a.cpu / a.polls) / (b.cpu / b.polls);
    // The rest of our CPU is V8's helper threads (optimizing compiler, concurrent GC) and zlib's pool.
    const main = ((a.mainCpu! / a.polls) * 1000).toFixed(1);
    console.log(`c=${c}: devices/s x${speed.toFixed(2)} ${speed >= 3 ? "(>= 3: met)" : "(< 3: missed)"}, CPU/device x${cpu.toFixed(2)} ${cpu <= 0.25 ? "(<= 1/4: met)" : "(> 1/4: missed)"}; load ${a.load.toFixed(1)} / ${b.load.toFixed(1)}; ours ${((a.cpu / a.polls) * 1000).toFixed(1)} ms per device of which main thread ${main}`);
  }
  console.log(`\n${scale}`);
}

/**
 * 1,000 devices x 50 interfaces in one store: each device's poll converted from IF-MIB varbinds
 * (synthetic agents: 1,000 real ones are not needed to measure the sink), then full /metrics
 * scrapes by curl from another process while the event loop is watched.
 */
export async function scaleScenario(devices = 1000, ifaces = 50): Promise<string> {
  // Polls deflate their text for gzip scrapes from the start, as after serve's first gzip scrape.
  const store = new PromStore({ gzipAtPoll: true });
  const cols = new Map<string, { oid: string; type: number; value: unknown }[]>();
  const t = IF_MIB.tables[0]!;
  const u64 = (v: bigint) => { const b = Buffer.alloc(8); b.writeBigUInt64BE(v); return b; };
  const build = (d: number) => {
    cols.clear();
    for (const l of t.lookups) cols.set(l.oid, Array.from({ length: ifaces }, (_, i) => ({ oid: `${l.oid}.${i + 1}`, type: T.OctetString, value: Buffer.from(l.label === "ifAlias" ? (i % 3 ? `uplink ${d}-${i}` : "") : `GigabitEthernet1/0/${i + 1}`) })));
    for (const c of t.columns) cols.set(c.oid, Array.from({ length: ifaces }, (_, i) => c.type === "counter" && c.name.startsWith("ifHC")
      ? { oid: `${c.oid}.${i + 1}`, type: T.Counter64, value: u64(2n ** 54n + BigInt(d * 1000 + i)) }
      : { oid: `${c.oid}.${i + 1}`, type: T.Integer, value: d + i }));
    return { scalars: new Map(), columns: cols } as never;
  };
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const cpu0 = process.cpuUsage();
  for (let d = 0; d < devices; d++) {
    const labels: [string, string][] = [["device", `dev${d}`], ["site", `site${d % 40}`], ["opd", `opd${d % 30}`], ["role", "switch"]];
    const samples = convertModule(IF_MIB, build(d), labels);
    store.update({ target: { device: `dev${d}`, labels } as Target, startedAt: Date.now(), durationMs: 30, up: true, samples, errors: [], modules: [{ module: "if_mib", status: "ok" }], pdus: 9, packets: 9, retries: 0, varbinds: 800, lagMs: 0 });
    await new Promise((r) => setImmediate(r)); // polls arrive one by one, spread over time
  }
  const cu = process.cpuUsage(cpu0);
  const updStall = h.max / 1e6;
  const series = Buffer.concat([...store.chunks()]).toString("utf8").split("\n").filter((l) => l && !l.startsWith("#")).length;
  const app = createApp(store);
  const server = await new Promise<import("node:http").Server>((r) => { const s = app.listen(0, "127.0.0.1", () => r(s)); });
  const url = `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}/metrics`;
  // curl from a scraper process started before the measurement (startScraper): spawning curl from
  // here would fork this large process inside the measured window and stall the loop itself.
  const scraper = startScraper();
  const curl = (gzip: boolean) => scraper.get(url, gzip);
  await scraper.get(url.replace("/metrics", "/healthz"), false);
  // Baseline: the loop's longest stall while the scraper only asks for /healthz (the machine's noise).
  h.reset();
  for (let i = 0; i < 5; i++) await scraper.get(url.replace("/metrics", "/healthz"), false);
  const idleStall = h.max / 1e6;
  const res: Record<string, { ms: number[]; bytes: number; stall: number }> = {};
  for (const gzip of [false, true]) {
    const k = gzip ? "gzip" : "plain";
    res[k] = { ms: [], bytes: 0, stall: 0 };
    await curl(gzip); // warm-up
    h.reset();
    for (let i = 0; i < 5; i++) {
      const a = await curl(gzip);
      res[k]!.ms.push(a.ms);
      res[k]!.bytes = a.bytes;
    }
    res[k]!.stall = h.max / 1e6;
  }
  h.disable();
  scraper.stop();
  server.close();
  const pl = res.plain!;
  const gz = res.gzip!;
  return [
    `scale (load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}): ${devices.toLocaleString("en")} devices x ${ifaces} interfaces = ${series.toLocaleString("en")} series; converting + rendering + deflating all polls: ${(((cu.user + cu.system) / 1e3) / devices).toFixed(2)} ms CPU per device, longest event-loop stall while updating ${updStall.toFixed(1)} ms`,
    `(five /healthz requests alone, the machine's noise: longest event-loop stall ${idleStall.toFixed(1)} ms)`,
    `full /metrics scrape (curl, 5 runs): median ${pct(pl.ms, 50).toFixed(0)} ms plain (${(pl.bytes / 2 ** 20).toFixed(0)} MiB), longest event-loop stall ${pl.stall.toFixed(1)} ms; gzip: median ${pct(gz.ms, 50).toFixed(0)} ms (${(gz.bytes / 2 ** 20).toFixed(1)} MiB on the wire), longest stall ${gz.stall.toFixed(1)} ms`,
  ].join("\n");
}

if (args.includes("--scale-only")) scaleScenario().then((s) => console.log(s));
else if (args.includes("--inside")) inside().catch((e) => { console.error(e); process.exit(1); });
else runInsideBenchNetns(__filename, args, IFACES);
