// The routing tree. Every alert reaches the NOC, with a repeat interval by severity; an OPD's
// contact also gets its OPD's alerts (by the `opd` label the collector puts on every device series,
// the site's OPD); escalation receivers (no OPD) get the severities they list, within their on-call
// hours. Grouping by site (and link) makes one outage one notification. A maintenance window is a
// route of its own above the rest, matching its device, site or OPD, whose children repeat the
// delivery routes muted during the window (mute_time_intervals apply to the route an alert lands
// on, and are not inherited by child routes).
import * as M from "../../collectors/metric-names";
import type { Alerting, AlertReceiver, Maintenance } from "../../inventory/schema";
import { ALERT_SEVERITIES } from "../../inventory/schema";
import { eq, oneOf, type AmRoute } from "./model";
import { DROP_RECEIVER } from "./receivers";
import { maintenanceInterval, onCallInterval } from "./time-intervals";

export const REPEAT_INTERVAL: Record<(typeof ALERT_SEVERITIES)[number], string> = { critical: "1h", warning: "4h", info: "24h" };
export const GROUP_BY = [M.LABEL_SITE, M.LABEL_LINK];

export interface RouteTimings {
  groupWait: string;
  groupInterval: string;
}
export const DEFAULT_TIMINGS: RouteTimings = { groupWait: "30s", groupInterval: "5m" };

/** The watchdog's severity (dashboards/rules/alerts/collector.ts): never paged, only proven alive. */
const WATCHDOG_SEVERITY = "none";

export function routeTree(a: Alerting, timings: RouteTimings): AmRoute {
  return {
    receiver: a.noc,
    group_by: GROUP_BY,
    group_wait: timings.groupWait,
    group_interval: timings.groupInterval,
    repeat_interval: REPEAT_INTERVAL.warning,
    routes: [
      { matchers: [eq("severity", WATCHDOG_SEVERITY)], receiver: a.deadman ?? DROP_RECEIVER, group_by: ["alertname"], repeat_interval: "5m" },
      ...a.maintenance.map((m) => maintenanceRoute(a, m)),
      ...deliveryRoutes(a, []),
    ],
  };
}

export function scopeMatcher(m: Maintenance): string {
  if ("device" in m.scope) return eq(M.LABEL_DEVICE, m.scope.device);
  if ("site" in m.scope) return eq(M.LABEL_SITE, m.scope.site);
  return eq(M.LABEL_OPD, m.scope.opd);
}

function maintenanceRoute(a: Alerting, m: Maintenance): AmRoute {
  const mute = [maintenanceInterval(m)];
  return { matchers: [scopeMatcher(m)], receiver: a.noc, mute_time_intervals: mute, routes: deliveryRoutes(a, mute) };
}

function deliveryRoutes(a: Alerting, mute: string[]): AmRoute[] {
  const muted = mute.length > 0 ? { mute_time_intervals: mute } : {};
  const extra = (r: AlertReceiver): AmRoute => ({
    matchers: [...(r.opd !== undefined ? [eq(M.LABEL_OPD, r.opd)] : []), oneOf("severity", r.severities)],
    receiver: r.id,
    repeat_interval: REPEAT_INTERVAL[mostSevere(r.severities)],
    continue: true,
    ...muted,
    ...(r.onCall ? { active_time_intervals: [onCallInterval(r.id)] } : {}),
  });
  const noc = a.receivers.find((r) => r.id === a.noc);
  const nocSeverities = noc?.severities ?? ALERT_SEVERITIES;
  return [
    ...a.receivers.filter((r) => r.id !== a.noc && r.id !== a.deadman).map(extra),
    ...ALERT_SEVERITIES.map((s) => ({
      matchers: [eq("severity", s)],
      receiver: nocSeverities.includes(s) ? a.noc : DROP_RECEIVER,
      repeat_interval: REPEAT_INTERVAL[s],
      ...muted,
    })),
  ];
}

function mostSevere(severities: readonly (typeof ALERT_SEVERITIES)[number][]): (typeof ALERT_SEVERITIES)[number] {
  return ALERT_SEVERITIES.find((s) => severities.includes(s)) ?? "info";
}
