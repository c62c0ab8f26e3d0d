// The availability history that `spbe serve` keeps for its /report: read from Prometheus at start
// and again every few minutes in the background, so a request never waits for Prometheus and a
// year of history is not re-read on every page view. Nothing here outlives the process, and nothing
// needs to: the history is Prometheus'; a restarted serve reads it again.
import type { AvailabilityFact } from "../facts/schema";
import { readAvailabilityHistory, type HistoryOptions } from "./history";

export const DEFAULT_HISTORY_REFRESH_MS = 5 * 60_000;

export interface HistoryCache {
  /** The newest history read (an error fact when Prometheus could not answer), or undefined before the first answer. */
  latest(): AvailabilityFact | undefined;
  /** Reads now (a refresh already under way is joined, not doubled). */
  refresh(): Promise<AvailabilityFact>;
  stop(): void;
}

export interface HistoryCacheOptions {
  prometheusUrl: string;
  /** The period at a given time: a sliding window ends now at each refresh. */
  period(now: Date): { from: Date; to: Date };
  refreshMs?: number;
  timeoutMs?: number;
  read?: (opts: HistoryOptions) => Promise<{ fact: AvailabilityFact }>;
}

export function startHistoryCache(opts: HistoryCacheOptions): HistoryCache {
  const read = opts.read ?? readAvailabilityHistory;
  let latest: AvailabilityFact | undefined;
  let running: Promise<AvailabilityFact> | undefined;
  const refresh = () => {
    running ??= (async () => {
      const now = new Date();
      const { fact } = await read({ prometheusUrl: opts.prometheusUrl, ...opts.period(now), now, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
      latest = fact;
      return fact;
    })().finally(() => (running = undefined));
    return running;
  };
  void refresh();
  const timer = setInterval(() => void refresh(), opts.refreshMs ?? DEFAULT_HISTORY_REFRESH_MS);
  timer.unref();
  return { latest: () => latest, refresh, stop: () => clearInterval(timer) };
}
