// What runs where: every application placed in the Dinas data center becomes one container on its
// server (plus a DR replica on its recovery server), with its name, network, published ports and the
// labels a CrossGuard policy reads. Applications the Dinas does not run (external hosting, OPD
// servers) become records carrying the same labels, so policies judge every placement the same way.
import { LABEL } from "../../inventory/labels";
import type { Application, Device, Inventory, Site } from "../../inventory/schema";
import type { PlannedAllocation } from "./public-ips";

export type ContainerRole = "primary" | "dr-replica";

export interface PlannedPort {
  internal: number;
  external: number;
  protocol: "tcp" | "udp";
  /** The allocated public address the port is published on. */
  ip: string;
}

export interface PlannedContainer {
  application: string;
  opd: string;
  role: ContainerRole;
  server: string;
  site: string;
  siteKind: Site["kind"];
  /** Pulumi resource name (unique in the stack). */
  resourceName: string;
  /** Docker container name on its host. */
  containerName: string;
  networkName: string;
  image: string;
  ports: PlannedPort[];
  /** Ports the inventory lists but that have no public allocation: reachable on the container's network only. */
  unpublishedPorts: number[];
  labels: Record<string, string>;
  /** false for a standby DR replica: created, not started. */
  start: boolean;
  restart: "unless-stopped" | "no";
  healthcheck?: { tests: string[]; interval: string; timeout: string; retries: number; startPeriod: string };
}

/** An application the Dinas does not deploy: listed in outputs and registered as a record. */
export interface PlannedRecord {
  application: string;
  opd: string;
  placement: "external" | "opd-server";
  resourceName: string;
  /** Where it runs, in words: the provider or the OPD server. */
  where: string;
  labels: Record<string, string>;
}

export interface PlacementPlan {
  containers: PlannedContainer[];
  records: PlannedRecord[];
}

export class PlacementPlanError extends Error {
  constructor(readonly problems: string[]) {
    super(`the inventory cannot be placed:\n  ${problems.join("\n  ")}`);
    this.name = "PlacementPlanError";
  }
}

/** Docker names allow [a-zA-Z0-9][a-zA-Z0-9_.-]; inventory ids already do (schema), this keeps it so. */
function dockerName(...parts: string[]): string {
  return parts.join("-").replace(/[^a-zA-Z0-9_.-]/g, "-");
}

/** "dinas" when the Dinas runs the site (its own sites, and sites with no owner), else the OPD code. */
export function siteManager(inv: Inventory, site: Site): string {
  return site.opd === undefined || site.opd === inv.meta.dinas ? "dinas" : site.opd;
}

export function dinasBlocksLabel(inv: Inventory): string {
  return inv.publicIp.blocks.map((b) => b.cidr).join(",");
}

interface Lookup {
  devices: Map<string, Device>;
  sites: Map<string, Site>;
  allocations: Map<string, PlannedAllocation>;
  blocks: string;
}

function commonLabels(inv: Inventory, app: Application, look: Lookup, site: Site | undefined, role: ContainerRole): Record<string, string> {
  const labels: Record<string, string> = {
    [LABEL.application]: app.id,
    [LABEL.opd]: app.opd,
    [LABEL.classification]: app.classification,
    [LABEL.network]: app.placement.network,
    [LABEL.role]: role,
    [LABEL.placement]: app.placement.type,
    [LABEL.dinasBlocks]: look.blocks,
    [LABEL.website]: app.website ? "true" : "false",
    [LABEL.profiles]: inv.meta.profiles.join(","),
  };
  if (site) {
    labels[LABEL.site] = site.id;
    labels[LABEL.siteKind] = site.kind;
    labels[LABEL.siteManager] = siteManager(inv, site);
  }
  if (app.hostname) labels[LABEL.hostname] = app.hostname;
  const p = app.placement;
  if (p.type !== "datacenter" && p.exception) {
    labels[LABEL.exceptionRef] = p.exception.ref;
    labels[LABEL.exceptionExpires] = p.exception.expires;
    if (p.exception.signedByOpd) labels[LABEL.exceptionSignedByOpd] = p.exception.signedByOpd;
    if (p.exception.signedByProvider) labels[LABEL.exceptionSignedByProvider] = p.exception.signedByProvider;
  }
  return labels;
}

function healthcheckFor(ports: { container: number; protocol: "tcp" | "udp" }[]): PlannedContainer["healthcheck"] {
  const tcp = ports.find((p) => p.protocol === "tcp");
  if (!tcp) return undefined;
  // busybox wget is in the alpine-based images the inventory uses; any HTTP answer means "up".
  return {
    tests: ["CMD-SHELL", `wget -q -O /dev/null http://127.0.0.1:${tcp.container}/ || exit 1`],
    interval: "30s",
    timeout: "5s",
    retries: 3,
    startPeriod: "20s",
  };
}

export function planPlacements(inv: Inventory, allocations: readonly PlannedAllocation[]): PlacementPlan {
  const look: Lookup = {
    devices: new Map(inv.devices.map((d) => [d.id, d])),
    sites: new Map(inv.sites.map((s) => [s.id, s])),
    allocations: new Map(allocations.map((a) => [a.id, a])),
    blocks: dinasBlocksLabel(inv),
  };
  const problems: string[] = [];
  const containers: PlannedContainer[] = [];
  const records: PlannedRecord[] = [];
  const siteOf = (serverId: string, what: string): Site | undefined => {
    const server = look.devices.get(serverId);
    const site = server && look.sites.get(server.site);
    if (!site) problems.push(`${what}: server ${serverId} is not in the inventory`);
    return site;
  };

  for (const app of inv.applications) {
    const p = app.placement;
    if (p.type !== "datacenter") {
      const site = p.type === "opd-server" ? siteOf(p.server, `application ${app.id}`) : undefined;
      const labels = commonLabels(inv, app, look, site, "primary");
      if (p.type === "opd-server") labels[LABEL.server] = p.server;
      else {
        labels[LABEL.hostingProvider] = p.provider;
        labels[LABEL.hostingCountry] = p.country;
        labels[LABEL.providerEntityCountry] = p.providerLegalEntity.country;
        labels[LABEL.providerEntity] = p.providerLegalEntity.name;
      }
      records.push({
        application: app.id,
        opd: app.opd,
        placement: p.type,
        resourceName: `${app.id}-placement-record`,
        where: p.type === "opd-server" ? p.server : `${p.provider} (${p.country})`,
        labels,
      });
      continue;
    }
    const site = siteOf(p.server, `application ${app.id}`);
    if (!site) continue;
    if (site.kind === "opd-office") {
      problems.push(`application ${app.id}: placement type datacenter names server ${p.server} at site ${site.id}, an OPD office`);
      continue;
    }
    const alloc = p.publicIp !== undefined ? look.allocations.get(p.publicIp) : undefined;
    if (p.publicIp !== undefined && !alloc) problems.push(`application ${app.id}: public IP allocation ${p.publicIp} is not planned`);
    // A prefix allocation cannot be a bind address; the validated examples only give hosts.
    const bindIp = alloc && !alloc.address.includes("/") ? alloc.address : undefined;
    if (alloc && !bindIp) problems.push(`application ${app.id}: allocation ${alloc.id} is a prefix (${alloc.address}), not one address`);
    const ports: PlannedPort[] = bindIp
      ? p.ports.map((port) => ({ internal: port.container, external: port.public ?? port.container, protocol: port.protocol, ip: bindIp }))
      : [];
    const unpublishedPorts = bindIp ? [] : p.ports.map((port) => port.container);
    const labels = commonLabels(inv, app, look, site, "primary");
    labels[LABEL.server] = p.server;
    if (bindIp) labels[LABEL.publicIp] = bindIp;
    const healthcheck = healthcheckFor(p.ports);
    containers.push({
      application: app.id,
      opd: app.opd,
      role: "primary",
      server: p.server,
      site: site.id,
      siteKind: site.kind,
      resourceName: app.id,
      containerName: dockerName("spbe", app.id),
      networkName: dockerName("spbe", app.id, "net"),
      image: p.image,
      ports,
      unpublishedPorts,
      labels,
      start: true,
      restart: "unless-stopped",
      ...(healthcheck ? { healthcheck } : {}),
    });

    if (app.dr) {
      const drSite = siteOf(app.dr.server, `application ${app.id} (DR)`);
      if (!drSite) continue;
      const drLabels = commonLabels(inv, app, look, drSite, "dr-replica");
      drLabels[LABEL.server] = app.dr.server;
      drLabels[LABEL.drMode] = app.dr.mode;
      drLabels[LABEL.rpoMinutes] = String(app.dr.rpoMinutes);
      const standby = app.dr.mode === "standby";
      // The replica publishes nothing: failover moves the public address to it (DNS or routing).
      containers.push({
        application: app.id,
        opd: app.opd,
        role: "dr-replica",
        server: app.dr.server,
        site: drSite.id,
        siteKind: drSite.kind,
        resourceName: `${app.id}-dr`,
        containerName: dockerName("spbe", app.id, "dr"),
        networkName: dockerName("spbe", app.id, "dr", "net"),
        image: p.image,
        ports: [],
        unpublishedPorts: p.ports.map((port) => port.container),
        labels: drLabels,
        start: !standby,
        restart: standby ? "no" : "unless-stopped",
        ...(healthcheck ? { healthcheck } : {}),
      });
    }
  }
  if (problems.length > 0) throw new PlacementPlanError(problems);
  return { containers, records };
}
