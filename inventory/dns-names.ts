// The names the inventory claims under the kabupaten domain. One home for them: the DNS zone planner
// (infra/planning/dns.ts) writes records for these names, the DNS observer (observe/dns/) asks for them, and the unregistered-name rule
// (policies/rules/observed.ts) treats every other answering name under the domain as nobody's.
import type { Inventory } from "./schema";

/** A name as DNS compares it: lower case, no trailing dot. */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** Whether `name` is the domain or a name below it (a look-alike suffix such as `xcontohkab.go.id` is not). */
export function underDomain(name: string, domain: string): boolean {
  const n = normalizeName(name);
  const d = normalizeName(domain);
  return n === d || n.endsWith(`.${d}`);
}

/**
 * The host label a public-IP service is published under: `dns-ns1` → `ns1` (the name servers'
 * convention of the examples), any other service under its own name (`mail` → `mail`).
 */
export function serviceHostLabel(service: string): string {
  return /^dns-ns\d+$/.test(service) ? service.slice("dns-".length) : service;
}

/** What claims a name: an application, an OPD's subdomain, a public-IP service, or the domain itself. */
export type NameClaim = { application: string } | { opd: string } | { service: string } | { domain: true };

/**
 * Every name under meta.domain the inventory accounts for, with who claims it: application
 * hostnames, OPD subdomains, public-IP service names (`ns1`, `mail`, …) and the domain apex.
 */
export function claimedNames(inv: Inventory): Map<string, NameClaim> {
  const domain = normalizeName(inv.meta.domain);
  const out = new Map<string, NameClaim>([[domain, { domain: true }]]);
  const claim = (name: string, by: NameClaim) => {
    const n = normalizeName(name);
    if (underDomain(n, domain) && !out.has(n)) out.set(n, by);
  };
  for (const a of inv.applications) if (a.hostname) claim(a.hostname, { application: a.id });
  for (const o of inv.opds) if (o.subdomain) claim(o.subdomain, { opd: o.code });
  for (const alloc of inv.publicIp.allocations) {
    if (!("service" in alloc.to)) continue;
    const label = serviceHostLabel(alloc.to.service);
    if (/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label)) claim(`${label}.${domain}`, { service: alloc.to.service });
  }
  return out;
}
