// Runs the benchmarks, one after another, each in its own process (as its header documents it):
//
//   npm run bench                                  every benchmark at a quick scale (minutes; a smoke run)
//   npm run bench -- --list                        names, what each measures, quick and full arguments
//   npm run bench -- policies inventory            only those, quick
//   npm run bench -- --full policies               at the scale of docs/benchmarks.md (long: up to ~15 min each)
//   npm run bench -- policies -- 0.5 1000          one benchmark with its own arguments (after --)
//
// (or `node bin/run-ts.cjs bench/run-all.ts ...`). The quick scale only shows that each benchmark starts,
// measures and ends cleanly: its figures are not the ones to quote. Benchmarks marked root create
// network namespaces; run as root, or they are reported as not run. Exit status 1 if any failed.
import { spawn, spawnSync } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(__dirname, "..");

interface Bench {
  name: string;
  file: string;
  about: string;
  /** A small scale that still exercises every step. */
  quick: string[];
  /** The scale docs/benchmarks.md reports (the file's own defaults unless stated there). */
  full: string[];
  root?: boolean;
  /** The collectors' benchmarks share one namespace name and delete it on start: never two at once. */
  netns?: string;
}

const BENCHES: Bench[] = [
  {
    name: "cli",
    file: "bench/cli/startup.ts",
    about: "whole-process spbe: --help, validate (cold, cached, with warnings, 50 MB), report, each beside bare node -e 0",
    quick: ["--runs", "1", "--cases", "help,validate-cached"],
    full: [],
  },
  {
    name: "inventory",
    file: "bench/inventory/load-validate.ts",
    about: "load + validate synthetic inventories of growing size, cold and warm",
    quick: ["--scales", "0.05,0.1"],
    full: [],
  },
  {
    name: "dashboards",
    file: "bench/dashboards/build.ts",
    about: "building dashboards and rule files, next to one-panel-set-per-link boards",
    quick: ["--scales", "0.01,0.05"],
    full: [],
  },
  {
    name: "policies",
    file: "bench/policies/evaluate.ts",
    about: "the compliance engine on 10,000 applications, next to the CrossGuard pack's gRPC analyzer",
    quick: ["0.05", "100"],
    full: ["1", "2000"],
  },
  {
    name: "history",
    file: "bench/observe/history-query.ts",
    about: "the report's availability history queries on 365 days × 1,000 devices in a real Prometheus, next to the same without the recording rule and one naive raw query",
    quick: ["50", "14", "300", "1"],
    full: ["1000", "365", "300", "3"],
  },
  {
    name: "infra",
    file: "bench/infra/program-under-mocks.ts",
    about: "the Pulumi program under mocks, time and peak RSS, next to plain @pulumi/docker classes",
    quick: ["0.02", "0.01"],
    full: ["1", "0.1"],
  },
  {
    name: "collectors-vs-snmp-exporter",
    file: "bench/collectors/vs-snmp-exporter.ts",
    about: "our poller vs prometheus-snmp-exporter on an snmpd fleet in a network namespace",
    quick: ["--quick", "--devices", "20", "--ifaces", "10"],
    full: [],
    root: true,
    netns: "spbe-c-bench",
  },
  {
    name: "collectors-poll-profile",
    file: "bench/collectors/poll-profile.ts",
    about: "the poll path alone (walk, convert, store) against snmpd: our CPU per device poll next to snmpd's; run with --cpu-prof to profile",
    quick: ["--devices", "5", "--rounds", "2", "--ifaces", "10"],
    full: [],
    root: true,
    netns: "spbe-c-bench",
  },
  {
    name: "edge-cpu",
    file: "bench/collectors/edge-cpu.ts",
    about: "CPU of a kabupaten edge (3 vmagent members + 3 collectors polling on scrape) per 1,000 devices at 60 s, next to one collector on its own schedule",
    quick: ["50", "20", "10"],
    full: ["1000", "120", "60"],
  },
  {
    name: "collectors-sustained",
    file: "bench/collectors/sustained.ts",
    about: "one `serve` polling a fleet every 60 s while /metrics is scraped: schedule, CPU, event-loop stalls",
    quick: ["--devices", "20", "--ifaces", "4", "--seconds", "20"],
    full: [],
    root: true,
    netns: "spbe-c-bench",
  },
  {
    name: "noc-board",
    file: "bench/collectors/board.ts",
    about: "the NOC board page + first /board.json for 1,000 links in headless Chromium: bytes on the wire, time to drawn, CPU",
    quick: ["0.1", "2"],
    full: ["1", "5"],
  },
  {
    name: "observe-dns",
    file: "bench/observe/dns.ts",
    about: "spbe observe's DNS work (AXFR + 1,000 names) against a local BIND 9, next to dig serial and xargs -P dig",
    quick: ["100", "2"],
    full: ["1000", "4"],
  },
  {
    name: "quota",
    file: "bench/quota/accuracy.ts",
    about: "bandwidth quota accuracy with iperf3 on a namespace gateway, and the cost of applying many quotas",
    quick: ["2", "1", "10"],
    full: ["10", "3", "200"],
    root: true,
  },
];

const QUICK_TIMEOUT_MS = 10 * 60_000;
const FULL_TIMEOUT_MS = 60 * 60_000;

function usage(): string {
  const lines = ["benchmarks (npm run bench -- [--list] [--full] [name...] [-- args]):", ""];
  for (const b of BENCHES) {
    lines.push(`  ${b.name}${b.root ? "  (root)" : ""}`);
    lines.push(`      ${b.about}`);
    lines.push(`      quick: node bin/run-ts.cjs ${[b.file, ...b.quick].join(" ")}`);
    lines.push(`      full:  node bin/run-ts.cjs ${[b.file, ...b.full].join(" ")}${b.full.length ? "" : "  (its defaults)"}`);
  }
  return lines.join("\n");
}

function netnsExists(name: string): boolean {
  const r = spawnSync("ip", ["netns", "list"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.split("\n").some((l) => l.split(" ")[0] === name);
}

function runOne(b: Bench, args: string[], timeoutMs: number): Promise<{ ok: boolean; note: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(ROOT, "bin/run-ts.cjs"), resolve(ROOT, b.file), ...args], { cwd: ROOT, stdio: "inherit" });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      done({ ok: false, note: err.message });
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) done({ ok: false, note: `stopped after ${timeoutMs / 60_000} min` });
      else done({ ok: code === 0, note: code === 0 ? "" : `exit ${code ?? signal}` });
    });
  });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const dashdash = argv.indexOf("--");
  const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
  const passThrough = dashdash >= 0 ? argv.slice(dashdash + 1) : undefined;
  if (own.includes("--help") || own.includes("-h") || own.includes("--list")) {
    console.log(usage());
    return 0;
  }
  const full = own.includes("--full");
  const names = own.filter((a) => !a.startsWith("--"));
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHES.map((b) => b.name).join(", ")} (--list)`);
    return 2;
  }
  const chosen = names.length ? BENCHES.filter((b) => names.includes(b.name)) : BENCHES;
  if (passThrough && chosen.length !== 1) {
    console.error("arguments after -- are for one benchmark: name exactly one");
    return 2;
  }
  const isRoot = process.getuid?.() === 0;
  const results: { name: string; status: string; seconds: number }[] = [];
  for (const b of chosen) {
    const args = passThrough ?? (full ? b.full : b.quick);
    if (b.root && !isRoot) {
      results.push({ name: b.name, status: "NOT RUN: needs root (network namespaces)", seconds: 0 });
      continue;
    }
    if (b.netns && netnsExists(b.netns)) {
      results.push({ name: b.name, status: `NOT RUN: namespace ${b.netns} exists (another run in progress? \`ip netns del ${b.netns}\` if not)`, seconds: 0 });
      continue;
    }
    console.log(`\n=== ${b.name}: node bin/run-ts.cjs ${b.file} ${args.join(" ")}`);
    const t0 = Date.now();
    const r = await runOne(b, args, full || passThrough ? FULL_TIMEOUT_MS : QUICK_TIMEOUT_MS);
    results.push({ name: b.name, status: r.ok ? "ok" : `FAILED (${r.note})`, seconds: Math.round((Date.now() - t0) / 1000) });
  }
  console.log(`\n=== ${full ? "full" : passThrough ? "given arguments" : "quick"} run`);
  for (const r of results) console.log(`${r.name.padEnd(30)} ${String(r.seconds).padStart(5)} s  ${r.status}`);
  return results.some((r) => r.status.startsWith("FAILED")) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
