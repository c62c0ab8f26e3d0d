// A BIND server as `pulumi up` finds one on a Debian host, in miniature: Debian's `named` on 127.0.0.1 and a
// free port, its named.conf including a named.conf.local that starts empty, and rndc on a control channel
// with its own key, so the DnsZone scripts (infra/planning/dns-serving.ts) run against it unchanged but
// for the paths and the rndc command line they are given. No recursion, no zones until a script adds one.
import * as fs from "node:fs";
import * as path from "node:path";
import { requireBinary, run, spawnLogged, startServer, tempDir } from "./common";
import { namedOptions } from "./named";

export interface BindHost {
  /** The DNS port on 127.0.0.1 (UDP and TCP). */
  port: number;
  dir: string;
  /** What the scripts take: Debian's paths moved under `dir`, and rndc for this server. */
  paths: { confDir: string; cacheDir: string; includeFrom: string; namedConf: string; rndc: string };
  /** The SOA serial this server answers for `origin`, or undefined when it has no such zone yet. */
  serial(origin: string): Promise<number | undefined>;
  /** `dig AXFR` of the zone, or `dig` of one name: the answer section's records. */
  dig(args: string[]): Promise<string>;
  log(): string;
  stop(): Promise<void>;
}

export async function startBindHost(name: string): Promise<BindHost> {
  const named = requireBinary("named", "bind9");
  const rndcBin = requireBinary("rndc", "bind9");
  const confgen = requireBinary("rndc-confgen", "bind9");
  const digBin = requireBinary("dig", "bind9-dnsutils");
  const dir = tempDir(`bind-${name}`);
  const confDir = path.join(dir, "etc");
  const cacheDir = path.join(dir, "cache");
  fs.mkdirSync(confDir);
  fs.mkdirSync(cacheDir);
  const keyFile = path.join(confDir, "rndc.key");
  const gen = await run(confgen, ["-a", "-A", "hmac-sha256", "-c", keyFile]);
  if (gen.code !== 0) throw new Error(`rndc-confgen failed: ${gen.stderr}`);
  const includeFrom = path.join(confDir, "named.conf.local");
  fs.writeFileSync(includeFrom, "");
  const namedConf = path.join(confDir, "named.conf");
  const config = (port: number, control: number) =>
    [
      `include "${keyFile}";`,
      // Every server of the test shares 127.0.0.1: NOTIFY and transfers between them come from it.
      ...namedOptions({ dir: cacheDir, workDir: dir, port }, ["  notify-source 127.0.0.1;", "  transfer-source 127.0.0.1;"]),
      `controls { inet 127.0.0.1 port ${control} allow { 127.0.0.1; } keys { "rndc-key"; }; };`,
      `include "${includeFrom}";`,
      "",
    ].join("\n");
  let control = 0;
  const started = await startServer({
    workDir: dir,
    what: `named (${name})`,
    proto: "tcp",
    count: 2,
    spawn: ([port, ctl]) => {
      control = ctl!;
      fs.writeFileSync(namedConf, config(port!, ctl!));
      // -g: foreground, log to stderr; -4: IPv4 only; -u root: no user switch in the test's sandbox.
      return spawnLogged(named, ["-g", "-4", "-u", "root", "-c", namedConf]);
    },
    ready: async () => (await run(rndcBin, ["-s", "127.0.0.1", "-p", String(control), "-k", keyFile, "status"], 5000)).code === 0,
    timeoutMs: 30_000,
    everyMs: 200,
  });
  const port = started.ports[0]!;
  const dig = async (args: string[]) => {
    const r = await run(digBin, ["+time=2", "+tries=1", "@127.0.0.1", "-p", String(port), ...args], 10_000);
    return r.stdout;
  };
  return {
    port,
    dir,
    paths: { confDir, cacheDir, includeFrom, namedConf, rndc: `${rndcBin} -s 127.0.0.1 -p ${control} -k ${keyFile}` },
    dig,
    async serial(origin) {
      const out = (await dig(["+short", origin, "SOA"])).trim().split(/\s+/);
      return out.length >= 3 && /^\d+$/.test(out[2]!) ? Number(out[2]) : undefined;
    },
    log: started.proc.log,
    async stop() {
      await started.proc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
