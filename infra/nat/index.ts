// Public addresses that answer: the edge gateway's routes, firewall and source NAT for the inventory's
// public allocations. Shared by `spbe network render --part nft-nat` and the PublicAddressNat component.
import type { Inventory } from "../../inventory/schema";
import type { PlannedAllocation } from "../planning/public-ips";
import { planPublicNat } from "./plan";
import { renderNatScript, type NatConfig } from "./render";

export { planPublicNat, NatConfigError, type NatPlan, type ForwardedAddress, type SourceNat, type DeclaredPort } from "./plan";
export { renderNatScript, renderNatRollback, NAT_TABLE, ROUTE_PROTO, type NatConfig } from "./render";

/** Pure. The edge gateway's configuration, or undefined when the inventory has no Linux edge gateway. */
export function renderPublicNat(inv: Inventory, allocations?: PlannedAllocation[]): NatConfig | undefined {
  const plan = planPublicNat(inv, allocations);
  return plan ? renderNatScript(plan) : undefined;
}
