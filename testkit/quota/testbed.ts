// A gateway on network namespaces, shaped like the fixture inventory: one namespace per OPD client
// (its own subnet), a gateway namespace whose LAN bridge has one veth port per OPD and a WAN veth
// to a server namespace ("the internet"), optionally a routed veth to a data-centre namespace (the
// Dinas's own servers: intranet, not internet), and optionally a management veth from the host so a
// collector in the test process can poll an snmpd inside the gateway. Everything created carries the `spbe-q-` prefix
// and this process's id, and destroy() removes all of it (also after a half-finished create).
import { addressAt, parseRange } from "../../inventory/ip";
import { FatalError, pidAlive, requireBinary, run, sh, spawnLogged, waitFor, type Spawned } from "../servers/common";
import { LAN_IF, opdIf, WAN_IF, type TestOpd } from "./fixture";

export const IPERF_BASE_PORT = 5201;
const WAN_NET = "10.78.0.0/30"; // outside every fixture OPD subnet
const GW_WAN = "10.78.0.1";
export const SERVER_ADDR = "10.78.0.2";
/** The data centre hangs off its own gateway interface, routed (not bridged): its traffic is forwarded by the gateway. */
const DC_IF = "spbe-q-dc";
const GW_DC = "10.78.1.1";
export const DC_ADDR = "10.78.1.2";

export interface TestBed {
  tag: string;
  gw: string;
  server: string;
  /** The data-centre namespace (when created with dataCenter). */
  dataCenter?: string;
  clients: string[];
  /** The gateway's management address, reachable from the host (when created with mgmt). */
  mgmtAddress?: string;
  /** Runs a shell script inside the gateway namespace, as BandwidthQuota runs it over SSH. */
  applyScript(script: string): void;
  /** tc classes/qdiscs on both shaped interfaces and the nft table, without counters. */
  gatewayState(): string;
  exec(ns: string, cmd: string, args: string[]): string;
  destroy(): Promise<void>;
}

/** Fails loudly when the test cannot run here: namespaces need root and the Debian tools. */
export function requireNetnsTools(): void {
  if (process.getuid?.() !== 0) throw new Error("the quota namespace test needs root (ip netns, tc, nft)");
  requireBinary("ip", "iproute2");
  requireBinary("tc", "iproute2");
  requireBinary("ss", "iproute2");
  requireBinary("nft", "nftables");
  requireBinary("iperf3", "iperf3");
}

/**
 * Namespaces and host veths of an earlier run of this test that was killed before its afterAll
 * (their names end in the pid of a process that no longer exists). Only our own prefix is touched.
 */
export async function removeLeftovers(): Promise<void> {
  const namespaces = sh("ip", ["netns", "list"]).split("\n").map((l) => l.split(" ")[0]!);
  for (const ns of namespaces) {
    const m = /^spbe-q-[a-z0-9]+-(\d+)$/.exec(ns);
    if (m && !pidAlive(Number(m[1]))) await run("ip", ["netns", "del", ns]);
  }
  const links = sh("ip", ["-o", "link", "show"]);
  for (const m of links.matchAll(/^\d+: (spbe-q-m(\d+))[@:]/gm)) {
    if (!pidAlive(Number(m[2]))) await run("ip", ["link", "del", m[1]!]);
  }
}

export async function createTestBed(opds: TestOpd[], opts: { mgmt?: boolean; dataCenter?: boolean } = {}): Promise<TestBed> {
  await removeLeftovers();
  const tag = String(process.pid);
  const gw = `spbe-q-gw-${tag}`;
  const server = `spbe-q-srv-${tag}`;
  const clients = opds.map((_, i) => `spbe-q-c${i + 1}-${tag}`);
  const created: string[] = [];
  const hostMgmtIf = `spbe-q-m${tag}`.slice(0, 15);
  let hostMgmtCreated = false;
  const ipn = (ns: string, ...args: string[]) => sh("ip", ["-n", ns, ...args]);
  const addNs = (ns: string) => {
    sh("ip", ["netns", "add", ns]);
    created.push(ns);
    ipn(ns, "link", "set", "lo", "up");
  };

  const destroy = async () => {
    for (const ns of created.reverse()) {
      // `ip netns del` leaves processes still inside alive; the tests stop theirs first.
      await run("ip", ["netns", "del", ns]);
    }
    created.length = 0;
    if (hostMgmtCreated) await run("ip", ["link", "del", hostMgmtIf]);
    hostMgmtCreated = false;
  };

  try {
    addNs(gw);
    addNs(server);
    ipn(gw, "link", "add", LAN_IF, "type", "bridge");
    ipn(gw, "link", "set", LAN_IF, "up");
    opds.forEach((o, i) => {
      const client = clients[i]!;
      addNs(client);
      const range = parseRange(o.subnet);
      const gwAddr = addressAt(range, 1n);
      const prefix = o.subnet.split("/")[1];
      // Created directly inside the namespaces: the names only need to be unique there.
      sh("ip", ["link", "add", opdIf(i), "netns", gw, "type", "veth", "peer", "name", `spbe-q-c${i + 1}`, "netns", client]);
      ipn(gw, "link", "set", opdIf(i), "master", LAN_IF, "up");
      ipn(gw, "addr", "add", `${gwAddr}/${prefix}`, "dev", LAN_IF);
      ipn(client, "addr", "add", `${addressAt(range, 2n)}/${prefix}`, "dev", `spbe-q-c${i + 1}`);
      ipn(client, "link", "set", `spbe-q-c${i + 1}`, "up");
      ipn(client, "route", "add", "default", "via", gwAddr);
    });
    /** A routed /30 from the gateway to `peer`, which reaches every OPD subnet through the gateway. */
    const routedLink = (gwIf: string, gwAddr: string, peer: string, peerIf: string, peerAddr: string) => {
      sh("ip", ["link", "add", gwIf, "netns", gw, "type", "veth", "peer", "name", peerIf, "netns", peer]);
      ipn(gw, "addr", "add", `${gwAddr}/30`, "dev", gwIf);
      ipn(gw, "link", "set", gwIf, "up");
      ipn(peer, "addr", "add", `${peerAddr}/30`, "dev", peerIf);
      ipn(peer, "link", "set", peerIf, "up");
      for (const o of opds) ipn(peer, "route", "add", o.subnet, "via", gwAddr);
    };
    routedLink(WAN_IF, GW_WAN, server, "spbe-q-s0", SERVER_ADDR);
    sh("ip", ["netns", "exec", gw, "sysctl", "-qw", "net.ipv4.ip_forward=1"]);

    let dataCenter: string | undefined;
    if (opts.dataCenter) {
      dataCenter = `spbe-q-dc-${tag}`;
      addNs(dataCenter);
      routedLink(DC_IF, GW_DC, dataCenter, "spbe-q-d0", DC_ADDR);
    }

    let mgmtAddress: string | undefined;
    if (opts.mgmt) {
      // A /30 in the benchmarking range 198.18.0.0/15, picked by pid so parallel runs don't collide.
      const n = process.pid % 16384;
      const base = `198.${18 + (n >> 13)}.${(n >> 6) & 0x7f}.${(n & 63) * 4}`;
      const net = parseRange(`${base}/30`);
      sh("ip", ["link", "add", hostMgmtIf, "type", "veth", "peer", "name", "spbe-q-mgmt", "netns", gw]);
      hostMgmtCreated = true;
      sh("ip", ["addr", "add", `${addressAt(net, 1n)}/30`, "dev", hostMgmtIf]);
      sh("ip", ["link", "set", hostMgmtIf, "up"]);
      mgmtAddress = addressAt(net, 2n);
      ipn(gw, "addr", "add", `${mgmtAddress}/30`, "dev", "spbe-q-mgmt");
      ipn(gw, "link", "set", "spbe-q-mgmt", "up");
    }

    return {
      tag,
      gw,
      server,
      dataCenter,
      clients,
      mgmtAddress,
      applyScript(script: string) {
        sh("ip", ["netns", "exec", gw, "sh", "-c", script]);
      },
      gatewayState() {
        const x = (...args: string[]) => sh("ip", ["netns", "exec", gw, ...args]);
        return [
          x("tc", "qdisc", "show", "dev", LAN_IF),
          x("tc", "class", "show", "dev", LAN_IF),
          x("tc", "qdisc", "show", "dev", WAN_IF),
          x("tc", "class", "show", "dev", WAN_IF),
          x("nft", "list", "table", "inet", "spbe_quota"),
        ]
          .join("\n")
          // HTB's count of packets sent past its classes (e.g. while a tree is being rebuilt) is a counter, not state.
          .replace(/direct_packets_stat \d+/g, "direct_packets_stat -");
      },
      exec(ns: string, cmd: string, args: string[]) {
        return sh("ip", ["netns", "exec", ns, cmd, ...args]);
      },
      destroy,
    };
  } catch (e) {
    await destroy();
    throw e;
  }
}

/** One iperf3 server per OPD (a server runs one test at a time), in the server namespace (or another, e.g. the data centre). */
export async function startIperfServers(bed: TestBed, count: number, ns: string = bed.server): Promise<Spawned[]> {
  const servers: Spawned[] = [];
  for (let i = 0; i < count; i++) {
    servers.push(spawnLogged("ip", ["netns", "exec", ns, "iperf3", "-s", "-p", String(IPERF_BASE_PORT + i)]));
  }
  try {
    await waitFor("iperf3 servers", () => {
      for (const s of servers) if (s.child.exitCode !== null) throw new FatalError(`iperf3 server exited: ${s.log()}`);
      const listening = bed.exec(ns, "ss", ["-Hltn"]);
      return servers.every((_, i) => listening.includes(`:${IPERF_BASE_PORT + i} `));
    });
  } catch (e) {
    await Promise.all(servers.map((s) => s.stop()));
    throw e;
  }
  return servers;
}

export interface IperfResult {
  /** Receiver-side goodput, bits/s (TCP payload; the first second, slow start, omitted). */
  bps: number;
}

/**
 * iperf3 from OPD client `i` to its server: "up" sends from the OPD, "down" (-R) sends towards it.
 * The receiver's figure is used: the sender's counts bytes still sitting in its socket buffer.
 * `to`: the server's address, the internet server's by default (DC_ADDR for the data centre).
 */
export async function iperf(bed: TestBed, i: number, direction: "up" | "down", seconds: number, to: string = SERVER_ADDR): Promise<IperfResult> {
  const args = ["netns", "exec", bed.clients[i]!, "iperf3", "-c", to, "-p", String(IPERF_BASE_PORT + i), "-t", String(seconds), "-O", "1", "-J"];
  if (direction === "down") args.push("-R");
  const r = await run("ip", args, (seconds + 15) * 1000);
  let doc: { error?: string; end?: { sum_received?: { bits_per_second: number } } };
  try {
    doc = JSON.parse(r.stdout);
  } catch {
    throw new Error(`iperf3 gave no JSON (exit ${r.code}): ${r.stderr || r.stdout}`);
  }
  if (doc.error || !doc.end?.sum_received) throw new Error(`iperf3 failed: ${doc.error ?? r.stdout.slice(0, 500)}`);
  return { bps: doc.end.sum_received.bits_per_second };
}
