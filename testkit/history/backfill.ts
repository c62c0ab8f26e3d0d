// Availability history for tests and benchmarks: up/down series with known outages, written as
// OpenMetrics and backfilled into a TSDB directory with Debian's `promtool tsdb
// create-blocks-from openmetrics`, which a real Prometheus then serves (testkit/servers/prometheus.ts
// dataDir). The expected figures are computed from the same series by the caller, independently of
// observe/history.ts.
//
// promtool (2.42) re-reads its whole input once per block window, so the text is split into one file
// per window (aligned the way promtool aligns them) and each file is read once.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promtoolPath } from "../promtool";

/** One series: value 1 at every step, 0 inside the down windows ([start, end), unix seconds). */
export interface HistorySeries {
  metric: string;
  labels: Record<string, string>;
  down: { start: number; end: number }[];
}

export interface HistorySpec {
  /** First and last sample time (unix seconds, inclusive), and the scrape interval. */
  from: number;
  to: number;
  step: number;
  series: HistorySeries[];
  /**
   * Also write hourly recorded series (metric → recorded name), as Prometheus' hourly rule
   * avg_over_time(metric[1h]) would have recorded them at every full hour.
   */
  recorded?: Record<string, string>;
}

/** promtool's block window for --max-block-duration=1000h: 486 h (2 h × 3^5). */
export const BLOCK_WINDOW_SECONDS = 486 * 3600;

export const valueAt = (s: HistorySeries, t: number) => (s.down.some((d) => t >= d.start && t < d.end) ? 0 : 1);

/** The samples of one series, as the test computes its expectations from them. */
export function samplesOf(spec: HistorySpec, s: HistorySeries): [number, number][] {
  const out: [number, number][] = [];
  for (let t = spec.from; t <= spec.to; t += spec.step) out.push([t, valueAt(s, t)]);
  return out;
}

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)
    .join(",");

/** Hourly recorded samples: at each full hour t, the mean of the raw samples in [t - 1 h, t]. */
function recordedSamples(spec: HistorySpec, s: HistorySeries, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  const first = Math.ceil((spec.from + 3600) / 3600) * 3600;
  for (let t = Math.max(first, Math.ceil(from / 3600) * 3600); t < to && t <= spec.to; t += 3600) {
    let sum = 0;
    let n = 0;
    const start = spec.from + Math.ceil((t - 3600 - spec.from) / spec.step) * spec.step;
    for (let u = start; u <= t; u += spec.step) {
      sum += valueAt(s, u);
      n++;
    }
    if (n > 0) out.push([t, sum / n]);
  }
  return out;
}

/** Writes one OpenMetrics file per block window under `dir`; returns their paths. */
export function writeOpenMetrics(spec: HistorySpec, dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const families = new Map<string, HistorySeries[]>();
  for (const s of spec.series) families.set(s.metric, [...(families.get(s.metric) ?? []), s]);
  for (let w = Math.floor(spec.from / BLOCK_WINDOW_SECONDS) * BLOCK_WINDOW_SECONDS; w <= spec.to; w += BLOCK_WINDOW_SECONDS) {
    const lo = Math.max(w, spec.from);
    const hi = w + BLOCK_WINDOW_SECONDS; // exclusive
    const file = path.join(dir, `history-${w}.om`);
    const fd = fs.openSync(file, "w");
    let buf: string[] = [];
    const flush = () => {
      fs.writeSync(fd, buf.join(""));
      buf = [];
    };
    const family = (name: string, series: HistorySeries[], samples: (s: HistorySeries) => Iterable<[number, number]>) => {
      buf.push(`# TYPE ${name} gauge\n`);
      for (const s of series) {
        const l = `${name}{${labelText(s.labels)}} `;
        for (const [t, v] of samples(s)) {
          buf.push(`${l}${v} ${t}\n`);
          if (buf.length >= 50_000) flush();
        }
      }
    };
    for (const [metric, series] of families) {
      const first = spec.from + Math.ceil((lo - spec.from) / spec.step) * spec.step;
      family(metric, series, function* (s) {
        for (let t = first; t < hi && t <= spec.to; t += spec.step) yield [t, valueAt(s, t)];
      });
      const recordedName = spec.recorded?.[metric];
      if (recordedName) family(recordedName, series, (s) => recordedSamples(spec, s, lo, hi));
    }
    buf.push("# EOF\n");
    flush();
    fs.closeSync(fd);
    files.push(file);
  }
  return files;
}

/** Backfills the spec into `dataDir` (a Prometheus TSDB directory). Throws with promtool's words on failure. */
export function backfill(spec: HistorySpec, dataDir: string, workDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  for (const file of writeOpenMetrics(spec, workDir)) {
    const r = spawnSync(promtoolPath(), ["tsdb", "create-blocks-from", "openmetrics", "--quiet", "--max-block-duration=1000h", file, dataDir], { encoding: "utf8", timeout: 30 * 60_000 });
    if (r.status !== 0) throw new Error(`promtool create-blocks-from openmetrics ${file}: ${r.stdout}${r.stderr}`);
    fs.rmSync(file);
  }
}
