// The Pulumi program: stack config → inventory → plan (pure, complete before anything is
// registered) → components. Returns the stack outputs. Entry point: stack/index.ts (Pulumi.yaml `main: stack/`).
// The one place that wires inventory, planners (infra/) and the dashboards' files into resources:
// nothing imports it but its entry point, the tests and the benchmarks.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { renderDiagnostic } from "../inventory/diagnostics";
import { langFromEnv } from "../i18n";
import { loadInventoryText, type LoadResult } from "../inventory/load";
import { BackboneLink } from "../infra/components/backbone-link";
import { BandwidthQuota } from "../infra/components/bandwidth-quota";
import { PublicAddressNat } from "../infra/components/public-address-nat";
import { BackboneRouting } from "../infra/components/backbone-routing";
import { RoutingConfigError } from "../infra/routing";
import { DnsZone } from "../infra/components/dns-zone";
import { DataCenter } from "../infra/components/data-center";
import { ApplicationPlacement } from "../infra/components/application-placement";
import { describeTarget, PublicIpBlock } from "../infra/components/public-ip-block";
import { RecoverySite } from "../infra/components/recovery-site";
import type { DockerSiteArgs } from "../infra/components/docker-site";
import { planStack, type StackPlan } from "../infra/planning/stack";
import { planCollectorImage, type CollectorImagePlan } from "../infra/planning/collector-image";
import { describeProblem, QuotaConfigError, renderChecks } from "../infra/quota";
import { collectorSecretEnv, readSecrets, readSettings, type StackSecrets, type StackSettings } from "./config";
import { buildAlertRules, buildGrafanaFiles } from "../dashboards/build";
import { BLACKBOX_ADDRESS, GRAFANA_DASHBOARDS_DIR, INFLUXDB_DATABASE, INFLUXDB_PORT, PROMETHEUS_PORT } from "../infra/planning/monitoring";
import { COLLECTOR_PASSWORD_KEY } from "../infra/planning/collector-access";
import { inventoryProbeTargets, probeScrapeJobs, renderBlackboxConfig } from "../observe/blackbox-config";
import { ALERTMANAGER_CONFIG_PATH, alertmanagerSecretRefs, buildAlertmanagerFiles, ROUTE_CASES_PATH, secretPlaceholder } from "../dashboards/alertmanager/build";
import { secretConfigKey } from "../inventory/secret-refs";
import type { Inventory } from "../inventory/schema";

/** An inventory with errors: every diagnostic in the message, no stack trace (RunError). */
export class InventoryLoadError extends pulumi.RunError {
  constructor(readonly result: LoadResult) {
    const lang = langFromEnv();
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    super(`${result.file}: ${errors.length} error(s) in the inventory, nothing was deployed:\n${errors.map((d) => "  " + renderDiagnostic(d, lang)).join("\n")}`);
    this.name = "InventoryLoadError";
  }
}

/** A plan that cannot be made (e.g. no free monitoring host): reported without a stack trace. */
export class PlanError extends pulumi.RunError {}

export function loadStackInventory(settings: StackSettings): { inventory: Inventory; text: string } {
  const file = resolve(settings.inventoryFile);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new pulumi.RunError(`${settings.inventoryFile}: cannot read the inventory (spbe-infra:inventory): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  // A pinned quota backend is checked against the gateway's kind with validation, so a mismatch has its position.
  const result = loadInventoryText(text, settings.inventoryFile, (inv) => renderChecks(inv, { backend: settings.quotaBackend }));
  if (!result.inventory) throw new InventoryLoadError(result);
  return { inventory: result.inventory, text };
}

/** The dashboards module's files, pointed at this stack's containers (by name on the monitoring network). */
export function monitoringFiles(inv: Inventory) {
  return [
    ...buildGrafanaFiles(inv, {
      prometheusUrl: `http://prometheus:${PROMETHEUS_PORT}`,
      influxUrl: `http://influxdb:${INFLUXDB_PORT}`,
      influxDatabase: INFLUXDB_DATABASE,
      dashboardsMountPath: GRAFANA_DASHBOARDS_DIR,
    }),
    ...buildAlertRules(inv),
    ...alertmanagerFiles(inv),
  ];
}

/** The NOC's HTTP(S) probes of every web name the inventory publishes, through the stack's blackbox exporter. */
export function monitoringProbes(inv: Inventory) {
  return { blackboxConfig: renderBlackboxConfig(), scrapeJobs: probeScrapeJobs(inventoryProbeTargets(inv), { exporter: BLACKBOX_ADDRESS }) };
}

/** Alertmanager's files with their secret placeholders named, for the component to fill in. */
function alertmanagerFiles(inv: Inventory) {
  const placeholders = Object.fromEntries((inv.alerting ? alertmanagerSecretRefs(inv.alerting) : []).map((ref) => [secretPlaceholder(ref), secretConfigKey(ref)]));
  return buildAlertmanagerFiles(inv)
    .filter((f) => f.path !== ROUTE_CASES_PATH) // for review and amtool, not for the container
    .map((f) => (f.path === ALERTMANAGER_CONFIG_PATH ? { ...f, secrets: placeholders } : f));
}

/** The repository the collector image is built from (its Dockerfile at the root). */
export const REPOSITORY_ROOT = resolve(__dirname, "..");

/** The configured collector image, or the one this stack builds (and pushes to its registry, if it names one). */
export function collectorImagePlan(settings: StackSettings): CollectorImagePlan {
  const version = (JSON.parse(readFileSync(resolve(REPOSITORY_ROOT, "package.json"), "utf8")) as { version: string }).version;
  return planCollectorImage({ configured: settings.collectorImage, registryServer: settings.registry?.server, version });
}

/** The inventory's SNMP module files (relative to it), for the collector container. */
function collectorModuleFiles(inv: Inventory, settings: StackSettings): { path: string; content: string }[] {
  const base = dirname(resolve(settings.inventoryFile));
  return (inv.monitoring?.moduleFiles ?? []).map((path) => {
    try {
      return { path, content: readFileSync(resolve(base, path), "utf8") };
    } catch (err) {
      throw new PlanError(`${settings.inventoryFile}: monitoring.moduleFiles: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  });
}

export function makePlan(inv: Inventory, text: string, settings: StackSettings): StackPlan {
  try {
    return planStack(inv, {
      dockerHosts: settings.dockerHosts,
      sshUser: settings.sshUser,
      monitoringHost: settings.monitoringHost,
      recoveryMonitoringHost: settings.recoveryMonitoringHost,
      collectorImage: collectorImagePlan(settings).name,
      inventoryText: text,
      collectorModuleFiles: collectorModuleFiles(inv, settings),
      buildFiles: monitoringFiles(inv),
      collectorSecretEnv: collectorSecretEnv(inv),
      dnsSerial: settings.dnsSerial,
      probes: monitoringProbes(inv),
      quotaBackend: settings.quotaBackend,
      inventorySource: settings.inventoryFile,
    });
  } catch (err) {
    if (err instanceof QuotaConfigError) {
      throw new PlanError(`${settings.inventoryFile}: the bandwidth quotas cannot be rendered:\n  ${err.problems.map(describeProblem).join("\n  ")}`);
    }
    if (err instanceof RoutingConfigError) {
      // Validation reports the same findings with positions; this is for a model that skipped it.
      throw new PlanError(`${settings.inventoryFile}: the backbone routing cannot be rendered: ${err.findings.map((f) => `${f.path.join(".")}: ${f.code}`).join("; ")}`);
    }
    throw new PlanError(`${settings.inventoryFile}: ${(err as Error).message}`);
  }
}

function deploy(inv: Inventory, plan: StackPlan, settings: StackSettings, secrets: StackSecrets, waveSize?: number) {
  const siteArgs = (p: StackPlan["datacenters"][number]): DockerSiteArgs => ({
    plan: p,
    waveSize,
    registryAuth: settings.registry && secrets.registryPassword
      ? { address: settings.registry.server, username: settings.registry.username, password: secrets.registryPassword }
      : undefined,
    secrets: new Map([
      ...secrets.snmp,
      ...secrets.alerting,
      ["grafanaAdminPassword", secrets.grafanaAdminPassword],
      [COLLECTOR_PASSWORD_KEY, secrets.collectorScrapePassword],
    ]),
    collectorImage: { plan: collectorImagePlan(settings), context: REPOSITORY_ROOT },
  });
  const datacenters = plan.datacenters.map((p) => new DataCenter(p.site.id, siteArgs(p)));
  const recoverySites = plan.recoverySites.map((p) => new RecoverySite(p.site.id, siteArgs(p)));
  for (const r of plan.placements.records) new ApplicationPlacement(r.application, { kind: "record", record: r });
  const transfers = new Map((plan.routing?.plan.links ?? []).map((t) => [t.link, t] as const));
  for (const link of plan.links) new BackboneLink(link.id, { link, transfer: transfers.get(link.id) });
  if (plan.routing) {
    if (!secrets.sshPrivateKey) throw new PlanError("the FRR routers (backbone.routers) need the secret spbe-infra:sshPrivateKey");
    for (const config of plan.routing.routers) {
      new BackboneRouting(config.router.device, { config, connection: { user: settings.sshUser, privateKey: secrets.sshPrivateKey } });
    }
  }
  if (plan.quota) {
    if (!secrets.sshPrivateKey) throw new PlanError("the bandwidth gateway needs the secret spbe-infra:sshPrivateKey");
    new BandwidthQuota(plan.quota.config.gateway, {
      gateway: plan.quota.config.gateway,
      config: plan.quota.config,
      opds: plan.quota.opds,
      connection: { host: plan.quota.host, user: settings.sshUser, privateKey: secrets.sshPrivateKey },
    });
  }
  if (plan.publicNat) {
    if (!secrets.sshPrivateKey) throw new PlanError("the edge gateway needs the secret spbe-infra:sshPrivateKey");
    new PublicAddressNat(plan.publicNat.config.gateway, {
      config: plan.publicNat.config,
      connection: { host: plan.publicNat.host, user: settings.sshUser, privateKey: secrets.sshPrivateKey },
    });
  }
  if (plan.dnsServing) {
    if (!secrets.sshPrivateKey) throw new PlanError("the DNS servers (meta.dns.authoritative) need the secret spbe-infra:sshPrivateKey");
    new DnsZone(plan.dnsServing.origin, { plan: plan.dnsServing, connection: { user: settings.sshUser, privateKey: secrets.sshPrivateKey } });
  }
  const byBlock = new Map<string, typeof plan.allocations>();
  for (const a of plan.allocations) byBlock.set(a.block, [...(byBlock.get(a.block) ?? []), a]);
  for (const b of inv.publicIp.blocks) new PublicIpBlock(b.id, { cidr: b.cidr, allocations: byBlock.get(b.id) ?? [] });
  return { datacenters, recoverySites };
}

/** Stack outputs: plain data from the plan, so they are known in a preview. */
function outputs(inv: Inventory, plan: StackPlan) {
  const appsById = new Map(inv.applications.map((a) => [a.id, a]));
  const applications: Record<string, unknown> = {};
  for (const c of plan.placements.containers) {
    const entry = (applications[c.application] ??= {}) as Record<string, unknown>;
    if (c.role === "primary") {
      Object.assign(entry, {
        server: c.server,
        site: c.site,
        container: c.containerName,
        publicIp: c.ports[0]?.ip ?? null,
        ports: c.ports.map((p) => `${p.ip}:${p.external}->${p.internal}/${p.protocol}`),
        unpublishedPorts: c.unpublishedPorts,
      });
    } else {
      entry.dr = { server: c.server, site: c.site, container: c.containerName, started: c.start };
    }
  }
  return {
    kabupaten: inv.meta.kabupaten,
    publicIps: Object.fromEntries(plan.allocations.map((a) => [a.id, { block: a.block, address: a.address, source: a.source, to: describeTarget(a.to) }])),
    dnsZone: plan.dns.text,
    dnsOutOfZone: plan.dns.outOfZone,
    dnsServers: plan.dnsServing ? { primary: plan.dnsServing.primary.device, secondaries: plan.dnsServing.secondaries.map((s) => s.device) } : null,
    applications,
    // Placements the Dinas does not deploy (external hosting, OPD servers): listed, and judged by policy.
    // Their DR replicas are not deployed either: the inventory names no image for them.
    notDeployed: Object.fromEntries(
      plan.placements.records.map((r) => {
        const dr = appsById.get(r.application)?.dr;
        return [r.application, { placement: r.placement, where: r.where, drDeclared: dr ? { server: dr.server, mode: dr.mode } : null }];
      }),
    ),
    publicNat: plan.publicNat
      ? {
          gateway: plan.publicNat.config.gateway,
          sha256: plan.publicNat.config.sha256,
          forwarded: Object.fromEntries(plan.publicNat.config.plan.forwards.map((f) => [f.allocation, { address: f.address, server: f.server, ports: f.ports.map((p) => `${p.port}/${p.protocol}`) }])),
          sourceNat: Object.fromEntries(plan.publicNat.config.plan.sourceNats.map((s) => [s.allocation, { opd: s.opd, address: s.address }])),
        }
      : null,
    backbone: plan.routing
      ? {
          transferBlock: plan.routing.plan.transferBlock,
          links: Object.fromEntries(plan.routing.plan.links.map((t) => [t.link, { network: t.network, cost: t.cost, a: `${t.a.device}:${t.a.interface} ${t.a.address}`, b: `${t.b.device}:${t.b.interface} ${t.b.address}` }])),
          routers: Object.fromEntries(plan.routing.routers.map((r) => [r.router.device, { routerId: r.router.routerId, frrConfSha256: r.hash }])),
        }
      : null,
    quota: plan.quota ? { gateway: plan.quota.config.gateway, backend: plan.quota.config.backend, opds: plan.quota.opds } : null,
    monitoring: {
      host: plan.monitoring.host,
      grafanaUrl: `http://${plan.monitoring.hostAddress}:3000`,
      prometheusUrl: `http://${plan.monitoring.hostAddress}:9090`,
      recovery: plan.monitoring.recovery
        ? { host: plan.monitoring.recovery.host, prometheusUrl: `http://${plan.monitoring.recovery.hostAddress}:9090`, alertmanagerUrl: `http://${plan.monitoring.recovery.hostAddress}:9093` }
        : null,
    },
  };
}

export interface PreparedProgram {
  inventory: Inventory;
  settings: StackSettings;
  secrets: StackSecrets;
  plan: StackPlan;
}

/**
 * Everything that can fail on bad input (config, inventory, secrets, planning), done before any
 * resource is registered: a bad stack changes nothing and says why.
 */
export function prepareProgram(): PreparedProgram {
  const settings = readSettings();
  const { inventory, text } = loadStackInventory(settings);
  const secrets = readSecrets(inventory, settings);
  const plan = makePlan(inventory, text, settings);
  return { inventory, settings, secrets, plan };
}

/**
 * From this many containers on, the program stops recording stack traces and mapping them to the
 * TypeScript sources. Pulumi's Node SDK keeps a stack trace for every promise it makes (dozens per
 * resource) and takes a full one per resource for its source position; with source maps on (tsx)
 * formatting them dominated large runs: at 400 containers 5.9 s with traces, 1.2 s without
 * (docs/benchmarks.md). Small stacks keep full, mapped traces for debugging.
 */
export const LARGE_STACK_CONTAINERS = 500;

/** Containers declared per wave in a large stack (see DockerSite). */
export const CONTAINER_WAVE = 500;

/** Registers the resources of a prepared plan; resolves with the stack outputs. */
export async function deployProgram(p: PreparedProgram): Promise<Record<string, unknown>> {
  const large = p.plan.placements.containers.length >= LARGE_STACK_CONTAINERS;
  if (large) {
    Error.stackTraceLimit = 0;
    process.setSourceMapsEnabled(false);
  }
  const wave = p.settings.containerWave ?? (large ? CONTAINER_WAVE : undefined);
  const { datacenters, recoverySites } = deploy(p.inventory, p.plan, p.settings, p.secrets, wave);
  await Promise.all([...datacenters, ...recoverySites].map((site) => site.ready));
  return outputs(p.inventory, p.plan);
}

export async function runProgram(): Promise<Record<string, unknown>> {
  return deployProgram(prepareProgram());
}
