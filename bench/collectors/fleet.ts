// The benchmark fleet: a network namespace (`spbe-c-bench`) with many veth interfaces, and Debian
// snmpd processes inside it answering on many UDP ports, so one machine offers hundreds of agents
// with realistic interface tables. Used by the collectors' benchmarks only.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run, waitFor } from "../../testkit/servers/common";

export const NETNS = "spbe-c-bench";
export const COMMUNITY = "bench-community";

function sh(cmd: string, a: string[]) {
  return execFileSync(cmd, a, { stdio: ["ignore", "pipe", "pipe"] }).toString();
}

/**
 * Creates the namespace with `ifaces` veth interfaces (+ lo), re-runs `script` inside it with
 * `--inside` appended, and removes the namespace afterwards, whatever happens.
 */
export function runInsideBenchNetns(script: string, args: string[], ifaces: number): void {
  if (process.getuid?.() !== 0) throw new Error("run as root: the benchmark creates the network namespace spbe-c-bench");
  try { sh("ip", ["netns", "del", NETNS]); } catch { /* not there */ }
  sh("ip", ["netns", "add", NETNS]);
  try {
    // veth pairs (the dummy module may not be loadable in containers)
    const pairs = Math.ceil(ifaces / 2);
    const batch = [
      `link set lo up`,
      ...Array.from({ length: pairs }, (_, i) => `link add bench${i}a type veth peer name bench${i}b`),
      ...Array.from({ length: pairs }, (_, i) => `link set bench${i}a up`),
      ...Array.from({ length: pairs }, (_, i) => `link set bench${i}b up`),
    ];
    const f = path.join(os.tmpdir(), `spbe-c-bench-${process.pid}.batch`);
    fs.writeFileSync(f, batch.join("\n") + "\n");
    sh("ip", ["-n", NETNS, "-batch", f]);
    fs.rmSync(f);
    execFileSync("ip", ["netns", "exec", NETNS, process.execPath, ...(process.env.SPBE_BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []), path.join(__dirname, "../../bin/run-ts.cjs"), script, ...args, "--inside"], { stdio: "inherit" });
  } finally {
    sh("ip", ["netns", "del", NETNS]);
  }
}

export interface Fleet {
  ports: number[];
  procs: ChildProcess[];
  pids: number[];
}

/** `devices` snmpd endpoints (UDP 30000+) spread over `procs` snmpd processes; ready when both ends answer. */
export async function startFleet(devices: number, procs: number): Promise<Fleet> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-bench-snmpd-"));
  const ports = Array.from({ length: devices }, (_, i) => 30000 + i);
  const children: ChildProcess[] = [];
  const per = Math.ceil(devices / procs);
  for (let k = 0; k < procs; k++) {
    const mine = ports.slice(k * per, (k + 1) * per);
    if (mine.length === 0) continue;
    const conf = path.join(dir, `snmpd${k}.conf`);
    fs.writeFileSync(conf, `rocommunity ${COMMUNITY} default\n`);
    const p = spawn("/usr/sbin/snmpd", ["-f", "-Lo", "-C", "-c", conf, "-p", path.join(dir, `${k}.pid`), mine.map((p) => `udp:127.0.0.1:${p}`).join(",")], {
      env: { ...process.env, SNMP_PERSISTENT_DIR: path.join(dir, String(k)), MIBS: "", MIBDIRS: "" },
      stdio: "ignore",
    });
    children.push(p);
  }
  for (const port of [ports[0]!, ports.at(-1)!]) {
    await waitFor(`snmpd :${port}`, async () => (await run("snmpget", ["-v2c", "-c", COMMUNITY, "-t", "0.5", "-r", "0", `127.0.0.1:${port}`, "1.3.6.1.2.1.1.3.0"], 5000)).code === 0, 30_000, 100);
  }
  return { ports, procs: children, pids: children.map((p) => p.pid!) };
}

export function procCpuSeconds(pid: number, statPath = `/proc/${pid}/stat`): number {
  const f = fs.readFileSync(statPath, "utf8");
  const parts = f.slice(f.lastIndexOf(")") + 2).split(" ");
  return (Number(parts[11]) + Number(parts[12])) / 100; // utime + stime, in clock ticks (100 Hz)
}

/**
 * CPU seconds of this process's main thread (utime + stime of /proc/self/task/<pid>): the rest of
 * process.cpuUsage() is V8's helper threads (optimizing compiler, concurrent GC) and libuv's pool.
 */
export function mainThreadCpuSeconds(): number {
  return procCpuSeconds(process.pid, `/proc/self/task/${process.pid}/stat`);
}

export function procRssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** curl in another process: duration and size of one HTTP GET (so the server's loop is not the client's). */
export function curlTiming(url: string, gzip: boolean): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn("curl", ["-s", "-o", "/dev/null", "-w", "%{time_total} %{size_download}", ...(gzip ? ["-H", "Accept-Encoding: gzip"] : []), url]);
    let out = "";
    p.stdout.on("data", (b) => (out += b));
    p.on("close", (code) => {
      if (code !== 0) return reject(new Error(`curl exited ${code}`));
      const [t, b] = out.trim().split(" ");
      resolve({ ms: Number(t) * 1000, bytes: Number(b) });
    });
  });
}

/**
 * A scraper process started once (a shell loop around curl), so that measuring the server's event
 * loop does not also measure fork() of the big server process for every scrape.
 */
export function startScraper(): { get(url: string, gzip: boolean): Promise<{ ms: number; bytes: number }>; stop(): void } {
  const p = spawn("bash", ["-c", 'while read -r url gz; do if [ "$gz" = 1 ]; then curl -s -o /dev/null -H "Accept-Encoding: gzip" -w "%{time_total} %{size_download}\\n" "$url"; else curl -s -o /dev/null -w "%{time_total} %{size_download}\\n" "$url"; fi; done'], { stdio: ["pipe", "pipe", "inherit"] });
  let buf = "";
  const waiting: ((line: string) => void)[] = [];
  p.stdout!.on("data", (b) => {
    buf += b;
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      waiting.shift()?.(line);
    }
  });
  return {
    get(url, gzip) {
      return new Promise((resolve) => {
        waiting.push((line) => {
          const [t, b] = line.trim().split(" ");
          resolve({ ms: Number(t) * 1000, bytes: Number(b) });
        });
        p.stdin!.write(`${url} ${gzip ? 1 : 0}\n`);
      });
    },
    stop() {
      p.stdin!.end();
    },
  };
}

/**
 * An HTTP client in a process of its own, fetching many URLs at once on request: a peer's answers
 * (the exporter's ~0.5 MB of text per scrape) are then read, gunzipped and collected there, not in
 * the benchmark process whose CPU is measured as ours (docs/benchmarks.md, fourth pass). Each get
 * resolves with the time it took and whether the body matched `okPattern` and not `errorPattern`.
 */
export function startFetcher(okPattern: RegExp, errorPattern: RegExp): { get(url: string): Promise<{ ms: number; ok: boolean }>; stop(): void } {
  const script = `
    const ok = new RegExp(${JSON.stringify(okPattern.source)}), bad = new RegExp(${JSON.stringify(errorPattern.source)});
    require("node:readline").createInterface({ input: process.stdin }).on("line", async (line) => {
      const [id, url] = line.split(" ");
      const t0 = performance.now();
      let good = false;
      try { const text = await (await fetch(url)).text(); good = ok.test(text) && !bad.test(text); } catch {}
      process.stdout.write(id + " " + (performance.now() - t0) + " " + (good ? 1 : 0) + "\\n");
    });`;
  const p = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  const waiting = new Map<number, (r: { ms: number; ok: boolean }) => void>();
  let nextId = 0;
  let buf = "";
  p.stdout!.on("data", (b) => {
    buf += b;
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      const [id, ms, good] = buf.slice(0, i).split(" ");
      buf = buf.slice(i + 1);
      const done = waiting.get(Number(id));
      waiting.delete(Number(id));
      done?.({ ms: Number(ms), ok: good === "1" });
    }
  });
  return {
    get(url) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        p.stdin!.write(`${id} ${url}\n`);
      });
    },
    stop() {
      p.stdin!.end();
    },
  };
}
