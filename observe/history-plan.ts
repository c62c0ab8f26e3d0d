// The pure half of the availability history: which queries to send (the plan) and what the answers
// mean (down spans, the longest outage). No network here, so every decision is testable alone.
//
// Why this plan (365 days × 1,000 devices in under 5 s):
// - The ratio is ONE instant query per family, avg_over_time(series[period]). Over the raw series it
//   reads every sample of the period: 1,000 devices × 525,600 polls (60 s) = 525 M. (Measured in
//   bench/observe/history-query.ts: Prometheus 2.42 evaluates a range function series by series, so
//   --query.max-samples, 50 M held at once, did not refuse 105 M; the cost is the reading.) So the
//   planner measures the samples one hour holds (one cheap query) and reads the raw series only when
//   the period stays under a budget; otherwise the hourly recorded series (dashboards/rules/recording.ts:
//   8,760 samples per device and year), and when that rule is not deployed, the raw series in chunks.
// - Outages are found in two steps: one range query at a ONE-DAY step, min_over_time(series[1d]) < 1,
//   returns only the (subject, day) pairs whose day was not fully up, a sparse answer; then the raw
//   samples of just those spans are read, many subjects per query (batchSpans), to place the outage
//   to the poll.
//   (Measured in bench/observe/history-query.ts on 1,000 devices × 365 days: the same query at a
//   one-hour step evaluates 8.76 M points and took 21 to 25 s alone under load 8 to 10; at a one-day
//   step Prometheus reads the same samples but evaluates 365 k points, 1.2 to 2.6 s. The refinement
//   then reads a day more of raw polls per span; batching 568 spans into 90 queries made it ~1 s.)

export const HOUR = 3600;

/** The step of the query that finds the down spans (see above). */
export const DOWN_STEP = 24 * HOUR;

/** The last step of a range query from `from + step` that still covers `to` (it may lie past `to`). */
export function coveringEnd(from: number, to: number, step: number): number {
  return from + Math.max(1, Math.ceil((to - from) / step)) * step;
}

/** Prometheus refuses a range query with more points than this per series (API limit). */
export const MAX_POINTS_PER_SERIES = 11_000;

/** Raw samples one ratio query may read: well under the default --query.max-samples (50 M). */
export const DEFAULT_RAW_SAMPLE_BUDGET = 10_000_000;

/** `30d`, `12h`, `90m`, `45s`, `1w`, `1y` (365 d) → seconds, or undefined when it does not parse. */
export function parsePeriod(text: string): number | undefined {
  const m = /^(\d+)(s|m|h|d|w|y)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { s: 1, m: 60, h: HOUR, d: 24 * HOUR, w: 7 * 24 * HOUR, y: 365 * 24 * HOUR }[m[2] as "s"];
  const seconds = Number(m[1]) * unit;
  return seconds > 0 ? seconds : undefined;
}

export type RatioSource = "raw" | "recorded" | "raw-chunked";

/**
 * How the ratios are read. `samplesPerHour` is what one hour of the raw series holds (all series of
 * the family); `recordedPresent` whether the hourly recorded series exists.
 */
export function chooseRatioSource(periodSeconds: number, samplesPerHour: number, recordedPresent: boolean, budget = DEFAULT_RAW_SAMPLE_BUDGET): RatioSource {
  const rawSamples = (samplesPerHour * periodSeconds) / HOUR;
  if (rawSamples <= budget) return "raw";
  return recordedPresent ? "recorded" : "raw-chunked";
}

/** Chunks of the period (end-aligned [start, end] pairs) that each hold at most `budget` raw samples. */
export function ratioChunks(from: number, to: number, samplesPerHour: number, budget = DEFAULT_RAW_SAMPLE_BUDGET): [number, number][] {
  const perChunkSeconds = Math.max(HOUR, Math.floor((budget / Math.max(1, samplesPerHour)) * HOUR));
  const chunks: [number, number][] = [];
  for (let start = from; start < to; start += perChunkSeconds) chunks.push([start, Math.min(to, start + perChunkSeconds)]);
  return chunks;
}

/** Range-query windows at `step` that each stay under Prometheus' points-per-series limit. */
export function rangeWindows(from: number, to: number, step: number): [number, number][] {
  const width = step * (MAX_POINTS_PER_SERIES - 1);
  const out: [number, number][] = [];
  for (let start = from; start <= to; start += width + step) out.push([start, Math.min(to, start + width)]);
  return out;
}

/** A stretch of consecutive not-fully-up steps: the raw samples in [start, end] hold its outages. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Down steps (timestamps of the range-query steps whose window [t - step, t] held a value below 1,
 * ascending) → spans, widened so they surely contain every down poll and the first poll back up: a
 * recorded sample summarises up to `lag` (one hour) before its timestamp, and the first poll back up
 * comes at most `lag` after the last down step. At a one-hour step: [t - 2 h, t + 1 h].
 */
export function downSpans(stepTimes: number[], step = HOUR, lag = HOUR): Span[] {
  const sorted = [...stepTimes].sort((a, b) => a - b);
  const spans: (Span & { last: number })[] = [];
  for (const t of sorted) {
    const open = spans.at(-1);
    if (open && t - open.last <= step * 1.5) {
      open.last = t;
      open.end = t + lag;
    } else spans.push({ start: t - step - lag, end: t + lag, last: t });
  }
  return spans.map(({ start, end }) => ({ start, end }));
}

export interface FoundOutage {
  start: number;
  end: number;
  seconds: number;
}

/**
 * The longest run of down polls (value < 0.5) in samples sorted by time: it starts at its first down
 * poll and ends at the first poll back up; still down at the last sample, it ends at `periodEnd`.
 * Clipped to [periodStart, periodEnd].
 */
export function longestOutage(samples: readonly [number, number][], periodStart: number, periodEnd: number): FoundOutage | undefined {
  let best: FoundOutage | undefined;
  let runStart: number | undefined;
  const close = (end: number) => {
    if (runStart === undefined) return;
    const start = Math.max(runStart, periodStart);
    const stop = Math.min(end, periodEnd);
    if (stop > start && (!best || stop - start > best.seconds)) best = { start, end: stop, seconds: stop - start };
    runStart = undefined;
  };
  for (const [t, v] of samples) {
    if (t > periodEnd) break;
    if (v < 0.5) runStart ??= t;
    else close(t);
  }
  close(periodEnd);
  return best;
}

/** Several series of one subject (two collectors, two jobs) as one: up at a time when any says up. */
export function mergeSamples(series: readonly (readonly [number, number][])[]): [number, number][] {
  if (series.length === 1) return [...series[0]!];
  const byTime = new Map<number, number>();
  for (const s of series) for (const [t, v] of s) byTime.set(t, Math.max(v, byTime.get(t) ?? 0));
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]);
}

/** A down span of one subject, to be read at poll resolution. */
export interface SubjectSpan extends Span {
  subject: string;
}

/** Spans read by one query: every subject's raw polls over [start, end], kept only inside its own spans. */
export interface SpanBatch extends Span {
  spans: SubjectSpan[];
}

/**
 * Spans → batches, one query each: spans sorted by start join the open batch while its window stays
 * within `maxWindow` seconds and it names at most `maxSubjects` subjects. One query per span cost
 * hundreds of round trips on 1,000 devices; a batch reads a few subjects' polls outside their spans
 * too, which is cheap next to a round trip. A span longer than `maxWindow` is a batch of its own.
 */
export function batchSpans(spans: readonly SubjectSpan[], maxWindow: number, maxSubjects: number): SpanBatch[] {
  const batches: (SpanBatch & { subjects: Set<string> })[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const open = batches.at(-1);
    const end = open ? Math.max(open.end, span.end) : span.end;
    const subjects = open ? open.subjects.size + (open.subjects.has(span.subject) ? 0 : 1) : 1;
    if (open && end - open.start <= maxWindow && subjects <= maxSubjects) {
      open.end = end;
      open.spans.push(span);
      open.subjects.add(span.subject);
    } else batches.push({ start: span.start, end: span.end, spans: [span], subjects: new Set([span.subject]) });
  }
  return batches.map(({ start, end, spans: s }) => ({ start, end, spans: s }));
}

/** A label value as an RE2 pattern matching exactly it (for a `label=~"a|b"` selector). */
export function regexLiteral(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
