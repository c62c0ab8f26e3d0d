// Availability history from Prometheus: for the evaluation period, the share of the time each
// device answered its SNMP polls (spbe_snmp_up) and each blackbox probe succeeded (probe_success),
// and the longest outage of each, as one AvailabilityFact. The query plan and its reasons are in
// history-plan.ts. A Prometheus that is down, slow or answers with an error gives a fact with
// `error` (never a throw): the report then says history was not available.
import * as M from "../collectors/metric-names";
import type { AvailabilityFact, Outage } from "../facts/schema";
import { batchSpans, chooseRatioSource, coveringEnd, DEFAULT_RAW_SAMPLE_BUDGET, DOWN_STEP, downSpans, HOUR, longestOutage, mergeSamples, ratioChunks, rangeWindows, regexLiteral, type FoundOutage, type RatioSource } from "./history-plan";
import { prometheusClient, PrometheusQueryError, type PrometheusClient, type PromSeries } from "./prometheus-api";
import { opdP95Expr, opdVolumeExpr } from "../collectors/quota-billing";
import { prometheusSource } from "./sources";

export interface HistoryOptions {
  prometheusUrl: string;
  from: Date;
  to: Date;
  /** When the fact is observed (default now). */
  now?: Date;
  /** Per HTTP request (default 30 s). */
  timeoutMs?: number;
  /** Raw samples one ratio query may read before the planner switches to the recorded series. */
  rawSampleBudget?: number;
  /** Outage refinement queries in flight at most (default 4). */
  concurrency?: number;
  /** Force a ratio source (tests and the benchmark's naive peer); default: the planner decides. */
  ratioSource?: RatioSource;
}

/** What was asked, for the benchmark and the logs. */
export interface HistoryPlanTaken {
  devices: RatioSource;
  probes: RatioSource;
  queries: number;
}

/** One family of series: its raw metric, its hourly recorded series, and what names a subject. */
interface Family {
  raw: string;
  recorded: string;
  by: readonly string[];
  name(metric: Record<string, string>): string | undefined;
}

const DEVICES: Family = { raw: M.SPBE_SNMP_UP, recorded: M.SPBE_DEVICE_UP_AVG1H, by: [M.LABEL_DEVICE], name: (m) => m[M.LABEL_DEVICE] || undefined };

/** Probes are named by the application the probe job was generated for, plus the probed instance. */
const PROBES: Family = {
  raw: M.PROBE_SUCCESS,
  recorded: M.SPBE_PROBE_SUCCESS_AVG1H,
  by: [M.LABEL_APPLICATION, M.LABEL_INSTANCE],
  name: (m) => [m[M.LABEL_APPLICATION], m[M.LABEL_INSTANCE]].filter(Boolean).join(" ") || undefined,
};

const promString = (v: string) => JSON.stringify(v);

/** One refinement query reads at most a week of polls for at most 50 subjects (see batchSpans). */
const BATCH_WINDOW = 7 * 24 * HOUR;
const BATCH_SUBJECTS = 50;
const seconds = (ms: number) => Math.round(ms / 1000);
const iso = (unix: number) => new Date(unix * 1000).toISOString();

interface Subject {
  name: string;
  metric: Record<string, string>;
  ratio: number;
  outage?: FoundOutage;
}

class CountingClient {
  queries = 0;
  constructor(private readonly inner: PrometheusClient) {}
  query(expr: string, time: number) {
    this.queries++;
    return this.inner.query(expr, time);
  }
  queryRange(expr: string, start: number, end: number, step: number) {
    this.queries++;
    return this.inner.queryRange(expr, start, end, step);
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

const firstValue = (r: PromSeries[]) => r[0]?.values[0]?.[1] ?? 0;

async function readFamily(prom: CountingClient, family: Family, from: number, to: number, opts: HistoryOptions): Promise<{ subjects: Subject[]; source: RatioSource }> {
  const period = to - from;
  const by = family.by.join(", ");
  // What one hour of the raw family holds, near both ends of the period (data may start or stop inside it).
  const perHour = `sum(count_over_time(${family.raw}[1h]))`;
  const recordedHere = `count(count_over_time(${family.recorded}[2h]))`;
  const [endHour, startHour, recordedEnd, recordedStart] = await Promise.all([
    prom.query(perHour, to),
    prom.query(perHour, Math.min(to, from + HOUR)),
    prom.query(recordedHere, to),
    prom.query(recordedHere, Math.min(to, from + 2 * HOUR)),
  ]);
  const samplesPerHour = Math.max(firstValue(endHour), firstValue(startHour));
  const recordedPresent = firstValue(recordedEnd) > 0 && firstValue(recordedStart) > 0;
  const budget = opts.rawSampleBudget ?? DEFAULT_RAW_SAMPLE_BUDGET;
  const source = opts.ratioSource ?? chooseRatioSource(period, samplesPerHour, recordedPresent, budget);

  // 1. The ratio of every subject over the period, and 2. the days that were not fully up (a sparse
  //    answer: only subjects and days with an outage). Independent, so both are asked at once.
  const readRatios = async () => {
    const ratios = new Map<string, { metric: Record<string, string>; ratio: number }>();
    if (source === "raw-chunked") {
      const sums = new Map<string, { metric: Record<string, string>; up: number; polls: number }>();
      const chunks = ratioChunks(from, to, samplesPerHour, budget);
      for (const [i, [a, b]] of chunks.entries()) {
        // Range selectors include both ends: every chunk after the first leaves out its first millisecond.
        const range = i === 0 ? `${b - a}s` : `${(b - a) * 1000 - 1}ms`;
        const [up, polls] = await Promise.all([prom.query(`sum by (${by}) (sum_over_time(${family.raw}[${range}]))`, b), prom.query(`sum by (${by}) (count_over_time(${family.raw}[${range}]))`, b)]);
        const add = (series: PromSeries[], field: "up" | "polls") => {
          for (const s of series) {
            const name = family.name(s.metric);
            if (!name) continue;
            const entry = sums.get(name) ?? { metric: s.metric, up: 0, polls: 0 };
            entry[field] += s.values[0]?.[1] ?? 0;
            sums.set(name, entry);
          }
        };
        add(up, "up");
        add(polls, "polls");
      }
      for (const [name, e] of sums) if (e.polls > 0) ratios.set(name, { metric: e.metric, ratio: e.up / e.polls });
    } else {
      const series = source === "recorded" ? family.recorded : family.raw;
      for (const s of await prom.query(`avg by (${by}) (avg_over_time(${series}[${period}s]))`, to)) {
        const name = family.name(s.metric);
        if (name && s.values[0]) ratios.set(name, { metric: s.metric, ratio: s.values[0][1] });
      }
    }
    return ratios;
  };
  const readDownSteps = async () => {
    const series = source === "recorded" ? family.recorded : family.raw;
    const steps = new Map<string, number[]>();
    for (const [a, b] of rangeWindows(from + DOWN_STEP, coveringEnd(from, to, DOWN_STEP), DOWN_STEP)) {
      for (const s of await prom.queryRange(`min_over_time(${series}[${DOWN_STEP}s]) < 1`, a, b, DOWN_STEP)) {
        const name = family.name(s.metric);
        if (name) steps.set(name, [...(steps.get(name) ?? []), ...s.values.map(([t]) => t)]);
      }
    }
    return steps;
  };
  const [ratios, allDownSteps] = await Promise.all([readRatios(), readDownSteps()]);
  const downSteps = [...allDownSteps.entries()].filter(([name]) => ratios.has(name));

  // 3. The raw polls of those spans, many subjects per query (batchSpans): each subject's polls are
  //    kept only inside its own spans, which hold whole outages and the first poll back up.
  const subjects = new Map<string, Subject>();
  for (const [name, { metric, ratio }] of ratios) subjects.set(name, { name, metric, ratio: Math.min(1, Math.max(0, ratio)) });
  const spans = downSteps.flatMap(([name, steps]) =>
    downSpans(steps, DOWN_STEP)
      .map((span) => ({ subject: name, start: Math.max(span.start, from), end: Math.min(span.end, to) }))
      .filter((span) => span.end > span.start),
  );
  await pool(batchSpans(spans, BATCH_WINDOW, BATCH_SUBJECTS), opts.concurrency ?? 4, async (batch) => {
    const named = batch.spans.map((span) => subjects.get(span.subject)!);
    const selector = family.by.map((l) => `${l}=~${promString([...new Set(named.map((s) => regexLiteral(s.metric[l] ?? "")))].join("|"))}`).join(", ");
    const bySubject = new Map<string, [number, number][][]>();
    for (const s of await prom.query(`${family.raw}{${selector}}[${batch.end - batch.start}s]`, batch.end)) {
      const name = family.name(s.metric);
      if (name) bySubject.set(name, [...(bySubject.get(name) ?? []), s.values]);
    }
    for (const span of batch.spans) {
      const subject = subjects.get(span.subject)!;
      const inSpan = (bySubject.get(span.subject) ?? []).map((values) => values.filter(([t]) => t >= span.start && t <= span.end));
      const found = longestOutage(mergeSamples(inSpan), from, to);
      if (found && (!subject.outage || found.seconds > subject.outage.seconds)) subject.outage = found;
    }
  });
  return { subjects: [...subjects.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), source };
}

/**
 * Each OPD's internet use over the period (volume, 95th percentile), read at its end over a window as
 * long as the period, with the quota board's own queries. No quota counters in Prometheus: none.
 */
async function readQuotaUse(prom: CountingClient, from: number, to: number): Promise<AvailabilityFact["quotaUse"]> {
  const window = `${to - from}s`;
  const [volumes, p95s] = await Promise.all([prom.query(opdVolumeExpr(window), to), prom.query(opdP95Expr(window), to)]);
  const key = (m: Record<string, string>) => `${m[M.LABEL_OPD]}\0${m[M.LABEL_DIRECTION]}`;
  const p95 = new Map(p95s.map((s) => [key(s.metric), s.values[0]?.[1] ?? 0]));
  return volumes
    .flatMap((s) => {
      const opd = s.metric[M.LABEL_OPD];
      const direction = s.metric[M.LABEL_DIRECTION];
      if (!opd || (direction !== M.DIRECTION_DOWN && direction !== M.DIRECTION_UP)) return [];
      return [{ opd, direction: direction as "down" | "up", volumeBytes: Math.round(s.values[0]?.[1] ?? 0), p95Bps: Math.round(p95.get(key(s.metric)) ?? 0) }];
    })
    .sort((a, b) => (a.opd === b.opd ? (a.direction < b.direction ? -1 : 1) : a.opd < b.opd ? -1 : 1));
}

const outageOf = (o: FoundOutage | undefined): { longestOutage?: Outage } => (o ? { longestOutage: { start: iso(o.start), end: iso(o.end), seconds: o.seconds } } : {});
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Reads the history of the period; never throws. */
export async function readAvailabilityHistory(opts: HistoryOptions): Promise<{ fact: AvailabilityFact; plan?: HistoryPlanTaken }> {
  const now = opts.now ?? new Date();
  const base = { from: opts.from.toISOString(), to: opts.to.toISOString(), source: prometheusSource(opts.prometheusUrl), observedAt: now.toISOString() };
  const from = seconds(opts.from.getTime());
  const to = seconds(opts.to.getTime());
  if (!(to > from)) return { fact: { ...base, devices: [], probes: [], quotaUse: [], error: { code: "bad-period", message: `the period ends (${base.to}) before it starts (${base.from})` } } };
  const prom = new CountingClient(prometheusClient(opts.prometheusUrl, { timeoutMs: opts.timeoutMs }));
  try {
    const [devices, probes, quotaUse] = await Promise.all([readFamily(prom, DEVICES, from, to, opts), readFamily(prom, PROBES, from, to, opts), readQuotaUse(prom, from, to)]);
    return {
      fact: {
        ...base,
        devices: devices.subjects.map((s) => ({ id: s.name, ratio: round6(s.ratio), ...outageOf(s.outage) })),
        probes: probes.subjects.map((s) => ({ name: s.name, ratio: round6(s.ratio), ...outageOf(s.outage) })),
        quotaUse,
      },
      plan: { devices: devices.source, probes: probes.source, queries: prom.queries },
    };
  } catch (err) {
    const code = err instanceof PrometheusQueryError ? err.code : "error";
    return { fact: { ...base, devices: [], probes: [], quotaUse: [], error: { code, message: (err as Error).message } } };
  }
}
