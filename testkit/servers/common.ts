// Shared helpers for the real-server starters: free ports, temp dirs, spawning with captured logs,
// polling for readiness (never fixed sleeps), stopping by pid, and startServer(), which every
// starter uses to bring its server up on free ports.
import { spawn, type ChildProcess, execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { freeUdpPort } from "../../collectors/simulator";

export type Proto = "tcp" | "udp";

/**
 * A port nothing listens on right now, chosen by the OS. Only a number: the probe socket is closed
 * before it returns, so another process can take the port before the caller binds it. Servers are
 * started with startServer(), which picks again when that happens; on its own this is for "a port
 * where nothing answers".
 */
export function freeTcpPort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, host, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

// One implementation of "a free UDP port", the simulator's (same caveat as freeTcpPort).
export { freeUdpPort };

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `spbe-${prefix}-`));
}

/** Fails loudly when a Debian binary is missing (tests never skip silently). */
export function requireBinary(cmd: string, pkg: string): string {
  // FRR's daemons live in /usr/lib/frr (Debian's frr), outside every PATH.
  for (const dir of (process.env.PATH ?? "").split(":").concat(["/usr/sbin", "/usr/bin", "/usr/lib/frr"])) {
    const p = path.join(dir, cmd);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`${cmd} not found: install the Debian package ${pkg} (scripts/test-deps.sh does)`);
}

export interface Spawned {
  child: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

export function spawnLogged(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Spawned {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const keep = (b: Buffer) => {
    out += b.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = () => stopChild(child);
  return { child, log: () => out, stop };
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill(signal);
  });
}

/** Thrown by a readiness check when waiting longer cannot help (the process exited). */
export class FatalError extends Error {}

/** Polls `check` until it returns a truthy value or the timeout passes (then throws with `what`). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      if (err instanceof FatalError) throw err;
      lastErr = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? `: ${(lastErr as Error).message}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Runs a command to completion (ip, tc, …), its stdout; throws with its stderr when it fails. */
export function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")}: ${err.stderr?.trim() || err.message}`);
  }
}

/** Whether a process with this id exists (the namespace beds name what they create after their pid). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function run(cmd: string, args: string[], timeoutMs = 30_000): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
      resolve({ stdout: String(stdout), stderr: String(stderr), code });
    });
  });
}

export async function httpOk(url: string): Promise<boolean> {
  try {
    const r = await fetch(url);
    return r.ok;
  } catch {
    return false;
  }
}

/** What the servers print when their port is taken: Go's and Python's bind errors, net-snmp's snmpd. */
export const ADDRESS_IN_USE = /address already in use|EADDRINUSE|Error opening specified endpoint/i;

/** The server exited because another process had taken its port (between the pick and its bind). */
export class PortTakenError extends FatalError {}

/**
 * Linux socket inodes open in pid and its descendants: empty when pid has exited (or is a zombie),
 * undefined when /proc may not be read here.
 */
function socketInodes(pid: number): Set<string> | undefined {
  const out = new Set<string>();
  const pids = [pid];
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8"); // "pid (comm) state ..."
    if (stat[stat.lastIndexOf(")") + 2] === "Z") return out;
    for (let i = 0; i < pids.length; i++) {
      const p = pids[i]!;
      for (const fd of fs.readdirSync(`/proc/${p}/fd`)) {
        try {
          const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${p}/fd/${fd}`));
          if (m) out.add(m[1]!);
        } catch {
          /* closed meanwhile */
        }
      }
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        try {
          pids.push(...fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number));
        } catch {
          /* no children file (kernel without CONFIG_PROC_CHILDREN) */
        }
      }
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" ? undefined : out;
  }
  return out;
}

/**
 * Whether pid (or a descendant) holds the socket bound to `port` (listening, for tcp), read from
 * /proc/<pid>/net, i.e. in pid's own network namespace. A readiness probe can be answered by
 * another process that took the port; this tells whether it was ours. False once pid has exited;
 * true when /proc may not be read here (cannot tell).
 */
export function holdsPort(pid: number, proto: Proto, port: number): boolean {
  const inodes = socketInodes(pid);
  if (!inodes) return true;
  for (const table of [proto, `${proto}6`]) {
    let text: string;
    try {
      text = fs.readFileSync(`/proc/${pid}/net/${table}`, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const localPort = parseInt(f[1]!.split(":").pop()!, 16);
      if (localPort === port && (proto === "udp" || f[3] === "0A") && inodes.has(f[9]!)) return true;
    }
  }
  return false;
}

/** For the kit's own test: called with every port picked by startServer, before the server is spawned. */
export const portHooks: { picked?: (port: number, proto: Proto) => Promise<void> | void } = {};

export interface StartServerOptions {
  /** For messages: "prometheus on http://127.0.0.1:PORT" style, ports appended. */
  what: string;
  proto: Proto;
  /** How many distinct ports the server needs (influxd: HTTP and RPC); default 1. */
  count?: number;
  /** Ports to use as given (a caller's choice, a restart): no new pick, no retry. */
  ports?: number[];
  spawn(ports: number[]): Spawned;
  /** The server answers on its ports (called while its process runs). */
  ready(ports: number[]): Promise<boolean>;
  timeoutMs?: number;
  everyMs?: number;
  /** Picks before giving up when the ports keep being taken; default 5. */
  attempts?: number;
  /** The server's own directory (config, data): removed when the server cannot be started. */
  workDir?: string;
}

export interface StartedServer {
  proc: Spawned;
  ports: number[];
}

/**
 * Starts a server on free ports (127.0.0.1, picked by freeTcpPort/freeUdpPort) and waits until it
 * serves: its process runs, `ready` passes, and the ports are its own sockets. A picked port can be
 * taken by another process before the server binds it; the server then exits saying so
 * (ADDRESS_IN_USE in its log), and this starts it again on newly picked ports. Any other failure
 * stops the process and throws with its log.
 */
export async function startServer(opts: StartServerOptions): Promise<StartedServer> {
  try {
    return await startOnPickedPorts(opts);
  } catch (err) {
    if (opts.workDir) fs.rmSync(opts.workDir, { recursive: true, force: true });
    throw err;
  }
}

async function startOnPickedPorts(opts: StartServerOptions): Promise<StartedServer> {
  const attempts = opts.ports ? 1 : (opts.attempts ?? 5);
  for (let attempt = 1; ; attempt++) {
    const ports = opts.ports ?? (await pickPorts(opts.proto, opts.count ?? 1));
    if (!opts.ports) for (const p of ports) await portHooks.picked?.(p, opts.proto);
    const proc = opts.spawn(ports);
    const pid = proc.child.pid;
    try {
      await waitFor(`${opts.what} (port ${ports.join(", ")})`, async () => {
        if (proc.child.exitCode !== null || proc.child.signalCode !== null || pid === undefined) {
          const log = proc.log();
          throw new (ADDRESS_IN_USE.test(log) ? PortTakenError : FatalError)(`${opts.what} exited: ${log}`);
        }
        if (!(await opts.ready(ports))) return false;
        return ports.every((p) => holdsPort(pid, opts.proto, p));
      }, opts.timeoutMs ?? 20_000, opts.everyMs ?? 100);
      return { proc, ports };
    } catch (err) {
      await proc.stop();
      if (err instanceof PortTakenError && attempt < attempts) continue;
      throw err;
    }
  }
}

async function pickPorts(proto: Proto, count: number): Promise<number[]> {
  const out: number[] = [];
  while (out.length < count) {
    const p = proto === "tcp" ? await freeTcpPort() : await freeUdpPort();
    if (!out.includes(p)) out.push(p);
  }
  return out;
}
