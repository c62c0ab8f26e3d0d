// The primary container of an application placed in the Dinas data center: on its server, its
// ports published on its public address allocation when it has one.
import { LABEL } from "../../../inventory/labels";
import type { Application, Inventory, Placement, Site } from "../../../inventory/schema";
import { dockerName, healthcheckFor } from "./docker";
import { commonLabels } from "./labels";
import type { Lookup } from "./lookup";
import type { Planned, PlannedContainer, PlannedPort } from "./plan";

export type DatacenterPlacement = Extract<Placement, { type: "datacenter" }>;

/** The address the application's ports are published on: its planned allocation, if it is one host. */
export function bindAddress(app: Application, p: DatacenterPlacement, look: Lookup): { bindIp: string | undefined; problems: string[] } {
  const problems: string[] = [];
  const alloc = p.publicIp !== undefined ? look.allocations.get(p.publicIp) : undefined;
  if (p.publicIp !== undefined && !alloc) problems.push(`application ${app.id}: public IP allocation ${p.publicIp} is not planned`);
  // A prefix allocation cannot be a bind address; the validated examples only give hosts.
  const bindIp = alloc && !alloc.address.includes("/") ? alloc.address : undefined;
  if (alloc && !bindIp) problems.push(`application ${app.id}: allocation ${alloc.id} is a prefix (${alloc.address}), not one address`);
  return { bindIp, problems };
}

export function planPrimaryContainer(inv: Inventory, app: Application, p: DatacenterPlacement, site: Site, look: Lookup): Planned<PlannedContainer> {
  const { bindIp, problems } = bindAddress(app, p, look);
  const ports: PlannedPort[] = bindIp
    ? p.ports.map((port) => ({ internal: port.container, external: port.public ?? port.container, protocol: port.protocol, ip: bindIp }))
    : [];
  const unpublishedPorts = bindIp ? [] : p.ports.map((port) => port.container);
  const labels = commonLabels(inv, app, look.blocks, site, "primary");
  labels[LABEL.server] = p.server;
  if (bindIp) labels[LABEL.publicIp] = bindIp;
  const healthcheck = healthcheckFor(p.ports);
  const container: PlannedContainer = {
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
  };
  return { planned: [container], problems };
}
