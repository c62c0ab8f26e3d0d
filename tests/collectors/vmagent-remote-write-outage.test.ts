// An edge's remote_write survives the province being away: vmagent (Debian's 1.79) buffers on disk
// (-remoteWrite.tmpDataPath) while VictoriaMetrics is stopped, and sends everything once it is back.
// Shortened to 40 s down here (the full 2 minutes was run by hand: docs/benchmarks.md). No sample
// lost: vmagent writes `up` for every scrape, answered or not (on a loaded machine some time out),
// on a fixed grid of one interval per target; so each device's stored `up` samples must be
// (last - first) / interval + 1, with no gap longer than an interval and a half, across the outage.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ServeHandle } from "../../collectors/serve";
import { planEdgeMember } from "../../observe/edge/vmagent";
import { startEdgeFleet, startMemberCollectors, type EdgeFleet } from "../../testkit/edge/fleet";
import { tempDir, waitFor } from "../../testkit/servers/common";
import { startVictoriaMetrics, startVmagent, type VictoriaMetricsHandle, type VmagentHandle } from "../../testkit/servers/victoria-metrics";

const DEVICES = 20;
const INTERVAL_S = 3;
const DOWN_S = Number(process.env.SPBE_REMOTE_WRITE_DOWN_SECONDS ?? 40);

let vm: VictoriaMetricsHandle;
let fleet: EdgeFleet;
let collectors: ServeHandle[];
let vmagent: VmagentHandle;
let dir: string;

beforeAll(async () => {
  dir = tempDir("vmagent-outage");
  vm = await startVictoriaMetrics();
  fleet = await startEdgeFleet(1, DEVICES);
  collectors = await startMemberCollectors(fleet, INTERVAL_S);
}, 120_000);

afterAll(async () => {
  await vmagent?.stop();
  for (const c of collectors ?? []) await c.close();
  await fleet?.stop();
  await vm?.remove();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Per device: the timestamps of its stored `up` samples, sorted. */
async function stored(): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const s of await vm.exportSeries(`up{job="snmp",kabupaten="sintetis-0"}`)) out.set(s.metric.device!, [...new Set(s.timestamps)].sort((a, b) => a - b));
  return out;
}

it(`remote_write target away for ${DOWN_S} s and back: no sample lost`, async () => {
  const plan = planEdgeMember({
    province: "Kalimantan Tengah",
    kabupaten: "Sintetis 0",
    members: ["vmagent-0"],
    member: "vmagent-0",
    replicationFactor: 1,
    sharding: "hashmod",
    sources: [{ job: "snmp", httpSd: { url: collectors[0]!.url } }],
    collector: new URL(collectors[0]!.url).host,
    remoteWrite: { kind: "single", url: vm.url },
    bufferDir: path.join(dir, "buffer"),
    maxDiskUsage: "1GB",
    scrapeConfigFile: path.join(dir, "scrape.yml"),
    scrapeTimeoutSeconds: 2,
  });
  vmagent = await startVmagent(plan.flags, { file: path.join(dir, "scrape.yml"), yaml: plan.scrapeConfigYaml });
  await waitFor("every device stored", async () => (await stored()).size === DEVICES, 60_000, 500);
  await new Promise((r) => setTimeout(r, 3 * INTERVAL_S * 1000));
  await vm.stop();
  const downAt = Date.now();
  await new Promise((r) => setTimeout(r, DOWN_S * 1000));
  await vm.restart();
  const upAt = Date.now();
  // Scrapes went on meanwhile, into the disk buffer. vmagent sends over several queues at once, and a
  // queue whose block failed during the outage waits out its own backoff (doubling to 32 s and more)
  // before re-sending it, so samples scraped after the restart can be stored before older ones are:
  // wait until every device has samples from after the restart and no gap left, or give up (a loss).
  const complete = (ts: number[]) => ts.length === Math.round((ts[ts.length - 1]! - ts[0]!) / (INTERVAL_S * 1000)) + 1;
  let last: Map<string, number[]> = new Map();
  const end = await waitFor(
    "every sample stored, those scraped after the restart too",
    async () => {
      last = await stored();
      return last.size === DEVICES && [...last.values()].every((x) => x.some((t) => t > upAt + INTERVAL_S * 1000) && complete(x)) ? last : undefined;
    },
    150_000,
    1000,
  ).catch(() => last);
  expect(end.size).toBe(DEVICES);
  let total = 0;
  for (const [device, ts] of end) {
    const span = ts[ts.length - 1]! - ts[0]!;
    const gaps = ts.slice(1).map((t, i) => t - ts[i]!);
    // Every scrape of the run is stored: as many samples as grid points, none missing in between.
    expect({ device, samples: ts.length }).toEqual({ device, samples: Math.round(span / (INTERVAL_S * 1000)) + 1 });
    expect({ device, longestGap: Math.max(...gaps) <= 1.5 * INTERVAL_S * 1000 }).toEqual({ device, longestGap: true });
    // And the outage is covered: samples scraped while the server was away.
    expect(ts.filter((t) => t > downAt + INTERVAL_S * 1000 && t < upAt - INTERVAL_S * 1000).length).toBeGreaterThanOrEqual(Math.floor(DOWN_S / INTERVAL_S) - 3);
    total += ts.length;
  }
  process.stdout.write(`remote_write away ${DOWN_S} s: ${total} up samples of ${DEVICES} devices stored, every scrape's, none missing\n`);
}, (DOWN_S + 260) * 1000);
