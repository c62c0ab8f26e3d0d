// Two "switches" on one host: two network namespaces joined by a veth pair (eth1 in each), each with
// Debian's snmpd (`master agentx`) and lldpd attached to it as its AgentX subagent, and a management
// veth from the host to each namespace so the test process can walk their LLDP-MIB as the observer
// walks a real switch. Everything created carries the `spbe-l-` prefix and this process's id;
// destroy() stops the daemons and removes the namespaces (also after a half-finished create).
import * as fs from "node:fs";
import * as path from "node:path";
import { run, sh, tempDir } from "../servers/common";
import { startLldpd, type LldpdHandle } from "../servers/lldpd";
import { startSnmpd, type SnmpdHandle } from "../servers/snmpd";

/** The interface of each node on the shared link. */
export const LINK_IF = "eth1";

export interface LldpNode {
  netns: string;
  hostname: string;
  /** Where the host reaches its snmpd. */
  mgmtAddress: string;
  snmpPort: number;
  community: string;
  lldpd: LldpdHandle;
  snmpd: SnmpdHandle;
}

export interface LldpPair {
  nodes: [LldpNode, LldpNode];
  destroy(): Promise<void>;
}

/** Fails loudly when the test cannot run here. */
export function requireRoot(): void {
  if (process.getuid?.() !== 0) throw new Error("the lldpd namespace test needs root (ip netns)");
}

export async function createLldpPair(hostnames: [string, string], community = "spbe-lldp"): Promise<LldpPair> {
  requireRoot();
  const tag = String(process.pid);
  // Management /30s in the shared address space 100.64.0.0/10 (never routed on the internet, not used
  // by the other test beds), picked by pid so parallel runs do not collide.
  const n = process.pid % 4096;
  const base = (k: number) => `100.${64 + (n >> 8)}.${n & 255}.${k}`;
  const created: string[] = [];
  const hostIfs: string[] = [];
  const daemons: { stop(): Promise<void> }[] = [];
  const dirs: string[] = [];
  const destroy = async () => {
    for (const d of daemons.reverse()) await d.stop();
    daemons.length = 0;
    for (const ns of created.reverse()) await run("ip", ["netns", "del", ns]);
    created.length = 0;
    for (const i of hostIfs) await run("ip", ["link", "del", i]);
    hostIfs.length = 0;
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  };
  try {
    const names = ["a", "b"].map((x) => `spbe-l-${x}-${tag}`) as [string, string];
    for (const ns of names) {
      sh("ip", ["netns", "add", ns]);
      created.push(ns);
      sh("ip", ["-n", ns, "link", "set", "lo", "up"]);
    }
    // The link: created directly inside the namespaces, so the names only need to be unique there.
    sh("ip", ["link", "add", LINK_IF, "netns", names[0], "type", "veth", "peer", "name", LINK_IF, "netns", names[1]]);
    const nodes: LldpNode[] = [];
    for (const [i, ns] of names.entries()) {
      sh("ip", ["-n", ns, "link", "set", LINK_IF, "up"]);
      const hostIf = `spbe-l${i}-${tag}`.slice(0, 15);
      const host = base(i * 4 + 1);
      const mgmt = base(i * 4 + 2);
      sh("ip", ["link", "add", hostIf, "type", "veth", "peer", "name", "mgmt0", "netns", ns]);
      hostIfs.push(hostIf);
      sh("ip", ["addr", "add", `${host}/30`, "dev", hostIf]);
      sh("ip", ["link", "set", hostIf, "up"]);
      sh("ip", ["-n", ns, "addr", "add", `${mgmt}/30`, "dev", "mgmt0"]);
      sh("ip", ["-n", ns, "link", "set", "mgmt0", "up"]);
      // lldpd drops privileges (_lldpd); the AgentX socket must be reachable for it, so its directory is 0755.
      const dir = tempDir("lldp");
      dirs.push(dir);
      fs.chmodSync(dir, 0o755);
      const agentx = path.join(dir, "agentx.sock");
      const snmpd = await startSnmpd({ community, host: mgmt, netns: ns, extraConfig: `master agentx\nagentXSocket ${agentx}\nagentXPerms 0777 0755` });
      daemons.push(snmpd);
      const lldpd = await startLldpd({ netns: ns, agentxSocket: agentx, hostname: hostnames[i]!, interfaces: [LINK_IF], managementAddress: mgmt, dir });
      daemons.push(lldpd);
      nodes.push({ netns: ns, hostname: hostnames[i]!, mgmtAddress: mgmt, snmpPort: snmpd.port, community, lldpd, snmpd });
    }
    return { nodes: nodes as [LldpNode, LldpNode], destroy };
  } catch (err) {
    await destroy();
    throw err;
  }
}
