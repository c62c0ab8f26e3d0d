// A thin client for Prometheus' HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/):
// instant and range queries, nothing else. Written over Node's fetch because the two endpoints are a
// form POST and a JSON answer; the npm clients wrap the same two calls with more surface than we use.
// Every failure becomes a PrometheusQueryError with a stable code, so the caller can turn it into a fact.

/** One series of a matrix or vector answer: its labels and its [unix seconds, value] samples. */
export interface PromSeries {
  metric: Record<string, string>;
  values: [number, number][];
}

export type PrometheusFailureCode = "timeout" | "unreachable" | "prometheus-error" | "too-many-samples" | "bad-response";

export class PrometheusQueryError extends Error {
  constructor(
    readonly code: PrometheusFailureCode,
    message: string,
  ) {
    super(message);
  }
}

export interface PrometheusClient {
  readonly url: string;
  /** Instant query at `time` (unix seconds): vectors and matrices both come back as PromSeries. */
  query(expr: string, time: number): Promise<PromSeries[]>;
  /** Range query over [start, end] every `stepSeconds`. */
  queryRange(expr: string, start: number, end: number, stepSeconds: number): Promise<PromSeries[]>;
}

interface ApiAnswer {
  status?: string;
  errorType?: string;
  error?: string;
  data?: { resultType?: string; result?: { metric?: Record<string, string>; value?: [number, string]; values?: [number, string][] }[] };
}

export function prometheusClient(baseUrl: string, opts: { timeoutMs?: number } = {}): PrometheusClient {
  const url = baseUrl.replace(/\/+$/, "");
  const timeoutMs = opts.timeoutMs ?? 30_000;

  async function call(path: string, form: Record<string, string>): Promise<PromSeries[]> {
    let res: Response;
    try {
      // POST: device selectors for many devices would overflow a GET URL.
      res = await fetch(`${url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === "TimeoutError" || e.name === "AbortError") throw new PrometheusQueryError("timeout", `no answer from ${url} within ${timeoutMs} ms`);
      throw new PrometheusQueryError("unreachable", `${url}: ${e.cause?.code ?? ""} ${e.cause?.message ?? e.message}`.trim());
    }
    let body: ApiAnswer;
    const text = await res.text().catch(() => "");
    try {
      body = JSON.parse(text) as ApiAnswer;
    } catch {
      throw new PrometheusQueryError("bad-response", `${url}${path}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
    }
    if (body.status !== "success") {
      const message = `${body.errorType ?? `HTTP ${res.status}`}: ${body.error ?? "no error text"}`;
      // Prometheus' words when --query.max-samples is exceeded; the planner avoids it, a caller may retry smaller.
      throw new PrometheusQueryError(/too many samples/i.test(body.error ?? "") ? "too-many-samples" : "prometheus-error", message);
    }
    const result = body.data?.result;
    if (!Array.isArray(result)) throw new PrometheusQueryError("bad-response", `${url}${path}: no result in the answer`);
    return result.map((r) => ({
      metric: r.metric ?? {},
      values: (r.values ?? (r.value ? [r.value] : [])).map(([t, v]) => [Number(t), Number(v)] as [number, number]),
    }));
  }

  return {
    url,
    query: (expr, time) => call("/api/v1/query", { query: expr, time: String(time) }),
    queryRange: (expr, start, end, step) => call("/api/v1/query_range", { query: expr, start: String(start), end: String(end), step: String(step) }),
  };
}
