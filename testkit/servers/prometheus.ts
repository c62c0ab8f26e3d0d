// Starts Debian's prometheus on 127.0.0.1 with a temp config and TSDB: either scrape targets
// (URLs like http://127.0.0.1:9116/metrics) or a full config YAML, plus optional rule files.
// Ready when /-/ready answers; use waitForQuery() to wait for data instead of sleeping.
import * as fs from "node:fs";
import * as path from "node:path";
import { httpOk, requireBinary, spawnLogged, startServer, tempDir } from "./common";

export interface PrometheusOptions {
  scrapeTargets?: string[]; // full URLs
  scrapeInterval?: string; // default 1s
  configYaml?: string;
  rulesFiles?: string[];
  /**
   * A TSDB directory to serve, e.g. blocks backfilled with promtool (testkit/history/backfill.ts):
   * kept on stop (the caller owns it, so a benchmark can reuse it), and kept for ten years so
   * retention does not delete the backfilled past.
   */
  dataDir?: string;
  /** More command-line flags, e.g. --rules.alert.resend-delay=1s (an alert fired before Alertmanager was discovered is resent after a minute by default). */
  args?: string[];
}

export interface PrometheusHandle {
  url: string;
  dir: string;
  query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  stop(): Promise<void>;
  log(): string;
}

function scrapeConfig(targets: string[], interval: string): string {
  const jobs = targets.map((t, i) => {
    const u = new URL(t);
    return [
      `  - job_name: t${i}`,
      `    scrape_interval: ${interval}`,
      `    scrape_timeout: ${interval}`,
      `    metrics_path: ${JSON.stringify(u.pathname)}`,
      ...(u.search ? [`    params:`, ...[...u.searchParams].map(([k, v]) => `      ${k}: [${JSON.stringify(v)}]`)] : []),
      `    static_configs:`,
      `      - targets: [${JSON.stringify(u.host)}]`,
    ].join("\n");
  });
  return `global:\n  scrape_interval: ${interval}\n  evaluation_interval: ${interval}\nscrape_configs:\n${jobs.join("\n")}\n`;
}

export async function startPrometheus(opts: PrometheusOptions): Promise<PrometheusHandle> {
  const bin = requireBinary("prometheus", "prometheus");
  const dir = tempDir("prometheus");
  let config = opts.configYaml ?? scrapeConfig(opts.scrapeTargets ?? [], opts.scrapeInterval ?? "1s");
  if (opts.rulesFiles?.length) config += `rule_files:\n${opts.rulesFiles.map((f) => `  - ${JSON.stringify(path.resolve(f))}`).join("\n")}\n`;
  const cfg = path.join(dir, "prometheus.yml");
  fs.writeFileSync(cfg, config);
  const started = await startServer({
    workDir: dir,
    what: "prometheus",
    proto: "tcp",
    spawn: ([port]) =>
      spawnLogged(bin, [
        `--config.file=${cfg}`,
        `--storage.tsdb.path=${opts.dataDir ?? path.join(dir, "data")}`,
        ...(opts.dataDir ? ["--storage.tsdb.retention.time=10y"] : []),
        `--web.listen-address=127.0.0.1:${port}`,
        "--web.enable-lifecycle",
        "--log.level=warn",
        ...(opts.args ?? []),
      ]),
    ready: ([port]) => httpOk(`http://127.0.0.1:${port}/-/ready`),
    timeoutMs: 30_000,
  });
  const { proc } = started;
  const url = `http://127.0.0.1:${started.ports[0]}`;
  return {
    url,
    dir,
    log: proc.log,
    async query(expr) {
      const r = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const j = (await r.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] }; error?: string };
      if (j.status !== "success") throw new Error(`prometheus query failed: ${j.error}`);
      return j.data.result;
    },
    async stop() {
      await proc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
