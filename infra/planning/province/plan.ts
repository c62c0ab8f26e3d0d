// The provincial tier, planned (pure): what the component (infra/components/province-monitoring.ts)
// deploys into the province's Kubernetes cluster. VictoriaMetrics cluster (vminsert/vmselect/vmstorage)
// from its official Helm chart, one tenant per kabupaten plus the province's own; a vmagent
// StatefulSet sharding the devices it polls (hashmod, rendezvous-hashed bucket owners); vmalert
// (chart) evaluating the rules that span kabupaten over the province's tenant; Grafana (chart) with a
// datasource per tenant and the provincial board; Alertmanager (chart). Every object carries the tier label and the cluster's
// location as annotations, which the CrossGuard pack judges (Indonesia only).
import { LABEL, PROVINCE_TIER } from "../../../inventory/labels";
import type { ProvinceSettings } from "./settings";
import {
  kabupatenSlug,
  POD_NAME_ENV,
  type ShardOwners,
  sharesOf,
  VMAGENT_BUFFER_DIR,
  VMAGENT_CONFIG_DIR,
  VMAGENT_PORT,
  VMAGENT_SECRETS_DIR,
  vmagentArgs,
  vmagentMemberNames,
  vmagentScrapeConfig,
  vminsertWriteUrl,
  vmselectQueryUrl,
} from "./vmagent";

export const VM_HELM_REPO = "https://victoriametrics.github.io/helm-charts/";
export const GRAFANA_HELM_REPO = "https://grafana.github.io/helm-charts";
export const PROMETHEUS_COMMUNITY_HELM_REPO = "https://prometheus-community.github.io/helm-charts";

/** The collector's service-discovery and per-device paths the provincial vmagent uses (spbe serve). */
export const COLLECTOR_SD_PATH = "/sd";
export const COLLECTOR_DEVICE_PATH = "/snmp";

/** The Grafana datasource uid of the province's tenant: the one dashboards/ids.ts PROMETHEUS_DS names. */
export const PROVINCE_DATASOURCE_UID = "spbe-prometheus";

export interface HelmReleasePlan {
  name: string;
  chart: string;
  version: string;
  repo: string;
  values: Record<string, unknown>;
}

export interface ProvincePlan {
  namespace: string;
  /** Kubernetes labels of every object (values restricted by Kubernetes: no spaces). */
  labels: Record<string, string>;
  /** The cluster's location, free text, on every object. */
  annotations: Record<string, string>;
  vmCluster: HelmReleasePlan;
  vmalert: HelmReleasePlan;
  grafana: HelmReleasePlan;
  alertmanager: HelmReleasePlan;
  vmagent: {
    name: string;
    replicas: number;
    /** The pod names, `<name>-<ordinal>`, and the buckets each keeps (a bucket is kept by replicationFactor members). */
    shares: Record<string, number[]>;
    image: string;
    args: string[];
    /** The pod name from the downward API: the member the shared scrape file's %{POD_NAME} names. */
    env: { name: string; fieldPath: string }[];
    port: number;
    configDir: string;
    scrapeConfig: string;
    secretsDir: string;
    /** File name → kabupaten domain whose scrape password it holds. */
    passwordFiles: Record<string, string>;
    bufferDir: string;
    bufferVolume: string;
  };
  /** One datasource per tenant: the province's (default) and each kabupaten's. */
  datasources: { uid: string; name: string; url: string }[];
}

const VM_RELEASE = "vm";
/** The chart names its services `<release>-victoria-metrics-cluster-<component>` (fullnameOverride unset). */
const vmService = (component: "vminsert" | "vmselect" | "vmstorage") => `${VM_RELEASE}-victoria-metrics-cluster-${component}`;

/** Alertmanager's service as the prometheus-community chart names it for the release "alertmanager". */
const ALERTMANAGER_URL = "http://alertmanager:9093";

/** "repo/name:tag" → the chart's image values. */
function imageValues(image: string): { repository: string; tag: string } {
  const at = image.lastIndexOf(":");
  if (at <= image.lastIndexOf("/")) throw new Error(`image ${image}: pin a tag (repository:tag)`);
  return { repository: image.slice(0, at), tag: image.slice(at + 1) };
}

/**
 * `alertRuleGroups`: the rule groups the provincial vmalert evaluates, already in the form its image
 * parses (stack/province renders them from dashboards/rules; infra may not import dashboards).
 * `shardOwners`: observe/edge/shards.ts bucketOwners, the edge's sharding, for the same reason passed in.
 */
export function planProvince(s: ProvinceSettings, alertRuleGroups: unknown[], shardOwners: ShardOwners): ProvincePlan {
  const tenants = new Map<number, string>([[s.provinceAccountId, `province ${s.province}`]]);
  for (const k of s.kabupaten) {
    const taken = tenants.get(k.accountId);
    if (taken) throw new Error(`kabupaten ${k.domain}: accountId ${k.accountId} is already ${taken}'s tenant`);
    tenants.set(k.accountId, k.domain);
  }
  const labels = { [LABEL.tier]: PROVINCE_TIER, "app.kubernetes.io/part-of": "spbe-province" };
  const annotations = {
    [LABEL.clusterName]: s.cluster.name,
    [LABEL.clusterCountry]: s.cluster.country,
    [LABEL.clusterRegion]: s.cluster.region,
    [LABEL.clusterOperator]: s.cluster.operator,
    [LABEL.clusterOperatorCountry]: s.cluster.operatorCountry,
  };
  const st = s.storage;
  const podMeta = { podLabels: labels, podAnnotations: annotations };
  const vmCluster: HelmReleasePlan = {
    name: VM_RELEASE,
    chart: "victoria-metrics-cluster",
    version: s.charts.victoriaMetricsCluster.version,
    repo: VM_HELM_REPO,
    values: {
      vmstorage: {
        replicaCount: st.vmstorage,
        retentionPeriod: st.retention,
        persistentVolume: { enabled: true, size: st.volume, ...(st.storageClass ? { storageClassName: st.storageClass } : {}) },
        // vmagent members scrape each target replicationFactor times: keep one sample per interval.
        extraArgs: { "dedup.minScrapeInterval": s.vmagent.scrapeInterval },
        ...podMeta,
      },
      vminsert: { replicaCount: st.vminsert, extraArgs: { replicationFactor: String(st.replicationFactor) }, ...podMeta },
      vmselect: { replicaCount: st.vmselect, extraArgs: { "dedup.minScrapeInterval": s.vmagent.scrapeInterval }, ...podMeta },
    },
  };
  const datasources = [
    { uid: PROVINCE_DATASOURCE_UID, name: `Provinsi ${s.province}`, url: vmselectQueryUrl(vmService("vmselect"), s.provinceAccountId) },
    ...s.kabupaten.map((k) => ({ uid: `spbe-${kabupatenSlug(k)}`, name: k.name, url: vmselectQueryUrl(vmService("vmselect"), k.accountId) })),
  ];
  const vmalert: HelmReleasePlan = {
    name: "vmalert",
    chart: "victoria-metrics-alert",
    version: s.charts.vmalert.version,
    repo: VM_HELM_REPO,
    values: {
      server: {
        image: imageValues(s.vmalert.image),
        // The province's tenant holds every kabupaten's series (the edges write it too): one rule spans them.
        datasource: { url: datasources[0]!.url },
        notifier: { alertmanager: { url: ALERTMANAGER_URL } },
        extraArgs: { evaluationInterval: s.vmalert.evaluationInterval, "external.label": `province=${s.province}` },
        config: { alerts: { groups: alertRuleGroups } },
        ...podMeta,
      },
    },
  };
  const grafana: HelmReleasePlan = {
    name: "grafana",
    chart: "grafana",
    version: s.charts.grafana.version,
    repo: GRAFANA_HELM_REPO,
    values: {
      // The admin password is a Kubernetes Secret the component makes from the stack's secret.
      admin: { existingSecret: "grafana-admin", userKey: "admin-user", passwordKey: "admin-password" },
      ...podMeta,
      datasources: {
        "datasources.yaml": {
          apiVersion: 1,
          datasources: datasources.map((d, i) => ({ uid: d.uid, name: d.name, type: "prometheus", access: "proxy", url: d.url, isDefault: i === 0 })),
        },
      },
      dashboardProviders: {
        "dashboardproviders.yaml": { apiVersion: 1, providers: [{ name: "spbe", folder: "SPBE", type: "file", disableDeletion: true, options: { path: "/var/lib/grafana/dashboards/spbe" } }] },
      },
    },
  };
  const alertmanager: HelmReleasePlan = {
    name: "alertmanager",
    chart: "alertmanager",
    version: s.charts.alertmanager.version,
    repo: PROMETHEUS_COMMUNITY_HELM_REPO,
    values: { replicaCount: 2, ...podMeta },
  };
  const vmagentName = "vmagent";
  const members = vmagentMemberNames(vmagentName, s.vmagent.members);
  const owners = shardOwners(members, s.vmagent.replicationFactor);
  // Every member listed, one without a bucket too (it keeps nothing).
  const shares = { ...Object.fromEntries(members.map((m) => [m, [] as number[]])), ...sharesOf(owners) };
  const passwordFiles = Object.fromEntries(s.kabupaten.filter((k) => k.collectorUrl).map((k) => [kabupatenSlug(k), k.domain]));
  return {
    namespace: s.namespace,
    labels,
    annotations,
    vmCluster,
    vmalert,
    grafana,
    alertmanager,
    vmagent: {
      name: vmagentName,
      replicas: s.vmagent.members,
      shares,
      image: s.vmagent.image,
      args: vmagentArgs(s, vminsertWriteUrl(vmService("vminsert"), s.provinceAccountId)),
      env: [{ name: POD_NAME_ENV, fieldPath: "metadata.name" }],
      port: VMAGENT_PORT,
      configDir: VMAGENT_CONFIG_DIR,
      scrapeConfig: vmagentScrapeConfig(s, COLLECTOR_SD_PATH, COLLECTOR_DEVICE_PATH, { buckets: owners.length, shares }),
      secretsDir: VMAGENT_SECRETS_DIR,
      passwordFiles,
      bufferDir: VMAGENT_BUFFER_DIR,
      bufferVolume: s.vmagent.bufferVolume,
    },
    datasources,
  };
}
