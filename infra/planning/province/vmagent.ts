// The provincial vmagent StatefulSet's flags and scrape configuration (pure). Each member learns its
// number from its pod name: Kubernetes substitutes $(POD_NAME) (from the downward API) into the
// argument, and vmagent takes a StatefulSet pod name `<name>-<ordinal>` as
// -promscrape.cluster.memberNum (vmagent -help, 1.79). The engine, not this project, decides which
// member scrapes which target; with replicationFactor > 1 vmstorage deduplicates (-dedup.minScrapeInterval).
import { stringify } from "yaml";
import type { ProvinceKabupatenSettings, ProvinceSettings } from "./settings";

/** The env var the downward API fills with the pod's name. */
export const POD_NAME_ENV = "POD_NAME";
export const VMAGENT_CONFIG_DIR = "/etc/vmagent";
// Not under the config mount: a ConfigMap volume is read-only, no mount point can be made inside it.
export const VMAGENT_SECRETS_DIR = "/etc/vmagent-secrets";
export const VMAGENT_BUFFER_DIR = "/vmagent-buffer";
export const VMAGENT_PORT = 8429;

/** vminsert's write path for one tenant (VictoriaMetrics cluster URL format). */
export const vminsertWriteUrl = (vminsertService: string, accountId: number) => `http://${vminsertService}:8480/insert/${accountId}/prometheus/api/v1/write`;
/** vmselect's Prometheus API for one tenant (what Grafana queries). */
export const vmselectQueryUrl = (vmselectService: string, accountId: number) => `http://${vmselectService}:8481/select/${accountId}/prometheus`;

export function vmagentArgs(settings: ProvinceSettings, writeUrl: string): string[] {
  const v = settings.vmagent;
  return [
    `-promscrape.config=${VMAGENT_CONFIG_DIR}/scrape.yaml`,
    `-promscrape.cluster.membersCount=${v.members}`,
    `-promscrape.cluster.memberNum=$(${POD_NAME_ENV})`,
    `-promscrape.cluster.replicationFactor=${v.replicationFactor}`,
    `-remoteWrite.url=${writeUrl}`,
    // The on-disk buffer outlives a vminsert outage; it is the PersistentVolume of each member.
    `-remoteWrite.tmpDataPath=${VMAGENT_BUFFER_DIR}`,
    `-remoteWrite.label=province=${settings.province}`,
    `-httpListenAddr=:${VMAGENT_PORT}`,
  ];
}

/** A kabupaten's name as a job and file name. */
export const kabupatenSlug = (k: Pick<ProvinceKabupatenSettings, "domain">) => k.domain.replace(/[^a-z0-9]+/gi, "-").toLowerCase();

/**
 * Per kabupaten polled from the province: its devices from the collector's service discovery, each
 * scraped through the collector's per-device path, and the collector's own /metrics (the compliance
 * gauges among them). Every series gets the kabupaten label; vmagent shards the targets among members.
 */
export function vmagentScrapeConfig(settings: ProvinceSettings, sdPath: string, devicePath: string): string {
  const jobs = settings.kabupaten
    .filter((k) => k.collectorUrl)
    .flatMap((k) => {
      const url = new URL(k.collectorUrl!);
      const auth = { basic_auth: { username: "prometheus", password_file: `${VMAGENT_SECRETS_DIR}/${kabupatenSlug(k)}` } };
      const label = [{ target_label: "kabupaten", replacement: k.domain }];
      return [
        {
          job_name: `spbe-devices-${kabupatenSlug(k)}`,
          scheme: url.protocol.replace(":", ""),
          metrics_path: devicePath,
          http_sd_configs: [{ url: new URL(sdPath, url).toString(), ...auth }],
          ...auth,
          relabel_configs: [
            { source_labels: ["__address__"], target_label: "__param_target" },
            { source_labels: ["__param_target"], target_label: "instance" },
            { target_label: "__address__", replacement: url.host },
            ...label,
          ],
        },
        { job_name: `spbe-collector-${kabupatenSlug(k)}`, scheme: url.protocol.replace(":", ""), static_configs: [{ targets: [url.host] }], ...auth, relabel_configs: label },
      ];
    });
  return stringify({ global: { scrape_interval: settings.vmagent.scrapeInterval }, scrape_configs: jobs });
}
