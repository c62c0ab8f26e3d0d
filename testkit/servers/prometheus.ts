// Starts Debian's prometheus on 127.0.0.1 with a temp config and TSDB: either scrape targets
// (URLs like http://127.0.0.1:9116/metrics) or a full config YAML, plus optional rule files.
// Ready when /-/ready answers; use waitForQuery() to wait for data instead of sleeping.
import * as fs from "node:fs";
import * as path from "node:path";
import { FatalError, freeTcpPort, httpOk, requireBinary, spawnLogged, tempDir, waitFor } from "./common";

export interface PrometheusOptions {
  scrapeTargets?: string[]; // full URLs
  scrapeInterval?: string; // default 1s
  configYaml?: string;
  rulesFiles?: string[];
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
  const port = await freeTcpPort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawnLogged(bin, [
    `--config.file=${cfg}`,
    `--storage.tsdb.path=${path.join(dir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--web.enable-lifecycle",
    "--log.level=warn",
  ]);
  try {
    await waitFor(`prometheus on ${url}`, async () => {
      if (proc.child.exitCode !== null) throw new FatalError(`prometheus exited: ${proc.log()}`);
      return httpOk(`${url}/-/ready`);
    }, 30_000, 100);
  } catch (err) {
    await proc.stop();
    throw err;
  }
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
