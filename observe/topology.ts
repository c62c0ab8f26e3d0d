// The topology observer: walks the neighbour table (LLDP-MIB, else CDP) of every switch and router of
// the inventory, with the device's own SNMP access and secrets as the poller uses them
// (collectors/targets.ts, collectors/secrets.ts), a bounded number of walks in flight, and turns each
// answer into a TopologyFact. A device that cannot be walked (no LLDP-MIB, timeout, wrong credentials)
// becomes a fact with its `error`: never a throw, and the other walks go on.
import type { Device, DeviceRole, Inventory } from "../inventory/schema";
import type { TopologyFact } from "../facts/schema";
import { NoNeighbourMibError, walkNeighbours } from "../collectors/neighbour-walk";
import { Limiter } from "../collectors/poller";
import type { SecretResolver } from "../collectors/secrets";
import { PollError, probeRefused, SnmpClient } from "../collectors/snmp-client";
import { planTargets, type Target } from "../collectors/targets";
import { neighbourWalkSource } from "./sources";

/** The roles whose neighbour tables describe the backbone and the OPD LANs. */
export const WALKED_ROLES: readonly DeviceRole[] = ["router", "switch"];

export interface TopologyObserveOptions {
  secrets: SecretResolver;
  /** Where to reach a device instead of mgmtAddress:161 (the simulator, tests). */
  endpoint?: (d: Device) => { host: string; port: number } | undefined;
  /** Walks in flight at most (default 16). */
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  now?: () => Date;
}

/** One fact per walked switch and router (devices without SNMP access or address are not walked). */
export async function observeTopology(inv: Inventory, opts: TopologyObserveOptions): Promise<TopologyFact[]> {
  const { targets } = planTargets(inv, { endpoint: opts.endpoint });
  const walked = targets.filter((t) => (WALKED_ROLES as readonly string[]).includes(t.role));
  const limiter = new Limiter(opts.concurrency ?? 16);
  return Promise.all(walked.map((t) => limiter.run(() => observeOne(t, opts))));
}

async function observeOne(t: Target, opts: TopologyObserveOptions): Promise<TopologyFact> {
  const now = opts.now ?? (() => new Date());
  const client = new SnmpClient({ host: t.host, port: t.port, access: t.access, secrets: opts.secrets, timeoutMs: opts.timeoutMs ?? 2000, retries: opts.retries ?? 1, maxRepetitions: 25 });
  try {
    const table = await walkNeighbours(client);
    return { device: t.device, protocol: table.protocol, ...(table.chassisId ? { chassisId: table.chassisId } : {}), neighbours: table.neighbours, source: neighbourWalkSource(table.protocol, t.device), observedAt: now().toISOString() };
  } catch (err) {
    return { device: t.device, protocol: "lldp", neighbours: [], error: await failureOf(err, t), source: neighbourWalkSource("lldp", t.device), observedAt: now().toISOString() };
  } finally {
    client.close();
  }
}

/** A walk's failure as a fact's stable reason code (facts/schema.ts failureSchema). */
async function failureOf(err: unknown, t: Target): Promise<{ code: string; message: string }> {
  if (err instanceof NoNeighbourMibError) return { code: "no-lldp-mib", message: err.message };
  if (err instanceof PollError) {
    if (err.reason === "timeout") return (await probeRefused(t.host, t.port)) ? { code: "unreachable", message: `${t.host}:${t.port} refused (ICMP port unreachable)` } : { code: "timeout", message: err.message };
    if (err.reason === "auth") return { code: "auth-failure", message: err.message };
    return { code: err.reason, message: err.message };
  }
  return { code: "error", message: err instanceof Error ? err.message : String(err) };
}
