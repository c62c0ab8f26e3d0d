// An edge gateway on network namespaces, shaped like testkit/nat/fixture.ts: "internet" (the upstream,
// routing the public block to the gateway), the gateway (WAN veth, LAN bridge with the data-center and
// OPD subnets), "dc" (the application server, holding its applications' public addresses as docker's
// publication on them needs) and "opd" (an OPD client). Small TCP listeners (node) answer with who
// they are and whom they see. Names carry a random suffix and this process's id; destroy() removes
// everything, also after a half-finished create, and leftovers of killed runs are removed first.
import { randomBytes } from "node:crypto";
import { FatalError, pidAlive, requireBinary, run, sh, spawnLogged, waitFor, type Spawned } from "../servers/common";
import { NAT_APPS, NAT_LAN_IF, NAT_WAN_IF, OPD_SUBNET, PUBLIC_BLOCK, SERVER_ADDR } from "./fixture";

const GW_WAN = "10.79.0.1";
export const INTERNET_ADDR = "10.79.0.2";
const GW_DC = "10.79.1.1";
const GW_OPD = "10.79.2.1";
export const OPD_CLIENT = "10.79.2.10";

export type ConnectResult = { kind: "answer"; text: string } | { kind: "refused" } | { kind: "timeout" } | { kind: "error"; code: string };

export interface NatBed {
  internet: string;
  gw: string;
  dc: string;
  opd: string;
  /** Runs a shell script inside the gateway namespace, as PublicAddressNat runs it over SSH. */
  applyScript(script: string): void;
  /** `nft list table inet <table>` in the gateway ("" when the table does not exist). */
  nftTable(table: string): string;
  /** The gateway's IPv4 routes of the given protocol number. */
  routes(proto: number): string;
  /** Starts listeners on `ports` (all addresses) in namespace `ns`; each answers "<label>:<port> from <peer>". */
  listen(ns: string, label: string, ports: number[]): Promise<Spawned>;
  /** One TCP connection from namespace `ns`: what came back. */
  connect(ns: string, host: string, port: number, timeoutMs?: number): Promise<ConnectResult>;
  destroy(): Promise<void>;
}

export function requireNatTools(): void {
  if (process.getuid?.() !== 0) throw new Error("the NAT namespace test needs root (ip netns, nft)");
  requireBinary("ip", "iproute2");
  requireBinary("tc", "iproute2");
  requireBinary("nft", "nftables");
}

const PREFIX = "spbe-n-";

/** Namespaces of an earlier run that was killed before its afterAll (their pid is gone). */
async function removeLeftovers(): Promise<void> {
  for (const line of sh("ip", ["netns", "list"]).split("\n")) {
    const ns = line.split(" ")[0]!;
    const m = /^spbe-n-[a-z]+-(\d+)-[0-9a-f]+$/.exec(ns);
    if (m && !pidAlive(Number(m[1]))) await run("ip", ["netns", "del", ns]);
  }
}

const LISTENER = `
const net = require("node:net");
const [label, ...ports] = process.argv.slice(1);
let up = 0;
for (const port of ports) {
  net.createServer((s) => s.end(label + ":" + port + " from " + s.remoteAddress.replace(/^::ffff:/, "") + "\\n"))
    .listen(Number(port), "0.0.0.0", () => { if (++up === ports.length) console.log("listening"); });
}`;

const CLIENT = `
const net = require("node:net");
const [host, port, ms] = process.argv.slice(1);
let text = "";
const s = net.connect({ host, port: Number(port) });
const done = (r) => { console.log(JSON.stringify(r)); process.exit(0); };
s.setTimeout(Number(ms), () => done({ kind: "timeout" }));
s.on("data", (b) => (text += b));
s.on("end", () => done({ kind: "answer", text: text.trim() }));
s.on("error", (e) => done(e.code === "ECONNREFUSED" ? { kind: "refused" } : { kind: "error", code: e.code }));`;

export async function createNatBed(): Promise<NatBed> {
  await removeLeftovers();
  const suffix = `${process.pid}-${randomBytes(3).toString("hex")}`;
  const [internet, gw, dc, opd] = ["inet", "gw", "dc", "opd"].map((r) => `${PREFIX}${r}-${suffix}`) as [string, string, string, string];
  const created: string[] = [];
  const children: Spawned[] = [];
  const ipn = (ns: string, ...args: string[]) => sh("ip", ["-n", ns, ...args]);
  const destroy = async () => {
    await Promise.all(children.map((c) => c.stop()));
    children.length = 0;
    for (const ns of created.reverse()) await run("ip", ["netns", "del", ns]);
    created.length = 0;
  };
  try {
    for (const ns of [internet, gw, dc, opd]) {
      sh("ip", ["netns", "add", ns]);
      created.push(ns);
      ipn(ns, "link", "set", "lo", "up");
    }
    // Upstream: the "internet" routes the public block to the gateway's WAN address.
    sh("ip", ["link", "add", NAT_WAN_IF, "netns", gw, "type", "veth", "peer", "name", "spbe-n-up", "netns", internet]);
    ipn(gw, "addr", "add", `${GW_WAN}/30`, "dev", NAT_WAN_IF);
    ipn(gw, "link", "set", NAT_WAN_IF, "up");
    ipn(internet, "addr", "add", `${INTERNET_ADDR}/30`, "dev", "spbe-n-up");
    ipn(internet, "link", "set", "spbe-n-up", "up");
    ipn(internet, "route", "add", PUBLIC_BLOCK, "via", GW_WAN);
    // LAN: one bridge with the data-center and the OPD subnets.
    ipn(gw, "link", "add", NAT_LAN_IF, "type", "bridge");
    ipn(gw, "link", "set", NAT_LAN_IF, "up");
    ipn(gw, "addr", "add", `${GW_DC}/24`, "dev", NAT_LAN_IF);
    ipn(gw, "addr", "add", `${GW_OPD}/24`, "dev", NAT_LAN_IF);
    for (const [ns, port, inner, addr, via] of [
      [dc, "spbe-n-d0", "spbe-n-dc", `${SERVER_ADDR}/24`, GW_DC],
      [opd, "spbe-n-o0", "spbe-n-opd", `${OPD_CLIENT}/${OPD_SUBNET.split("/")[1]}`, GW_OPD],
    ] as const) {
      sh("ip", ["link", "add", port, "netns", gw, "type", "veth", "peer", "name", inner, "netns", ns]);
      ipn(gw, "link", "set", port, "master", NAT_LAN_IF, "up");
      ipn(ns, "addr", "add", addr, "dev", inner);
      ipn(ns, "link", "set", inner, "up");
      ipn(ns, "route", "add", "default", "via", via);
    }
    // The server holds its applications' public addresses (docker publishes each container on its own).
    for (const a of NAT_APPS) ipn(dc, "addr", "add", `${a.address}/32`, "dev", "spbe-n-dc");
    sh("ip", ["netns", "exec", gw, "sysctl", "-qw", "net.ipv4.ip_forward=1"]);

    return {
      internet,
      gw,
      dc,
      opd,
      applyScript(script) {
        sh("ip", ["netns", "exec", gw, "sh", "-c", script]);
      },
      nftTable(table) {
        const r = sh("ip", ["netns", "exec", gw, "nft", "list", "tables"]);
        return r.includes(`table inet ${table}`) ? sh("ip", ["netns", "exec", gw, "nft", "list", "table", "inet", table]) : "";
      },
      routes(proto) {
        return ipn(gw, "-4", "route", "show", "proto", String(proto));
      },
      async listen(ns, label, ports) {
        const child = spawnLogged("ip", ["netns", "exec", ns, process.execPath, "-e", LISTENER, label, ...ports.map(String)]);
        children.push(child);
        await waitFor(`listeners ${label}`, () => {
          if (child.child.exitCode !== null) throw new FatalError(`listener ${label} exited: ${child.log()}`);
          return child.log().includes("listening");
        }, 30_000);
        return child;
      },
      async connect(ns, host, port, timeoutMs = 3_000) {
        const r = await run("ip", ["netns", "exec", ns, process.execPath, "-e", CLIENT, host, String(port), String(timeoutMs)], timeoutMs + 20_000);
        const line = r.stdout.trim().split("\n").pop() ?? "";
        try {
          return JSON.parse(line) as ConnectResult;
        } catch {
          throw new Error(`client gave no result (exit ${r.code}): ${r.stderr || r.stdout}`);
        }
      },
      destroy,
    };
  } catch (e) {
    await destroy();
    throw e;
  }
}
