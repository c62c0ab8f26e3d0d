// The kabupaten's DNS zone (meta.domain), rendered from the same data as the deployment: name
// servers and mail from service allocations, application hostnames and OPD subdomains pointing at
// their public addresses. Names outside the domain, and names with no public address, are listed
// (and commented in the zone) so a reviewer sees why they are absent.
import { serviceHostLabel } from "../../inventory/dns-names";
import type { Inventory } from "../../inventory/schema";
import type { PlannedAllocation } from "./public-ips";

export interface DnsRecord {
  /** Relative to the zone origin; "@" for the apex. */
  name: string;
  type: "A" | "AAAA" | "NS" | "MX" | "CNAME";
  value: string;
  /** Why this record exists: application id, OPD code or service. */
  source: string;
}

export interface DnsZone {
  origin: string;
  records: DnsRecord[];
  /** Hostnames the inventory names outside the zone (e.g. an OPD website on its own .com). */
  outOfZone: { hostname: string; application: string }[];
  /** Names in the zone that get no record, with the reason. */
  unresolved: { name: string; source: string; reason: string }[];
  text: string;
}

export interface DnsOptions {
  serial: number;
  ttl?: number;
  /** The mailbox of the zone's administrator, as a DNS name (hostmaster.<domain>). */
  hostmaster?: string;
}

function relativeName(fqdn: string, origin: string): string | undefined {
  const name = fqdn.toLowerCase().replace(/\.$/, "");
  if (name === origin) return "@";
  return name.endsWith(`.${origin}`) ? name.slice(0, -(origin.length + 1)) : undefined;
}

function addressRecord(name: string, alloc: PlannedAllocation, source: string): DnsRecord {
  return { name, type: alloc.family === 6 ? "AAAA" : "A", value: alloc.address, source };
}

export function renderDnsZone(inv: Inventory, allocations: readonly PlannedAllocation[], opts: DnsOptions): DnsZone {
  const origin = inv.meta.domain.toLowerCase();
  const records: DnsRecord[] = [];
  const unresolved: DnsZone["unresolved"] = [];
  const outOfZone: DnsZone["outOfZone"] = [];
  const hosts = allocations.filter((a) => !a.address.includes("/"));
  const byId = new Map(hosts.map((a) => [a.id, a]));
  const byService = new Map<string, PlannedAllocation>();
  const byApp = new Map<string, PlannedAllocation[]>();
  const byOpd = new Map<string, PlannedAllocation[]>();
  for (const a of hosts) {
    if ("service" in a.to) byService.set(a.to.service, a);
    if ("application" in a.to) byApp.set(a.to.application, [...(byApp.get(a.to.application) ?? []), a]);
    if ("opd" in a.to) byOpd.set(a.to.opd, [...(byOpd.get(a.to.opd) ?? []), a]);
  }

  // Name servers: services dns-ns1, dns-ns2, ... (the examples' convention), in order.
  const nsServices = [...byService.keys()].filter((s) => /^dns-ns\d+$/.test(s)).sort();
  for (const svc of nsServices) {
    const label = serviceHostLabel(svc);
    records.push({ name: "@", type: "NS", value: `${label}.${origin}.`, source: svc });
    records.push(addressRecord(label, byService.get(svc)!, svc));
  }
  const mail = byService.get("mail");
  if (mail) {
    records.push({ name: "@", type: "MX", value: `10 mail.${origin}.`, source: "mail" });
    records.push(addressRecord("mail", mail, "mail"));
  }

  const named = new Set(records.filter((r) => r.type === "A" || r.type === "AAAA").map((r) => r.name));
  for (const app of inv.applications) {
    if (!app.hostname) continue;
    const name = relativeName(app.hostname, origin);
    if (name === undefined) {
      outOfZone.push({ hostname: app.hostname, application: app.id });
      continue;
    }
    const own = app.placement.type === "datacenter" && app.placement.publicIp !== undefined
      ? byId.get(app.placement.publicIp)
      : undefined;
    const addrs = own ? [own] : (byApp.get(app.id) ?? []);
    if (addrs.length === 0) {
      unresolved.push({
        name,
        source: app.id,
        reason: app.placement.type === "datacenter" ? "no public IP allocation (internal only)" : `hosted outside the Dinas data center (${app.placement.type})`,
      });
      continue;
    }
    for (const a of addrs) records.push(addressRecord(name, a, app.id));
    named.add(name);
  }

  for (const opd of inv.opds) {
    if (!opd.subdomain) continue;
    const name = relativeName(opd.subdomain, origin);
    if (name === undefined) {
      outOfZone.push({ hostname: opd.subdomain, application: `opd:${opd.code}` });
      continue;
    }
    if (named.has(name)) continue; // an application already answers on the OPD's subdomain
    const addrs = byOpd.get(opd.code) ?? [];
    if (addrs.length > 0) {
      for (const a of addrs) records.push(addressRecord(name, a, opd.code));
      named.add(name);
      continue;
    }
    // The subdomain exists for the OPD (bt-7-2019 Pasal 19): until it has its own site it shows the
    // kabupaten portal rather than not resolving.
    const portal = named.has("www") ? `www.${origin}.` : named.has("@") ? `${origin}.` : undefined;
    if (portal) records.push({ name, type: "CNAME", value: portal, source: opd.code });
    else unresolved.push({ name, source: opd.code, reason: "no address for the OPD and no portal (www or the apex) to point at" });
  }

  const ttl = opts.ttl ?? 3600;
  const hostmaster = opts.hostmaster ?? `hostmaster.${origin}.`;
  const primaryNs = records.find((r) => r.type === "NS")?.value ?? `ns1.${origin}.`;
  const lines = [
    `; Zone ${origin} for Kabupaten ${inv.meta.kabupaten}, rendered by spbe-infra from the inventory.`,
    `$ORIGIN ${origin}.`,
    `$TTL ${ttl}`,
    `@ IN SOA ${primaryNs} ${hostmaster} ( ${opts.serial} 3600 900 1209600 300 )`,
    ...records.map((r) => `${r.name} IN ${r.type} ${r.value} ; ${r.source}`),
    ...unresolved.map((u) => `; ${u.name}: no record (${u.source}: ${u.reason})`),
    ...outOfZone.map((o) => `; outside the zone: ${o.hostname} (${o.application})`),
  ];
  return { origin, records, outOfZone, unresolved, text: lines.join("\n") + "\n" };
}
