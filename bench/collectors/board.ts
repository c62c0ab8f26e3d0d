// Benchmark: the NOC board (GET /, then its first GET /board.json) for the synthetic inventory with
// 1,000 links (scale 1: 5,000 devices, 200 sites), in headless Chromium: bytes on the wire and the
// time until the map is drawn and the first JSON applied. The board's router is served alone over
// a poll state made here (every device polled, one in fifty down, each link at its own utilisation):
// what is measured is the page, not 5,000 SNMP agents.
//   node bin/run-ts.cjs bench/collectors/board.ts [scale] [runs]
import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import express from "express";
import { boardRouter } from "../../collectors/board/routes";
import * as N from "../../collectors/metric-names";
import type { TargetStatus } from "../../collectors/prom-store";
import type { Sample } from "../../collectors/sample";
import { hash01 } from "../../collectors/sim-model";
import { loadInventoryOrThrow } from "../../inventory/load";
import { withChromium } from "../../policies/report/pdf";
import { generateInventoryYaml } from "../../testkit/generate-inventory";

const scale = Number(process.argv[2] ?? 1);
const runs = Number(process.argv[3] ?? 5);
const root = resolve(__dirname, "../..");
const fixtures = join(root, "bench/.fixtures");
mkdirSync(fixtures, { recursive: true });
const file = join(fixtures, `board-${scale}.yaml`);
writeFileSync(file, generateInventoryYaml(scale));
const inv = loadInventoryOrThrow(file);

const now = new Date().toISOString();
const status: TargetStatus[] = inv.devices.filter((d) => d.snmp).map((d, i) => ({
  device: d.id, host: "127.0.0.1", port: 1, role: d.role, site: d.site, opd: "", modules: ["system", "if_mib"], intervalSeconds: 30,
  up: i % 50 !== 7, lastPoll: now, durationMs: 12, pdus: 3, varbinds: 40, samples: 40,
  errors: i % 50 === 7 ? [{ module: "system", reason: "timeout", message: "no answer" }] : [], moduleStatus: [],
}));
const derived: Sample[] = inv.links.flatMap((l) => [N.DIRECTION_IN, N.DIRECTION_OUT].map((dir) => ({
  name: N.SPBE_LINK_UTILISATION_RATIO, type: "gauge" as const, help: "", labels: [[N.LABEL_LINK, l.id], [N.LABEL_DIRECTION, dir]] as [string, string][], value: String(hash01(`${l.id}/${dir}`)),
})));

async function main(): Promise<void> {
const app = express();
app.use(boardRouter({ inventory: () => inv, status: () => status, derived: () => derived, compliance: () => ({ score: 91.5, predicate: "memenuhi-dengan-catatan" }) }));
const server = app.listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: { bytes: number; htmlBytes: number; jsonBytes: number; loadMs: number; firstJsonMs: number; cpuMs: number }[] = [];
await withChromium(async (context) => {
  for (let r = 0; r <= runs; r++) {
    const page = await context.newPage();
    const sizes: Promise<{ url: string; bytes: number }>[] = [];
    page.on("requestfinished", (req) => sizes.push(req.sizes().then((s) => ({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize }))));
    // CPU time as well as wall time: on a shared machine (load average far above the core count) the
    // wall time mostly measures the wait for a core; the renderer's and the server's CPU time do not.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const cpuOf = async () => {
      const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
      return (metrics.find((m) => m.name === "ProcessTime")?.value ?? 0) * 1000;
    };
    const renderer0 = await cpuOf();
    const server0 = process.cpuUsage();
    const t0 = performance.now();
    await page.goto(url, { waitUntil: "load" });
    const loadMs = performance.now() - t0;
    await page.waitForFunction(() => (globalThis as any).document.body.getAttribute("data-applied") === "1");
    const firstJsonMs = performance.now() - t0;
    const serverCpu = process.cpuUsage(server0);
    const cpuMs = (await cpuOf()) - renderer0 + (serverCpu.user + serverCpu.system) / 1000;
    if (process.env.BOARD_BENCH_DEBUG) console.log("renderer", (await cpuOf()) - renderer0, "server", (serverCpu.user + serverCpu.system) / 1000);
    const done = await Promise.all(sizes);
    const html = done.filter((s) => s.url === url).reduce((n, s) => n + s.bytes, 0);
    const json = done.filter((s) => s.url.endsWith("/board.json")).reduce((n, s) => n + s.bytes, 0);
    if (r > 0) results.push({ bytes: html + json, htmlBytes: html, jsonBytes: json, loadMs, firstJsonMs, cpuMs }); // run 0 warms Chromium up
    await page.close();
  }
});
server.close();

const kb = (b: number) => (b / 1024).toFixed(1);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
console.log(`inventory: scale ${scale}: ${inv.sites.length} sites, ${inv.devices.length} devices, ${inv.links.length} links; ${runs} runs after one warm-up`);
console.log(`transferred (gzip): page ${kb(median(results.map((x) => x.htmlBytes)))} KB + first /board.json ${kb(median(results.map((x) => x.jsonBytes)))} KB = ${kb(median(results.map((x) => x.bytes)))} KB (limit 300 KB)`);
console.log(`navigation → load event: median ${median(results.map((x) => x.loadMs)).toFixed(0)} ms (max ${Math.max(...results.map((x) => x.loadMs)).toFixed(0)})`);
console.log(`navigation → first /board.json applied: median ${median(results.map((x) => x.firstJsonMs)).toFixed(0)} ms (max ${Math.max(...results.map((x) => x.firstJsonMs)).toFixed(0)}) (limit 1000 ms)`);
 console.log(`CPU time (renderer process + server, same span): median ${median(results.map((x) => x.cpuMs)).toFixed(0)} ms (max ${Math.max(...results.map((x) => x.cpuMs)).toFixed(0)})`);
const over = median(results.map((x) => x.bytes)) > 300 * 1024 || median(results.map((x) => x.firstJsonMs)) > 1000;
if (over) {
  console.log("OVER the issue's budget");
  process.exitCode = 1;
}
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
