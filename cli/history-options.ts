// The options that bring Prometheus' availability history into `spbe report`, `spbe check` and
// `spbe serve`: --prometheus-url, and the period as --period (ending now or at --to) or --from/--to.
import { Option } from "commander";
import { t, type Lang } from "../i18n";
import { mergeFacts } from "../facts/merge";
import type { AvailabilityFact, ObservedFacts } from "../facts/schema";
import { emptyFacts } from "../facts/sections";
import { readAvailabilityHistory } from "../observe/history";
import { parsePeriod } from "../observe/history-plan";
import { UsageError } from "./context";

export const DEFAULT_HISTORY_PERIOD = "30d";

export interface HistoryCliOptions {
  prometheusUrl?: string;
  period?: string;
  from?: string;
  to?: string;
}

export const historyOptions = (): Option[] => [
  new Option("--prometheus-url <url>", "read availability history from this Prometheus / riwayat ketersediaan dari Prometheus"),
  new Option("--period <duration>", `history period ending at --to or now, e.g. 30d, 12h, 1y (default ${DEFAULT_HISTORY_PERIOD}) / periode riwayat`),
  new Option("--from <time>", "history start, ISO 8601 date or timestamp (instead of --period) / awal riwayat"),
  new Option("--to <time>", "history end, ISO 8601 date or timestamp (default now) / akhir riwayat"),
];

function parseTime(option: string, value: string, lang: Lang): Date {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(t(lang, "history.bad-time", { option, value }));
  return new Date(ms);
}

/** The history request the options describe, or undefined without --prometheus-url; bad values are a UsageError (exit 2). */
export function historyRequest(opts: HistoryCliOptions, lang: Lang): { url: string; periodSeconds?: number; from?: Date; to?: Date } | undefined {
  if (opts.prometheusUrl === undefined) return undefined;
  if (!/^https?:\/\/[^/]+/.test(opts.prometheusUrl)) throw new UsageError(t(lang, "history.bad-url", { value: opts.prometheusUrl }));
  const to = opts.to !== undefined ? parseTime("to", opts.to, lang) : undefined;
  const from = opts.from !== undefined ? parseTime("from", opts.from, lang) : undefined;
  const periodText = opts.period ?? DEFAULT_HISTORY_PERIOD;
  const periodSeconds = parsePeriod(periodText);
  if (periodSeconds === undefined) throw new UsageError(t(lang, "history.bad-period", { value: periodText }));
  return { url: opts.prometheusUrl, periodSeconds, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The concrete [from, to] of a request at time `now` (serve re-resolves it at each refresh). */
export function historyPeriod(req: { periodSeconds?: number; from?: Date; to?: Date }, now: Date): { from: Date; to: Date } {
  const to = req.to ?? now;
  const from = req.from ?? new Date(to.getTime() - (req.periodSeconds ?? 0) * 1000);
  return { from, to };
}

/**
 * Reads the history and adds it to the facts. A Prometheus that cannot answer is said on stderr and
 * kept in the facts as an availability fact with its error, so the report says history was not available.
 */
export async function withHistory(facts: ObservedFacts | undefined, opts: HistoryCliOptions, lang: Lang): Promise<ObservedFacts | undefined> {
  const req = historyRequest(opts, lang);
  if (!req) return facts;
  const now = new Date();
  const { fact } = await readAvailabilityHistory({ prometheusUrl: req.url, ...historyPeriod(req, now), now });
  if (fact.error) process.stderr.write(`spbe: ${t(lang, "history.not-read", { url: req.url, code: fact.error.code, message: fact.error.message })}\n`);
  return factsWith(facts, fact, now);
}

/** The facts plus one availability fact (the newer observation of the same period wins). */
export function factsWith(facts: ObservedFacts | undefined, fact: AvailabilityFact, now: Date): ObservedFacts {
  const doc = { ...emptyFacts(now), availability: [fact] };
  return facts ? mergeFacts([facts, doc], now) : doc;
}
