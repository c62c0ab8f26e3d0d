// The observation `spbe serve` runs on its schedule (observe/schedule.ts): the neighbour tables of every
// switch and router (over the simulator when simulating) and, when a resolver is known (--resolver or
// meta.dns.resolver), where applications answer. Its facts join the poller's for /report, and are
// written to --facts-out after each run so `spbe report --facts` can read the same evidence.
import type { ServeExtension, ServeHandle } from "../../collectors/serve";
import { mergeFacts } from "../../facts/merge";
import type { ObservedFacts } from "../../facts/schema";
import type { DnsServer } from "../../inventory/dns-server";
import type { Inventory } from "../../inventory/schema";
import { probeTargets } from "../../observe/http-probe";
import { observeNetwork } from "../../observe/observe";
import { scheduleObservations, type ObservationSchedule } from "../../observe/schedule";
import { writeFileWhole } from "../output-files";

export interface ServeObserveOptions {
  everySeconds: number;
  /** The DNS server (--resolver, else meta.dns.resolver); without one only neighbour tables are observed. */
  server?: DnsServer;
  factsOut?: string;
  timeoutMs: number;
  concurrency: number;
  blackboxUrl?: string;
  log: (line: string) => void;
}

export interface ServeObservation {
  /** Serves the schedule's metrics next to the collectors' (available before the schedule starts). */
  extension: ServeExtension;
  start(handle: ServeHandle, inventory: () => Inventory): void;
  /** The poller's device facts merged with the last observation run's. */
  facts(handle: ServeHandle | undefined): ObservedFacts | undefined;
  stop(): Promise<void>;
}

export function serveObservation(opts: ServeObserveOptions): ServeObservation {
  const { server } = opts;
  let schedule: ObservationSchedule | undefined;
  let waiting: NodeJS.Timeout | undefined;
  let stopped = false;
  return {
    extension: { metricsText: () => schedule?.metricsText() ?? "" },
    start(handle, currentInventory) {
      if (!server) opts.log("observe: no DNS resolver (--resolver or meta.dns.resolver): only neighbour tables are observed");
      const begin = () => {
        if (!stopped) schedule = startSchedule(handle, currentInventory);
      };
      // The first run waits for the first poll round (every target answered or failed once, or
      // FIRST_ROUND_WAIT_MS at most): the facts it writes to --facts-out then hold the poller's device
      // facts too, instead of a file without them until the next run hours later.
      const deadline = Date.now() + FIRST_ROUND_WAIT_MS;
      const check = () => {
        waiting = undefined;
        if (firstRoundDone(handle) || Date.now() >= deadline) begin();
        else if (!stopped) waiting = setTimeout(check, 200).unref();
      };
      check();
    },
    facts(handle) {
      const documents = [handle?.observedFacts(), schedule?.latest()].filter((d): d is ObservedFacts => d !== undefined);
      return documents.length ? mergeFacts(documents) : undefined;
    },
    stop: async () => {
      stopped = true;
      if (waiting) clearTimeout(waiting);
      await schedule?.stop();
    },
  };

  function startSchedule(handle: ServeHandle, currentInventory: () => Inventory): ObservationSchedule {
    return scheduleObservations({
      everyMs: opts.everySeconds * 1000,
      log: opts.log,
      run: () =>
        observeNetwork(currentInventory(), {
          topology: { secrets: handle.secrets, endpoint: (d) => handle.endpointOf(d.id), timeoutMs: opts.timeoutMs, concurrency: Math.min(opts.concurrency, 16) },
          ...(server
            ? { applications: { server, zoneTransfer: true, timeoutMs: opts.timeoutMs, concurrency: opts.concurrency, probe: probeTargets, ...(opts.blackboxUrl ? { blackboxUrl: opts.blackboxUrl } : {}) } }
            : {}),
        }),
      onFacts: opts.factsOut
        ? (facts) => writeFileWhole(opts.factsOut!, JSON.stringify(mergeFacts([handle.observedFacts(), facts]), null, 2) + "\n")
        : undefined,
    });
  }
}

/** How long the first observation waits for the first poll round at most. */
export const FIRST_ROUND_WAIT_MS = 60_000;

/** Every polled device has had a result (answered or not). */
function firstRoundDone(handle: ServeHandle): boolean {
  return handle.observedFacts().devices.length >= handle.targets().length;
}
