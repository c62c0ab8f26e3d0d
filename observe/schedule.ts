// The observation on a schedule, as `spbe serve` runs it: one run at start, then every `everyMs`, never
// two at once. A run that throws (a bug, a resolver option gone bad) is logged with its reason and
// counted; the facts of the last good run are kept, so the report never loses evidence to one bad
// night. What the runs did is exported as metrics (observe/metric-names.ts) next to the collectors'.
import { FACT_SECTIONS, type ObservedFacts } from "../facts/schema";
import { LABEL_REASON, LABEL_RESULT, LABEL_SECTION, OBSERVE_DURATION, OBSERVE_FACTS, OBSERVE_FAILED_FACTS, OBSERVE_LAST_SUCCESS, OBSERVE_RUNS_TOTAL } from "./metric-names";

export interface ObservationScheduleOptions {
  run: () => Promise<ObservedFacts>;
  everyMs: number;
  log: (line: string) => void;
  /** Called with each good run's facts (e.g. to write them to a file). */
  onFacts?: (facts: ObservedFacts) => void | Promise<void>;
  now?: () => number;
}

export interface ObservationSchedule {
  /** The facts of the last good run, if any. */
  latest(): ObservedFacts | undefined;
  /** Runs now (or waits for the run in flight) and resolves when it is done. */
  runNow(): Promise<void>;
  metricsText(): string;
  stop(): Promise<void>;
}

export function scheduleObservations(opts: ObservationScheduleOptions): ObservationSchedule {
  const now = opts.now ?? Date.now;
  let latest: ObservedFacts | undefined;
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const runs = { ok: 0, failed: 0 };
  let lastSuccess: number | undefined;
  let lastDuration: number | undefined;

  const runOnce = async (): Promise<void> => {
    const started = now();
    try {
      const facts = await opts.run();
      latest = facts;
      runs.ok++;
      lastSuccess = now();
      await opts.onFacts?.(facts);
      opts.log(`observe: run done in ${((now() - started) / 1000).toFixed(1)} s, facts: ${summaryOf(facts)}`);
    } catch (err) {
      runs.failed++;
      opts.log(`observe: run failed, keeping the previous facts: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      lastDuration = (now() - started) / 1000;
    }
  };
  const runNow = (): Promise<void> => {
    inFlight ??= runOnce().finally(() => (inFlight = undefined));
    return inFlight;
  };
  void runNow();
  const timer = setInterval(() => {
    if (!stopped && !inFlight) void runNow();
  }, opts.everyMs);
  timer.unref();

  return {
    latest: () => latest,
    runNow,
    metricsText: () => metricsText(runs, lastSuccess, lastDuration, latest),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}

function summaryOf(facts: ObservedFacts): string {
  return FACT_SECTIONS.filter((s) => facts[s].length > 0)
    .map((s) => `${facts[s].length} ${s}`)
    .join(", ") || "no facts";
}

/** Failures per section and reason code, for the facts whose section carries `error`. */
function failuresOf(facts: ObservedFacts): Map<string, number> {
  const counts = new Map<string, number>();
  for (const section of FACT_SECTIONS) {
    for (const fact of facts[section] as { error?: { code: string } }[]) {
      if (!fact.error) continue;
      const key = `${section}\u0000${fact.error.code}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function metricsText(runs: { ok: number; failed: number }, lastSuccess: number | undefined, lastDuration: number | undefined, latest: ObservedFacts | undefined): string {
  const lines = [
    `# HELP ${OBSERVE_RUNS_TOTAL} Scheduled observation runs (DNS, probes, neighbour walks) finished, by result.`,
    `# TYPE ${OBSERVE_RUNS_TOTAL} counter`,
    `${OBSERVE_RUNS_TOTAL}{${LABEL_RESULT}="ok"} ${runs.ok}`,
    `${OBSERVE_RUNS_TOTAL}{${LABEL_RESULT}="failed"} ${runs.failed}`,
  ];
  if (lastSuccess !== undefined) {
    lines.push(`# HELP ${OBSERVE_LAST_SUCCESS} End of the last observation run that produced facts, Unix seconds.`, `# TYPE ${OBSERVE_LAST_SUCCESS} gauge`, `${OBSERVE_LAST_SUCCESS} ${lastSuccess / 1000}`);
  }
  if (lastDuration !== undefined) lines.push(`# HELP ${OBSERVE_DURATION} Duration of the last observation run, seconds.`, `# TYPE ${OBSERVE_DURATION} gauge`, `${OBSERVE_DURATION} ${lastDuration}`);
  if (latest) {
    lines.push(`# HELP ${OBSERVE_FACTS} Facts of each section produced by the last good observation run.`, `# TYPE ${OBSERVE_FACTS} gauge`);
    for (const s of FACT_SECTIONS) lines.push(`${OBSERVE_FACTS}{${LABEL_SECTION}="${s}"} ${latest[s].length}`);
    lines.push(`# HELP ${OBSERVE_FAILED_FACTS} Facts of the last good run that carry a failure, by section and reason code.`, `# TYPE ${OBSERVE_FAILED_FACTS} gauge`);
    for (const [key, n] of [...failuresOf(latest)].sort()) {
      const [section, reason] = key.split("\u0000");
      lines.push(`${OBSERVE_FAILED_FACTS}{${LABEL_SECTION}="${section}",${LABEL_REASON}="${reason!.replace(/["\\\n]/g, "_")}"} ${n}`);
    }
  }
  return lines.join("\n") + "\n";
}
