// The routed backbone on network namespaces: one namespace per FRR router of a planned backbone, a
// veth pair per routed link (named as the inventory names the interfaces, so the rendered frr.conf
// applies unchanged), radio links shaped to their capacity (tc tbf), a LAN veth per announced network (the
// data center's application addresses, an office LAN), and zebra, ospfd and bfdd started in each
// namespace (as the frr user) with their sockets, pid files and logs in a directory of the test's own. The rendered
// configuration goes in through vtysh, as `vtysh -b` loads frr.conf on a router. Everything carries
// the `spbe-r-` prefix, this process's id and a random suffix; destroy() stops the daemons and deletes
// the namespaces, also after a half-finished create.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addressAt, parseRange } from "../../inventory/ip";
import type { BackboneRouting } from "../../infra/routing";
import { pidAlive, requireBinary, run, sh, spawnLogged, tempDir, type Spawned } from "../servers/common";

const FRR_DAEMONS = ["zebra", "ospfd", "bfdd"] as const;

export interface RoutingTestBed {
  /** Namespace of each router (device id → namespace name). */
  ns: Map<string, string>;
  exec(device: string, cmd: string, args: string[]): string;
  vtysh(device: string, command: string): string;
  /** The directory of a router's vty sockets, frr.conf (as loaded) and logs. */
  dir(device: string): string;
  /** The daemons' logs of a router, for a failure message. */
  logs(device: string): string;
  destroy(): Promise<void>;
}

/** Fails loudly when the test cannot run here: namespaces need root, FRR and the Debian tools. */
export function requireRoutingTools(): void {
  if (process.getuid?.() !== 0) throw new Error("the routing namespace test needs root (ip netns, FRR)");
  requireBinary("ip", "iproute2");
  requireBinary("tc", "iproute2");
  requireBinary("ping", "iputils-ping");
  requireBinary("iperf3", "iperf3");
  requireBinary("zebra", "frr");
  requireBinary("ospfd", "frr");
  requireBinary("bfdd", "frr");
  requireBinary("vtysh", "frr");
  requireBinary("frr-reload.py", "frr-pythontools");
}

/** Namespaces of an earlier run killed before its afterAll (their pid no longer runs). Only our prefix is touched. */
async function removeLeftovers(): Promise<void> {
  for (const ns of sh("ip", ["netns", "list"]).split("\n").map((l) => l.split(" ")[0]!)) {
    const m = /^spbe-r-\d+-(\d+)-[0-9a-f]+$/.exec(ns);
    if (m && !pidAlive(Number(m[1]))) await run("ip", ["netns", "del", ns]);
  }
}

export async function createRoutingTestBed(routing: BackboneRouting): Promise<RoutingTestBed> {
  await removeLeftovers();
  const suffix = `${process.pid}-${randomBytes(3).toString("hex")}`;
  const dir = tempDir("spbe-r-");
  const ns = new Map<string, string>();
  const daemons: Spawned[] = [];
  const created: string[] = [];
  const ipn = (n: string, ...args: string[]) => sh("ip", ["-n", n, ...args]);
  const runDir = (device: string) => join(dir, device);

  const destroy = async () => {
    await Promise.all(daemons.map((d) => d.stop()));
    daemons.length = 0;
    for (const n of created.reverse()) await run("ip", ["netns", "del", n]);
    created.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    routing.plan.routers.forEach((r, i) => {
      const n = `spbe-r-${i}-${suffix}`;
      sh("ip", ["netns", "add", n]);
      created.push(n);
      ns.set(r.device, n);
      ipn(n, "link", "set", "lo", "up");
    });
    for (const t of routing.plan.links) {
      const a = ns.get(t.a.device)!;
      const b = ns.get(t.b.device)!;
      sh("ip", ["link", "add", t.a.interface, "netns", a, "type", "veth", "peer", "name", t.b.interface, "netns", b]);
      for (const [n, ifname] of [[a, t.a.interface], [b, t.b.interface]] as const) {
        // A radio hop shaped to its capacity on each end (tbf: this kernel has no sch_netem for its
        // latency); the addresses are zebra's job (from frr.conf).
        if (t.medium === "radio") sh("ip", ["netns", "exec", n, "tc", "qdisc", "add", "dev", ifname, "root", "tbf", "rate", `${t.capacityMbps}mbit`, "burst", "64kb", "latency", "50ms"]);
        ipn(n, "link", "set", ifname, "up");
      }
    }
    for (const r of routing.plan.routers) {
      const n = ns.get(r.device)!;
      // Each announced network as a LAN behind the router: its first address on a veth whose peer
      // stays in the namespace (up, with carrier; this kernel has no dummy interfaces).
      r.announce.forEach((cidr, i) => {
        const range = parseRange(cidr);
        ipn(n, "link", "add", `lan${i}`, "type", "veth", "peer", "name", `lan${i}p`);
        ipn(n, "link", "set", `lan${i}p`, "up");
        ipn(n, "addr", "add", `${addressAt(range, 1n)}/${cidr.split("/")[1]}`, "dev", `lan${i}`);
        ipn(n, "link", "set", `lan${i}`, "up");
      });
    }
    for (const r of routing.plan.routers) {
      const n = ns.get(r.device)!;
      const d = runDir(r.device);
      mkdirSync(d, { recursive: true });
      // The daemons drop to the frr user (they refuse root, which is not in the frrvty group).
      chmodSync(dir, 0o755);
      writeFileSync(join(d, "empty.conf"), "");
      sh("chown", ["-R", "frr:frr", d]);
      for (const daemon of FRR_DAEMONS) {
        const args = ["netns", "exec", n, requireBinary(daemon, "frr"), "-u", "frr", "-g", "frr", "-P", "0", "--vty_socket", d, "-z", join(d, "zserv.api"), "-i", join(d, `${daemon}.pid`), "-f", join(d, "empty.conf"), "--log", `file:${join(d, `${daemon}.log`)}`];
        if (daemon === "bfdd") args.push("--bfdctl", join(d, "bfdd.sock"));
        daemons.push(spawnLogged("ip", args));
        // ospfd and bfdd connect to zebra's socket: start it first.
        if (daemon === "zebra") await waitForFile(join(d, "zserv.api"));
      }
      await waitForFile(join(d, "ospfd.vty"));
      await waitForFile(join(d, "bfdd.vty"));
    }
    const bed: RoutingTestBed = {
      ns,
      exec: (device, cmd, args) => sh("ip", ["netns", "exec", ns.get(device)!, cmd, ...args]),
      vtysh: (device, command) => sh("ip", ["netns", "exec", ns.get(device)!, "vtysh", "--vty_socket", runDir(device), "-c", command]),
      dir: runDir,
      logs: (device) => FRR_DAEMONS.map((x) => sh("sh", ["-c", `cat ${join(runDir(device), `${x}.log`)} 2>/dev/null | tail -20 || true`])).join("\n"),
      destroy,
    };
    for (const rc of routing.routers) {
      const file = join(runDir(rc.router.device), "frr.conf");
      writeFileSync(file, rc.frrConf);
      sh("ip", ["netns", "exec", ns.get(rc.router.device)!, "vtysh", "--vty_socket", runDir(rc.router.device), "-f", file]);
    }
    return bed;
  } catch (e) {
    await destroy();
    throw e;
  }
}

async function waitForFile(path: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > until) throw new Error(`${path} did not appear within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
