// Alertmanager's configuration from the inventory's `alerting` section: receivers, the routing tree,
// inhibition from the topology, maintenance windows and on-call hours as time intervals, and the
// notification templates. Pure: `spbe alerts build` writes the files, the MonitoringStack uploads
// them next to Prometheus.
//   alertmanager/alertmanager.yml      the configuration (ALERTMANAGER_CONFIG_PATH)
//   alertmanager/templates/spbe.tmpl   notification templates, named relatively by the configuration
//   alertmanager/route-cases.json      routing cases for `amtool config routes test`, one per OPD and severity
import { stringify } from "yaml";
import * as M from "../../collectors/metric-names";
import { ALERT_SEVERITIES, type Alerting, type Inventory, type SecretRef } from "../../inventory/schema";
import { ALERT } from "../rules/names";
import { behindForAlerting, topologyInhibitRules } from "./inhibit";
import type { AmConfig, AmRoute } from "./model";
import { amReceivers, DROP_RECEIVER, secretPlaceholder, type SecretText } from "./receivers";
import { DEFAULT_TIMINGS, routeTree, type RouteTimings } from "./routes";
import { notificationTemplates, TEMPLATE_FILE } from "./templates";
import { timeIntervals } from "./time-intervals";

export { DROP_RECEIVER, secretPlaceholder, type SecretText } from "./receivers";
export { DEFAULT_TIMINGS, type RouteTimings } from "./routes";

export const ALERTMANAGER_DIR = "alertmanager";
export const ALERTMANAGER_CONFIG_PATH = `${ALERTMANAGER_DIR}/alertmanager.yml`;
export const ROUTE_CASES_PATH = `${ALERTMANAGER_DIR}/route-cases.json`;

export interface AlertmanagerOptions {
  timings?: RouteTimings;
  secret?: SecretText;
}

export function alertmanagerConfig(inv: Inventory, a: Alerting, opts: AlertmanagerOptions = {}): AmConfig {
  const intervals = timeIntervals(a);
  return {
    global: {
      resolve_timeout: "5m",
      ...(a.smtp
        ? {
            smtp_smarthost: a.smtp.smarthost,
            smtp_from: a.smtp.from,
            smtp_require_tls: a.smtp.requireTls,
            ...(a.smtp.username ? { smtp_auth_username: a.smtp.username } : {}),
            ...(a.smtp.password ? { smtp_auth_password: (opts.secret ?? secretPlaceholder)(a.smtp.password) } : {}),
          }
        : {}),
    },
    templates: [TEMPLATE_FILE],
    route: routeTree(a, opts.timings ?? DEFAULT_TIMINGS),
    receivers: amReceivers(a, opts.secret ?? secretPlaceholder),
    inhibit_rules: topologyInhibitRules(inv, behindForAlerting(inv)),
    ...(intervals.length > 0 ? { time_intervals: intervals } : {}),
  };
}

export interface OutputFile {
  path: string;
  content: string;
}

/** The files of the Alertmanager build; none when the inventory has no alerting section. */
export function buildAlertmanagerFiles(inv: Inventory, opts: AlertmanagerOptions = {}): OutputFile[] {
  const a = inv.alerting;
  if (!a) return [];
  const config = alertmanagerConfig(inv, a, opts);
  return [
    { path: ALERTMANAGER_CONFIG_PATH, content: stringify(config, { lineWidth: 0, aliasDuplicateObjects: false }) },
    { path: `${ALERTMANAGER_DIR}/${TEMPLATE_FILE}`, content: notificationTemplates(inv, behindForAlerting(inv), a.language, a.grafanaUrl) },
    { path: ROUTE_CASES_PATH, content: JSON.stringify(routeCases(inv, a), null, 2) + "\n" },
  ];
}

/** Every secret reference the configuration carries, once each (the stack resolves them). */
export function alertmanagerSecretRefs(a: Alerting): SecretRef[] {
  const refs = [...(a.smtp?.password ? [a.smtp.password] : []), ...a.receivers.flatMap((r) => [...r.webhooks.flatMap((w) => (typeof w.url === "string" ? [] : [w.url])), ...r.telegram.map((t) => t.botToken)])];
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = secretPlaceholder(r);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export interface RouteCase {
  labels: Record<string, string>;
  /** Receivers in routing order, as `amtool config routes test` prints them. */
  receivers: string[];
}

/**
 * What the routing must do, stated from the inventory's receivers (not read back from the tree):
 * for each OPD with a site, and each severity, a device alert of that OPD reaches the escalation
 * and OPD receivers that list the severity, then the NOC; the watchdog reaches the dead man's switch.
 */
export function routeCases(inv: Inventory, a: Alerting): RouteCase[] {
  const cases: RouteCase[] = [];
  const noc = a.receivers.find((r) => r.id === a.noc);
  for (const opd of inv.opds) {
    const site = inv.sites.find((s) => s.opd === opd.code);
    if (!site) continue;
    const device = inv.devices.find((d) => d.site === site.id);
    for (const severity of ALERT_SEVERITIES) {
      const extra = a.receivers.filter((r) => r.id !== a.noc && r.id !== a.deadman && (r.opd === undefined || r.opd === opd.code) && r.severities.includes(severity));
      cases.push({
        labels: { alertname: ALERT.deviceDown, severity, [M.LABEL_OPD]: opd.code, [M.LABEL_SITE]: site.id, ...(device ? { [M.LABEL_DEVICE]: device.id } : {}) },
        receivers: [...extra.map((r) => r.id), noc?.severities.includes(severity) ? a.noc : DROP_RECEIVER],
      });
    }
  }
  cases.push({ labels: { alertname: ALERT.watchdog, severity: "none" }, receivers: [a.deadman ?? DROP_RECEIVER] });
  return cases;
}

/** The routing tree as indented text, for review (`spbe alerts build --explain`). */
export function explainRoutes(config: AmConfig): string {
  const lines: string[] = [];
  const walk = (r: AmRoute, depth: number) => {
    const parts = [r.matchers?.length ? `{${r.matchers.join(", ")}}` : "*", `→ ${r.receiver ?? "(inherited)"}`];
    if (r.repeat_interval) parts.push(`repeat ${r.repeat_interval}`);
    if (r.continue) parts.push("continue");
    if (r.mute_time_intervals?.length) parts.push(`mute ${r.mute_time_intervals.join(",")}`);
    if (r.active_time_intervals?.length) parts.push(`active ${r.active_time_intervals.join(",")}`);
    lines.push(`${"  ".repeat(depth)}${parts.join("  ")}`);
    for (const c of r.routes ?? []) walk(c, depth + 1);
  };
  walk(config.route, 0);
  return lines.join("\n") + "\n";
}
