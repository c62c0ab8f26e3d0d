// Starts Debian's lldpd inside a network namespace with its SNMP AgentX subagent (`-x`) attached to an
// snmpd that runs `master agentx` on `agentxSocket`: that snmpd then answers LLDP-MIB with what lldpd
// learnt. The system name comes from a configuration file lldpd hands to lldpcli at start (`-O`), so
// two lldpd in two namespaces of one host announce different names. Ready when lldpcli answers.
import * as fs from "node:fs";
import * as path from "node:path";
import { requireBinary, run, spawnLogged, waitFor, type Spawned } from "./common";

export interface LldpdOptions {
  netns: string;
  /** The AgentX socket of the snmpd (`agentXSocket` in its snmpd.conf). */
  agentxSocket: string;
  /** lldpSysName it announces. */
  hostname: string;
  /** The interfaces it runs LLDP on (`-I`), so management veths stay quiet. */
  interfaces: string[];
  /** The management address it announces (`-m`). */
  managementAddress?: string;
  /** Where its control socket and configuration go (must exist). */
  dir: string;
}

export interface LldpdHandle {
  log(): string;
  stop(): Promise<void>;
}

export async function startLldpd(o: LldpdOptions): Promise<LldpdHandle> {
  const lldpd = requireBinary("lldpd", "lldpd");
  const lldpcli = requireBinary("lldpcli", "lldpd");
  const ctl = path.join(o.dir, "lldpd.socket");
  const conf = path.join(o.dir, "lldpd.conf");
  // tx-interval 1: neighbours appear within seconds instead of lldpd's default 30 s.
  fs.writeFileSync(conf, [`configure system hostname ${o.hostname}`, "configure lldp tx-interval 1", ""].join("\n"));
  const args = ["-d", "-x", "-X", o.agentxSocket, "-u", ctl, "-O", conf, "-I", o.interfaces.join(","), ...(o.managementAddress ? ["-m", o.managementAddress] : [])];
  const proc: Spawned = spawnLogged("ip", ["netns", "exec", o.netns, lldpd, ...args]);
  try {
    await waitFor(`lldpd in ${o.netns}`, async () => {
      if (proc.child.exitCode !== null) throw new Error(`lldpd exited: ${proc.log()}`);
      return (await run("ip", ["netns", "exec", o.netns, lldpcli, "-u", ctl, "show", "configuration"], 5000)).code === 0;
    }, 15_000, 100);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return { log: proc.log, stop: proc.stop };
}
