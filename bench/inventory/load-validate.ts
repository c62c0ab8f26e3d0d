// Benchmark: load + validate synthetic inventories at several sizes, to show the time per size and
// that it grows about linearly. Cold = a fresh node process doing one load (what `spbe validate`
// pays); warm = the median of 3 further loads in the same process (a long-running `spbe serve`).
// Also times the positions path (yaml Document API), which only runs when there is something to report.
//   node bin/run-ts.cjs bench/inventory/load-validate.ts [--scales 0.25,0.5,1,2]
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { loadInventoryFile } from "../../inventory/load";
import { generateInventoryYaml, sizesFor } from "../../testkit/generate-inventory";

const root = resolve(__dirname, "../..");
const fixtures = join(root, "bench/.fixtures");

function timeOnce(file: string): number {
  const t = performance.now();
  const r = loadInventoryFile(file);
  const ms = performance.now() - t;
  if (!r.inventory) throw new Error(`${file} did not validate: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// Child mode: one cold load, printed as a number.
if (process.argv[2] === "--child") {
  process.stdout.write(String(timeOnce(process.argv[3]!)));
  process.exit(0);
}

const scalesArg = process.argv.indexOf("--scales");
const scales = scalesArg > 0 ? process.argv[scalesArg + 1]!.split(",").map(Number) : [0.25, 0.5, 1, 2];
mkdirSync(fixtures, { recursive: true });
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
console.log("scale | apps | devices | links | allocations | file MB | cold ms | warm ms | warm µs per app");
const rows: { scale: number; cold: number; warm: number }[] = [];
for (const scale of scales) {
  const file = join(fixtures, `synthetic-${scale}.yaml`);
  writeFileSync(file, generateInventoryYaml(scale));
  const n = sizesFor(scale);
  const colds: number[] = [];
  for (let i = 0; i < 3; i++) {
    colds.push(Number(execFileSync(process.execPath, [join(root, "bin/run-ts.cjs"), __filename, "--child", file], { encoding: "utf8" })));
  }
  timeOnce(file); // warm-up in this process
  const warm = median([timeOnce(file), timeOnce(file), timeOnce(file)]);
  const cold = median(colds);
  rows.push({ scale, cold, warm });
  console.log(
    `${scale} | ${n.applications} | ${n.devices} | ${n.links} | ${n.allocations} | ${(statSync(file).size / 1e6).toFixed(1)} | ${cold.toFixed(0)} | ${warm.toFixed(0)} | ${((warm * 1000) / n.applications).toFixed(1)}`,
  );
}
const base = rows.find((r) => r.scale === 1) ?? rows[0]!;
for (const r of rows) console.log(`scale ${r.scale}: warm time ${(r.warm / base.warm).toFixed(2)}x of scale ${base.scale} (size ratio ${(r.scale / base.scale).toFixed(2)}x)`);

// The positions path, for comparison: what every load would cost with yaml's Document API alone.
const file1 = join(fixtures, "synthetic-1.yaml");
try {
  const text = require("node:fs").readFileSync(file1, "utf8");
  const t = performance.now();
  parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true });
  console.log(`yaml parseDocument with positions, scale 1: ${(performance.now() - t).toFixed(0)} ms (parse only)`);
} catch {
  // scale 1 not generated in this run
}
