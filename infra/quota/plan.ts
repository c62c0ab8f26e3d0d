// From the inventory to a QuotaPlan: every check that must pass before anything touches a gateway.
// Pure: no I/O, and every problem is collected (not just the first) so one run shows them all.
import { findOverlaps, tryParseRange } from "../../inventory/ip";
import { checkGatewayKindFor, checkQuotaShaping, gatewayCapacityMbps, gatewayKindOf } from "../../inventory/quota-check";
import type { GatewayKind, Inventory } from "../../inventory/schema";
import { QuotaConfigError, type OpdShaping, type QuotaPlan, type QuotaProblem, type QuotaProblemCode } from "./model";
import { assignSlots, DEFAULT_SLOT } from "./slots";

export interface PlanOptions {
  /** The device that shapes; default `inventory.bandwidth.gateway.device`. */
  gateway?: string;
  /** The backend that will render the plan: it refuses a gateway of another kind. */
  backend?: { name: string; gatewayKind: GatewayKind };
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
  // The gateway's interfaces and kind, each OPD's subnets and capacities: the validator's own
  // findings (inventory/quota-check.ts), so what `spbe validate` accepts is what renders here.
  for (const f of checkQuotaShaping(inv, gatewayId)) problems.push({ code: f.code as QuotaProblemCode, params: f.params as QuotaProblem["params"] });
  if (opts.backend) {
    for (const f of checkGatewayKindFor(inv, opts.backend.name, opts.backend.gatewayKind, gatewayId)) problems.push({ code: f.code as QuotaProblemCode, params: f.params as QuotaProblem["params"] });
  }

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
    kind: gatewayKindOf(inv, gatewayId)!.kind,
    lanInterface,
    wanInterface,
    capacityKbit: kbit(capacityMbps.value),
    defaultSlot: DEFAULT_SLOT,
    opds: shaped.map((s) => ({ ...s, slot: slots.get(s.opd)! })).sort((a, b) => (a.opd < b.opd ? -1 : a.opd > b.opd ? 1 : 0)),
  };
}
