// Starts Debian's prometheus-blackbox-exporter on 127.0.0.1 with a given blackbox.yml (checked first
// with --config.check, so a bad configuration fails with the exporter's own words). Ready when its
// /-/healthy answers.
import * as fs from "node:fs";
import * as path from "node:path";
import { httpOk, requireBinary, run, spawnLogged, startServer, tempDir } from "./common";

export interface BlackboxHandle {
  url: string;
  /** host:port, as a Prometheus scrape job's __address__. */
  address: string;
  configFile: string;
  log(): string;
  stop(): Promise<void>;
}

const binary = () => requireBinary("prometheus-blackbox-exporter", "prometheus-blackbox-exporter");

/** The exporter's verdict on a configuration text: ok, or its message. */
export async function checkBlackboxConfig(configYaml: string): Promise<{ ok: boolean; output: string }> {
  const dir = tempDir("blackbox-check");
  try {
    const file = path.join(dir, "blackbox.yml");
    fs.writeFileSync(file, configYaml);
    const r = await run(binary(), [`--config.file=${file}`, "--config.check"]);
    return { ok: r.code === 0, output: r.stdout + r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function startBlackbox(configYaml: string): Promise<BlackboxHandle> {
  const bin = binary();
  const check = await checkBlackboxConfig(configYaml);
  if (!check.ok) throw new Error(`blackbox exporter rejects its configuration: ${check.output}`);
  const dir = tempDir("blackbox");
  const configFile = path.join(dir, "blackbox.yml");
  fs.writeFileSync(configFile, configYaml);
  const { proc, ports } = await startServer({
    workDir: dir,
    what: "prometheus-blackbox-exporter",
    proto: "tcp",
    spawn: ([port]) => spawnLogged(bin, [`--config.file=${configFile}`, `--web.listen-address=127.0.0.1:${port}`, "--log.level=warn"]),
    ready: ([port]) => httpOk(`http://127.0.0.1:${port}/-/healthy`),
  });
  const address = `127.0.0.1:${ports[0]}`;
  return {
    url: `http://${address}`,
    address,
    configFile,
    log: proc.log,
    async stop() {
      await proc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
