// What the edge gateway needs before it can make the public allocations answer: each application's
// allocation is one address (routed to one server), each OPD's allocation has subnets of its
// family to translate, and one allocation per OPD and family. One home for these checks:
// `validateInventory` reports them with their position (so `spbe validate` and the Pulumi program
// refuse them with file:line:column), and the planner in infra/nat throws on the same findings for a
// model that never went through the loader. Pure, linear in the inventory's size.
import type { MessageCode, Params } from "../i18n";
import type { Path } from "./diagnostics";
import { tryParseRange } from "./ip";
import type { Inventory } from "./schema";
import { gatewayKindOf } from "./quota-check";

export interface NatFinding {
  code: MessageCode;
  path: Path;
  params: Params;
}

/** The edge gateway: the shaping gateway of `bandwidth.gateway`, where the upstream arrives. */
export interface EdgeGateway {
  device: string;
  wanInterface: string;
  lanInterface: string;
}

/**
 * The Linux edge gateway that makes public allocations answer, or undefined: no gateway declared,
 * or a RouterOS one (the nftables script needs a Linux gateway; RouterOS is not rendered).
 */
export function edgeGatewayOf(inv: Inventory): EdgeGateway | undefined {
  const gw = inv.bandwidth?.gateway;
  if (!gw || gatewayKindOf(inv)?.kind !== "linux") return undefined;
  return { device: gw.device, wanInterface: gw.wanInterface, lanInterface: gw.lanInterface };
}

export function checkPublicNat(inv: Inventory): NatFinding[] {
  const edge = edgeGatewayOf(inv);
  if (!edge) return [];
  const out: NatFinding[] = [];
  const apps = new Map(inv.applications.map((a) => [a.id, a]));
  const opds = new Map(inv.opds.map((o) => [o.code, o]));
  const snatOf = new Map<string, string>(); // `${opd}/${family}` → allocation id
  inv.publicIp.allocations.forEach((alloc, i) => {
    const at: Path = ["publicIp", "allocations", i];
    const range = alloc.address !== undefined ? tryParseRange(alloc.address) : undefined;
    const block = inv.publicIp.blocks.find((b) => b.id === alloc.block);
    const family = range?.family ?? (block ? tryParseRange(block.cidr)?.family : undefined);
    if ("application" in alloc.to) {
      const app = apps.get(alloc.to.application);
      if (!app || app.placement.type !== "datacenter" || app.placement.publicIp !== alloc.id) return;
      if (alloc.address?.includes("/")) out.push({ code: "nat.app-prefix", path: [...at, "address"], params: { application: app.id, address: alloc.address } });
      // A server without mgmtAddress is not an error: its address is filtered, and the script says it has no route.
    } else if ("opd" in alloc.to) {
      const opd = opds.get(alloc.to.opd);
      if (!opd || family === undefined) return;
      if (!opd.subnets.some((s) => tryParseRange(s)?.family === family)) {
        out.push({ code: "nat.opd-no-subnet", path: [...at, "to", "opd"], params: { opd: opd.code, family, address: alloc.address ?? alloc.id } });
      }
      const key = `${opd.code}/${family}`;
      const other = snatOf.get(key);
      if (other !== undefined) out.push({ code: "nat.opd-duplicate", path: [...at, "to", "opd"], params: { opd: opd.code, family, other } });
      else snatOf.set(key, alloc.id);
    }
  });
  return out;
}
