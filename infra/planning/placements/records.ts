// Applications the Dinas does not run (external hosting, OPD servers): one record each, carrying
// the same labels as a container so policies judge every placement the same way.
import { LABEL } from "../../../inventory/labels";
import type { Application, Inventory, Placement } from "../../../inventory/schema";
import { commonLabels } from "./labels";
import { siteOfServer, type Lookup } from "./lookup";
import type { Planned, PlannedRecord } from "./plan";

export type OutsidePlacement = Exclude<Placement, { type: "datacenter" }>;

export function planRecord(inv: Inventory, app: Application, p: OutsidePlacement, look: Lookup): Planned<PlannedRecord> {
  const { site, problems } = p.type === "opd-server" ? siteOfServer(look, p.server, `application ${app.id}`) : { site: undefined, problems: [] };
  const labels = commonLabels(inv, app, look.blocks, site, "primary");
  if (p.type === "opd-server") labels[LABEL.server] = p.server;
  else {
    labels[LABEL.hostingProvider] = p.provider;
    labels[LABEL.hostingCountry] = p.country;
    labels[LABEL.providerEntityCountry] = p.providerLegalEntity.country;
    labels[LABEL.providerEntity] = p.providerLegalEntity.name;
  }
  const record: PlannedRecord = {
    application: app.id,
    opd: app.opd,
    placement: p.type,
    resourceName: `${app.id}-placement-record`,
    where: p.type === "opd-server" ? p.server : `${p.provider} (${p.country})`,
    labels,
  };
  return { planned: [record], problems };
}
