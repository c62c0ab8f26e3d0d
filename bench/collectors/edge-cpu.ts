// CPU of a kabupaten edge per 1,000 devices at a 60 s interval: three vmagent members (Debian's
// victoria-metrics 1.79, hashmod shares, replication 1) each with a collector beside it polling on
// scrape (`--poll-on scrape`), remote-writing into VictoriaMetrics' single node; next to the same
// fleet on one collector polling on its own schedule (what `spbe serve` does alone, scraped by
// nobody here); and the bytes per sample remote_write puts on the wire (vmagent's own counters). CPU = user + system time from /proc/<pid>/stat of the edge's processes over the
// window; the simulator (net-snmp agents, another process) and VictoriaMetrics are not counted.
//
//   node bin/run-ts.cjs bench/collectors/edge-cpu.ts [devices=1000] [windowSeconds=120] [intervalSeconds=60]
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadInventoryOrThrow } from "../../inventory/load";
import { startServe } from "../../collectors/serve";
import { envSecrets } from "../../collectors/secrets";
import { startSimulator } from "../../collectors/simulator";
import { planEdgeMember } from "../../observe/edge/vmagent";
import { syntheticKabupatenYaml } from "../../testkit/edge/fleet";
import { freeTcpPort, httpOk, tempDir, waitFor } from "../../testkit/servers/common";
import { startVictoriaMetrics, startVmagent, type VmagentHandle } from "../../testkit/servers/victoria-metrics";

const RUN_TS = path.join(__dirname, "../../bin/run-ts.cjs");
const TICKS = 100; // USER_HZ on Linux

function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / TICKS; // utime, stime
}

/** Child mode: the simulator, or one collector reaching the simulator's endpoints from a JSON file. */
async function child(args: string[]): Promise<void> {
  const [mode, inventoryFile, endpointsFile, port, pollOn, interval] = args;
  const inventory = loadInventoryOrThrow(inventoryFile!);
  const secrets = envSecrets({ SPBE_SNMP_COMMUNITY: "edge-bench" });
  if (mode === "--simulator") {
    const sim = await startSimulator(inventory, { secrets });
    fs.writeFileSync(endpointsFile!, JSON.stringify(Object.fromEntries(sim.endpoints)));
    return;
  }
  const endpoints = JSON.parse(fs.readFileSync(endpointsFile!, "utf8")) as Record<string, { host: string; port: number }>;
  await startServe({ inventory, port: Number(port), pollOn: pollOn as "scrape" | "schedule", intervalSeconds: Number(interval), secrets, endpoint: (d) => endpoints[d.id], log: () => {} });
}

function spawnChild(args: string[]): ChildProcess {
  return spawn(process.execPath, [RUN_TS, __filename, "--child", ...args], { stdio: ["ignore", "inherit", "inherit"] });
}

async function collectorAt(inventoryFile: string, endpointsFile: string, pollOn: string, interval: number): Promise<{ proc: ChildProcess; url: string }> {
  const port = await freeTcpPort();
  const proc = spawnChild(["--collector", inventoryFile, endpointsFile, String(port), pollOn, String(interval)]);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`collector on ${url}`, () => httpOk(`${url}/healthz`), 120_000, 500);
  return { proc, url };
}

async function measure(what: string, pids: number[], windowS: number, warmupS: number): Promise<number> {
  process.stderr.write(`${what}: warm-up ${warmupS} s, then ${windowS} s measured\n`);
  await new Promise((r) => setTimeout(r, warmupS * 1000));
  const a = pids.map(cpuSeconds);
  await new Promise((r) => setTimeout(r, windowS * 1000));
  const b = pids.map(cpuSeconds);
  return b.reduce((s, x, i) => s + x - a[i]!, 0);
}

async function main(): Promise<void> {
  const [devices = 1000, windowS = 120, intervalS = 60] = process.argv.slice(2).map(Number);
  const dir = tempDir("edge-cpu");
  const inventoryFile = path.join(dir, "inventory.yaml");
  fs.writeFileSync(inventoryFile, syntheticKabupatenYaml(0, devices));
  const endpointsFile = path.join(dir, "endpoints.json");
  const sim = spawnChild(["--simulator", inventoryFile, endpointsFile]);
  const children: ChildProcess[] = [sim];
  const vmagents: VmagentHandle[] = [];
  const vm = await startVictoriaMetrics();
  try {
    await waitFor("the simulator's agents", () => fs.existsSync(endpointsFile), 300_000, 1000);
    const loaded = fs.readFileSync(endpointsFile, "utf8");
    process.stderr.write(`simulator: ${Object.keys(JSON.parse(loaded)).length} agents\n`);
    // Edge: three members, each with its collector.
    const names = ["vmagent-0", "vmagent-1", "vmagent-2"];
    const collectors = [];
    for (let i = 0; i < names.length; i++) collectors.push(await collectorAt(inventoryFile, endpointsFile, "scrape", intervalS));
    children.push(...collectors.map((c) => c.proc));
    for (let i = 0; i < names.length; i++) {
      const file = path.join(dir, `${names[i]}.yml`);
      const plan = planEdgeMember({
        province: "Bench", kabupaten: "Sintetis 0", members: names, member: names[i]!, replicationFactor: 1, sharding: "hashmod",
        sources: [{ job: "snmp", httpSd: { url: collectors[0]!.url } }], collector: new URL(collectors[i]!.url).host,
        remoteWrite: { kind: "single", url: vm.url }, bufferDir: path.join(dir, `${names[i]}-buffer`), scrapeConfigFile: file, scrapeTimeoutSeconds: 30,
      });
      vmagents.push(await startVmagent(plan.flags, { file, yaml: plan.scrapeConfigYaml }));
    }
    const edgeVmagent = await measureSplit("edge (3 vmagent + 3 collectors, poll on scrape)", vmagents.map((v) => v.pid), collectors.map((c) => c.proc.pid!), windowS, intervalS);
    // Wire cost of remote_write since the members started (warm-up included): compressed bytes per sample.
    const sent = (await Promise.all(vmagents.map((v) => v.remoteWriteTotals()))).reduce((a, t) => ({ bytes: a.bytes + t.bytes, samples: a.samples + t.samples }), { bytes: 0, samples: 0 });
    for (const v of vmagents) await v.stop();
    for (const c of collectors) c.proc.kill("SIGTERM");
    // One collector on its own schedule.
    const one = await collectorAt(inventoryFile, endpointsFile, "schedule", intervalS);
    children.push(one.proc);
    const single = await measure("one collector (own schedule)", [one.proc.pid!], windowS, intervalS);
    const per1000 = (cpu: number) => ((cpu / windowS) * 100 * (1000 / devices)).toFixed(2);
    const rows = [
      ["edge: 3 vmagent members", edgeVmagent.a],
      ["edge: 3 collectors beside them", edgeVmagent.b],
      ["edge total", edgeVmagent.a + edgeVmagent.b],
      ["one collector, own schedule", single],
    ] as const;
    process.stdout.write(`\n${devices} devices, interval ${intervalS} s, window ${windowS} s, ${os.cpus().length} CPUs, load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}\n`);
    process.stdout.write(`| processes | CPU seconds in the window | % of one CPU per 1,000 devices |\n|---|---|---|\n`);
    for (const [name, cpu] of rows) process.stdout.write(`| ${name} | ${cpu.toFixed(2)} | ${per1000(cpu)} |\n`);
    process.stdout.write(`remote_write: ${sent.samples} samples in ${sent.bytes} bytes, ${(sent.bytes / sent.samples).toFixed(1)} bytes per sample on the wire\n`);
  } finally {
    for (const v of vmagents) await v.stop().catch(() => {});
    for (const c of children) c.kill("SIGTERM");
    await vm.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function measureSplit(what: string, a: number[], b: number[], windowS: number, warmupS: number): Promise<{ a: number; b: number }> {
  process.stderr.write(`${what}: warm-up ${warmupS} s, then ${windowS} s measured\n`);
  await new Promise((r) => setTimeout(r, warmupS * 1000));
  const a0 = a.map(cpuSeconds), b0 = b.map(cpuSeconds);
  await new Promise((r) => setTimeout(r, windowS * 1000));
  return { a: a.reduce((s, p, i) => s + cpuSeconds(p) - a0[i]!, 0), b: b.reduce((s, p, i) => s + cpuSeconds(p) - b0[i]!, 0) };
}

if (process.argv[2] === "--child") {
  child(process.argv.slice(3)).catch((err) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`${(err as Error).stack}\n`);
      process.exit(1);
    },
  );
}
