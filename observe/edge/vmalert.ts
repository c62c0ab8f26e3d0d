// The provincial vmalert, rendered: rules that span kabupaten are evaluated centrally, against the
// series every edge wrote. On the cluster each kabupaten is its own tenant and vmselect 1.79 answers
// one tenant per query: rules across kabupaten read a province tenant the edges also write to (a
// second -remoteWrite.url); per-kabupaten rules read the kabupaten's tenant. Pure.

/** Where vmalert reads: a tenant on vmselect (/select/<accountID>/prometheus), or a single node. */
export type QueryTarget = { kind: "cluster"; vmselectUrl: string; accountId: number } | { kind: "single"; url: string };

export function queryUrl(t: QueryTarget): string {
  if (t.kind === "single") return t.url.replace(/\/$/, "");
  return `${t.vmselectUrl.replace(/\/$/, "")}/select/${t.accountId}/prometheus`;
}

export interface VmalertInput {
  rulesFiles: string[];
  datasource: QueryTarget;
  /** Alertmanager's URL. */
  notifierUrl: string;
  evaluationIntervalSeconds?: number;
  /** Labels on every alert (province, for routing at a shared Alertmanager). */
  externalLabels?: Record<string, string>;
  listen?: string;
}

export function planVmalert(input: VmalertInput): string[] {
  if (input.rulesFiles.length === 0) throw new Error("vmalert needs at least one rules file");
  return [
    ...input.rulesFiles.map((f) => `-rule=${f}`),
    `-datasource.url=${queryUrl(input.datasource)}`,
    `-notifier.url=${input.notifierUrl}`,
    `-evaluationInterval=${input.evaluationIntervalSeconds ?? 60}s`,
    `-httpListenAddr=${input.listen ?? "127.0.0.1:8880"}`,
    ...Object.entries(input.externalLabels ?? {}).map(([k, v]) => `-external.label=${k}=${v}`),
  ];
}
