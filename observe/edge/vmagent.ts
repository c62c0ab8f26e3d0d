// A kabupaten edge's vmagent member, rendered: its flags and its scrape configuration. Each member
// scrapes the devices of its share (shards.ts, or vmagent's own -promscrape.cluster.* flags) from the
// collector beside it (`spbe serve --poll-on scrape`: a scrape is a poll), and remote-writes with an
// on-disk buffer (links from a kecamatan or a kabupaten to the province fail) into VictoriaMetrics,
// the kabupaten's tenant of the cluster (vminsert) or a single-node server, with province and
// kabupaten as external labels. Pure: the plan in, strings out; the provincial program and the
// tests write them where vmagent reads them.
import { stringify } from "yaml";
import { LABEL_DEVICE, LABEL_KABUPATEN, LABEL_PROVINCE, LABEL_INSTANCE } from "../../collectors/metric-names";
import { kabupatenSlug } from "../../collectors/scrape-sd";
import { SD_TARGETS_PATH } from "../../collectors/sd-routes";
import { bucketsOf, SHARD_BUCKETS } from "./shards";

/** Where an edge writes: a kabupaten's tenant (accountID) on the cluster's vminsert, or a single node. */
export type RemoteWriteTarget = { kind: "cluster"; vminsertUrl: string; accountId: number } | { kind: "single"; url: string };

/** The Prometheus remote_write URL of a target: /insert/<accountID>/prometheus/api/v1/write on vminsert, /api/v1/write on a single node. */
export function remoteWriteUrl(t: RemoteWriteTarget): string {
  if (t.kind === "single") return `${t.url.replace(/\/$/, "")}/api/v1/write`;
  if (!Number.isInteger(t.accountId) || t.accountId < 0 || t.accountId > 0xffffffff) throw new Error(`accountID must be a 32-bit unsigned integer, not ${t.accountId}`);
  return `${t.vminsertUrl.replace(/\/$/, "")}/insert/${t.accountId}/prometheus/api/v1/write`;
}

export interface BasicAuthRef {
  username: string;
  /** A file holding the password (a secret mounted there), never the password itself. */
  passwordFile: string;
}

/** Devices to scrape: a collector's /sd/targets (http_sd) or files written by `spbe targets` (file_sd). */
export interface ScrapeSource {
  job: string;
  /** http_sd: the collector's base URL (e.g. http://127.0.0.1:9116); /sd/targets is appended. */
  httpSd?: { url: string; basicAuth?: BasicAuthRef };
  fileSd?: string[];
  /** This member's collector for these devices, host:port; default: the plan's `collector`. */
  collector?: string;
}

export type Sharding =
  /** hashmod relabeling over the device id, buckets per member by rendezvous hashing (shards.ts). */
  | "hashmod"
  /** vmagent's -promscrape.cluster.membersCount/memberNum/replicationFactor (modulo hashing: see shards.ts). */
  | "cluster-flags";

export interface EdgeMemberInput {
  province: string;
  /** The edge's kabupaten: an external label. Omitted when one member cluster scrapes several (the targets carry it). */
  kabupaten?: string;
  /** Every member's name, the same list on every member (e.g. vmagent-0, vmagent-1, vmagent-2). */
  members: string[];
  member: string;
  replicationFactor: number;
  sharding: Sharding;
  sources: ScrapeSource[];
  /** The collector beside this member, host:port; default 127.0.0.1:9116. */
  collector?: string;
  collectorAuth?: BasicAuthRef;
  remoteWrite: RemoteWriteTarget;
  /** -remoteWrite.tmpDataPath: where samples wait while the link is down. */
  bufferDir: string;
  /** -remoteWrite.maxDiskUsagePerURL, e.g. "2GB" (vmagent buffers in ~500 MB chunks); default unlimited. */
  maxDiskUsage?: string;
  /** -httpListenAddr, default 127.0.0.1:8429. */
  listen?: string;
  /** Where the scrape configuration will be written (the flag names it). */
  scrapeConfigFile: string;
  scrapeTimeoutSeconds?: number;
}

export interface EdgeMemberPlan {
  flags: string[];
  scrapeConfig: Record<string, unknown>;
  scrapeConfigYaml: string;
}

export const DEFAULT_COLLECTOR = "127.0.0.1:9116";

/** Relabeling for one job: device id → ?target=, the member's share kept, the collector as address. */
function relabeling(input: EdgeMemberInput, collector: string): Record<string, unknown>[] {
  const rules: Record<string, unknown>[] = [{ source_labels: ["__address__"], target_label: "__param_target" }];
  if (input.sharding === "hashmod") {
    const mine = bucketsOf(input.member, input.members, input.replicationFactor);
    // A member with no bucket keeps nothing: a regex that matches no bucket number.
    const regex = mine.length > 0 ? mine.join("|") : "none";
    rules.push(
      { source_labels: ["__param_target"], modulus: SHARD_BUCKETS, target_label: "__tmp_shard", action: "hashmod" },
      { source_labels: ["__tmp_shard"], regex, action: "keep" },
    );
  }
  rules.push(
    { source_labels: ["__param_target"], target_label: LABEL_INSTANCE },
    { source_labels: ["__param_target"], target_label: LABEL_DEVICE },
    { target_label: "__address__", replacement: collector },
  );
  return rules;
}

function basicAuth(a: BasicAuthRef | undefined): Record<string, unknown> {
  return a ? { basic_auth: { username: a.username, password_file: a.passwordFile } } : {};
}

export function planEdgeMember(input: EdgeMemberInput): EdgeMemberPlan {
  const index = input.members.indexOf(input.member);
  if (index < 0) throw new Error(`"${input.member}" is not one of the members ${input.members.join(", ")}`);
  if (input.sources.length === 0) throw new Error("no scrape source (http_sd or file_sd)");
  const jobs = input.sources.map((s) => {
    if (!s.httpSd && !s.fileSd?.length) throw new Error(`job ${s.job}: neither http_sd nor file_sd`);
    return {
      job_name: s.job,
      metrics_path: "/snmp",
      // The device's poll interval arrives with each target (__scrape_interval__): a scrape is a poll.
      scrape_timeout: `${input.scrapeTimeoutSeconds ?? 10}s`,
      ...basicAuth(input.collectorAuth),
      ...(s.httpSd ? { http_sd_configs: [{ url: `${s.httpSd.url.replace(/\/$/, "")}${SD_TARGETS_PATH}`, ...basicAuth(s.httpSd.basicAuth) }] } : {}),
      ...(s.fileSd?.length ? { file_sd_configs: [{ files: s.fileSd }] } : {}),
      relabel_configs: relabeling(input, s.collector ?? input.collector ?? DEFAULT_COLLECTOR),
    };
  });
  const scrapeConfig = { scrape_configs: jobs };
  const external = [`${LABEL_PROVINCE}=${kabupatenSlug(input.province)}`, ...(input.kabupaten ? [`${LABEL_KABUPATEN}=${kabupatenSlug(input.kabupaten)}`] : [])];
  const flags = [
    `-promscrape.config=${input.scrapeConfigFile}`,
    `-httpListenAddr=${input.listen ?? "127.0.0.1:8429"}`,
    `-remoteWrite.url=${remoteWriteUrl(input.remoteWrite)}`,
    `-remoteWrite.tmpDataPath=${input.bufferDir}`,
    ...(input.maxDiskUsage ? [`-remoteWrite.maxDiskUsagePerURL=${input.maxDiskUsage}`] : []),
    ...external.map((l) => `-remoteWrite.label=${l}`),
    ...(input.sharding === "cluster-flags"
      ? [`-promscrape.cluster.membersCount=${input.members.length}`, `-promscrape.cluster.memberNum=${index}`, `-promscrape.cluster.replicationFactor=${input.replicationFactor}`]
      : []),
  ];
  return { flags, scrapeConfig, scrapeConfigYaml: stringify(scrapeConfig) };
}
