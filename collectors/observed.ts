// What polling showed about each device (policies/facts.ts "spbe-observed-facts/1"): when it last
// answered, and since when it has not. Fed by every poll result; read by the compliance extension.
import type { PollResult } from "./poller";
import type { Target } from "./targets";

export interface ObservedDeviceFacts {
  schema: "spbe-observed-facts/1";
  observedAt: string;
  devices: { id: string; lastSeen?: string; unreachableSince?: string | null }[];
}

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
    return {
      schema: "spbe-observed-facts/1",
      observedAt: new Date().toISOString(),
      devices: targets.flatMap((t) => {
        const f = this.seen.get(t.device);
        if (!f) return [];
        return [{
          id: t.device,
          ...(f.lastSeen !== undefined ? { lastSeen: new Date(f.lastSeen).toISOString() } : {}),
          unreachableSince: f.unreachableSince !== undefined ? new Date(f.unreachableSince).toISOString() : null,
        }];
      }),
    };
  }
}
