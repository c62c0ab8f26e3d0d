// Starts Debian's prometheus-alertmanager on 127.0.0.1 with a configuration directory (the files of
// `spbe alerts build`, templates named relatively), clustering off (one peer: no gossip port to
// take) unless `cluster` is given (a gossip port of its own, joining `peers`: the recovery-site
// pair). Ready when /-/ready answers. postAlerts() sends alerts as Prometheus does (POST
// /api/v2/alerts); amtool() runs Debian's amtool against the configuration or this server.
import * as fs from "node:fs";
import * as path from "node:path";
import { httpOk, requireBinary, run, spawnLogged, startServer, tempDir } from "./common";

export interface AlertmanagerHandle {
  url: string;
  /** host:port of its gossip listener, when clustered (another peer's --cluster.peer). */
  clusterAddress?: string;
  configFile: string;
  postAlerts(alerts: PostedAlert[]): Promise<void>;
  stop(): Promise<void>;
  log(): string;
}

/** An alert as Prometheus posts it (labels, annotations, times; generatorURL left out). */
export interface PostedAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
}

export interface AlertmanagerStartOptions {
  /** Cluster with these peers (host:port of their gossip listeners; none for the first peer). */
  cluster?: { peers: string[] };
}

/** Writes `files` (paths relative to a directory) and starts Alertmanager on `configPath` among them. */
export async function startAlertmanager(files: { path: string; content: string }[], configPath: string, opts: AlertmanagerStartOptions = {}): Promise<AlertmanagerHandle> {
  const bin = requireBinary("prometheus-alertmanager", "prometheus-alertmanager");
  const dir = tempDir("alertmanager");
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.content);
  }
  const configFile = path.join(dir, configPath);
  const started = await startServer({
    workDir: dir,
    what: "prometheus-alertmanager",
    proto: "tcp",
    count: opts.cluster ? 2 : 1,
    spawn: ([port, gossip]) =>
      spawnLogged(bin, [
        `--config.file=${configFile}`,
        `--storage.path=${path.join(dir, "data")}`,
        `--web.listen-address=127.0.0.1:${port}`,
        ...(opts.cluster
          ? [
              `--cluster.listen-address=127.0.0.1:${gossip}`,
              // Loopback is not a private address: memberlist needs to be told what to advertise.
              `--cluster.advertise-address=127.0.0.1:${gossip}`,
              ...opts.cluster.peers.map((p) => `--cluster.peer=${p}`),
              // The second peer waits this long for the first to notify before it does (default 15 s).
              "--cluster.peer-timeout=2s",
            ]
          : ["--cluster.listen-address="]),
        "--log.level=warn",
      ]),
    ready: ([port]) => httpOk(`http://127.0.0.1:${port}/-/ready`),
    timeoutMs: 30_000,
  });
  const url = `http://127.0.0.1:${started.ports[0]}`;
  return {
    url,
    ...(opts.cluster ? { clusterAddress: `127.0.0.1:${started.ports[1]}` } : {}),
    configFile,
    log: started.proc.log,
    async postAlerts(alerts) {
      const r = await fetch(`${url}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(alerts) });
      if (!r.ok) throw new Error(`alertmanager refused the alerts: ${r.status} ${await r.text()}`);
    },
    async stop() {
      await started.proc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's amtool with arguments; fails loudly when it is not installed. */
export function amtool(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return run(requireBinary("amtool", "prometheus-alertmanager"), args, 60_000);
}
