// Starts Debian's prometheus-snmp-exporter (0.21) on 127.0.0.1 with a given snmp.yml.
// scrape(target, module) fetches /snmp?target=&module= like Prometheus would.
import * as fs from "node:fs";
import * as path from "node:path";
import { FatalError, freeTcpPort, httpOk, requireBinary, spawnLogged, tempDir, waitFor } from "./common";

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
  const port = await freeTcpPort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawnLogged(bin, [`--config.file=${cfg}`, `--web.listen-address=127.0.0.1:${port}`, "--log.level=warn"]);
  try {
    await waitFor(`snmp_exporter on ${url}`, async () => {
      if (proc.child.exitCode !== null) throw new FatalError(`prometheus-snmp-exporter exited: ${proc.log()}`);
      return httpOk(`${url}/metrics`);
    }, 20_000, 100);
  } catch (err) {
    await proc.stop();
    throw err;
  }
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
