// Benchmark of the compliance engine (target: 10,000 applications evaluated in under 1 s), with its
// peer in the same run: the same placement checks through the CrossGuard pack's real gRPC analyzer,
// one Analyze call per application container, which is how `pulumi preview --policy-pack` pays them.
//   node bin/run-ts.cjs bench/policies/evaluate.ts [scale=1] [peerContainers=2000]
// Not a test: prints a table for docs/benchmarks.md.
import { performance } from "node:perf_hooks";
import { loadInventoryText } from "../../inventory/load";
import { planPlacements } from "../../infra/planning/placements";
import { planPublicIps } from "../../infra/planning/public-ips";
import { evaluate } from "../../policies";
import { renderHtml } from "../../policies/report/html";
import { complianceMetricsText } from "../../policies/serve";
import { CONTAINER_TYPE } from "../../policies/crossguard/policies";
import { startPolicyPack } from "../../testkit/pulumi/analyzer";
import { generateInventory } from "../../testkit/generate-inventory";

const scale = Number(process.argv[2] ?? 1);
const peerCount = Number(process.argv[3] ?? 2000);
const AS_OF = new Date("2026-11-23T00:00:00Z");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const loaded = loadInventoryText(JSON.stringify(generateInventory(scale)), "synthetic.json");
  if (!loaded.inventory) throw new Error("synthetic inventory invalid: " + JSON.stringify(loaded.diagnostics.slice(0, 3)));
  const inv = loaded.inventory;
  process.stderr.write(`inventory: ${inv.applications.length} applications, ${inv.devices.length} devices, ${inv.links.length} links, ${inv.opds.length} OPDs\n`);

  let t = performance.now();
  const first = evaluate(inv, { asOf: AS_OF });
  const cold = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    evaluate(inv, { asOf: AS_OF });
    warm.push(performance.now() - t);
  }
  t = performance.now();
  const html = renderHtml(first, "id");
  const htmlMs = performance.now() - t;
  t = performance.now();
  const metrics = complianceMetricsText(first);
  const metricsMs = performance.now() - t;
  const checks = first.overall.checks;

  // Peer: the pack's analyzer over gRPC, for the first `peerCount` application containers.
  const plan = planPlacements(inv, planPublicIps(inv));
  const containers = plan.containers.filter((c) => c.role === "primary").slice(0, peerCount);
  const pack = await startPolicyPack({ SPBE_POLICY_AS_OF: "2026-11-23" });
  let violations = 0;
  let peerMs = 0;
  try {
    const resources = containers.map((c) => ({
      type: CONTAINER_TYPE,
      name: c.resourceName,
      urn: `urn:pulumi:bench::spbe-infra::docker:index/container:Container::${c.resourceName}`,
      inputs: { name: c.containerName, labels: Object.entries(c.labels).map(([label, value]) => ({ label, value })), ports: c.ports },
    }));
    await pack.analyze(resources[0]!); // warm-up
    t = performance.now();
    for (const r of resources) violations += (await pack.analyze(r)).length;
    peerMs = performance.now() - t;
  } finally {
    await pack.stop();
  }
  const perApp = (x: number, n: number) => `${((x * 1000) / n).toFixed(1)} µs`;
  const n = inv.applications.length;
  console.log(`| what | items | time | per application |`);
  console.log(`|---|---|---|---|`);
  console.log(`| evaluate(), first call (all rules, both Perda) | ${n} apps, ${checks} checks, ${first.findings.length} findings | ${ms(cold)} | ${perApp(cold, n)} |`);
  console.log(`| evaluate(), median of 5 warm | ${n} apps | ${ms(median(warm))} | ${perApp(median(warm), n)} |`);
  console.log(`| renderHtml (id) | ${(html.length / 1e6).toFixed(1)} MB | ${ms(htmlMs)} | |`);
  console.log(`| complianceMetricsText | ${metrics.split("\n").length} lines | ${ms(metricsMs)} | |`);
  console.log(`| peer: CrossGuard gRPC Analyze, 4 placement policies | ${containers.length} containers, ${violations} violations | ${ms(peerMs)} | ${perApp(peerMs, containers.length)} |`);
  const mem = process.memoryUsage();
  console.log(`\nrss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
