// The observation `spbe serve` runs on its schedule (observe/schedule.ts): the neighbour tables of every
// switch and router (over the simulator when simulating) and, when a resolver is known (--resolver or
// meta.dns.resolver), where applications answer. Its facts join the poller's for /report, and are
// written to --facts-out after each run so `spbe report --facts` can read the same evidence.
import { renameSync, writeFileSync } from "node:fs";
import type { ServeExtension, ServeHandle } from "../../collectors/serve";
import { mergeFacts } from "../../facts/merge";
import type { ObservedFacts } from "../../facts/schema";
import { parseDnsServer } from "../../inventory/dns-server";
import type { Inventory } from "../../inventory/schema";
import { observeNetwork, type Prober } from "../../observe/observe";
import { scheduleObservations, type ObservationSchedule } from "../../observe/schedule";
import { UsageError } from "../context";

export interface ServeObserveOptions {
  everySeconds: number;
  resolver?: string;
  factsOut?: string;
  timeoutMs: number;
  concurrency: number;
  probe?: Prober;
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

/** Checks the options before anything starts: a bad resolver is a usage error (exit 2), not a failed run. */
export function serveObservation(inventory: Inventory, opts: ServeObserveOptions): ServeObservation {
  const resolverText = opts.resolver ?? inventory.meta.dns?.resolver;
  const server = resolverText === undefined ? undefined : parseDnsServer(resolverText);
  if (resolverText !== undefined && !server) throw new UsageError(`--resolver must be an IP address with an optional :port, not "${resolverText}"`);
  let schedule: ObservationSchedule | undefined;
  return {
    extension: { metricsText: () => schedule?.metricsText() ?? "" },
    start(handle, currentInventory) {
      if (!server) opts.log("observe: no DNS resolver (--resolver or meta.dns.resolver): only neighbour tables are observed");
      schedule = scheduleObservations({
        everyMs: opts.everySeconds * 1000,
        log: opts.log,
        run: () =>
          observeNetwork(currentInventory(), {
            topology: { secrets: handle.secrets, endpoint: (d) => handle.endpointOf(d.id), timeoutMs: opts.timeoutMs, concurrency: Math.min(opts.concurrency, 16) },
            ...(server
              ? { applications: { server, zoneTransfer: true, timeoutMs: opts.timeoutMs, concurrency: opts.concurrency, ...(opts.probe ? { probe: opts.probe } : {}), ...(opts.blackboxUrl ? { blackboxUrl: opts.blackboxUrl } : {}) } }
              : {}),
          }),
        onFacts: opts.factsOut
          ? (facts) => {
              // Written whole or not at all, like `spbe observe --out`.
              const tmp = `${opts.factsOut}.tmp-${process.pid}`;
              writeFileSync(tmp, JSON.stringify(mergeFacts([handle.observedFacts(), facts]), null, 2) + "\n");
              renameSync(tmp, opts.factsOut!);
            }
          : undefined,
      });
    },
    facts(handle) {
      const documents = [handle?.observedFacts(), schedule?.latest()].filter((d): d is ObservedFacts => d !== undefined);
      return documents.length ? mergeFacts(documents) : undefined;
    },
    stop: async () => schedule?.stop(),
  };
}
