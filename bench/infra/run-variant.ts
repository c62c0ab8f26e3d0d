// One measured run, in its own process so peak RSS belongs to it alone:
//   node bin/run-ts.cjs bench/infra/run-variant.ts program|baseline <inventory.yaml> <monitoringHost>
// Prints one JSON line: { variant, resources, seconds, cpuSeconds, peakRssMiB, liveHeapMiB }.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { loadInventoryOrThrow } from "../../inventory/load";
import { runProgram } from "../../testkit/pulumi/run-program";

async function baseline(file: string): Promise<number> {
  // The naive peer: one docker.Network and one docker.Container per application with the plain
  // @pulumi/docker classes and Pulumi's defaults, no planning, no components, no labels.
  const inv = loadInventoryOrThrow(file);
  let count = 0;
  await pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs }, "bench", "bench", false);
  const done: Promise<unknown>[] = [];
  for (const app of inv.applications) {
    const net = new docker.Network(`${app.id}-net`, { name: `${app.id}-net` });
    const c = new docker.Container(app.id, { name: app.id, image: "nginx:1.27-alpine", networksAdvanced: [{ name: net.name }] });
    done.push(new Promise((r) => c.urn.apply(r)));
    count += 2;
  }
  await Promise.all(done);
  return count;
}

/**
 * The heap still reachable once the run is over (after a full GC), measured after the timings.
 * Peak RSS is not the live set: V8 lets the old generation grow to ~4x what survived the previous
 * mark-compact before collecting again (heap limit ~4 GiB on this machine), so peak ~ 4 x live.
 * gc() is not exposed by default: enable it for this measurement only (node's documented flag).
 */
function liveHeapAfterGc(): number {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function main() {
  const [variant, file, monitoringHost] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let resources: number;
  if (variant === "program") {
    const run = await runProgram({ inventoryFile: file!, config: { "spbe-infra:monitoringHost": monitoringHost! } });
    resources = run.resources.length;
  } else if (variant === "baseline") {
    resources = await baseline(file!);
  } else throw new Error(`unknown variant ${variant}`);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // CPU time too: the machine is shared, and wall time on a loaded machine overstates the cost.
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const liveHeapMiB = liveHeapAfterGc() / 1048576;
  process.stdout.write(JSON.stringify({ variant, resources, seconds: Math.round(seconds * 100) / 100, cpuSeconds: Math.round(cpuSeconds * 100) / 100, peakRssMiB: Math.round(peakRssMiB), liveHeapMiB: Math.round(liveHeapMiB) }) + "\n");
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
