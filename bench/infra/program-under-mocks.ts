// Benchmark: the Pulumi program under mocks on the synthetic inventory (bench/generate-inventory.ts,
// scale 1 = 10,000 applications), time and peak RSS, side by side with the naive peer: the same
// containers and networks registered with plain @pulumi/docker classes and no planning (what a
// hand-written program would do). Each run is its own process so its peak RSS is its own.
//   node bin/run-ts.cjs bench/infra/program-under-mocks.ts [programScale=1] [peerScale=0.1]
// The peer runs at a smaller scale by default: at scale 1 it needs about 10 GiB (docs/benchmarks.md).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateInventoryYaml } from "../generate-inventory";

const ROOT = resolve(__dirname, "../..");

function measure(variant: "program" | "baseline", file: string): { variant: string; resources: number; seconds: number; cpuSeconds: number; peakRssMiB: number } {
  const out = execFileSync(process.execPath, ["--max-old-space-size=16384", join(ROOT, "bin/run-ts.cjs"), join(__dirname, "run-variant.ts"), variant, file, "dev-1"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

function main() {
  const programScale = Number(process.argv[2] ?? 1);
  const peerScale = Number(process.argv[3] ?? 0.1);
  const dir = mkdtempSync(join(tmpdir(), "spbe-infra-bench-"));
  try {
    const rows: Record<string, unknown>[] = [];
    for (const [variant, scale] of [["program", programScale], ["baseline", peerScale]] as const) {
      const file = join(dir, `inventory-${scale}.yaml`);
      writeFileSync(file, generateInventoryYaml(scale));
      process.stderr.write(`${variant} at scale ${scale} (${Math.round(10000 * scale)} applications)...\n`);
      const r = measure(variant, file);
      rows.push({ ...r, scale, applications: Math.round(10000 * scale), msPerApplication: Math.round((r.seconds * 1000 * 100) / (10000 * scale)) / 100 });
    }
    console.table(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
