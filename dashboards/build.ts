// The dashboards module's entry points: every file Grafana and Prometheus need for one inventory.
// Paths are relative to an output directory; the MonitoringStack mounts them, the CLI writes them.
//   grafana/provisioning/datasources/spbe.yaml   datasources (stable uids)
//   grafana/provisioning/dashboards/spbe.yaml    dashboard provider
//   grafana/dashboards/<uid>.json                one file per dashboard
//   prometheus/rules/spbe.rules.yml              recording + alerting rules (RULES_FILE_PATH)
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import type { Inventory } from "../inventory/schema";
import { backboneDashboard } from "./boards/backbone";
import { complianceDashboard } from "./boards/compliance";
import { deviceDashboard } from "./boards/device";
import { overviewDashboard } from "./boards/overview";
import { quotaDashboard } from "./boards/quota";
import { recoveryDashboard } from "./boards/recovery";
import { dashboardProviderYaml, datasourcesYaml, type ProvisioningOptions } from "./provisioning";
import { alertGroups, type AlertOptions } from "./rules/alerts";
import { RULES_FILE_PATH } from "./rules/names";
import { availabilityRecordingRules, recordingRules } from "./rules/recording";
import { ruleFileYaml } from "./rules/render";
import { inventoryView } from "./view";

export { ALERT, OVER_QUOTA_ALERT, RULES_FILE_PATH, WATCHDOG_ALERT } from "./rules/names";
export { PROMETHEUS_DS, INFLUXDB_DS, dashboardUid } from "./ids";

export interface OutputFile {
  path: string;
  content: string;
}

export const DATASOURCES_PATH = "grafana/provisioning/datasources/spbe.yaml";
export const DASHBOARD_PROVIDER_PATH = "grafana/provisioning/dashboards/spbe.yaml";
export const DASHBOARDS_DIR = "grafana/dashboards";

export type GrafanaOptions = ProvisioningOptions;

/** The six dashboards as objects (tests inspect them; buildGrafanaFiles serialises them). */
export function buildDashboards(inventory: Inventory): Dashboard[] {
  const view = inventoryView(inventory);
  return [overviewDashboard(view), backboneDashboard(view), quotaDashboard(view), deviceDashboard(view), recoveryDashboard(view), complianceDashboard(view)];
}

export function buildGrafanaFiles(inventory: Inventory, opts: GrafanaOptions = {}): OutputFile[] {
  return [
    { path: DATASOURCES_PATH, content: datasourcesYaml(opts) },
    { path: DASHBOARD_PROVIDER_PATH, content: dashboardProviderYaml(opts) },
    ...buildDashboards(inventory).map((d) => ({ path: `${DASHBOARDS_DIR}/${d.uid}.json`, content: JSON.stringify(d, null, 2) + "\n" })),
  ];
}

export function buildAlertRules(inventory: Inventory, opts: AlertOptions = {}): OutputFile[] {
  const view = inventoryView(inventory);
  const groups = [recordingRules(), availabilityRecordingRules(), ...alertGroups(view, opts)];
  return [{ path: RULES_FILE_PATH, content: ruleFileYaml(groups, view.kabupaten) }];
}
