// Web sites in a network namespace the test creates, reachable from the host (and so from a probe,
// a blackbox exporter or a Prometheus in the test process's namespace) at the addresses the caller
// chooses (documentation ranges: inside the example's Dinas block 203.0.113.0/24, or outside it, e.g.
// 198.51.100.128/25). A host route to a site address would hide a real machine there, so an address
// inside a network the host is attached to (192.0.2.0/24 on some test machines) is refused.
// One veth pair joins the namespace to the host; each site address is a /32 on the
// namespace's end and a host route through it, so parallel test beds only collide if they pick the
// same site address. Sites are tiny Node servers (http on 80, https on 443 with a certificate the
// test CA made: valid, expired, self-signed or for another name). `silent` addresses are routed into
// the namespace but held by nobody: packets to them vanish (a probe times out). Everything carries
// the `spbe-web` prefix and this process's id; destroy() removes it, also after a failed create.
import * as fs from "node:fs";
import * as path from "node:path";
import { FatalError, pidAlive, requireBinary, run, sh, spawnLogged, tempDir, waitFor, type Spawned } from "../servers/common";
import { contains, parseRange, tryParseRange } from "../../inventory/ip";
import { TestCa, type CertificateKind } from "./test-certificates";

export interface WebSiteSpec {
  name: string;
  address: string;
  /** Serve https on 443 with this kind of certificate; absent = no https. */
  https?: CertificateKind;
  /** Serve plain http on 80 (default true). */
  http?: boolean;
  /** The status every request gets (default 200). */
  status?: number;
}

export interface WebTestbed {
  ns: string;
  /** The test CA's certificate (PEM): give it to the probes as caFile / tls_config.ca_file. */
  caFile: string;
  sites: WebSiteSpec[];
  /** Addresses that swallow packets (nothing answers, nothing refuses). */
  silent: string[];
  /** The site servers' log (for failure messages). */
  log(): string;
  destroy(): Promise<void>;
}

/** Fails loudly when the test bed cannot run here. */
export function requireWebTestbedTools(): void {
  if (process.getuid?.() !== 0) throw new Error("the web test bed needs root (ip netns)");
  requireBinary("ip", "iproute2");
  requireBinary("ss", "iproute2");
  requireBinary("openssl", "openssl");
}



/** Namespaces of an earlier run killed before its teardown (their pid is gone). Only our prefix. */
export async function removeWebLeftovers(): Promise<void> {
  for (const line of sh("ip", ["netns", "list"]).split("\n")) {
    const m = /^(spbe-web-(\d+)-\d+)\b/.exec(line);
    if (m && !pidAlive(Number(m[2]))) await run("ip", ["netns", "del", m[1]!]);
  }
}

// The server every site runs on: plain JavaScript so `ip netns exec` can start it with node alone.
const SERVER_JS = `
const http = require("node:http"), https = require("node:https"), fs = require("node:fs");
for (const s of JSON.parse(fs.readFileSync(process.argv[2], "utf8"))) {
  const handler = (req, res) => { res.writeHead(s.status, { "content-type": "text/plain" }); res.end(s.name + " asked as " + req.headers.host + "\\n"); };
  const srv = s.scheme === "https" ? https.createServer({ key: fs.readFileSync(s.keyFile), cert: fs.readFileSync(s.certFile) }, handler) : http.createServer(handler);
  srv.on("error", (e) => { console.error(s.address + ":" + s.port + " " + e.message); process.exit(1); });
  srv.listen(s.port, s.address, () => console.log("listening " + s.address + ":" + s.port));
}
`;

let counter = 0;

/** Site addresses inside a network the host is attached to: routing them here would hide real machines. */
function onHostNetworks(addresses: readonly string[]): string[] {
  const attached = sh("ip", ["-o", "-4", "route", "show", "proto", "kernel"])
    .split("\n")
    .map((l) => tryParseRange(l.split(" ")[0] ?? ""))
    .filter((r) => r !== undefined);
  return addresses.filter((a) => attached.some((r) => contains(r, parseRange(`${a}/32`))));
}

export async function createWebTestbed(opts: { sites: WebSiteSpec[]; silent?: string[] }): Promise<WebTestbed> {
  requireWebTestbedTools();
  await removeWebLeftovers();
  const clash = onHostNetworks([...opts.sites.map((s) => s.address), ...(opts.silent ?? [])]);
  if (clash.length) throw new Error(`web test bed: ${clash.join(", ")} lie in a network this host is attached to; choose other documentation addresses`);
  const n = ++counter;
  const ns = `spbe-web-${process.pid}-${n}`;
  const hostIf = `spbw${process.pid}${n}`.slice(0, 15);
  const nsIf = "spbw-site";
  // The veth pair's own /30, in the benchmarking range 198.18.0.0/15 like the quota bed's, offset
  // by half the range and picked by pid and count so parallel test files (and the quota bed) differ.
  const k = (process.pid * 4 + n + 8192) % 16384;
  const hostAddr = `198.${18 + (k >> 13)}.${(k >> 6) & 0x7f}.${(k & 63) * 4 + 1}`;
  const nsAddr = hostAddr.replace(/\d+$/, (d) => String(Number(d) + 1));
  const dir = tempDir("web");
  let nsCreated = false;
  let server: Spawned | undefined;
  const silent = opts.silent ?? [];

  const destroy = async () => {
    await server?.stop();
    server = undefined;
    // Deleting the namespace deletes its veth end, and with it the host end and the host routes.
    if (nsCreated) await run("ip", ["netns", "del", ns]);
    nsCreated = false;
    if (sh("ip", ["-o", "link", "show"]).includes(` ${hostIf}@`)) await run("ip", ["link", "del", hostIf]);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    sh("ip", ["netns", "add", ns]);
    nsCreated = true;
    const ipn = (...args: string[]) => sh("ip", ["-n", ns, ...args]);
    ipn("link", "set", "lo", "up");
    sh("ip", ["link", "add", hostIf, "type", "veth", "peer", "name", nsIf, "netns", ns]);
    sh("ip", ["addr", "add", `${hostAddr}/30`, "dev", hostIf]);
    sh("ip", ["link", "set", hostIf, "up"]);
    ipn("addr", "add", `${nsAddr}/30`, "dev", nsIf);
    ipn("link", "set", nsIf, "up");
    ipn("route", "add", "default", "via", hostAddr);
    for (const a of new Set(opts.sites.map((s) => s.address))) {
      ipn("addr", "add", `${a}/32`, "dev", nsIf);
      sh("ip", ["route", "add", `${a}/32`, "via", nsAddr, "dev", hostIf]);
    }
    // Routed in, held by nobody: the namespace does not forward, so these packets are dropped.
    for (const a of silent) sh("ip", ["route", "add", `${a}/32`, "via", nsAddr, "dev", hostIf]);

    const ca = await TestCa.create(path.join(dir, "ca"));
    const listeners: { name: string; address: string; port: number; scheme: string; status: number; certFile?: string; keyFile?: string }[] = [];
    for (const s of opts.sites) {
      const status = s.status ?? 200;
      if (s.http !== false) listeners.push({ name: s.name, address: s.address, port: 80, scheme: "http", status });
      if (s.https) listeners.push({ name: s.name, address: s.address, port: 443, scheme: "https", status, ...(await ca.issue(s.name, s.https)) });
    }
    const cfg = path.join(dir, "sites.json");
    fs.writeFileSync(cfg, JSON.stringify(listeners));
    fs.writeFileSync(path.join(dir, "server.js"), SERVER_JS);
    const started = spawnLogged("ip", ["netns", "exec", ns, process.execPath, path.join(dir, "server.js"), cfg]);
    server = started;
    await waitFor("web test bed servers", () => {
      if (started.child.exitCode !== null) throw new FatalError(`web test bed servers exited: ${started.log()}`);
      const listening = sh("ip", ["netns", "exec", ns, "ss", "-Hltn"]);
      return listeners.every((l) => listening.includes(`${l.address}:${l.port} `));
    });
    return { ns, caFile: ca.caFile, sites: opts.sites, silent, log: () => started.log(), destroy };
  } catch (e) {
    await destroy();
    throw e;
  }
}
