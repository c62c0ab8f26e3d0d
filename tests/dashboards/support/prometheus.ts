// A Debian Prometheus for the dashboards' data test: scrapes one target every second and loads
// rule files, on a free loopback port with a temp storage dir. (The collectors' shared starter in
// tests/support/servers/ had no Prometheus yet when this was written.)
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { freeTcpPort, requireBinary, spawnLogged, tempDir, waitFor, type Spawned } from "../../support/servers/common";

export interface PrometheusHandle {
  url: string;
  log: () => string;
  query(expr: string): Promise<PromResult>;
  queryRange(expr: string, seconds: number, stepSeconds: number): Promise<PromResult>;
  labelValues(label: string, match: string): Promise<string[]>;
  stop(): Promise<void>;
}

export interface PromResult {
  resultType: string;
  result: { metric: Record<string, string>; value?: [number, string]; values?: [number, string][] }[];
}

export async function startPrometheus(opts: { scrapeTarget: string; ruleFiles: Record<string, string> }): Promise<PrometheusHandle> {
  const bin = requireBinary("prometheus", "prometheus");
  const dir = tempDir("dash-prom");
  const ruleNames = Object.keys(opts.ruleFiles);
  for (const [name, content] of Object.entries(opts.ruleFiles)) writeFileSync(join(dir, name), content);
  writeFileSync(
    join(dir, "prometheus.yml"),
    stringify({
      global: { scrape_interval: "1s", evaluation_interval: "1s" },
      rule_files: ruleNames.map((n) => join(dir, n)),
      scrape_configs: [{ job_name: "spbe-collector", static_configs: [{ targets: [opts.scrapeTarget] }] }],
    }),
  );
  const port = await freeTcpPort();
  const url = `http://127.0.0.1:${port}`;
  const proc: Spawned = spawnLogged(bin, [
    `--config.file=${join(dir, "prometheus.yml")}`,
    `--storage.tsdb.path=${join(dir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--log.level=warn",
  ]);
  const stop = async () => {
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor("prometheus ready", async () => {
      if (proc.child.exitCode !== null) throw new Error(`prometheus exited: ${proc.log()}`);
      return (await fetch(`${url}/-/ready`)).ok;
    });
  } catch (err) {
    await stop();
    throw err;
  }
  const api = async (path: string, params: Record<string, string | string[]>): Promise<unknown> => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) body.append(k, x);
    const r = await fetch(`${url}${path}`, { method: "POST", body });
    const j = (await r.json()) as { status: string; data: unknown; error?: string };
    if (j.status !== "success") throw new Error(`${path} ${JSON.stringify(params)}: ${j.error}`);
    return j.data;
  };
  return {
    url,
    log: proc.log,
    query: async (expr) => (await api("/api/v1/query", { query: expr })) as PromResult,
    queryRange: async (expr, seconds, step) => {
      const end = Date.now() / 1000;
      return (await api("/api/v1/query_range", { query: expr, start: String(end - seconds), end: String(end), step: String(step) })) as PromResult;
    },
    labelValues: async (label, match) => {
      // The label values endpoint answers GET only.
      const r = await fetch(`${url}/api/v1/label/${encodeURIComponent(label)}/values?${new URLSearchParams({ "match[]": match })}`);
      const j = (await r.json()) as { status: string; data: string[]; error?: string };
      if (j.status !== "success") throw new Error(`label values ${label} ${match}: ${j.error}`);
      return j.data;
    },
    stop,
  };
}
