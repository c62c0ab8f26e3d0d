// Resolving names through one explicit DNS server (never the OS stub resolver): Node's c-ares
// Resolver with its own server list, per-query timeout and tries, and a bound on how many names are
// in flight. Every name becomes a NameFact: its addresses, or the reason it has none.
import { promises as dns } from "node:dns";
import type { Failure, NameFact } from "../../facts/schema";
import { formatDnsServer, type DnsServer } from "../../inventory/dns-server";
import { mapLimit } from "../concurrency";
import { dnsSource } from "../sources";
import { dnsFailure, worstFailure } from "./failure";

export type Discovery = NameFact["discoveredBy"];

export interface NameToAsk {
  name: string;
  discoveredBy: Discovery;
}

export interface ResolveOptions {
  server: DnsServer;
  /** Per query, before c-ares tries again or gives up. */
  timeoutMs: number;
  /** Attempts per query (c-ares `tries`). */
  tries?: number;
  /** Names in flight at once. */
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
}

/** CNAME hops followed before giving up on a chain (a loop, or a silly long one). */
const MAX_CNAME_HOPS = 8;

export async function resolveNames(names: readonly NameToAsk[], opts: ResolveOptions): Promise<NameFact[]> {
  const resolver = new dns.Resolver({ timeout: opts.timeoutMs, tries: opts.tries ?? 2 });
  const server = formatDnsServer(opts.server);
  resolver.setServers([server]);
  const now = opts.now ?? (() => new Date());
  return mapLimit(names, opts.concurrency, (n) => resolveOne(resolver, server, n, now), opts.onProgress);
}

async function resolveOne(resolver: dns.Resolver, server: string, asked: NameToAsk, now: () => Date): Promise<NameFact> {
  const failures: Failure[] = [];
  const attempt = async <T>(query: Promise<T[]>): Promise<T[]> => {
    try {
      return await query;
    } catch (err) {
      failures.push(dnsFailure(err));
      return [];
    }
  };
  const [v4, v6, cnames] = await Promise.all([attempt(resolver.resolve4(asked.name)), attempt(resolver.resolve6(asked.name)), cnameChain(resolver, asked.name)]);
  const addresses = [...v4, ...v6];
  const error = addresses.length === 0 ? worstFailure(failures) ?? { code: "nodata", message: "no A or AAAA record" } : undefined;
  return {
    name: asked.name,
    resolver: server,
    discoveredBy: asked.discoveredBy,
    addresses,
    ...(cnames.length ? { cnames } : {}),
    ...(error ? { error } : {}),
    source: dnsSource(server),
    observedAt: now().toISOString(),
  };
}

/** The CNAME targets from `name` on; empty when the name is not an alias (or the question failed). */
async function cnameChain(resolver: dns.Resolver, name: string): Promise<string[]> {
  const chain: string[] = [];
  let current = name;
  for (let hop = 0; hop < MAX_CNAME_HOPS; hop++) {
    let targets: string[];
    try {
      targets = await resolver.resolveCname(current);
    } catch {
      break; // no alias (ENODATA), or the A/AAAA questions already carry the failure
    }
    const target = targets[0];
    if (!target || chain.includes(target)) break;
    chain.push(target);
    current = target;
  }
  return chain;
}
