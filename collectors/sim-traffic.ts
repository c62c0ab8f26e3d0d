// Traffic added to a simulated link on demand (the NOC board's test, a demo): "put bb-dinsos at 90 %".
// The simulator's counters are a closed formula of the clock (sim-model.ts octetsAt); a changed rate
// cannot go into that formula without the counter jumping (backwards when lowered), so the extra
// traffic is its own piecewise-linear counter added on top: the sum only ever grows.

interface Segment {
  bps: number;
  sinceMs: number;
  /** Octets accumulated by earlier segments. */
  before: number;
}

export class SimTraffic {
  private readonly byLink = new Map<string, Segment>();

  /** From now on, `bps` more in both directions on the link (0 stops the extra traffic). */
  set(link: string, bps: number, nowMs: number = Date.now()): void {
    if (!Number.isFinite(bps) || bps < 0) throw new RangeError(`extra traffic must be a finite bits/s >= 0, not ${bps}`);
    const cur = this.byLink.get(link);
    const before = cur ? this.octetsOf(cur, nowMs) : 0;
    this.byLink.set(link, { bps, sinceMs: nowMs, before });
  }

  /** Extra bits/s on the link now. */
  bps(link: string): number {
    return this.byLink.get(link)?.bps ?? 0;
  }

  /** Extra octets carried on the link until `nowMs`, in each direction (monotonic in time). */
  octets(link: string, nowMs: number = Date.now()): bigint {
    const cur = this.byLink.get(link);
    return cur ? BigInt(Math.floor(this.octetsOf(cur, nowMs))) : 0n;
  }

  private octetsOf(s: Segment, nowMs: number): number {
    return s.before + (s.bps / 8) * Math.max(0, nowMs - s.sinceMs) / 1000;
  }
}
