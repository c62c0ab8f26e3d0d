// Bandwidth quotas: the inventory's per-OPD quotas rendered as gateway configuration. Shared by
// `spbe quotas render` and the Pulumi BandwidthQuota component (which applies `script` over SSH).
import type { Inventory } from "../../inventory/schema";
import type { GatewayConfig, QuotaBackend } from "./backend";
import { linuxTcBackend } from "./linux-tc";
import { QuotaConfigError } from "./model";
import { planQuotas } from "./plan";

export type { GatewayConfig, QuotaBackend, QuotaClass } from "./backend";
export { DEFAULT_CLASS, TOTAL_CLASS } from "./backend";
export { QuotaConfigError, describeProblem, type QuotaPlan, type QuotaProblem, type OpdShaping } from "./model";
export { planQuotas } from "./plan";

export const QUOTA_BACKENDS: Record<string, QuotaBackend> = { [linuxTcBackend.name]: linuxTcBackend };
export type BackendName = "linux-tc";

export interface RenderOptions {
  /** Device id of the shaping gateway; default `inventory.bandwidth.gateway.device`. */
  gateway?: string;
  backend?: BackendName;
}

/** Pure. Throws QuotaConfigError (every problem at once) before rendering anything. */
export function renderGatewayConfig(inventory: Inventory, opts: RenderOptions = {}): GatewayConfig {
  const name = opts.backend ?? "linux-tc";
  const backend = QUOTA_BACKENDS[name];
  if (!backend) throw new QuotaConfigError([{ code: "quota.unknown-backend", params: { backend: name } }]);
  return backend.render(planQuotas(inventory, { gateway: opts.gateway }));
}
