// The NOC's alerting policy: thresholds and the poll interval staleness is measured against. One
// place, so the alert rules and the dashboards that colour the same series quote the same numbers.
import { ROLE_INTERVAL_SECONDS } from "../../../collectors/modules";
import { LINK_UTILISATION_WARN } from "../../../collectors/thresholds";

export interface AlertOptions {
  /**
   * The collector's poll interval: staleness and lag thresholds scale with it. Default: the
   * slowest of the collector's per-role intervals, so no role is called stale between two polls.
   */
  pollIntervalSeconds?: number;
}

export const DEFAULT_POLL_INTERVAL_SECONDS = Math.max(...Object.values(ROLE_INTERVAL_SECONDS));

/** Thresholds of the NOC's policy, exported so tests and docs quote the same numbers. */
export const THRESHOLDS = {
  linkUtilisation: LINK_UTILISATION_WARN, // the NOC board colours links by the same number
  linkUtilisationFor: "15m",
  overQuotaFor: "5m",
  /**
   * Traffic must exceed the quota by this factor: counters include link-layer overhead and a rate
   * over one poll interval jitters above a shaped rate; shaping that does not hold overshoots by far more.
   */
  overQuotaFactor: 1.05,
  interfaceErrorsPerSecond: 1,
  /** A module walk that comes back empty this long (several polls at every role's interval) is not a blip. */
  snmpModuleEmptyFor: "15m",
  upsMinutesRemaining: 10,
  serverCpuPercent: 90,
  serverStorageRatio: 0.9,
} as const;
