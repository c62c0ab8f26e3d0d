// What runs where: every application placed in the Dinas data center becomes one container on its
// server (plus a DR replica on its recovery server), with its name, network, published ports and the
// labels a CrossGuard policy reads. Applications the Dinas does not run (external hosting, OPD
// servers) become records carrying the same labels, so policies judge every placement the same way.
// This file is the table of contents: each step lives in placements/<step>.ts.
import type { Application, Inventory } from "../../inventory/schema";
import type { PlannedAllocation } from "./public-ips";
import { planDrReplica } from "./placements/dr-replica";
import { lookupOf, siteOfServer, type Lookup } from "./placements/lookup";
import type { PlacementPlan, Planned, PlannedContainer, PlannedRecord } from "./placements/plan";
import { planPrimaryContainer, type DatacenterPlacement } from "./placements/primary";
import { planRecord } from "./placements/records";

export type { ContainerRole, PlacementPlan, PlannedContainer, PlannedPort, PlannedRecord } from "./placements/plan";
export { dinasBlocksLabel, siteManager } from "./placements/labels";

export class PlacementPlanError extends Error {
  constructor(readonly problems: string[]) {
    super(`the inventory cannot be placed:\n  ${problems.join("\n  ")}`);
    this.name = "PlacementPlanError";
  }
}

export function planPlacements(inv: Inventory, allocations: readonly PlannedAllocation[]): PlacementPlan {
  const look = lookupOf(inv, allocations);
  const containers: PlannedContainer[] = [];
  const records: PlannedRecord[] = [];
  // Problems are gathered in inventory order over every application, so one run reports all of them.
  const problems: string[] = [];
  const take = <T>(into: T[], step: Planned<T>): void => {
    into.push(...step.planned);
    problems.push(...step.problems);
  };
  for (const app of inv.applications) {
    const p = app.placement;
    if (p.type === "datacenter") take(containers, planDatacenterApplication(inv, app, p, look));
    else take(records, planRecord(inv, app, p, look));
  }
  if (problems.length > 0) throw new PlacementPlanError(problems);
  return { containers, records };
}

/** The primary container on a data-center server and, when the application has one, its DR replica. */
function planDatacenterApplication(inv: Inventory, app: Application, p: DatacenterPlacement, look: Lookup): Planned<PlannedContainer> {
  const { site, problems } = siteOfServer(look, p.server, `application ${app.id}`);
  if (!site) return { planned: [], problems };
  if (site.kind === "opd-office") {
    return { planned: [], problems: [`application ${app.id}: placement type datacenter names server ${p.server} at site ${site.id}, an OPD office`] };
  }
  const primary = planPrimaryContainer(inv, app, p, site, look);
  const replica = app.dr ? planDrReplica(inv, app, p, app.dr, look) : { planned: [], problems: [] };
  return { planned: [...primary.planned, ...replica.planned], problems: [...primary.problems, ...replica.problems] };
}
