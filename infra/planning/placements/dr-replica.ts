// The DR replica of a data-center application: the same image on its recovery server, started or
// standby as the inventory's DR mode says.
import { LABEL } from "../../../inventory/labels";
import type { Application, Inventory } from "../../../inventory/schema";
import { dockerName, healthcheckFor } from "./docker";
import { commonLabels } from "./labels";
import { siteOfServer, type Lookup } from "./lookup";
import type { Planned, PlannedContainer } from "./plan";
import type { DatacenterPlacement } from "./primary";

export type DisasterRecovery = NonNullable<Application["dr"]>;

export function planDrReplica(inv: Inventory, app: Application, p: DatacenterPlacement, dr: DisasterRecovery, look: Lookup): Planned<PlannedContainer> {
  const { site: drSite, problems } = siteOfServer(look, dr.server, `application ${app.id} (DR)`);
  if (!drSite) return { planned: [], problems };
  const drLabels = commonLabels(inv, app, look.blocks, drSite, "dr-replica");
  drLabels[LABEL.server] = dr.server;
  drLabels[LABEL.drMode] = dr.mode;
  drLabels[LABEL.rpoMinutes] = String(dr.rpoMinutes);
  const standby = dr.mode === "standby";
  const healthcheck = healthcheckFor(p.ports);
  // The replica publishes nothing: failover moves the public address to it (DNS or routing).
  const replica: PlannedContainer = {
    application: app.id,
    opd: app.opd,
    role: "dr-replica",
    server: dr.server,
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
  };
  return { planned: [replica], problems };
}
