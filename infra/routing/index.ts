// Backbone addressing and routing: the plan (transfer networks, loopbacks, costs) and each FRR
// router's rendered configuration. Shared by `spbe network render` and the BackboneRouting component.
import type { Inventory } from "../../inventory/schema";
import { frrScripts, contentHash, type FrrScripts } from "./apply";
import { renderFrrConf } from "./frr";
import { planBackbone, type BackbonePlan, type PlannedRouter } from "./plan";

export { planBackbone, RoutingConfigError, type BackbonePlan, type PlannedRouter, type PlannedTransfer, type RouterInterface } from "./plan";
export { renderFrrConf, BFD_DETECT_MS, BFD_INTERVAL_MS, BFD_MULTIPLIER } from "./frr";
export { ospfCost, MEDIUM_FACTOR, REFERENCE_MBPS } from "./cost";
export { contentHash, DEBIAN_FRR, FRR_DAEMONS, frrScripts, type FrrHost } from "./apply";

export interface RouterConfig {
  router: PlannedRouter;
  frrConf: string;
  /** sha256 of frrConf: the component's trigger (same configuration, nothing runs). */
  hash: string;
  scripts: FrrScripts;
}

export interface BackboneRouting {
  plan: BackbonePlan;
  routers: RouterConfig[];
}

/** Undefined without `backbone`; throws RoutingConfigError on bad input. `source` names the inventory in the header. */
export function renderBackbone(inv: Inventory, source: string): BackboneRouting | undefined {
  const plan = planBackbone(inv);
  if (!plan) return undefined;
  const routers = plan.routers.map((router) => {
    const frrConf = renderFrrConf(router, source);
    return { router, frrConf, hash: contentHash(frrConf), scripts: frrScripts(router.device, frrConf) };
  });
  return { plan, routers };
}
