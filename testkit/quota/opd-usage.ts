// The collectors' own pipeline, pointed at the gateway's snmpd: planTargets → Poller → DerivedState,
// the same code `spbe serve` runs (the gateway's modules include spbe_quota, which reads the counter
// script snmpd runs through `extend`), read back as spbe_opd_traffic_bps per OPD and direction.
import { planDerived, DerivedState } from "../../collectors/derived";
import { DIRECTION_DOWN, LABEL_DIRECTION, LABEL_OPD, SPBE_OPD_TRAFFIC_BPS } from "../../collectors/metric-names";
import { Poller, type PollResult } from "../../collectors/poller";
import { envSecrets } from "../../collectors/secrets";
import { planTargets } from "../../collectors/targets";
import type { Inventory } from "../../inventory/schema";

/**
 * snmpd (net-snmp) caches its interface table for 3 s (NET-SNMP-AGENT-MIB nsCacheTimeout), and it
 * loads it at start-up: a poll within 3 s of the previous read gets counters from that earlier
 * moment, and a rate over a 4 s window comes out tens of percent off. The test's agent is told to
 * read the counters on every request (the SET needs the write community that only the test's
 * snmpd has); the collector's own interval for a gateway (15 s) is well clear of the cache.
 */
export const NS_CACHE_TIMEOUT_IFTABLE = "1.3.6.1.4.1.8072.1.5.3.1.2.1.3.6.1.2.1.2.2";
export const NS_CACHE_TABLE = "1.3.6.1.4.1.8072.1.5.3";

export interface OpdUsage {
  /** Polls the gateway now. */
  poll(): Promise<PollResult>;
  /** Latest spbe_opd_traffic_bps per OPD: the rate between the last two polls. */
  rates(): Map<string, { down: number; up: number }>;
  stop(): void;
}

export function opdUsage(inv: Inventory, gateway: string, endpoint: { host: string; port: number }, community: string): OpdUsage {
  const derived = new DerivedState(planDerived(inv));
  const poller = new Poller({
    // The inventory's env reference resolved to the test's own community, without touching process.env.
    secrets: envSecrets({}, { SPBE_SNMP_COMMUNITY: community }),
    timeoutMs: 1000,
    retries: 1,
    onResult: (r) => derived.observe(r.target.device, r.samples, r.startedAt),
  });
  const { targets } = planTargets(inv, { endpoint: (d) => (d.id === gateway ? endpoint : undefined) });
  // Only what the quota series needs: the counters are then read a few milliseconds after the poll's
  // start, the time their rate is computed with (host_resources on snmpd can take hundreds of
  // milliseconds, and on a loaded machine its jitter alone would move a 5-second rate by percents).
  const needed = new Set(["system", "spbe_quota"]);
  poller.setTargets(targets.filter((t) => t.device === gateway).map((t) => ({ ...t, modules: t.modules.filter((m) => needed.has(m)) })));
  return {
    async poll() {
      const r = await poller.pollNow(gateway);
      if (!r.up) throw new Error(`the gateway's snmpd did not answer: ${r.errors.map((e) => e.message).join("; ")}`);
      return r;
    },
    rates() {
      const out = new Map<string, { down: number; up: number }>();
      for (const s of derived.samples(Date.now())) {
        if (s.name !== SPBE_OPD_TRAFFIC_BPS) continue;
        const opd = s.labels.find(([k]) => k === LABEL_OPD)![1];
        const entry = out.get(opd) ?? { down: NaN, up: NaN };
        if (s.labels.find(([k]) => k === LABEL_DIRECTION)![1] === DIRECTION_DOWN) entry.down = Number(s.value);
        else entry.up = Number(s.value);
        out.set(opd, entry);
      }
      return out;
    },
    stop() {
      poller.stop();
    },
  };
}
