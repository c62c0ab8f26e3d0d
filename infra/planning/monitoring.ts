// The NOC's monitoring stack on the data center's monitoring host: the collector (this project's
// SNMP poller, targets from the inventory), Prometheus scraping it, InfluxDB for long-term samples,
// Grafana provisioned with the dashboards. Pure: which host, which containers, which config text.
import { stringify } from "yaml";
import { LABEL } from "../labels";
import type { Device, Inventory } from "../inventory/schema";

export const COLLECTOR_PORT = 9464;
export const PROMETHEUS_PORT = 9090;
export const GRAFANA_PORT = 3000;
export const INFLUXDB_PORT = 8086;
export const INFLUXDB_DATABASE = "spbe";

export interface MonitoringFile {
  path: string;
  content: string;
}

export interface PlannedService {
  /** prometheus | influxdb | grafana | collector */
  service: string;
  containerName: string;
  image: string;
  /** Ports published on the monitoring host's management (internal) address. */
  ports: { internal: number; external: number; ip: string }[];
  volumes: { volumeName: string; containerPath: string }[];
  /** Plain (non-secret) environment; secrets are added by the component from Pulumi secrets. */
  env: Record<string, string>;
  /** Secret environment: variable name → stack secret key. */
  secretEnv: Record<string, string>;
  uploads: MonitoringFile[];
  command?: string[];
  labels: Record<string, string>;
  healthcheck: { tests: string[]; interval: string; timeout: string; retries: number; startPeriod: string };
}

export interface MonitoringPlan {
  host: string;
  site: string;
  hostAddress: string;
  networkName: string;
  volumes: string[];
  services: PlannedService[];
  prometheusConfig: string;
}

export class MonitoringPlanError extends Error {}

/**
 * The monitoring host: the configured server, else the first data-center server (by id) that no
 * application is placed on, so the NOC's tools never compete with OPD workloads.
 */
export function chooseMonitoringHost(inv: Inventory, configured?: string): Device {
  const sites = new Map(inv.sites.map((s) => [s.id, s]));
  if (configured !== undefined) {
    const dev = inv.devices.find((d) => d.id === configured);
    if (!dev || dev.role !== "server") throw new MonitoringPlanError(`monitoringHost ${configured} is not a server in the inventory`);
    return dev;
  }
  const used = new Set<string>();
  for (const app of inv.applications) {
    if (app.placement.type === "datacenter") used.add(app.placement.server);
    if (app.dr) used.add(app.dr.server);
  }
  const candidates = inv.devices
    .filter((d) => d.role === "server" && sites.get(d.site)?.kind === "datacenter" && !used.has(d.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!candidates[0]) throw new MonitoringPlanError("no data-center server is free for the monitoring stack: set spbe-infra:monitoringHost");
  return candidates[0];
}

export function renderPrometheusConfig(inv: Inventory): string {
  const config = {
    global: { scrape_interval: "30s", evaluation_interval: "30s", external_labels: { kabupaten: inv.meta.kabupaten } },
    scrape_configs: [
      {
        // The collector polls every SNMP device of the inventory and serves all of them on /metrics.
        job_name: "spbe-collector",
        scrape_interval: "60s",
        scrape_timeout: "50s",
        metrics_path: "/metrics",
        static_configs: [{ targets: [`collector:${COLLECTOR_PORT}`], labels: { domain: inv.meta.domain } }],
      },
      { job_name: "prometheus", static_configs: [{ targets: [`localhost:${PROMETHEUS_PORT}`] }] },
    ],
  };
  return stringify(config);
}

const GRAFANA_DASHBOARDS_DIR = "/var/lib/grafana/dashboards";

/** Where a file from the dashboards build lands in the Grafana container. */
export function grafanaPath(path: string): string {
  const clean = path.replace(/^\/+/, "").replace(/^dashboards\/(?=provisioning\/)/, "");
  if (clean.startsWith("provisioning/")) return `/etc/grafana/${clean}`;
  return `${GRAFANA_DASHBOARDS_DIR}/${clean.replace(/^dashboards\//, "")}`;
}

/** Grafana's own data sources: the stack's Prometheus and InfluxDB, by container name. */
export function renderDatasources(): string {
  return stringify({
    apiVersion: 1,
    datasources: [
      { name: "Prometheus", uid: "prometheus", type: "prometheus", access: "proxy", url: `http://prometheus:${PROMETHEUS_PORT}`, isDefault: true },
      { name: "InfluxDB", uid: "influxdb", type: "influxdb", access: "proxy", url: `http://influxdb:${INFLUXDB_PORT}`, jsonData: { dbName: INFLUXDB_DATABASE } },
    ],
  });
}

function httpCheck(port: number, path: string) {
  return { tests: ["CMD-SHELL", `wget -q -O /dev/null http://127.0.0.1:${port}${path} || exit 1`], interval: "30s", timeout: "5s", retries: 3, startPeriod: "30s" };
}

export interface MonitoringOptions {
  monitoringHost?: string;
  collectorImage: string;
  inventoryText: string;
  grafanaFiles: MonitoringFile[];
  /** SNMP secret keys the collector needs in its environment (env refs keep their names). */
  snmpSecretKeys: string[];
}

export function planMonitoring(inv: Inventory, opts: MonitoringOptions): MonitoringPlan {
  const host = chooseMonitoringHost(inv, opts.monitoringHost);
  if (!host.mgmtAddress) throw new MonitoringPlanError(`monitoring host ${host.id} has no mgmtAddress to publish Grafana and Prometheus on`);
  const ip = host.mgmtAddress;
  const prometheusConfig = renderPrometheusConfig(inv);
  const labels = (service: string) => ({ [LABEL.service]: service, [LABEL.server]: host.id, [LABEL.site]: host.site });
  const grafanaUploads: MonitoringFile[] = opts.grafanaFiles.map((f) => ({ path: grafanaPath(f.path), content: f.content }));
  if (!grafanaUploads.some((f) => f.path.startsWith("/etc/grafana/provisioning/datasources/"))) {
    grafanaUploads.push({ path: "/etc/grafana/provisioning/datasources/spbe.yaml", content: renderDatasources() });
  }
  const secretEnv: Record<string, string> = {};
  for (const key of opts.snmpSecretKeys) secretEnv[key] = key;
  const services: PlannedService[] = [
    {
      service: "influxdb",
      containerName: "spbe-influxdb",
      image: "influxdb:1.8-alpine",
      ports: [],
      volumes: [{ volumeName: "spbe-influxdb-data", containerPath: "/var/lib/influxdb" }],
      env: { INFLUXDB_DB: INFLUXDB_DATABASE, INFLUXDB_HTTP_AUTH_ENABLED: "false" },
      secretEnv: {},
      uploads: [],
      labels: labels("influxdb"),
      healthcheck: httpCheck(INFLUXDB_PORT, "/ping"),
    },
    {
      service: "collector",
      containerName: "spbe-collector",
      image: opts.collectorImage,
      ports: [],
      volumes: [],
      env: {
        SPBE_INVENTORY: "/etc/spbe/inventory.yaml",
        SPBE_LISTEN: `0.0.0.0:${COLLECTOR_PORT}`,
        SPBE_INFLUXDB_URL: `http://influxdb:${INFLUXDB_PORT}/${INFLUXDB_DATABASE}`,
      },
      secretEnv,
      uploads: [{ path: "/etc/spbe/inventory.yaml", content: opts.inventoryText }],
      labels: labels("collector"),
      healthcheck: httpCheck(COLLECTOR_PORT, "/metrics"),
    },
    {
      service: "prometheus",
      containerName: "spbe-prometheus",
      image: "prom/prometheus:v2.53.2",
      ports: [{ internal: PROMETHEUS_PORT, external: PROMETHEUS_PORT, ip }],
      volumes: [{ volumeName: "spbe-prometheus-data", containerPath: "/prometheus" }],
      env: {},
      secretEnv: {},
      uploads: [{ path: "/etc/prometheus/prometheus.yml", content: prometheusConfig }],
      command: ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", "--storage.tsdb.retention.time=90d"],
      labels: labels("prometheus"),
      healthcheck: httpCheck(PROMETHEUS_PORT, "/-/ready"),
    },
    {
      service: "grafana",
      containerName: "spbe-grafana",
      image: "grafana/grafana:11.2.0",
      ports: [{ internal: GRAFANA_PORT, external: GRAFANA_PORT, ip }],
      volumes: [{ volumeName: "spbe-grafana-data", containerPath: "/var/lib/grafana" }],
      env: { GF_SECURITY_ADMIN_USER: "admin", GF_USERS_ALLOW_SIGN_UP: "false" },
      secretEnv: { GF_SECURITY_ADMIN_PASSWORD: "grafanaAdminPassword" },
      uploads: grafanaUploads,
      labels: labels("grafana"),
      healthcheck: httpCheck(GRAFANA_PORT, "/api/health"),
    },
  ];
  return {
    host: host.id,
    site: host.site,
    hostAddress: ip,
    networkName: "spbe-monitoring",
    volumes: services.flatMap((s) => s.volumes.map((v) => v.volumeName)),
    services,
    prometheusConfig,
  };
}
