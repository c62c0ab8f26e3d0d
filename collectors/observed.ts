// What polling showed about each device (facts/schema.ts "spbe-observed-facts/2", section devices):
// when it last answered, and since when it has not. Fed by every poll result; read by the compliance
// extension. Only the process's own memory: the history that survives a restart is Prometheus'
// (observe/history.ts).
import { emptyFacts, type ObservedFacts } from "../facts/schema";
import type { PollResult } from "./poller";
import type { Target } from "./targets";

/** The source every poller device fact names. */
export const POLLER_SOURCE = "poller";

export type ObservedDeviceFacts = ObservedFacts;

export class ObservedDevices {
  private readonly seen = new Map<string, { lastSeen?: number; unreachableSince?: number }>();

  record(r: PollResult): void {
    const f = this.seen.get(r.target.device) ?? {};
    if (r.up) {
      f.lastSeen = r.startedAt;
      f.unreachableSince = undefined;
    } else f.unreachableSince ??= r.startedAt;
    this.seen.set(r.target.device, f);
  }

  /** Facts of the devices polled now that have had at least one result. */
  facts(targets: Target[]): ObservedDeviceFacts {
    const now = new Date();
    return {
      ...emptyFacts(now),
      devices: targets.flatMap((t) => {
        const f = this.seen.get(t.device);
        if (!f) return [];
        return [{
          id: t.device,
          ...(f.lastSeen !== undefined ? { lastSeen: new Date(f.lastSeen).toISOString() } : {}),
          unreachableSince: f.unreachableSince !== undefined ? new Date(f.unreachableSince).toISOString() : null,
          source: POLLER_SOURCE,
          observedAt: now.toISOString(),
        }];
      }),
    };
  }
}
