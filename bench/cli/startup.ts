// Benchmark: the `spbe` command as a user runs it, whole processes (issue 15.4). Each case runs
// several times, alternating with bare `node -e 0` (and with an older checkout's `spbe` when
// --before is given) in the same run, so the ratios share the machine's load. Wall time, CPU time
// (user + sys) and peak RSS come from GNU time; the load average is printed with every round.
//   node bin/run-ts.cjs bench/cli/startup.ts [--runs 3] [--before <checkout>] [--cases help,validate,...]
// --before: another checkout with its node_modules (e.g. `git archive <commit> | tar -x -C dir`,
// then a node_modules link), whose bin/spbe.cjs is run with the same arguments.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import * as jsyaml from "js-yaml";
import { stringify } from "yaml";
import { generateInventory, generateInventoryYaml } from "../../testkit/generate-inventory";

const root = resolve(__dirname, "../..");
const fixtures = join(root, "bench/.fixtures");
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg("--runs") ?? 3);
const before = arg("--before") ? resolve(arg("--before")!) : undefined;
const only = arg("--cases")?.split(",");

mkdirSync(fixtures, { recursive: true });
function fixture(name: string, make: () => string): string {
  const file = join(fixtures, name);
  if (!existsSync(file)) writeFileSync(file, make());
  return file;
}
const scale1 = fixture("synthetic-1.yaml", () => generateInventoryYaml(1));
// The same inventory with warnings only: quotas above the upstream (operators oversubscribe on
// purpose) and one application's evidence dated in another year than its reference says.
const scale1Warnings = fixture("synthetic-1-warnings.yaml", () => {
  const inv = generateInventory(1);
  inv.bandwidth.upstreamMbps = 1000;
  inv.applications[7000].securityAssessment = { date: "2026-06-01", ref: "BSSN/PKS/2019/17" };
  return stringify(inv, { lineWidth: 0, aliasDuplicateObjects: false });
});
// ~50 MB: scale 1 is ~11.9 MB. Written by js-yaml: yaml's stringify of this much takes gigabytes.
const fiftyMb = fixture("synthetic-4.2.yaml", () => jsyaml.dump(generateInventory(4.2), { lineWidth: -1, noRefs: true }));

interface Sample {
  wall: number;
  cpu: number;
  rssMb: number;
  status: number | null;
}

const timeFile = join(mkdtempSync(join(tmpdir(), "spbe-startup-")), "time.txt");

/** One whole process under GNU time: wall and user+sys seconds, peak RSS. */
function measure(argv: string[], env: Record<string, string> = {}): Sample {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", "-o", timeFile, ...argv], {
    cwd: root,
    env: { ...process.env, LANG: "C.UTF-8", ...env },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    timeout: 600_000,
  });
  const [wall, user, sys, rssKb] = readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(/\s+/).map(Number);
  return { wall: wall!, cpu: user! + sys!, rssMb: rssKb! / 1024, status: r.status };
}

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** Run before each sample (e.g. warm the cache once, or clear it). */
  prepare?: (cacheDir: string) => void;
  /** Whether the --before checkout runs this case (the 50 MB file took minutes and died there before issue 15). */
  beforeToo: boolean;
}

const cacheDir = join(tmpdir(), `spbe-startup-cache-${process.pid}`);
const clearCache = () => rmSync(cacheDir, { recursive: true, force: true });
const cases: Case[] = [
  { name: "help", args: ["--help"], beforeToo: true },
  { name: "validate", args: ["validate", scale1], env: { SPBE_NO_CACHE: "1" }, beforeToo: true },
  { name: "validate-miss", args: ["validate", scale1], prepare: clearCache, beforeToo: true },
  { name: "validate-cached", args: ["validate", scale1], beforeToo: true },
  { name: "validate-warnings", args: ["validate", scale1Warnings], env: { SPBE_NO_CACHE: "1" }, beforeToo: true },
  { name: "validate-warnings-cached", args: ["validate", scale1Warnings], beforeToo: true },
  { name: "report", args: ["report", scale1, "--format", "json", "--as-of", "2026-12-01"], env: { SPBE_NO_CACHE: "1" }, beforeToo: true },
  { name: "report-cached", args: ["report", scale1, "--format", "json", "--as-of", "2026-12-01"], beforeToo: true },
  { name: "validate-50mb", args: ["validate", fiftyMb], env: { SPBE_NO_CACHE: "1" }, beforeToo: false },
].filter((c) => !only || only.includes(c.name));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
console.log(`fixtures: scale 1 ${(statSync(scale1).size / 1e6).toFixed(1)} MB, with warnings ${(statSync(scale1Warnings).size / 1e6).toFixed(1)} MB, ${(statSync(fiftyMb).size / 1e6).toFixed(1)} MB`);
// The compiled build is brought up to date first, so no run pays for it.
spawnSync(process.execPath, [join(root, "scripts/build-cli.cjs"), "--if-stale"], { stdio: "inherit" });
clearCache();

console.log("case | who | runs | wall s (median) | CPU s (median) | peak RSS MB | wall / node | CPU / node | exit | load average at start");
for (const c of cases) {
  const samples: Record<string, Sample[]> = { node: [], after: [], before: [] };
  // A cached case reads what a run just before it stored (another case may have cleared the cache).
  // Each checkout keys its entries by its own code, so both warm their own entry in the one folder.
  if (c.name.endsWith("-cached")) {
    for (const bin of [root, ...(before && c.beforeToo ? [before] : [])]) measure([process.execPath, join(bin, "bin/spbe.cjs"), ...c.args], { SPBE_CACHE_DIR: cacheDir });
  }
  const loadAtStart = load();
  for (let i = 0; i < runs; i++) {
    const order = ["node", "after", ...(before && c.beforeToo ? ["before"] : [])];
    if (i % 2 === 1) order.reverse();
    for (const who of order) {
      if (who === "node") {
        samples.node!.push(measure([process.execPath, "-e", "0"]));
        continue;
      }
      c.prepare?.(cacheDir);
      const bin = who === "after" ? join(root, "bin/spbe.cjs") : join(before!, "bin/spbe.cjs");
      samples[who]!.push(measure([process.execPath, bin, ...c.args], { SPBE_CACHE_DIR: cacheDir, ...c.env }));
    }
  }
  const node = samples.node!;
  for (const who of ["before", "after"]) {
    const s = samples[who]!;
    if (s.length === 0) continue;
    const wall = median(s.map((x) => x.wall));
    const cpu = median(s.map((x) => x.cpu));
    console.log(
      [
        c.name,
        who,
        s.length,
        wall.toFixed(2),
        cpu.toFixed(2),
        Math.max(...s.map((x) => x.rssMb)).toFixed(0),
        (wall / median(node.map((x) => x.wall))).toFixed(1),
        (cpu / median(node.map((x) => x.cpu))).toFixed(1),
        [...new Set(s.map((x) => x.status))].join(","),
        loadAtStart,
      ].join(" | "),
    );
  }
  console.log(`${c.name} | node -e 0 | ${node.length} | ${median(node.map((x) => x.wall)).toFixed(2)} | ${median(node.map((x) => x.cpu)).toFixed(2)} | ${Math.max(...node.map((x) => x.rssMb)).toFixed(0)} | 1.0 | 1.0 | 0 | ${load()}`);
}
clearCache();
