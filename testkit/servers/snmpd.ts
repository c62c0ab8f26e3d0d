// Starts Debian's snmpd as a plain process on 127.0.0.1 (or inside a network namespace) with a
// temp config: a v2c community and optionally a v3 user. Ready when snmpget answers.
import * as fs from "node:fs";
import * as path from "node:path";
import { requireBinary, run, spawnLogged, startServer, tempDir } from "./common";

export interface SnmpdV3User {
  name: string;
  /** snmpd's createUser names: MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512 */
  authProtocol: "MD5" | "SHA" | "SHA-224" | "SHA-256" | "SHA-384" | "SHA-512";
  authKey: string;
  privProtocol: "AES" | "DES" | "AES-192" | "AES-256";
  privKey: string;
}

export interface SnmpdOptions {
  community?: string;
  v3User?: SnmpdV3User;
  host?: string;
  port?: number;
  /** Run inside `ip netns exec <netns>` (the listen host must exist there). */
  netns?: string;
  extraConfig?: string;
}

export interface SnmpdHandle {
  host: string;
  port: number;
  community: string;
  v3User?: SnmpdV3User;
  dir: string;
  stop(): Promise<void>;
  log(): string;
}

export async function startSnmpd(opts: SnmpdOptions = {}): Promise<SnmpdHandle> {
  const snmpd = requireBinary("snmpd", "snmpd");
  requireBinary("snmpget", "snmp");
  const host = opts.host ?? "127.0.0.1";
  const community = opts.community ?? "spbe-test";
  const dir = tempDir("snmpd");
  const lines = [
    `rocommunity ${community} default`,
    "sysLocation spbe test rack",
    "sysContact noc@example.invalid",
  ];
  if (opts.v3User) {
    const u = opts.v3User;
    lines.push(`createUser ${u.name} ${u.authProtocol} "${u.authKey}" ${u.privProtocol} "${u.privKey}"`, `rouser ${u.name} authpriv`);
  }
  if (opts.extraConfig) lines.push(opts.extraConfig);
  const conf = path.join(dir, "snmpd.conf");
  fs.writeFileSync(conf, lines.join("\n") + "\n", { mode: 0o600 });
  const env = { ...process.env, SNMP_PERSISTENT_DIR: dir, MIBS: "", MIBDIRS: "" };
  const probe = opts.netns ? ["ip", ["netns", "exec", opts.netns, "snmpget"]] as const : ["snmpget", []] as const;
  // A port the caller gave is used as is; otherwise one picked free on the host's 127.0.0.1.
  const started = await startServer({
    workDir: dir,
    what: `snmpd on ${host}`,
    proto: "udp",
    ports: opts.port === undefined ? undefined : [opts.port],
    spawn: ([port]) => {
      const args = ["-f", "-Lo", "-C", "-c", conf, "-p", path.join(dir, "snmpd.pid"), `udp:${host}:${port}`];
      return opts.netns ? spawnLogged("ip", ["netns", "exec", opts.netns, snmpd, ...args], { env }) : spawnLogged(snmpd, args, { env });
    },
    ready: async ([port]) => {
      const r = await run(probe[0], [...probe[1], "-v2c", "-c", community, "-t", "0.3", "-r", "0", "-On", `${host}:${port}`, "1.3.6.1.2.1.1.3.0"], 5000);
      return r.code === 0;
    },
    everyMs: 50,
  });
  const { proc } = started;
  const port = started.ports[0]!;
  return {
    host,
    port,
    community,
    v3User: opts.v3User,
    dir,
    log: proc.log,
    async stop() {
      await proc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
