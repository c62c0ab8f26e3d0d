// From the inventory to a QuotaPlan: every check that must pass before anything touches a gateway.
// Pure: no I/O, and every problem is collected (not just the first) so one run shows them all.
import { findOverlaps, tryParseRange } from "../../inventory/ip";
import type { Device, Inventory } from "../../inventory/schema";
import { QuotaConfigError, type OpdShaping, type QuotaPlan, type QuotaProblem } from "./model";
import { assignSlots, DEFAULT_SLOT } from "./slots";

export interface PlanOptions {
  /** The device that shapes; default `inventory.bandwidth.gateway.device`. */
  gateway?: string;
}

const kbit = (mbps: number): number => Math.round(mbps * 1000);

export function planQuotas(inv: Inventory, opts: PlanOptions = {}): QuotaPlan {
  const problems: QuotaProblem[] = [];
  const bw = inv.bandwidth;
  const declared = bw?.gateway;
  const gatewayId = opts.gateway ?? declared?.device;
  if (!bw || !gatewayId) throw new QuotaConfigError([{ code: "quota.no-gateway", params: {} }]);

  const device = inv.devices.find((d) => d.id === gatewayId);
  if (!device) throw new QuotaConfigError([{ code: "quota.unknown-gateway", params: { gateway: gatewayId } }]);
  // The LAN/WAN interface names come from bandwidth.gateway; a different --gateway must name them
  // the same way (a standby gateway is configured like the primary).
  if (!declared) throw new QuotaConfigError([{ code: "quota.no-gateway", params: {} }]);
  const { lanInterface, wanInterface } = declared;
  for (const name of [lanInterface, wanInterface]) {
    if (!device.interfaces.some((i) => i.name === name)) problems.push({ code: "quota.gateway-interface", params: { gateway: gatewayId, interface: name } });
  }
  if (lanInterface === wanInterface) problems.push({ code: "quota.same-interface", params: { gateway: gatewayId, interface: lanInterface } });

  const capacityMbps = gatewayCapacityMbps(inv, device, lanInterface, wanInterface, bw.upstreamMbps);
  const opdByCode = new Map(inv.opds.map((o) => [o.code, o]));
  const seen = new Set<string>();
  const shaped: Omit<OpdShaping, "slot">[] = [];
  for (const q of bw.quotas) {
    const opd = opdByCode.get(q.opd);
    if (!opd) {
      problems.push({ code: "quota.unknown-opd", params: { opd: q.opd } });
      continue;
    }
    if (seen.has(q.opd)) problems.push({ code: "quota.duplicate-opd", params: { opd: q.opd } });
    seen.add(q.opd);
    // Without a subnet nothing can be classified: the quota would silently shape nobody.
    if (opd.subnets.length === 0) problems.push({ code: "quota.no-subnet", params: { opd: q.opd } });
    const access = opdAccessCapacityMbps(inv, q.opd);
    for (const [direction, mbps] of [["down", q.downMbps], ["up", q.upMbps]] as const) {
      if (mbps > capacityMbps.value) {
        problems.push({ code: "quota.over-capacity", params: { opd: q.opd, direction, quota: mbps, capacity: capacityMbps.value, link: capacityMbps.source } });
      }
      if (access && mbps > access.value) {
        problems.push({ code: "quota.over-capacity", params: { opd: q.opd, direction, quota: mbps, capacity: access.value, link: access.source } });
      }
    }
    shaped.push({ opd: q.opd, subnets: [...opd.subnets], downKbit: kbit(q.downMbps), upKbit: kbit(q.upMbps) });
  }

  // Every OPD subnet, not only the quota'd ones: a quota'd prefix overlapping any other OPD's
  // would charge that OPD's traffic to the wrong quota. The validator refuses these too; a plan
  // built from a hand-made model must not trust that it ran.
  const subnets = inv.opds.flatMap((o) => o.subnets.map((cidr) => ({ opd: o.code, cidr })));
  for (const { first, second } of findOverlaps(subnets, (s) => tryParseRange(s.cidr))) {
    problems.push({ code: "quota.subnet-overlap", params: { opd: second.opd, subnet: second.cidr, other: first.opd, otherSubnet: first.cidr } });
  }

  if (problems.length > 0) throw new QuotaConfigError(problems);
  const slots = assignSlots(shaped.map((s) => s.opd));
  return {
    gateway: gatewayId,
    lanInterface,
    wanInterface,
    capacityKbit: kbit(capacityMbps.value),
    defaultSlot: DEFAULT_SLOT,
    opds: shaped.map((s) => ({ ...s, slot: slots.get(s.opd)! })).sort((a, b) => (a.opd < b.opd ? -1 : a.opd > b.opd ? 1 : 0)),
  };
}

/** The narrowest of: the upstream, the gateway's LAN/WAN interface speeds, the links on them. */
function gatewayCapacityMbps(inv: Inventory, gw: Device, lan: string, wan: string, upstreamMbps: number): { value: number; source: string } {
  let best = { value: upstreamMbps, source: "bandwidth.upstreamMbps" };
  for (const name of [lan, wan]) {
    const speed = gw.interfaces.find((i) => i.name === name)?.speedMbps;
    if (speed !== undefined && speed < best.value) best = { value: speed, source: `${gw.id}:${name}` };
    for (const l of inv.links) {
      const onIt = [l.a, l.b].some((e) => e.device === gw.id && e.interface === name);
      if (onIt && l.capacityMbps < best.value) best = { value: l.capacityMbps, source: `link ${l.id}` };
    }
  }
  return best;
}

/**
 * The capacity of the links that connect the OPD's office devices (at a site of the OPD, or owned
 * by it) to devices that are not the OPD's: the most the OPD can ever receive. Undefined when the
 * inventory has no such link (a quota is then limited by the upstream only).
 */
function opdAccessCapacityMbps(inv: Inventory, opd: string): { value: number; source: string } | undefined {
  const siteOpd = new Map(inv.sites.map((s) => [s.id, s.opd]));
  const opdDevices = new Set(inv.devices.filter((d) => d.owner === opd || siteOpd.get(d.site) === opd).map((d) => d.id));
  const links = inv.links.filter((l) => opdDevices.has(l.a.device) !== opdDevices.has(l.b.device));
  if (links.length === 0) return undefined;
  return { value: links.reduce((sum, l) => sum + l.capacityMbps, 0), source: `link ${links.map((l) => l.id).join("+")}` };
}
