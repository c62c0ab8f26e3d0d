// What the dashboards and alert rules need to know about an inventory, computed once: sites by
// kind, the links between the data center and the recovery site, applications with DR replicas,
// quotas. Pure: the inventory in, plain data out.
import type { Inventory } from "../inventory/schema";
import { slugify } from "./ids";

export interface DrReplica {
  application: string;
  name: string;
  opd: string;
  primaryServer?: string;
  replicaServer: string;
  rpoMinutes: number;
  mode: "standby" | "running";
}

export interface InventoryView {
  kabupaten: string;
  slug: string;
  siteIds: string[];
  datacenterSites: string[];
  recoverySites: string[];
  opdOfficeSites: string[];
  opdCodes: string[];
  linkIds: string[];
  /** Links with one end at a data-center site and the other at a recovery site: replication paths. */
  recoveryLinks: string[];
  upstreamMbps?: number;
  /**
   * OPDs with a quota: every one has its internet traffic measured where it is shaped, the Dinas and
   * OPDs without a backbone link too (collectors/metric-names.ts SPBE_OPD_TRAFFIC_BPS).
   */
  quotaOpds: string[];
  /** OPDs with a monthly volume quota (bandwidth.quotas[].monthlyVolumeGB). */
  volumeQuotaOpds: string[];
  replicas: DrReplica[];
  hasServers: boolean;
  hasUps: boolean;
}

export function inventoryView(inv: Inventory): InventoryView {
  const siteKind = new Map(inv.sites.map((s) => [s.id, s.kind] as const));
  const deviceSite = new Map(inv.devices.map((d) => [d.id, d.site] as const));
  const kindOf = (device: string) => siteKind.get(deviceSite.get(device) ?? "");
  const sitesOf = (kind: string) => inv.sites.filter((s) => s.kind === kind).map((s) => s.id);
  const quotas = inv.bandwidth?.quotas ?? [];
  return {
    kabupaten: inv.meta.kabupaten,
    slug: slugify(inv.meta.kabupaten),
    siteIds: inv.sites.map((s) => s.id),
    datacenterSites: sitesOf("datacenter"),
    recoverySites: sitesOf("recovery"),
    opdOfficeSites: sitesOf("opd-office"),
    opdCodes: inv.opds.map((o) => o.code),
    linkIds: inv.links.map((l) => l.id),
    recoveryLinks: inv.links
      .filter((l) => {
        const kinds = new Set([kindOf(l.a.device), kindOf(l.b.device)]);
        return kinds.has("datacenter") && kinds.has("recovery");
      })
      .map((l) => l.id),
    upstreamMbps: inv.bandwidth?.upstreamMbps,
    quotaOpds: quotas.map((q) => q.opd),
    volumeQuotaOpds: quotas.filter((q) => q.monthlyVolumeGB !== undefined).map((q) => q.opd),
    replicas: inv.applications
      .filter((a) => a.dr)
      .map((a) => ({
        application: a.id,
        name: a.name,
        opd: a.opd,
        primaryServer: a.placement.type === "external" ? undefined : a.placement.server,
        replicaServer: a.dr!.server,
        rpoMinutes: a.dr!.rpoMinutes,
        mode: a.dr!.mode,
      })),
    hasServers: inv.devices.some((d) => d.role === "server"),
    hasUps: inv.devices.some((d) => d.role === "ups"),
  };
}

/** A PromQL regex matching exactly these ids (ids are [A-Za-z0-9._-]: only '.' needs escaping). */
export function anyOf(ids: string[]): string {
  if (ids.length === 0) return "__none__";
  return ids.map((id) => id.replace(/\./g, "\\\\.")).join("|");
}
