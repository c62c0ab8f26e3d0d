// The Prometheus HTTP API calls Grafana makes for panels and variables (instant and range queries,
// label values), over a Prometheus started by testkit/servers/prometheus.ts.
export interface PromResult {
  resultType: string;
  result: { metric: Record<string, string>; value?: [number, string]; values?: [number, string][] }[];
}

export interface PromApi {
  query(expr: string): Promise<PromResult>;
  queryRange(expr: string, seconds: number, stepSeconds: number): Promise<PromResult>;
  labelValues(label: string, match: string): Promise<string[]>;
}

export function promApi(url: string): PromApi {
  const get = async <T>(path: string, params: Record<string, string>): Promise<T> => {
    const r = await fetch(`${url}${path}?${new URLSearchParams(params)}`);
    const j = (await r.json()) as { status: string; data: T; error?: string };
    if (j.status !== "success") throw new Error(`${path} ${JSON.stringify(params)}: ${j.error}`);
    return j.data;
  };
  return {
    query: (expr) => get<PromResult>("/api/v1/query", { query: expr }),
    queryRange: (expr, seconds, step) => {
      const end = Date.now() / 1000;
      return get<PromResult>("/api/v1/query_range", { query: expr, start: String(end - seconds), end: String(end), step: String(step) });
    },
    labelValues: (label, match) => get<string[]>(`/api/v1/label/${encodeURIComponent(label)}/values`, { "match[]": match }),
  };
}
