// Starts Debian's prometheus-snmp-exporter (0.21) on 127.0.0.1 with a given snmp.yml.
// scrape(target, module) fetches /snmp?target=&module= like Prometheus would.
import * as fs from "node:fs";
import * as path from "node:path";
import { httpOk, requireBinary, spawnLogged, startServer, tempDir } from "./common";

export interface SnmpExporterHandle {
  url: string;
  pid: number;
  scrape(target: string, module: string): Promise<string>;
  stop(): Promise<void>;
  log(): string;
}

export async function startSnmpExporter(opts: { configYaml: string }): Promise<SnmpExporterHandle> {
  const bin = requireBinary("prometheus-snmp-exporter", "prometheus-snmp-exporter");
  const dir = tempDir("snmp-exporter");
  const cfg = path.join(dir, "snmp.yml");
  fs.writeFileSync(cfg, opts.configYaml);
  const started = await startServer({
    workDir: dir,
    what: "prometheus-snmp-exporter",
    proto: "tcp",
    spawn: ([port]) => spawnLogged(bin, [`--config.file=${cfg}`, `--web.listen-address=127.0.0.1:${port}`, "--log.level=warn"]),
    ready: ([port]) => httpOk(`http://127.0.0.1:${port}/metrics`),
    timeoutMs: 20_000,
  });
  const { proc } = started;
  const url = `http://127.0.0.1:${started.ports[0]}`;
  return {
    url,
    pid: proc.child.pid!,
    log: proc.log,
    async scrape(target, module) {
      const r = await fetch(`${url}/snmp?target=${encodeURIComponent(target)}&module=${encodeURIComponent(module)}`);
      return r.text();
    },
    async stop() {
      await proc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
