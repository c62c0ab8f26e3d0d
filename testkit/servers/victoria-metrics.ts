// Debian's victoria-metrics package (1.79): the single-node server, vmagent and vmalert, started on
// 127.0.0.1 free ports with temp directories. The cluster components (vminsert, vmselect,
// vmstorage) are not packaged in Debian: tests write to the single node, which speaks the same
// remote_write protocol (/api/v1/write instead of /insert/<accountID>/prometheus/api/v1/write).
import * as fs from "node:fs";
import * as path from "node:path";
import { parseExposition } from "../../observe/exposition";
import { httpOk, requireBinary, run, spawnLogged, startServer, tempDir, waitFor, type Spawned } from "./common";

export interface VictoriaMetricsHandle {
  url: string;
  port: number;
  dataDir: string;
  /** POST Prometheus text exposition to /api/v1/import/prometheus (samples without a timestamp get "now"). */
  importPrometheus(text: string): Promise<void>;
  /** Instant query (Prometheus API). */
  query(expr: string, time?: number): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  /** Raw samples of the series matching `match` (/api/v1/export, JSON lines). */
  exportSeries(match: string): Promise<{ metric: Record<string, string>; values: number[]; timestamps: number[] }[]>;
  /** Stops the server, keeping its data (restart() serves it again on the same port). */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops and removes the data. */
  remove(): Promise<void>;
  log(): string;
}

export async function startVictoriaMetrics(opts: { args?: string[] } = {}): Promise<VictoriaMetricsHandle> {
  const bin = requireBinary("victoria-metrics", "victoria-metrics");
  const dir = tempDir("victoria-metrics");
  const dataDir = path.join(dir, "data");
  const spawnOn = ([port]: number[]) =>
    spawnLogged(bin, [`-storageDataPath=${dataDir}`, `-httpListenAddr=127.0.0.1:${port}`, "-retentionPeriod=1y", "-loggerLevel=WARN", "-search.latencyOffset=0s", ...(opts.args ?? [])]);
  const ready = ([port]: number[]) => httpOk(`http://127.0.0.1:${port}/health`);
  let started = await startServer({ workDir: dir, what: "victoria-metrics", proto: "tcp", spawn: spawnOn, ready, timeoutMs: 30_000 });
  let proc: Spawned | undefined = started.proc;
  const port = started.ports[0]!;
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await proc?.stop();
    proc = undefined;
  };
  return {
    url,
    port,
    dataDir,
    log: () => proc?.log() ?? "",
    async importPrometheus(text) {
      const r = await fetch(`${url}/api/v1/import/prometheus`, { method: "POST", body: text });
      if (r.status !== 204) throw new Error(`victoria-metrics import: HTTP ${r.status} ${await r.text()}`);
    },
    async query(expr, time) {
      const r = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}${time ? `&time=${time}` : ""}`);
      const j = (await r.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] }; error?: string };
      if (j.status !== "success") throw new Error(`victoria-metrics query failed: ${j.error}`);
      return j.data.result;
    },
    async exportSeries(match) {
      const r = await fetch(`${url}/api/v1/export?match[]=${encodeURIComponent(match)}`);
      if (!r.ok) throw new Error(`victoria-metrics export: HTTP ${r.status}`);
      return (await r.text()).split("\n").filter(Boolean).map((l) => JSON.parse(l));
    },
    stop,
    async restart() {
      started = await startServer({ what: "victoria-metrics (restart)", proto: "tcp", ports: [port], spawn: spawnOn, ready, timeoutMs: 30_000 });
      proc = started.proc;
    },
    async remove() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface VmagentHandle {
  url: string;
  pid: number;
  /** Active targets as vmagent sees them (after relabeling and sharding). */
  activeTargets(): Promise<{ labels: Record<string, string>; health: string; lastScrape: string }[]>;
  /** The active targets once discovery has settled (at least one, two readings a second apart agree). */
  settledTargets(): Promise<{ labels: Record<string, string>; health: string; lastScrape: string }[]>;
  /**
   * What vmagent has sent over remote_write: bytes on the wire (after compression) and samples pushed
   * into its queue, summed over its URLs (its own counters vmagent_remotewrite_bytes_sent_total and
   * vmagent_remotewrite_rows_pushed_after_relabel_total).
   */
  remoteWriteTotals(): Promise<{ bytes: number; samples: number }>;
  /** Re-reads -promscrape.config (SIGHUP). */
  reload(): void;
  /** SIGKILL: a member lost, nothing flushed. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  log(): string;
}

/**
 * vmagent with `flags` (from observe/edge/vmagent.ts); `-httpListenAddr` is set here to a free
 * port (any given one is replaced). `scrapeConfig` is written to the -promscrape.config path first.
 * `env`: added to the environment, e.g. POD_NAME for a scrape file that names its member %{POD_NAME}.
 */
export async function startVmagent(flags: string[], scrapeConfig?: { file: string; yaml: string }, env: Record<string, string> = {}): Promise<VmagentHandle> {
  const bin = requireBinary("vmagent", "victoria-metrics");
  if (scrapeConfig) fs.writeFileSync(scrapeConfig.file, scrapeConfig.yaml);
  const rest = flags.filter((f) => !f.startsWith("-httpListenAddr="));
  const started = await startServer({
    what: "vmagent",
    proto: "tcp",
    spawn: ([port]) => spawnLogged(bin, [...rest, `-httpListenAddr=127.0.0.1:${port}`, "-loggerLevel=WARN", "-promscrape.suppressScrapeErrors"], { env: { ...process.env, ...env } }),
    ready: ([port]) => httpOk(`http://127.0.0.1:${port}/health`),
    timeoutMs: 30_000,
  });
  const url = `http://127.0.0.1:${started.ports[0]}`;
  const { proc } = started;
  type Target = { labels: Record<string, string>; health: string; lastScrape: string };
  async function activeTargets(): Promise<Target[]> {
    const r = await fetch(`${url}/api/v1/targets?state=active`);
    const j = (await r.json()) as { data: { activeTargets: Target[] } };
    return j.data.activeTargets;
  }
  return {
    url,
    pid: proc.child.pid!,
    log: proc.log,
    activeTargets,
    async remoteWriteTotals() {
      const samples = parseExposition(await (await fetch(`${url}/metrics`)).text());
      const sum = (name: string) => samples.filter((x) => x.name === name).reduce((a, x) => a + x.value, 0);
      return { bytes: sum("vmagent_remotewrite_bytes_sent_total"), samples: sum("vmagent_remotewrite_rows_pushed_after_relabel_total") };
    },
    async settledTargets() {
      // vmagent starts the targets it found one by one: read until two readings a second apart agree.
      let seen = -1;
      return waitFor("targets discovered", async () => {
        const t = await activeTargets();
        const settled = t.length > 0 && t.length === seen;
        seen = t.length;
        return settled ? t : undefined;
      }, 30_000, 1000);
    },
    reload: () => void proc.child.kill("SIGHUP"),
    async kill() {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
      await new Promise<void>((r) => {
        proc.child.once("exit", () => r());
        proc.child.kill("SIGKILL");
      });
    },
    stop: proc.stop,
  };
}

/** `vmagent -dryRun` over a scrape configuration: exit code 0 when vmagent accepts it, else its complaint. */
export async function vmagentDryRun(configFile: string): Promise<{ code: number; output: string }> {
  const bin = requireBinary("vmagent", "victoria-metrics");
  const r = await run(bin, [`-promscrape.config=${configFile}`, "-dryRun", "-loggerLevel=ERROR"]);
  return { code: r.code, output: r.stdout + r.stderr };
}

export interface VmalertHandle {
  url: string;
  /** Alerts vmalert holds now, pending or firing (/api/v1/alerts). */
  alerts(): Promise<{ name: string; state: string; labels: Record<string, string> }[]>;
  stop(): Promise<void>;
  log(): string;
}

/** vmalert with `flags` (from observe/edge/vmalert.ts planVmalert); `-httpListenAddr` is set here to a free port. */
export async function startVmalert(flags: string[]): Promise<VmalertHandle> {
  const bin = requireBinary("vmalert", "victoria-metrics");
  const rest = flags.filter((f) => !f.startsWith("-httpListenAddr="));
  const started = await startServer({
    what: "vmalert",
    proto: "tcp",
    spawn: ([port]) => spawnLogged(bin, [...rest, `-httpListenAddr=127.0.0.1:${port}`, "-loggerLevel=WARN"]),
    ready: ([port]) => httpOk(`http://127.0.0.1:${port}/health`),
    timeoutMs: 30_000,
  });
  const url = `http://127.0.0.1:${started.ports[0]}`;
  return {
    url,
    log: started.proc.log,
    async alerts() {
      const j = (await (await fetch(`${url}/api/v1/alerts`)).json()) as { data: { alerts: { name: string; state: string; labels: Record<string, string> }[] } };
      return j.data.alerts;
    },
    stop: started.proc.stop,
  };
}
