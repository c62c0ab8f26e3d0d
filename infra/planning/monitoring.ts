// The NOC's monitoring stack on the data center's monitoring host: the collector (this project's
// SNMP poller, targets from the inventory), Prometheus scraping it, InfluxDB for long-term samples,
// Grafana provisioned with the dashboards, and (when given probes) a blackbox exporter probing the
// kabupaten's web names. Pure: which host, which containers, which config text.
import { stringify } from "yaml";
import { LABEL } from "../../inventory/labels";
import type { Device, Inventory } from "../../inventory/schema";

/** `spbe serve`'s default port (collectors/serve.ts). */
export const COLLECTOR_PORT = 9116;
export const PROMETHEUS_PORT = 9090;
export const GRAFANA_PORT = 3000;
export const INFLUXDB_PORT = 8086;
export const ALERTMANAGER_PORT = 9093;
export const INFLUXDB_DATABASE = "spbe";
export const BLACKBOX_PORT = 9115;
/** The blackbox exporter as Prometheus reaches it on the monitoring network (the container's alias). */
export const BLACKBOX_ADDRESS = `blackbox:${BLACKBOX_PORT}`;
const BLACKBOX_CONFIG_PATH = "/etc/blackbox_exporter/config.yml";

export interface MonitoringFile {
  path: string;
  content: string;
  /**
   * Placeholders in the content that stand for secrets (placeholder → stack secret key), each a
   * whole YAML scalar: the component writes the secret's value, quoted, in their place
   * (Alertmanager's bot tokens and passwords).
   */
  secrets?: Record<string, string>;
}

export interface PlannedService {
  /** prometheus | influxdb | grafana | collector | alertmanager */
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

/** Where Prometheus reads the alert and recording rules from the dashboards build. */
export const PROMETHEUS_RULES_DIR = "/etc/prometheus/rules";
/** Where Alertmanager reads its configuration and templates (the alerts build's alertmanager/ files). */
export const ALERTMANAGER_CONFIG_DIR = "/etc/alertmanager";
/** Where the dashboards' JSON lands in the Grafana container (passed to the dashboards build). */
export const GRAFANA_DASHBOARDS_DIR = "/var/lib/grafana/dashboards/spbe";

/** A Prometheus scrape job as its YAML object (the probe jobs come from observe/blackbox-config.ts via the program). */
export type ScrapeConfig = Record<string, unknown>;

export function renderPrometheusConfig(inv: Inventory, ruleFiles: string[] = [], extraJobs: ScrapeConfig[] = [], alertmanagers: string[] = []): string {
  const config = {
    global: { scrape_interval: "30s", evaluation_interval: "30s", external_labels: { kabupaten: inv.meta.kabupaten } },
    ...(ruleFiles.length > 0 ? { rule_files: ruleFiles } : {}),
    // Firing alerts go to the Alertmanager next to Prometheus (when the inventory says who hears them).
    ...(alertmanagers.length > 0 ? { alerting: { alertmanagers: [{ static_configs: [{ targets: alertmanagers }] }] } } : {}),
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
      ...extraJobs,
    ],
  };
  return stringify(config);
}

/**
 * Where a file of the dashboards build (paths as in dashboards/build.ts: grafana/provisioning/...,
 * grafana/dashboards/<uid>.json, prometheus/rules/...) lands, and in which container.
 */
export function placeBuildFile(path: string): { service: "grafana" | "prometheus" | "alertmanager"; file: string } {
  const clean = path.replace(/^\/+/, "");
  if (clean.startsWith("grafana/provisioning/")) return { service: "grafana", file: `/etc/grafana/${clean.slice("grafana/".length)}` };
  if (clean.startsWith("grafana/dashboards/")) return { service: "grafana", file: `${GRAFANA_DASHBOARDS_DIR}/${clean.slice("grafana/dashboards/".length)}` };
  if (clean.startsWith("prometheus/rules/")) return { service: "prometheus", file: `${PROMETHEUS_RULES_DIR}/${clean.slice("prometheus/rules/".length)}` };
  if (clean.startsWith("alertmanager/")) return { service: "alertmanager", file: `${ALERTMANAGER_CONFIG_DIR}/${clean.slice("alertmanager/".length)}` };
  throw new MonitoringPlanError(`the dashboards build produced ${path}, which has no place in the monitoring stack`);
}

function httpCheck(port: number, path: string) {
  return { tests: ["CMD-SHELL", `wget -q -O /dev/null http://127.0.0.1:${port}${path} || exit 1`], interval: "30s", timeout: "5s", retries: 3, startPeriod: "30s" };
}

/** The collector's liveness endpoint (collectors/http.ts), also the image's HEALTHCHECK (Dockerfile). */
export const COLLECTOR_HEALTH_PATH = "/healthz";

/**
 * The collector image is Node on Debian slim, which has no wget or curl: Node itself asks, with
 * the fetch it ships. /healthz, not /metrics: rendering every series is not a liveness question.
 */
function collectorCheck() {
  const url = `http://127.0.0.1:${COLLECTOR_PORT}${COLLECTOR_HEALTH_PATH}`;
  const script = `fetch('${url}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
  return { tests: ["CMD", "node", "-e", script], interval: "30s", timeout: "5s", retries: 3, startPeriod: "30s" };
}

export interface MonitoringOptions {
  monitoringHost?: string;
  collectorImage: string;
  inventoryText: string;
  /** Files of the dashboards build (Grafana provisioning and dashboards, Prometheus rules). */
  buildFiles: MonitoringFile[];
  /** The collector's secret environment: variable name → stack secret key. */
  collectorSecretEnv: Record<string, string>;
  /** HTTP(S) probes: the blackbox exporter's configuration and the scrape jobs that ask it (at BLACKBOX_ADDRESS). */
  probes?: { blackboxConfig: string; scrapeJobs: ScrapeConfig[] };
}

export function planMonitoring(inv: Inventory, opts: MonitoringOptions): MonitoringPlan {
  const host = chooseMonitoringHost(inv, opts.monitoringHost);
  if (!host.mgmtAddress) throw new MonitoringPlanError(`monitoring host ${host.id} has no mgmtAddress to publish Grafana and Prometheus on`);
  const ip = host.mgmtAddress;
  const labels = (service: string) => ({ [LABEL.service]: service, [LABEL.server]: host.id, [LABEL.site]: host.site });
  const uploads = { grafana: [] as MonitoringFile[], prometheus: [] as MonitoringFile[], alertmanager: [] as MonitoringFile[] };
  for (const f of opts.buildFiles) {
    const at = placeBuildFile(f.path);
    uploads[at.service].push({ path: at.file, content: f.content, ...(f.secrets ? { secrets: f.secrets } : {}) });
  }
  const ruleFiles = uploads.prometheus.map((f) => f.path);
  const withAlertmanager = uploads.alertmanager.length > 0;
  const prometheusConfig = renderPrometheusConfig(inv, ruleFiles, opts.probes?.scrapeJobs ?? [], withAlertmanager ? [`alertmanager:${ALERTMANAGER_PORT}`] : []);
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
      env: {},
      secretEnv: opts.collectorSecretEnv,
      uploads: [{ path: "/etc/spbe/inventory.yaml", content: opts.inventoryText }],
      // The image's entrypoint is the `spbe` CLI; `serve` polls and serves /metrics.
      command: ["serve", "/etc/spbe/inventory.yaml", "--host", "0.0.0.0", "--port", String(COLLECTOR_PORT), "--influx-url", `http://influxdb:${INFLUXDB_PORT}`, "--influx-db", INFLUXDB_DATABASE],
      labels: labels("collector"),
      healthcheck: collectorCheck(),
    },
    {
      service: "prometheus",
      containerName: "spbe-prometheus",
      image: "prom/prometheus:v2.53.2",
      ports: [{ internal: PROMETHEUS_PORT, external: PROMETHEUS_PORT, ip }],
      volumes: [{ volumeName: "spbe-prometheus-data", containerPath: "/prometheus" }],
      env: {},
      secretEnv: {},
      uploads: [{ path: "/etc/prometheus/prometheus.yml", content: prometheusConfig }, ...uploads.prometheus],
      command: ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", "--storage.tsdb.retention.time=90d"],
      labels: labels("prometheus"),
      healthcheck: httpCheck(PROMETHEUS_PORT, "/-/ready"),
    },
    {
      service: "grafana",
      containerName: "spbe-grafana",
      // Grafana 12 or later: dashboards/ builds classic dashboard JSON for Grafana 12 (issue 6).
      image: "grafana/grafana:12.0.0",
      ports: [{ internal: GRAFANA_PORT, external: GRAFANA_PORT, ip }],
      volumes: [{ volumeName: "spbe-grafana-data", containerPath: "/var/lib/grafana" }],
      env: { GF_SECURITY_ADMIN_USER: "admin", GF_USERS_ALLOW_SIGN_UP: "false" },
      secretEnv: { GF_SECURITY_ADMIN_PASSWORD: "grafanaAdminPassword" },
      uploads: uploads.grafana,
      labels: labels("grafana"),
      healthcheck: httpCheck(GRAFANA_PORT, "/api/health"),
    },
  ];
  if (opts.probes) {
    services.push({
      service: "blackbox",
      containerName: "spbe-blackbox",
      image: "prom/blackbox-exporter:v0.25.0",
      ports: [],
      volumes: [],
      env: {},
      secretEnv: {},
      uploads: [{ path: BLACKBOX_CONFIG_PATH, content: opts.probes.blackboxConfig }],
      command: [`--config.file=${BLACKBOX_CONFIG_PATH}`],
      labels: labels("blackbox"),
      healthcheck: httpCheck(BLACKBOX_PORT, "/-/healthy"),
    });
  }
  if (withAlertmanager) services.push(alertmanagerService(uploads.alertmanager, ip, labels("alertmanager")));
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

/** Alertmanager next to Prometheus: the generated configuration, its silences kept in a volume. */
function alertmanagerService(uploads: MonitoringFile[], ip: string, labels: Record<string, string>): PlannedService {
  return {
    service: "alertmanager",
    containerName: "spbe-alertmanager",
    // The configuration is checked with Debian's 0.25 (amtool); 0.27 reads it unchanged.
    image: "prom/alertmanager:v0.27.0",
    ports: [{ internal: ALERTMANAGER_PORT, external: ALERTMANAGER_PORT, ip }],
    volumes: [{ volumeName: "spbe-alertmanager-data", containerPath: "/alertmanager" }],
    env: {},
    secretEnv: {},
    uploads,
    command: [`--config.file=${ALERTMANAGER_CONFIG_DIR}/alertmanager.yml`, "--storage.path=/alertmanager", "--cluster.listen-address="],
    labels,
    healthcheck: httpCheck(ALERTMANAGER_PORT, "/-/ready"),
  };
}
