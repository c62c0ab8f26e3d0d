// One `spbe observe` run as a facts document (spbe-observed-facts/2): the DNS observation of the
// kabupaten domain, HTTP(S) probes of the addresses applications resolved to (when a prober is given),
// and the facts per application that combine both; with the neighbour walks (observe/topology.ts),
// everything one run looks at.
import { emptyFacts, type ObservedFacts, type ProbeFact } from "../facts/schema";
import type { Inventory } from "../inventory/schema";
import { applicationFacts } from "./applications";
import { observeDns, type DnsObservationOptions } from "./dns/observe";
import { probeTargetsOf, type ProbeTarget } from "./probe-targets";
import { observeTopology, type TopologyObserveOptions } from "./topology";

/** The HTTP(S) prober's shape (observe/http-probe.ts `probeTargets`; tests may give their own). */
export type Prober = (targets: ProbeTarget[], opts: { timeoutMs: number; concurrency: number; blackboxUrl?: string; caFile?: string }) => Promise<ProbeFact[]>;

export interface ObserveOptions extends DnsObservationOptions {
  probe?: Prober;
  blackboxUrl?: string;
  /** A CA bundle the probes trust besides the system's (a Dinas' own CA). */
  caFile?: string;
}

export async function observeApplications(inv: Inventory, opts: ObserveOptions): Promise<ObservedFacts> {
  const now = opts.now ?? (() => new Date());
  const dns = await observeDns(inv, opts);
  const probes = opts.probe
    ? await opts.probe(probeTargetsOf(inv, dns.names), { timeoutMs: opts.timeoutMs, concurrency: opts.concurrency, ...(opts.blackboxUrl ? { blackboxUrl: opts.blackboxUrl } : {}), ...(opts.caFile ? { caFile: opts.caFile } : {}) })
    : [];
  return {
    ...emptyFacts(now()),
    names: dns.names,
    zoneTransfers: dns.zoneTransfers,
    probes,
    applications: applicationFacts(inv, dns.names, probes),
  };
}

export interface NetworkObserveOptions {
  /** Where applications answer (DNS, probes); left out when no resolver is known. */
  applications?: ObserveOptions;
  /** The neighbour tables of every switch and router; left out when not asked for. */
  topology?: TopologyObserveOptions;
  now?: () => Date;
}

/** Everything one observation run looks at, as one facts document (`spbe observe --topology`, `spbe serve`). */
export async function observeNetwork(inv: Inventory, opts: NetworkObserveOptions): Promise<ObservedFacts> {
  const now = opts.now ?? (() => new Date());
  const [applications, topology] = await Promise.all([
    opts.applications ? observeApplications(inv, opts.applications) : undefined,
    opts.topology ? observeTopology(inv, opts.topology) : undefined,
  ]);
  return { ...(applications ?? emptyFacts(now())), ...(topology ? { topology } : {}) };
}
