// Grafana provisioning files: the two datasources with the uids every panel refers to, and the
// dashboard provider that loads the generated JSON from disk (https://grafana.com/docs/grafana/latest/administration/provisioning/).
import { stringify } from "yaml";
import { INFLUXDB_DS, PROMETHEUS_DS } from "./ids";

export interface ProvisioningOptions {
  /** How Grafana reaches Prometheus (inside the monitoring network). */
  prometheusUrl?: string;
  /** How Grafana reaches InfluxDB 1.x. */
  influxUrl?: string;
  influxDatabase?: string;
  /** Where the dashboard JSON files are mounted inside the Grafana container. */
  dashboardsMountPath?: string;
}

export const PROVISIONING_DEFAULTS = {
  prometheusUrl: "http://prometheus:9090",
  influxUrl: "http://influxdb:8086",
  influxDatabase: "spbe",
  dashboardsMountPath: "/var/lib/grafana/dashboards/spbe",
} as const;

/**
 * The defaults with the options that are set: a key present but undefined (a CLI flag not given)
 * must not spread over its default, or the datasource is written with no URL.
 */
function withDefaults(opts: ProvisioningOptions) {
  const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
  return { ...PROVISIONING_DEFAULTS, ...given } as Required<ProvisioningOptions>;
}

export function datasourcesYaml(opts: ProvisioningOptions = {}): string {
  const o = withDefaults(opts);
  return stringify({
    apiVersion: 1,
    // Remove earlier copies by name so a changed URL replaces, not duplicates, a datasource.
    deleteDatasources: [
      { name: "SPBE Prometheus", orgId: 1 },
      { name: "SPBE InfluxDB", orgId: 1 },
    ],
    datasources: [
      {
        name: "SPBE Prometheus",
        uid: PROMETHEUS_DS.uid,
        type: PROMETHEUS_DS.type,
        access: "proxy",
        orgId: 1,
        url: o.prometheusUrl,
        isDefault: true,
        editable: false,
        jsonData: { httpMethod: "POST", timeInterval: "15s" },
      },
      {
        name: "SPBE InfluxDB",
        uid: INFLUXDB_DS.uid,
        type: INFLUXDB_DS.type,
        access: "proxy",
        orgId: 1,
        url: o.influxUrl,
        editable: false,
        jsonData: { dbName: o.influxDatabase, httpMode: "POST" },
      },
    ],
  });
}

export function dashboardProviderYaml(opts: ProvisioningOptions = {}): string {
  const o = withDefaults(opts);
  return stringify({
    apiVersion: 1,
    providers: [
      {
        name: "spbe",
        orgId: 1,
        folder: "SPBE",
        folderUid: "spbe",
        type: "file",
        // Dashboards are code: edits in the UI are not kept, the inventory is the source.
        disableDeletion: true,
        allowUiUpdates: false,
        updateIntervalSeconds: 30,
        options: { path: o.dashboardsMountPath, foldersFromFilesStructure: false },
      },
    ],
  });
}
