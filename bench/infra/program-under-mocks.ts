// Benchmark: the Pulumi program under mocks on the synthetic inventory (testkit/generate-inventory.ts,
// scale 1 = 10,000 applications), time and peak RSS, side by side with the naive peer: the same
// containers and networks registered with plain @pulumi/docker classes and no planning (what a
// hand-written program would do). Each run is its own process so its peak RSS is its own.
//   node bin/run-ts.cjs bench/infra/program-under-mocks.ts [programScale=1] [peerScale=0.1]
// The peer runs at a smaller scale by default: it costs ~20x more per application (docs/benchmarks.md).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateInventoryYaml } from "../../testkit/generate-inventory";

const ROOT = resolve(__dirname, "../..");

type Row = { variant: string; resources: number; seconds: number; cpuSeconds: number; peakRssMiB: number; liveHeapMiB: number };

function measure(variant: "program" | "baseline", file: string, nodeFlags: string[] = []): Row {
  const out = execFileSync(process.execPath, [...nodeFlags, join(ROOT, "bin/run-ts.cjs"), join(__dirname, "run-variant.ts"), variant, file, "dev-1"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Row;
}

function main() {
  const programScale = Number(process.argv[2] ?? 1);
  const peerScale = Number(process.argv[3] ?? 0.1);
  const dir = mkdtempSync(join(tmpdir(), "spbe-infra-bench-"));
  const files = new Map<number, string>();
  const inventory = (scale: number) => {
    let file = files.get(scale);
    if (!file) {
      file = join(dir, `inventory-${scale}.yaml`);
      writeFileSync(file, generateInventoryYaml(scale));
      files.set(scale, file);
    }
    return file;
  };
  // The program with node's defaults (as `pulumi up` runs it), the same with the heap capped at
  // 1 GiB (V8 otherwise grows the heap well past the live set), and the naive peer.
  const runs: { label: string; variant: "program" | "baseline"; scale: number; flags: string[] }[] = [
    { label: "program", variant: "program", scale: programScale, flags: [] },
    { label: "program, --max-old-space-size=1024", variant: "program", scale: programScale, flags: ["--max-old-space-size=1024"] },
    { label: "peer: plain @pulumi/docker classes", variant: "baseline", scale: peerScale, flags: [] },
  ];
  try {
    const rows: Record<string, unknown>[] = [];
    for (const run of runs) {
      const file = inventory(run.scale);
      process.stderr.write(`${run.label} at scale ${run.scale} (${Math.round(10000 * run.scale)} applications)...\n`);
      const r = measure(run.variant, file, run.flags);
      const apps = Math.round(10000 * run.scale);
      rows.push({ run: run.label, applications: apps, resources: r.resources, seconds: r.seconds, cpuSeconds: r.cpuSeconds, peakRssMiB: r.peakRssMiB, liveHeapMiB: r.liveHeapMiB, msPerApplication: Math.round((r.seconds * 100000) / apps) / 100 });
    }
    console.table(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
