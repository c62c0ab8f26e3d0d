// The provincial vmagent StatefulSet's flags and scrape configuration (pure). Sharding is by hashmod
// relabeling with rendezvous-hashed bucket owners (observe/edge/shards.ts, handed in by the stack:
// infra may not import observe), not vmagent's -promscrape.cluster.* flags, whose modulo hashing
// moves ~3/4 of the devices when the StatefulSet grows from 3 to 4. Every member gets the same file;
// a member knows itself by `%{POD_NAME}`, which vmagent 1.79 expands from the environment (filled by
// the downward API) when it reads the file — 1.79 does not expand %{} in flags, so the member cannot
// pick a file by name. Without POD_NAME in its environment 1.79 leaves `%{POD_NAME}` as it is and the
// member keeps nothing, silently: the StatefulSet always sets it (plan.ts env). The engine still
// decides at every scrape; with replicationFactor > 1 each bucket is kept by that many members and
// vmstorage deduplicates (-dedup.minScrapeInterval).
import { stringify } from "yaml";
import type { ProvinceKabupatenSettings, ProvinceSettings } from "./settings";

/** The env var the downward API fills with the pod's name. */
export const POD_NAME_ENV = "POD_NAME";
export const VMAGENT_CONFIG_DIR = "/etc/vmagent";
// Not under the config mount: a ConfigMap volume is read-only, no mount point can be made inside it.
export const VMAGENT_SECRETS_DIR = "/etc/vmagent-secrets";
export const VMAGENT_BUFFER_DIR = "/vmagent-buffer";
export const VMAGENT_PORT = 8429;
/** How often a member rereads the ConfigMap: after a resize the kubelet rewrites the file, the shares change. */
export const VMAGENT_CONFIG_CHECK_INTERVAL = "1m";

/** bucket → the members that keep it, best first (observe/edge/shards.ts bucketOwners, given by the stack). */
export type ShardOwners = (members: readonly string[], replicationFactor: number) => string[][];

/** The StatefulSet's pod names: `<name>-<ordinal>`, what %{POD_NAME} becomes in each member. */
export const vmagentMemberNames = (name: string, members: number) => Array.from({ length: members }, (_, i) => `${name}-${i}`);

/** The hashmod bucket of a target, and which member is reading the file. */
const SHARD_LABEL = "__tmp_shard";
const MEMBER_LABEL = "__tmp_member";

/** member → the buckets it keeps, from bucket → the members keeping it. */
export function sharesOf(owners: string[][]): Record<string, number[]> {
  const shares: Record<string, number[]> = {};
  owners.forEach((ms, bucket) => ms.forEach((m) => (shares[m] ??= []).push(bucket)));
  return shares;
}

/** Which member keeps which buckets, out of how many. */
export interface ProvinceShards {
  buckets: number;
  shares: Record<string, number[]>;
}

/**
 * Relabeling that keeps a target on the members owning its bucket: the bucket (hashmod over
 * `sourceLabels`) and the member's own name joined as `<bucket>;<member>`, kept when the pair is one
 * of the owners' (one alternative per member: its buckets; pod names need no regex escaping).
 */
export function shardRelabeling(shards: ProvinceShards, sourceLabels: string[]): Record<string, unknown>[] {
  // A member without a bucket has no alternative: it keeps nothing.
  const pairs = Object.entries(shards.shares)
    .filter(([, buckets]) => buckets.length > 0)
    .map(([member, buckets]) => `(?:${buckets.join("|")});${member}`);
  return [
    { source_labels: sourceLabels, modulus: shards.buckets, target_label: SHARD_LABEL, action: "hashmod" },
    { target_label: MEMBER_LABEL, replacement: `%{${POD_NAME_ENV}}` },
    { source_labels: [SHARD_LABEL, MEMBER_LABEL], separator: ";", regex: pairs.join("|"), action: "keep" },
  ];
}

/** vminsert's write path for one tenant (VictoriaMetrics cluster URL format). */
export const vminsertWriteUrl = (vminsertService: string, accountId: number) => `http://${vminsertService}:8480/insert/${accountId}/prometheus/api/v1/write`;
/** vmselect's Prometheus API for one tenant (what Grafana queries). */
export const vmselectQueryUrl = (vmselectService: string, accountId: number) => `http://${vmselectService}:8481/select/${accountId}/prometheus`;

export function vmagentArgs(settings: ProvinceSettings, writeUrl: string): string[] {
  return [
    `-promscrape.config=${VMAGENT_CONFIG_DIR}/scrape.yaml`,
    `-promscrape.configCheckInterval=${VMAGENT_CONFIG_CHECK_INTERVAL}`,
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
 * gauges among them). Every series gets the kabupaten label; each target is kept by the members that
 * own its bucket, hashed over kabupaten and device (or collector).
 */
export function vmagentScrapeConfig(settings: ProvinceSettings, sdPath: string, devicePath: string, shards: ProvinceShards): string {
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
            ...shardRelabeling(shards, ["kabupaten", "__param_target"]),
          ],
        },
        {
          job_name: `spbe-collector-${kabupatenSlug(k)}`,
          scheme: url.protocol.replace(":", ""),
          static_configs: [{ targets: [url.host] }],
          ...auth,
          relabel_configs: [...label, ...shardRelabeling(shards, ["kabupaten", "__address__"])],
        },
      ];
    });
  return stringify({ global: { scrape_interval: settings.vmagent.scrapeInterval }, scrape_configs: jobs });
}
