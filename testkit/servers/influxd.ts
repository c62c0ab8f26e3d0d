// Starts Debian's influxd (InfluxDB 1.x) on 127.0.0.1 with a temp config and data dirs. The
// same dirs and port survive stop()/restart(), so a test can take the database away and back.
import * as fs from "node:fs";
import * as path from "node:path";
import { httpOk, requireBinary, spawnLogged, startServer, tempDir, type Spawned } from "./common";

export interface InfluxdHandle {
  url: string;
  port: number;
  /** Stops the server but keeps its data (for outage tests). */
  pause(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  restart(): Promise<void>;
  query(q: string, db: string): Promise<{ columns: string[]; values: unknown[][] }[]>;
  stop(): Promise<void>;
  log(): string;
}

export async function startInfluxd(): Promise<InfluxdHandle> {
  const bin = requireBinary("influxd", "influxdb");
  const dir = tempDir("influxd");
  const conf = path.join(dir, "influxdb.conf");
  // HTTP API and RPC (backup/restore) ports.
  const writeConfig = ([port, bindPort]: number[]) =>
    fs.writeFileSync(
      conf,
      [
        `reporting-disabled = true`,
        `bind-address = "127.0.0.1:${bindPort}"`,
        `[meta]`,
        `  dir = "${dir}/meta"`,
        `[data]`,
        `  dir = "${dir}/data"`,
        `  wal-dir = "${dir}/wal"`,
        `  query-log-enabled = false`,
        `[http]`,
        `  bind-address = "127.0.0.1:${port}"`,
        `  log-enabled = false`,
        `[monitor]`,
        `  store-enabled = false`,
        `[continuous_queries]`,
        `  enabled = false`,
        "",
      ].join("\n"),
    );
  let proc: Spawned | undefined;
  let logs = "";
  let ports: number[] | undefined;
  // The first start picks the ports; restarts use the same ones (the test takes the database away and back).
  const start = async () => {
    const started = await startServer({
      what: "influxd",
      proto: "tcp",
      count: 2,
      ports,
      spawn: (p) => {
        writeConfig(p);
        return spawnLogged(bin, ["-config", conf]);
      },
      ready: ([port]) => httpOk(`http://127.0.0.1:${port}/ping`),
      timeoutMs: 30_000,
    });
    proc = started.proc;
    ports = started.ports;
  };
  const pause = async () => {
    if (proc) {
      await proc.stop();
      logs += proc.log();
      proc = undefined;
    }
  };
  try {
    await start();
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const port = ports![0]!;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    pause,
    restart: start,
    log: () => logs + (proc?.log() ?? ""),
    async query(q, db) {
      const r = await fetch(`${url}/query?db=${encodeURIComponent(db)}&q=${encodeURIComponent(q)}`);
      const j = (await r.json()) as { results: { series?: { columns: string[]; values: unknown[][] }[]; error?: string }[] };
      if (j.results[0]?.error) throw new Error(j.results[0].error);
      return j.results[0]?.series ?? [];
    },
    async stop() {
      await pause();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
