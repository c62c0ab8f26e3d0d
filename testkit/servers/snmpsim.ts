// Starts Debian's snmpsimd on 127.0.0.1 with recordings copied into a temp data dir. Each
// recording answers to the community named after its file (cisco.snmprec → community "cisco").
// The bundled Cisco Catalyst 3750 recording is cisco_16_switch.snmprec.gz in the examples.
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { requireBinary, run, spawnLogged, startServer, tempDir } from "./common";

export const SNMPSIM_EXAMPLES = "/usr/share/doc/snmpsim/examples/data";

export interface SnmpsimOptions {
  /** community → recording file (.snmprec or .snmprec.gz); default: cisco → the Catalyst 3750. */
  recordings?: Record<string, string>;
}

export interface SnmpsimHandle {
  host: string;
  port: number;
  communities: string[];
  stop(): Promise<void>;
  log(): string;
}

export async function startSnmpsim(opts: SnmpsimOptions = {}): Promise<SnmpsimHandle> {
  const bin = requireBinary("snmpsimd", "snmpsim");
  const recordings = opts.recordings ?? { cisco: path.join(SNMPSIM_EXAMPLES, "cisco_16_switch.snmprec.gz") };
  const dir = tempDir("snmpsim");
  const data = path.join(dir, "data");
  fs.mkdirSync(data);
  for (const [community, file] of Object.entries(recordings)) {
    if (!fs.existsSync(file)) throw new Error(`snmpsim recording not found: ${file} (Debian package snmpsim)`);
    const raw = fs.readFileSync(file);
    fs.writeFileSync(path.join(data, `${community}.snmprec`), file.endsWith(".gz") ? zlib.gunzipSync(raw) : raw);
  }
  // snmpsimd refuses to run as root: drop to nobody, who must be able to read the data and write the cache.
  const asRoot = process.getuid?.() === 0;
  const privileges = asRoot ? ["--process-user=nobody", "--process-group=nogroup"] : [];
  if (asRoot) {
    const cache = path.join(dir, "cache");
    fs.mkdirSync(cache);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(data, 0o755);
    for (const f of fs.readdirSync(data)) fs.chmodSync(path.join(data, f), 0o644);
    const nobody = 65534;
    fs.chownSync(cache, nobody, nobody);
  }
  const first = Object.keys(recordings)[0]!;
  const started = await startServer({
    workDir: dir,
    what: "snmpsimd",
    proto: "udp",
    spawn: ([port]) =>
      spawnLogged(bin, [
        ...privileges,
        `--data-dir=${data}`,
        `--cache-dir=${path.join(dir, "cache")}`,
        `--agent-udpv4-endpoint=127.0.0.1:${port}`,
        "--v2c-arch",
        "--logging-method=stderr",
      ]),
    ready: async ([port]) => {
      const r = await run("snmpget", ["-v2c", "-c", first, "-t", "1", "-r", "0", "-On", `127.0.0.1:${port}`, "1.3.6.1.2.1.1.3.0"], 5000);
      return r.code === 0 && /Timeticks|\d/.test(r.stdout);
    },
    timeoutMs: 60_000,
    everyMs: 200,
  });
  const { proc } = started;
  const port = started.ports[0]!;
  return {
    host: "127.0.0.1",
    port,
    communities: Object.keys(recordings),
    log: proc.log,
    async stop() {
      await proc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
