// The whole deployment as data, computed before any resource is registered: so a problem anywhere
// (an unplaceable application, a full block, a server with no docker host) fails the run cleanly,
// and the components only turn this plan into resources.
import type { Inventory, Link, Site } from "../../inventory/schema";
import { renderGatewayConfig, type BackendName, type GatewayConfig } from "../quota";
import { renderPublicNat, type NatConfig } from "../nat";
import { renderBackbone, type BackboneRouting } from "../routing";
import { renderDnsZone, type DnsZone } from "./dns";
import { planDnsServing, type DnsServingPlan } from "./dns-serving";
import { dockerHostsFor } from "./docker-hosts";
import { planMonitoring, type MonitoringFile, type MonitoringOptions, type MonitoringPlan } from "./monitoring";
import { planPlacements, type PlacementPlan, type PlannedContainer } from "./placements";
import { planPublicIps, type PlannedAllocation } from "./public-ips";

export interface SitePlan {
  site: Site;
  /** Servers of this site that run something, with their docker host URL. */
  servers: { id: string; dockerHost: string }[];
  containers: PlannedContainer[];
  /** The monitoring stack, when this site holds the monitoring host. */
  monitoring?: MonitoringPlan;
}

/** The gateway's shaping configuration (shared renderer, infra/quota/) and where to apply it. */
export interface QuotaPlan {
  config: GatewayConfig;
  /** SSH host of the gateway: its management address. */
  host: string;
  /** OPD codes the configuration shapes. */
  opds: string[];
}

/** The edge gateway's public-address script (infra/nat/) and where to apply it. */
export interface PublicNatPlan {
  config: NatConfig;
  /** SSH host of the gateway: its management address. */
  host: string;
}

export interface StackPlan {
  allocations: PlannedAllocation[];
  /** Absent when the inventory names no Linux edge gateway (bandwidth.gateway). */
  publicNat?: PublicNatPlan;
  /** Absent when the inventory names no shaping gateway. */
  quota?: QuotaPlan;
  placements: PlacementPlan;
  dns: DnsZone;
  /** Where the zone is served (meta.dns.authoritative); absent when the inventory names no servers. */
  dnsServing?: DnsServingPlan;
  monitoring: MonitoringPlan;
  datacenters: SitePlan[];
  recoverySites: SitePlan[];
  links: Link[];
  /** Transfer networks, loopbacks and each FRR router's configuration; absent without `backbone`. */
  routing?: BackboneRouting;
}

export interface StackPlanOptions {
  dockerHosts: Record<string, string>;
  sshUser: string;
  monitoringHost?: string;
  recoveryMonitoringHost?: string;
  collectorImage: string;
  inventoryText: string;
  collectorModuleFiles?: MonitoringOptions["collectorModuleFiles"];
  buildFiles: MonitoringFile[];
  collectorSecretEnv: Record<string, string>;
  dnsSerial: number;
  probes?: MonitoringOptions["probes"];
  /** Pinned quota backend; default: the one of the gateway's kind. */
  quotaBackend?: BackendName;
  /** The inventory's name in the rendered FRR configurations' header (as `spbe network render` writes it). */
  inventorySource?: string;
}

export function planStack(inv: Inventory, opts: StackPlanOptions): StackPlan {
  const allocations = planPublicIps(inv);
  const placements = planPlacements(inv, allocations);
  const dns = renderDnsZone(inv, allocations, { serial: opts.dnsSerial });
  const dnsServing = planDnsServing(inv, dns);
  const monitoring = planMonitoring(inv, {
    monitoringHost: opts.monitoringHost,
    recoveryMonitoringHost: opts.recoveryMonitoringHost,
    collectorImage: opts.collectorImage,
    inventoryText: opts.inventoryText,
    collectorModuleFiles: opts.collectorModuleFiles,
    buildFiles: opts.buildFiles,
    collectorSecretEnv: opts.collectorSecretEnv,
    probes: opts.probes,
  });
  const quota = planQuota(inv, opts.quotaBackend);
  const publicNat = planNat(inv, allocations);
  const routing = renderBackbone(inv, opts.inventorySource ?? "the inventory");
  const usedServers = [...placements.containers.map((c) => c.server), monitoring.host, ...(monitoring.recovery ? [monitoring.recovery.host] : [])];
  const hosts = dockerHostsFor(inv, usedServers, opts.dockerHosts, opts.sshUser);

  const bySite = new Map<string, SitePlan>();
  const siteById = new Map(inv.sites.map((s) => [s.id, s]));
  const siteOfServer = new Map(inv.devices.map((d) => [d.id, d.site]));
  const sitePlan = (siteId: string): SitePlan => {
    let plan = bySite.get(siteId);
    if (!plan) bySite.set(siteId, (plan = { site: siteById.get(siteId)!, servers: [], containers: [] }));
    return plan;
  };
  for (const [server, dockerHost] of hosts) sitePlan(siteOfServer.get(server)!).servers.push({ id: server, dockerHost });
  for (const c of placements.containers) sitePlan(c.site).containers.push(c);
  sitePlan(monitoring.site).monitoring = monitoring;
  if (monitoring.recovery) sitePlan(monitoring.recovery.site).monitoring = monitoring.recovery;

  const plans = [...bySite.values()].sort((a, b) => (a.site.id < b.site.id ? -1 : 1));
  return {
    allocations,
    ...(quota ? { quota } : {}),
    ...(publicNat ? { publicNat } : {}),
    placements,
    dns,
    ...(dnsServing ? { dnsServing } : {}),
    monitoring,
    // A DR replica's server at a site that is not a recovery site is still deployed (under its
    // site's kind); policies see the site kind in the labels.
    datacenters: plans.filter((p) => p.site.kind !== "recovery"),
    recoverySites: plans.filter((p) => p.site.kind === "recovery"),
    links: inv.links,
    ...(routing ? { routing } : {}),
  };
}

export class QuotaPlanError extends Error {}

function planQuota(inv: Inventory, backend?: BackendName): QuotaPlan | undefined {
  const gateway = inv.bandwidth?.gateway;
  if (!gateway) return undefined;
  const device = inv.devices.find((d) => d.id === gateway.device);
  if (!device?.mgmtAddress) throw new QuotaPlanError(`bandwidth gateway ${gateway.device} has no mgmtAddress to reach it over SSH`);
  // The backend of the gateway's kind (linux-tc or routeros); the validator has already refused a
  // kind the hardware contradicts.
  const config = renderGatewayConfig(inv, { backend });
  const opds = [...new Set(config.classes.map((c) => c.opd).filter((o) => !o.startsWith("*")))];
  return { config, host: device.mgmtAddress, opds };
}

function planNat(inv: Inventory, allocations: PlannedAllocation[]): PublicNatPlan | undefined {
  const config = renderPublicNat(inv, allocations);
  if (!config) return undefined;
  const device = inv.devices.find((d) => d.id === config.gateway);
  if (!device?.mgmtAddress) throw new QuotaPlanError(`edge gateway ${config.gateway} has no mgmtAddress to reach it over SSH`);
  return { config, host: device.mgmtAddress };
}
