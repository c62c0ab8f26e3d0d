// The NOC's monitoring stack on the data center's monitoring host: the collector (this project's
// SNMP poller, targets from the inventory), Prometheus scraping it, InfluxDB for long-term samples,
// Grafana provisioned with the dashboards, and (when given probes) a blackbox exporter probing the
// kabupaten's web names. Pure: which host, which containers, which config text.
import { stringify } from "yaml";
import { LABEL } from "../../inventory/labels";
import { DATACENTER_PROMETHEUS_JOB } from "../../inventory/monitoring-jobs";
import type { Device, Inventory } from "../../inventory/schema";
import {
  COLLECTOR_PASSWORD_HASH_PLACEHOLDER,
  COLLECTOR_PASSWORD_KEY,
  COLLECTOR_PASSWORD_PLACEHOLDER,
  COLLECTOR_WEB_CONFIG_PATH,
  collectorScrapeAuth,
  collectorWebConfig,
} from "./collector-access";

/** `spbe serve`'s default port (collectors/serve.ts). */
export const COLLECTOR_PORT = 9116;
export const PROMETHEUS_PORT = 9090;
export const GRAFANA_PORT = 3000;
export const INFLUXDB_PORT = 8086;
export const ALERTMANAGER_PORT = 9093;
/** Alertmanager's gossip port (TCP and UDP), for the data center's and the recovery site's peers. */
export const ALERTMANAGER_CLUSTER_PORT = 9094;
/** The `replica` external label of each Prometheus of the pair, dropped before alerts reach Alertmanager. */
export const REPLICA = { datacenter: "datacenter", recovery: "recovery" } as const;
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
  /** Placeholders for the bcrypt hash of a secret (placeholder → stack secret key): a web config's users. */
  hashedSecrets?: Record<string, string>;
}

export interface PlannedService {
  /** prometheus | influxdb | grafana | collector | alertmanager */
  service: string;
  containerName: string;
  image: string;
  /** Ports published on the monitoring host's management (internal) address; TCP unless said. */
  ports: { internal: number; external: number; ip: string; protocol?: "tcp" | "udp" }[];
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
  /** Prefix of the stack's resource names ("recovery-" for the recovery site's pair; none in the data center). */
  resourcePrefix?: string;
  /**
   * The recovery site's pair (issue 13): a second Prometheus (same rules, replica "recovery", watching
   * the data center's Prometheus) and a second Alertmanager clustered with the first, so the NOC still
   * hears about the data center when the data center is what failed. Absent without alerting or
   * without a recovery-site server.
   */
  recovery?: MonitoringPlan;
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

/**
 * One Prometheus' configuration. With `replica`, it is one of the pair: the replica named in its
 * external labels (its own series stay apart in a federation or remote store) and dropped from the
 * alerts it sends, so the two Prometheus' copies of one alert are one alert to Alertmanager.
 */
export function renderPrometheusConfig(inv: Inventory, ruleFiles: string[] = [], extraJobs: ScrapeConfig[] = [], alertmanagers: string[] = [], replica?: string, collectorTarget = `collector:${COLLECTOR_PORT}`): string {
  const config = {
    global: { scrape_interval: "30s", evaluation_interval: "30s", external_labels: { kabupaten: inv.meta.kabupaten, ...(replica ? { replica } : {}) } },
    ...(ruleFiles.length > 0 ? { rule_files: ruleFiles } : {}),
    // Firing alerts go to the Alertmanager next to Prometheus (when the inventory says who hears them).
    ...(alertmanagers.length > 0
      ? {
          alerting: {
            ...(replica ? { alert_relabel_configs: [{ action: "labeldrop", regex: "replica" }] } : {}),
            alertmanagers: [{ static_configs: [{ targets: alertmanagers }] }],
          },
        }
      : {}),
    scrape_configs: [
      {
        // The collector polls every SNMP device of the inventory and serves all of them on /metrics.
        job_name: "spbe-collector",
        scrape_interval: "60s",
        scrape_timeout: "50s",
        metrics_path: "/metrics",
        // The collector asks for basic auth (collector-access.ts); the password is filled in from the stack secret.
        basic_auth: collectorScrapeAuth(),
        static_configs: [{ targets: [collectorTarget], labels: { domain: inv.meta.domain } }],
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

/**
 * Where a module file the inventory names lands in the collector container: under /etc/spbe as the
 * inventory says, so its relative path still holds there. A path that leaves the inventory's folder
 * (absolute, or through "..") has no such place: refused.
 */
export function collectorModulePath(path: string): string {
  const parts = path.split(/[\\/]+/);
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path) || parts.includes("..")) {
    throw new MonitoringPlanError(`monitoring.moduleFiles: ${path} is not inside the inventory's folder: the collector container could not find it (keep module files beside the inventory)`);
  }
  return ["/etc/spbe", ...parts.filter((p) => p !== "" && p !== ".")].join("/");
}

export interface MonitoringOptions {
  monitoringHost?: string;
  collectorImage: string;
  inventoryText: string;
  /**
   * The inventory's own SNMP module files (monitoring.moduleFiles), by the path the inventory gives:
   * uploaded beside the collector's inventory, where `spbe serve` looks for them.
   */
  collectorModuleFiles?: { path: string; content: string }[];
  /** Files of the dashboards build (Grafana provisioning and dashboards, Prometheus rules). */
  buildFiles: MonitoringFile[];
  /** The collector's secret environment: variable name → stack secret key. */
  collectorSecretEnv: Record<string, string>;
  /** HTTP(S) probes: the blackbox exporter's configuration and the scrape jobs that ask it (at BLACKBOX_ADDRESS). */
  probes?: { blackboxConfig: string; scrapeJobs: ScrapeConfig[] };
  /** The recovery site's monitoring server (default: chooseRecoveryMonitoringHost). */
  recoveryMonitoringHost?: string;
}

/**
 * The recovery site's monitoring server: the configured one, else the first recovery-site server (by
 * id) that runs no application's primary (DR replicas are standby: they leave room); undefined when
 * the inventory has none.
 */
export function chooseRecoveryMonitoringHost(inv: Inventory, configured?: string): Device | undefined {
  const recoverySites = new Set(inv.sites.filter((s) => s.kind === "recovery").map((s) => s.id));
  if (configured !== undefined) {
    const dev = inv.devices.find((d) => d.id === configured);
    if (!dev || dev.role !== "server" || !recoverySites.has(dev.site)) throw new MonitoringPlanError(`recoveryMonitoringHost ${configured} is not a server at a recovery site of the inventory`);
    return dev;
  }
  const primaries = new Set(inv.applications.flatMap((a) => (a.placement.type === "datacenter" ? [a.placement.server] : [])));
  return inv.devices
    .filter((d) => d.role === "server" && recoverySites.has(d.site) && d.mgmtAddress && !primaries.has(d.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
}

export function planMonitoring(inv: Inventory, opts: MonitoringOptions): MonitoringPlan {
  const host = chooseMonitoringHost(inv, opts.monitoringHost);
  if (!host.mgmtAddress) throw new MonitoringPlanError(`monitoring host ${host.id} has no mgmtAddress to publish Grafana and Prometheus on`);
  const ip = host.mgmtAddress;
  const labels = serviceLabels(host);
  const uploads = { grafana: [] as MonitoringFile[], prometheus: [] as MonitoringFile[], alertmanager: [] as MonitoringFile[] };
  for (const f of opts.buildFiles) {
    const at = placeBuildFile(f.path);
    uploads[at.service].push({ path: at.file, content: f.content, ...(f.secrets ? { secrets: f.secrets } : {}) });
  }
  const ruleFiles = uploads.prometheus.map((f) => f.path);
  const withAlertmanager = uploads.alertmanager.length > 0;
  // The pair exists only when someone is paged: without receivers a second Prometheus would alert no one.
  const recoveryHost = withAlertmanager ? chooseRecoveryMonitoringHost(inv, opts.recoveryMonitoringHost) : undefined;
  if (recoveryHost && !recoveryHost.mgmtAddress) throw new MonitoringPlanError(`recovery monitoring host ${recoveryHost.id} has no mgmtAddress for its Alertmanager peer`);
  const rip = recoveryHost?.mgmtAddress;
  const alertmanagers = withAlertmanager ? [`alertmanager:${ALERTMANAGER_PORT}`, ...(rip ? [`${rip}:${ALERTMANAGER_PORT}`] : [])] : [];
  const prometheusConfig = renderPrometheusConfig(inv, ruleFiles, opts.probes?.scrapeJobs ?? [], alertmanagers, rip ? REPLICA.datacenter : undefined);
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
      // Published when the recovery site's Prometheus scrapes it too.
      ports: rip ? [{ internal: COLLECTOR_PORT, external: COLLECTOR_PORT, ip }] : [],
      volumes: [],
      env: {},
      secretEnv: opts.collectorSecretEnv,
      uploads: [
        { path: "/etc/spbe/inventory.yaml", content: opts.inventoryText },
        ...(opts.collectorModuleFiles ?? []).map((f) => ({ path: collectorModulePath(f.path), content: f.content })),
        { path: COLLECTOR_WEB_CONFIG_PATH, content: collectorWebConfig(), hashedSecrets: { [COLLECTOR_PASSWORD_HASH_PLACEHOLDER]: COLLECTOR_PASSWORD_KEY } },
      ],
      // The image's entrypoint is the `spbe` CLI; `serve` polls and serves /metrics, /report and
      // /targets behind basic auth: it listens beyond loopback, where serve refuses to be unguarded.
      command: [
        "serve", "/etc/spbe/inventory.yaml", "--host", "0.0.0.0", "--port", String(COLLECTOR_PORT),
        "--web.config.file", COLLECTOR_WEB_CONFIG_PATH,
        "--influx-url", `http://influxdb:${INFLUXDB_PORT}`, "--influx-db", INFLUXDB_DATABASE,
      ],
      labels: labels("collector"),
      healthcheck: collectorCheck(),
    },
    prometheusService(ip, labels("prometheus"), prometheusConfig, uploads.prometheus),
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
  if (withAlertmanager) services.push(alertmanagerService(uploads.alertmanager, ip, labels("alertmanager"), rip));
  return {
    ...stackOn(host, services, prometheusConfig),
    ...(recoveryHost && rip ? { recovery: recoveryPair(inv, recoveryHost, ip, ruleFiles, uploads) } : {}),
  };
}

/** The labels of a monitoring service's container on its host. */
function serviceLabels(host: Device): (service: string) => Record<string, string> {
  return (service) => ({ [LABEL.service]: service, [LABEL.server]: host.id, [LABEL.site]: host.site });
}

/** A monitoring stack's plan on one host: its services, the volumes they use, its Prometheus configuration. */
function stackOn(host: Device, services: PlannedService[], prometheusConfig: string): MonitoringPlan {
  return {
    host: host.id,
    site: host.site,
    hostAddress: host.mgmtAddress!,
    networkName: "spbe-monitoring",
    volumes: services.flatMap((s) => s.volumes.map((v) => v.volumeName)),
    services,
    prometheusConfig,
  };
}

/**
 * The recovery site's Prometheus and Alertmanager: the same rules over the data center's collector,
 * the data center's Prometheus watched under DATACENTER_PROMETHEUS_JOB (SpbeDataCenterPrometheusDown),
 * alerts to both Alertmanagers, its Alertmanager a peer of the data center's.
 */
function recoveryPair(inv: Inventory, host: Device, dcIp: string, ruleFiles: string[], uploads: { prometheus: MonitoringFile[]; alertmanager: MonitoringFile[] }): MonitoringPlan {
  const ip = host.mgmtAddress!;
  const labels = serviceLabels(host);
  const watchDatacenter: ScrapeConfig = { job_name: DATACENTER_PROMETHEUS_JOB, static_configs: [{ targets: [`${dcIp}:${PROMETHEUS_PORT}`] }] };
  const prometheusConfig = renderPrometheusConfig(inv, ruleFiles, [watchDatacenter], [`alertmanager:${ALERTMANAGER_PORT}`, `${dcIp}:${ALERTMANAGER_PORT}`], REPLICA.recovery, `${dcIp}:${COLLECTOR_PORT}`);
  const services: PlannedService[] = [
    prometheusService(ip, labels("prometheus"), prometheusConfig, uploads.prometheus),
    alertmanagerService(uploads.alertmanager, ip, labels("alertmanager"), dcIp),
  ];
  return { ...stackOn(host, services, prometheusConfig), resourcePrefix: "recovery-" };
}

function prometheusService(ip: string, labels: Record<string, string>, config: string, rules: MonitoringFile[]): PlannedService {
  return {
    service: "prometheus",
    containerName: "spbe-prometheus",
    image: "prom/prometheus:v2.53.2",
    ports: [{ internal: PROMETHEUS_PORT, external: PROMETHEUS_PORT, ip }],
    volumes: [{ volumeName: "spbe-prometheus-data", containerPath: "/prometheus" }],
    env: {},
    secretEnv: {},
    uploads: [{ path: "/etc/prometheus/prometheus.yml", content: config, secrets: { [COLLECTOR_PASSWORD_PLACEHOLDER]: COLLECTOR_PASSWORD_KEY } }, ...rules],
    command: ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", "--storage.tsdb.retention.time=90d"],
    labels,
    healthcheck: httpCheck(PROMETHEUS_PORT, "/-/ready"),
  };
}

/**
 * Alertmanager next to Prometheus: the generated configuration, its silences kept in a volume. With a
 * peer (the other site's Alertmanager), the two gossip silences and the notification log over
 * ALERTMANAGER_CLUSTER_PORT, so an alert both receive is notified once and a silence holds on both.
 */
function alertmanagerService(uploads: MonitoringFile[], ip: string, labels: Record<string, string>, peer?: string): PlannedService {
  return {
    service: "alertmanager",
    containerName: "spbe-alertmanager",
    // The configuration is checked with Debian's 0.25 (amtool); 0.27 reads it unchanged.
    image: "prom/alertmanager:v0.27.0",
    ports: [
      { internal: ALERTMANAGER_PORT, external: ALERTMANAGER_PORT, ip },
      ...(peer
        ? (["tcp", "udp"] as const).map((protocol) => ({ internal: ALERTMANAGER_CLUSTER_PORT, external: ALERTMANAGER_CLUSTER_PORT, ip, protocol }))
        : []),
    ],
    volumes: [{ volumeName: "spbe-alertmanager-data", containerPath: "/alertmanager" }],
    env: {},
    secretEnv: {},
    uploads,
    command: [
      `--config.file=${ALERTMANAGER_CONFIG_DIR}/alertmanager.yml`,
      "--storage.path=/alertmanager",
      ...(peer
        ? [`--cluster.listen-address=0.0.0.0:${ALERTMANAGER_CLUSTER_PORT}`, `--cluster.advertise-address=${ip}:${ALERTMANAGER_CLUSTER_PORT}`, `--cluster.peer=${peer}:${ALERTMANAGER_CLUSTER_PORT}`]
        : ["--cluster.listen-address="]),
    ],
    labels,
    healthcheck: httpCheck(ALERTMANAGER_PORT, "/-/ready"),
  };
}
