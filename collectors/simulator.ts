// `spbe simulate`: one net-snmp agent per inventory device on a loopback port, serving the MIB
// objects the collector's modules read, with the device's own SNMP access (v2c community or v3
// user) and counters that move with time. What each agent serves is sim-mib.ts (built from the
// collector's module tables); the values come from sim-model.ts (pure).
import * as crypto from "node:crypto";
import * as dgram from "node:dgram";
import type { Inventory } from "../inventory/schema";
import { secretEnvName, snmpSecretRefs } from "../inventory/secret-refs";
import { buildMib } from "./sim-mib";
import { simulatedDevices } from "./sim-model";
import type { SecretResolver } from "./secrets";
import { PRIV_PROTOCOLS } from "./snmp-privacy";
import { SimTraffic } from "./sim-traffic";
import { interfaceKey, linkFaults, type SimWiringOptions } from "./sim-wiring";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snmp: any = require("net-snmp");

export interface SimulatorOptions {
  secrets: SecretResolver;
  host?: string;
  /** Fixed first port (devices get consecutive ports); default: free ports chosen by the OS. */
  basePort?: number;
  /** Cabling faults to pretend (a miswired link, an unknown neighbour): sim-wiring.ts. */
  wiring?: SimWiringOptions;
}

export interface Simulator {
  endpoints: Map<string, { host: string; port: number }>;
  /** Extra traffic per link, added to the agents' counters at once (sim-traffic.ts). */
  traffic: SimTraffic;
  /** Stops one device's agent and keeps its port: the poller sees it go silent (a power cut). */
  stopDevice(id: string): Promise<void>;
  /** Starts a stopped device's agent again on the same port. */
  startDevice(id: string): Promise<void>;
  /** Devices stopped by stopDevice. */
  stopped(): string[];
  /** How often each device has been polled (sysUpTime asked) since the simulator started, and when last. */
  polls(): Map<string, DevicePolls>;
  /** After an inventory reload: agents for new devices start, agents of removed devices stop. */
  sync(inv: Inventory): Promise<void>;
  /**
   * Cuts exactly these backbone links (an empty list mends them all): their ports report down and
   * the devices behind them, seen from the monitoring site, stop answering until mended (same ports).
   */
  cutLinks(links: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A UDP port the OS offers as free on host. The probe socket is closed again, so another process
 * may take the port before it is used: bind it at once and offer again on EADDRINUSE (startAgent).
 */
export function freeUdpPort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket("udp4");
    s.once("error", reject);
    s.bind(0, host, () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

/** How often a port the OS offered is tried when another process takes it before the agent binds it. */
const BIND_ATTEMPTS = 5;

/**
 * One agent listening on host:port. net-snmp binds its socket in the background and hands a bind
 * error (EADDRINUSE) to the agent's callback only: without waiting for it here, an agent on a taken
 * port would be registered and never answer.
 */
function listeningAgent(host: string, port: number): Promise<any> {
  return new Promise((resolve, reject) => {
    let listening = false;
    const agent = snmp.createAgent({ port, address: host, disableAuthorization: false }, (err: Error | null) => {
      if (!err || listening) return; // later request errors: the agent answers the manager itself
      try { agent.close(); } catch { /* never bound */ }
      reject(err);
    });
    const socket = Object.values(agent.listener.sockets as Record<string, dgram.Socket>)[0]!;
    socket.once("listening", () => {
      listening = true;
      resolve(agent);
    });
  });
}

/**
 * An agent on `fixedPort`, or on a free port: net-snmp cannot bind port 0 itself (it reads 0 as its
 * default 161), so the port is offered by the OS first and, if another process takes it before the
 * agent binds it, offered again (up to BIND_ATTEMPTS times). `pickPort` is the offer (tests give a taken one).
 */
export async function startAgent(host: string, fixedPort?: number, pickPort: (host: string) => Promise<number> = freeUdpPort): Promise<{ agent: any; port: number }> {
  if (fixedPort !== undefined) return { agent: await listeningAgent(host, fixedPort), port: fixedPort };
  for (let attempt = 1; ; attempt++) {
    const port = await pickPort(host);
    try {
      return { agent: await listeningAgent(host, port), port };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= BIND_ATTEMPTS) throw err;
    }
  }
}

/**
 * Env-var secrets the inventory's SNMP access refers to but the environment lacks: generated
 * here (random) so `serve --simulate` works out of the box. Returns name → value (never printed).
 */
export function generateMissingSecrets(inv: Inventory, secrets: SecretResolver): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ref of snmpSecretRefs(inv)) {
    if (secrets.resolve(ref) !== undefined) continue;
    out[secretEnvName(ref)] ??= crypto.randomBytes(12).toString("hex");
  }
  return out;
}

/** A device's polls as its agent saw them: how many, and the times (ms) of the latest ones. */
export interface DevicePolls {
  count: number;
  /** The last RECENT_POLLS poll times, oldest first. */
  recent: number[];
}

const RECENT_POLLS = 32;

const AUTH: Record<string, string> = { md5: "md5", sha: "sha", sha224: "sha224", sha256: "sha256", sha384: "sha384", sha512: "sha512" };

export async function startSimulator(inv: Inventory, opts: SimulatorOptions): Promise<Simulator> {
  const host = opts.host ?? "127.0.0.1";
  const agents = new Map<string, any>();
  const endpoints = new Map<string, { host: string; port: number }>();
  const t0 = Date.now() - 3_600_000; // agents "booted" an hour ago
  let n = 0;
  let current = inv;
  let cut: string[] = [];
  let faults = linkFaults(inv, cut);
  const portDown = (device: string, ifName: string) => faults.downInterfaces.has(interfaceKey(device, ifName));
  const traffic = new SimTraffic();
  const stoppedByHand = new Set<string>();
  const polls = new Map<string, DevicePolls>();
  const countPoll = (id: string) => () => {
    const p = polls.get(id) ?? { count: 0, recent: [] };
    p.count++;
    p.recent.push(Date.now());
    if (p.recent.length > RECENT_POLLS) p.recent.shift();
    polls.set(id, p);
  };
  /** Starts the agent of every device that should answer and has none; a silenced one keeps its port. */
  const startAgents = async () => {
    const byId = new Map(current.devices.map((d) => [d.id, d]));
    for (const dev of simulatedDevices(current, opts.wiring)) {
      if (agents.has(dev.id) || faults.unreachable.has(dev.id) || stoppedByHand.has(dev.id)) continue;
      const known = endpoints.get(dev.id)?.port;
      const { agent, port } = await startAgent(host, known ?? (opts.basePort ? opts.basePort + n++ : undefined));
      authorize(agent.getAuthorizer(), byId.get(dev.id)!.snmp!, opts.secrets);
      buildMib(agent, dev, t0, portDown, traffic, countPoll(dev.id));
      agents.set(dev.id, agent);
      endpoints.set(dev.id, { host, port });
    }
  };
  /** A device that stops answering: its socket closes (requests time out, as beyond a cut link), its endpoint stays. */
  const silence = (id: string) => {
    try { agents.get(id)?.close(); } catch { /* already closed */ }
    agents.delete(id);
  };
  const close = (id: string) => {
    silence(id);
    stoppedByHand.delete(id);
    endpoints.delete(id);
  };
  const applyFaults = async () => {
    faults = linkFaults(current, cut);
    for (const id of [...agents.keys()]) if (faults.unreachable.has(id)) silence(id);
    await startAgents();
  };
  await startAgents();
  return {
    endpoints,
    traffic,
    async stopDevice(id) {
      if (!agents.has(id)) throw new Error(`no running simulated device "${id}"`);
      stoppedByHand.add(id);
      silence(id);
    },
    async startDevice(id) {
      if (!stoppedByHand.delete(id)) throw new Error(`no stopped simulated device "${id}"`);
      await startAgents(); // on its old port: its endpoint was kept
    },
    stopped: () => [...stoppedByHand],
    polls: () => new Map([...polls].map(([id, p]) => [id, { count: p.count, recent: [...p.recent] }])),
    async sync(next) {
      current = next;
      const keep = new Set(next.devices.filter((d) => d.snmp).map((d) => d.id));
      for (const id of [...endpoints.keys()]) if (!keep.has(id)) close(id);
      cut = cut.filter((id) => next.links.some((l) => l.id === id)); // a link the reload removed is no longer cut
      await applyFaults();
    },
    async cutLinks(links) {
      linkFaults(current, links); // throws UnknownLinkError before anything changes
      cut = [...links];
      await applyFaults();
    },
    async stop() {
      for (const id of [...endpoints.keys()]) close(id);
    },
  };
}

/** The device's own SNMP access on its agent: a v2c community or a v3 user, secrets resolved. */
function authorize(authz: any, a: NonNullable<Inventory["devices"][number]["snmp"]>, secrets: SecretResolver): void {
  if (a.version === "2c") {
    const community = secrets.resolve(a.community);
    if (community) authz.addCommunity(community);
    return;
  }
  const user: Record<string, unknown> = { name: a.user, level: snmp.SecurityLevel[a.securityLevel] };
  if (a.securityLevel !== "noAuthNoPriv" && a.authKey) {
    user.authProtocol = snmp.AuthProtocols[AUTH[a.authProtocol ?? "sha"]!];
    user.authKey = secrets.resolve(a.authKey);
  }
  if (a.securityLevel === "authPriv" && a.privKey) {
    user.privProtocol = PRIV_PROTOCOLS[a.privProtocol ?? "aes"];
    user.privKey = secrets.resolve(a.privKey);
  }
  authz.addUser(user);
}
