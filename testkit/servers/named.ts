// Starts Debian's BIND 9 (`named -g`, in the foreground, logging to stderr) on 127.0.0.1 and a free
// port, authoritative for the zones given (their text as written, e.g. infra/planning/dns.ts's
// rendering plus records a test adds), each with or without zone transfer to 127.0.0.1. No recursion:
// a name outside the zones is REFUSED, as from a kabupaten's authoritative server.
import * as fs from "node:fs";
import * as path from "node:path";
import { requireBinary, run, spawnLogged, startServer, tempDir } from "./common";

export interface NamedZone {
  origin: string;
  /** The zone file's text. */
  text: string;
  /** Allow AXFR to 127.0.0.1 (otherwise the server refuses every transfer of this zone). */
  allowTransfer: boolean;
}

export interface NamedHandle {
  host: string;
  port: number;
  /** `127.0.0.1:PORT`, as --resolver takes it. */
  server: string;
  dir: string;
  log(): string;
  stop(): Promise<void>;
}

/**
 * The options block every BIND of the test kit shares: its files under `workDir` (zone files under `dir`),
 * IPv4 loopback on `port` only, authoritative only (no recursion, no DNSSEC validation), plus `extra` lines.
 */
export function namedOptions(at: { dir: string; workDir: string; port: number }, extra: string[] = []): string[] {
  return [
    "options {",
    `  directory "${at.dir}";`,
    `  pid-file "${path.join(at.workDir, "named.pid")}";`,
    `  session-keyfile "${path.join(at.workDir, "session.key")}";`,
    `  managed-keys-directory "${at.workDir}";`,
    `  listen-on port ${at.port} { 127.0.0.1; };`,
    "  listen-on-v6 { none; };",
    "  recursion no;",
    "  dnssec-validation no;",
    ...extra,
    "};",
  ];
}

export interface NamedSettings {
  /** More lines inside options { } (e.g. a response-policy statement). */
  optionLines?: string[];
}

function config(dir: string, port: number, zones: readonly NamedZone[], settings: NamedSettings): string {
  const zoneBlocks = zones.map(
    (z, i) => `zone "${z.origin}" {\n  type primary;\n  file "${path.join(dir, `zone-${i}.db`)}";\n  allow-transfer { ${z.allowTransfer ? "127.0.0.1;" : "none;"} };\n};`,
  );
  return [
    ...namedOptions({ dir, workDir: dir, port }, ["  allow-transfer { none; };", "  notify no;", ...(settings.optionLines ?? []).map((l) => `  ${l}`)]),
    // No rndc channel: the test stops named by its pid.
    "controls { };",
    ...zoneBlocks,
    "",
  ].join("\n");
}

export async function startNamed(zones: readonly NamedZone[], settings: NamedSettings = {}): Promise<NamedHandle> {
  const named = requireBinary("named", "bind9");
  const dig = requireBinary("dig", "bind9-dnsutils");
  const dir = tempDir("named");
  zones.forEach((z, i) => fs.writeFileSync(path.join(dir, `zone-${i}.db`), z.text));
  const conf = path.join(dir, "named.conf");
  const first = zones[0]?.origin ?? ".";
  const started = await startServer({
    workDir: dir,
    what: "named",
    proto: "udp",
    spawn: ([port]) => {
      fs.writeFileSync(conf, config(dir, port!, zones, settings));
      // -g: foreground, log to stderr; -4: IPv4 only; -u root: stay root (no user switch in a container).
      return spawnLogged(named, ["-g", "-4", "-u", "root", "-c", conf]);
    },
    ready: async ([port]) => {
      const r = await run(dig, ["+short", "+time=1", "+tries=1", `@127.0.0.1`, "-p", String(port), first, "SOA"], 5000);
      return r.code === 0 && r.stdout.trim().length > 0;
    },
    timeoutMs: 30_000,
    everyMs: 200,
  });
  const port = started.ports[0]!;
  return {
    host: "127.0.0.1",
    port,
    server: `127.0.0.1:${port}`,
    dir,
    log: started.proc.log,
    async stop() {
      await started.proc.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
