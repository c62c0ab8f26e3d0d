// A month of an OPD's internet use billed as ISPs and LibreNMS bill it (volume; 95th percentile of
// 5-minute rates), against a REAL Prometheus: 30 days of the quota gateway's per-OPD byte counter
// (one sample a minute, with a counter reset where the shaping was rebuilt) backfilled with promtool,
// the dashboards' own recording rule evaluated over that history by `promtool tsdb create-blocks-from
// rules`, and the quota board's queries (collectors/quota-billing.ts) read back through the
// Prometheus client the history reader uses. The figures must be what the test computes by hand.
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import * as M from "../../collectors/metric-names";
import { BILLING_QUANTILE, opdP95Expr, opdVolumeExpr } from "../../collectors/quota-billing";
import { recordingRules } from "../../dashboards/rules/recording";
import { readAvailabilityHistory } from "../../observe/history";
import { prometheusClient } from "../../observe/prometheus-api";
import { availabilityContent } from "../../policies/report/availability";
import type { AvailabilitySection } from "../../policies/types";
import { promtoolPath } from "../../testkit/promtool";
import { tempDir } from "../../testkit/servers/common";
import { startPrometheus, type PrometheusHandle } from "../../testkit/servers/prometheus";

const DAY = 86_400;
const BUCKET = 300; // the 5-minute billing sample
const STEP = 60; // the collector's poll of the gateway
// The period: 30 days ending at a full hour two hours ago (5-minute aligned, as subquery steps are).
const end = Math.floor(Date.now() / 1000 / 3600) * 3600 - 2 * 3600;
const start = end - 30 * DAY;
const dataStart = start - 3600; // an hour of history before the window: rate() has samples at its first step
const LABELS = { device: "gw-01", opd: "kec-wedi" };
/** The counter restarts from zero right after this sample (the HTB tree was rebuilt). */
const RESET_AT = start + 11 * DAY + 7 * 3600 + 17 * 60;

/** Bytes/s in the 5-minute bucket (t - 300, t]: a base that varies, and short peaks 20 times above it. */
function bucketRate(direction: "down" | "up", bucketEnd: number): number {
  const k = Math.floor((bucketEnd - dataStart) / BUCKET);
  const base = direction === "down" ? 250_000 : 60_000;
  // Peaks: every 40th bucket (216 of 8,640), each raising the 8 minute-rates whose 4-minute span
  // touches it: 4 % of the recorded samples, under the 5 % the bill drops.
  if (k % 40 === 0) return base * 20;
  return base * (1 + ((k * 37) % 100) / 50);
}

function counterSamples(direction: "down" | "up"): [number, number][] {
  const out: [number, number][] = [];
  let bytes = 0;
  for (let t = dataStart; t <= end; t += STEP) {
    if (t > dataStart) bytes += bucketRate(direction, Math.ceil(t / BUCKET) * BUCKET) * STEP;
    out.push([t, bytes]);
    if (t === RESET_AT) bytes = 0;
  }
  return out;
}

/** Prometheus' quantile: rank φ·(n−1) in the sorted values, interpolated linearly between neighbours. */
function quantile(phi: number, values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const rank = phi * (v.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, v.length - 1);
  return v[lo]! + (v[hi]! - v[lo]!) * (rank - lo);
}

/**
 * By hand: the recorded rate at each evaluation minute t of the window is rate() over (t-5m, t]: its
 * samples t-4m..t, their increase over 240 s (the reset bridged), extrapolated to the 300 s window;
 * the volume is the bytes of every 5-minute bucket in the window.
 */
const expected = (direction: "down" | "up") => {
  const total = new Map<number, number>(); // bytes since dataStart, no reset
  let bytes = 0;
  for (let t = dataStart; t <= end; t += STEP) {
    if (t > dataStart) bytes += bucketRate(direction, Math.ceil(t / BUCKET) * BUCKET) * STEP;
    total.set(t, bytes);
  }
  const rates: number[] = [];
  for (let t = start + STEP; t <= end; t += STEP) rates.push(((total.get(t)! - total.get(t - 240)!) / 240) * 8);
  let volume = 0;
  for (let t = start + BUCKET; t <= end; t += BUCKET) volume += bucketRate(direction, t) * BUCKET;
  return { p95: quantile(BILLING_QUANTILE, rates), volume, samples: rates.length, peak: Math.max(...rates) };
};

const work = tempDir("quota-billing");
const dataDir = path.join(work, "tsdb");
let prom: PrometheusHandle | undefined;

function promtool(args: string[]): void {
  const r = spawnSync(promtoolPath(), args, { encoding: "utf8", timeout: 10 * 60_000 });
  if (r.status !== 0) throw new Error(`promtool ${args.slice(0, 3).join(" ")}: ${r.stdout}${r.stderr}`);
}

beforeAll(async () => {
  const lines: string[] = [`# TYPE ${M.SPBE_OPD_INTERNET_BYTES_TOTAL} gauge`];
  for (const direction of ["down", "up"] as const) {
    const l = `${M.SPBE_OPD_INTERNET_BYTES_TOTAL}{device="${LABELS.device}",opd="${LABELS.opd}",direction="${direction}"}`;
    for (const [t, v] of counterSamples(direction)) lines.push(`${l} ${v} ${t}`);
  }
  const om = path.join(work, "counters.om");
  fs.writeFileSync(om, `${lines.join("\n")}\n# EOF\n`);
  promtool(["tsdb", "create-blocks-from", "openmetrics", "--quiet", "--max-block-duration=1000h", om, dataDir]);

  // The recording rule as the dashboards ship it, evaluated over the backfilled past by promtool
  // against a Prometheus serving the counters, then served with them.
  const rule = recordingRules().rules.find((r) => "record" in r && r.record === M.SPBE_OPD_INTERNET_BPS_RATE5M)!;
  const rulesFile = path.join(work, "rules.yml");
  fs.writeFileSync(rulesFile, stringify({ groups: [{ name: "billing", interval: "1m", rules: [rule] }] }));
  const first = await startPrometheus({ dataDir });
  const recorded = path.join(work, "recorded");
  try {
    promtool(["tsdb", "create-blocks-from", "rules", `--start=${start - 600}`, `--end=${end + 60}`, "--eval-interval=60s", `--url=${first.url}`, `--output-dir=${recorded}`, rulesFile]);
  } finally {
    await first.stop();
  }
  for (const block of fs.readdirSync(recorded)) fs.renameSync(path.join(recorded, block), path.join(dataDir, block));
  prom = await startPrometheus({ dataDir });
}, 600_000);

afterAll(async () => {
  await prom?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("an OPD's month billed from Prometheus history", () => {
  for (const direction of ["down", "up"] as const) {
    it(`${direction}: the quota board's 30-day volume and 95th percentile are the figures computed by hand`, async () => {
      const client = prometheusClient(prom!.url);
      const sel = `${M.LABEL_OPD}="${LABELS.opd}", ${M.LABEL_DIRECTION}="${direction}"`;
      const want = expected(direction);
      expect(want.samples).toBe(43_200); // one recorded 5-minute rate a minute for 30 days
      const [p95] = await client.query(opdP95Expr("30d", sel), end);
      expect(p95?.metric).toEqual({ opd: LABELS.opd, direction });
      expect(Math.abs(p95!.values[0]![1] / want.p95 - 1)).toBeLessThan(1e-9);
      // The peaks (under 5 % of the time) are dropped: the bill is the base rate's, far under them.
      expect(want.p95).toBeLessThan(want.peak / 4);
      const [volume] = await client.query(opdVolumeExpr("30d", sel), end);
      expect(volume?.metric).toEqual({ opd: LABELS.opd, direction });
      // increase() extrapolates the first minute of the window from the average rate: within 0.01 %.
      expect(Math.abs(volume!.values[0]![1] / want.volume - 1)).toBeLessThan(1e-4);
    }, 120_000);
  }

  it("the report's operational evidence: the history reader gives every OPD's volume and 95th percentile of the period, and the report shows them", async () => {
    const { fact } = await readAvailabilityHistory({ prometheusUrl: prom!.url, from: new Date(start * 1000), to: new Date(end * 1000) });
    expect(fact.error).toBeUndefined();
    expect(fact.quotaUse.map((u) => `${u.opd} ${u.direction}`)).toEqual([`${LABELS.opd} down`, `${LABELS.opd} up`]);
    for (const u of fact.quotaUse) {
      const want = expected(u.direction);
      expect(Math.abs(u.p95Bps / want.p95 - 1), `${u.direction} p95`).toBeLessThan(1e-6);
      expect(Math.abs(u.volumeBytes / want.volume - 1), `${u.direction} volume`).toBeLessThan(1e-4);
    }
    const section: AvailabilitySection = {
      from: fact.from, to: fact.to, source: fact.source, observedAt: fact.observedAt, opds: [], links: [], probes: [], notObserved: [],
      quotaUse: fact.quotaUse.map((u) => ({ ...u, name: "Kecamatan Wedi", quotaBps: u.direction === "down" ? 20e6 : 10e6 })),
    };
    const down = fact.quotaUse.find((u) => u.direction === "down")!;
    for (const lang of ["id", "en"] as const) {
      const table = availabilityContent(section, lang).tables.find((t) => t.rows.some((r) => r[0] === `Kecamatan Wedi (${LABELS.opd})`))!;
      expect(table.title).toContain(lang === "id" ? "persentil ke-95" : "95th percentile");
      // 1,584.3 GB in English is 1.584,3 GB in Indonesian.
      const [whole, tenth] = (down.volumeBytes / 1e9).toFixed(1).split(".");
      const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, lang === "id" ? "." : ",");
      expect(table.rows[0]![2]).toBe(`${grouped}${lang === "id" ? "," : "."}${tenth} GB`);
    }
  }, 120_000);
});
