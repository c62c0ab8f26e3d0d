// The inventory indexed by id, built once per plan: the steps look servers, sites and public
// address allocations up by the ids applications name.
import type { Device, Inventory, Site } from "../../../inventory/schema";
import type { PlannedAllocation } from "../public-ips";
import { dinasBlocksLabel } from "./labels";

export interface Lookup {
  devices: Map<string, Device>;
  sites: Map<string, Site>;
  allocations: Map<string, PlannedAllocation>;
  blocks: string;
}

export function lookupOf(inv: Inventory, allocations: readonly PlannedAllocation[]): Lookup {
  return {
    devices: new Map(inv.devices.map((d) => [d.id, d])),
    sites: new Map(inv.sites.map((s) => [s.id, s])),
    allocations: new Map(allocations.map((a) => [a.id, a])),
    blocks: dinasBlocksLabel(inv),
  };
}

/** The site of the server `serverId`, or the problem that the inventory has no such server. */
export function siteOfServer(look: Lookup, serverId: string, what: string): { site: Site | undefined; problems: string[] } {
  const server = look.devices.get(serverId);
  const site = server && look.sites.get(server.site);
  return { site, problems: site ? [] : [`${what}: server ${serverId} is not in the inventory`] };
}
