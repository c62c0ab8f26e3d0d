// Bandwidth quotas: the inventory's per-OPD quotas rendered as gateway configuration. Shared by
// `spbe quotas render` and the Pulumi BandwidthQuota component (which applies `script` over SSH).
import type { Inventory } from "../../inventory/schema";
import type { GatewayConfig, QuotaBackend } from "./backend";
import { linuxTcBackend } from "./linux-tc";
import { routerOsBackend } from "./routeros";
import { checkGatewayKindFor, checkQuotaShaping, gatewayKindOf } from "../../inventory/quota-check";
import type { Diagnostic } from "../../inventory/diagnostics";
import { QuotaConfigError } from "./model";
import { planQuotas } from "./plan";

export type { GatewayConfig, QuotaBackend, QuotaClass } from "./backend";
export { DEFAULT_CLASS, TOTAL_CLASS } from "./backend";
export { QuotaConfigError, describeProblem, type QuotaPlan, type QuotaProblem, type OpdShaping } from "./model";
export { planQuotas } from "./plan";

export const QUOTA_BACKENDS: Record<string, QuotaBackend> = { [linuxTcBackend.name]: linuxTcBackend, [routerOsBackend.name]: routerOsBackend };
export type BackendName = "linux-tc" | "routeros";

/** The backend for the gateway's kind (declared, or derived from its vendor). */
export function backendFor(inventory: Inventory, gateway?: string): QuotaBackend {
  const kind = gatewayKindOf(inventory, gateway)?.kind ?? "linux";
  return Object.values(QUOTA_BACKENDS).find((b) => b.gatewayKind === kind)!;
}

export interface RenderOptions {
  /** Device id of the shaping gateway; default `inventory.bandwidth.gateway.device`. */
  gateway?: string;
  /** Default: the backend of the gateway's kind. A backend of another kind is refused (quota.backend-kind). */
  backend?: BackendName;
}

/** Pure. Throws QuotaConfigError (every problem at once) before rendering anything. */
export function renderGatewayConfig(inventory: Inventory, opts: RenderOptions = {}): GatewayConfig {
  const backend = opts.backend ? QUOTA_BACKENDS[opts.backend] : backendFor(inventory, opts.gateway);
  if (!backend) throw new QuotaConfigError([{ code: "quota.unknown-backend", params: { backend: String(opts.backend) } }]);
  return backend.render(planQuotas(inventory, { gateway: opts.gateway, backend }));
}

/**
 * What `quotas render --backend/--gateway` adds to validation, as positioned diagnostics: the
 * backend refuses a gateway of another kind, and a `--gateway` other than the declared one is
 * checked as validation checks the declared one (interfaces, capacities).
 */
export function renderChecks(inventory: Inventory, opts: RenderOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const declared = inventory.bandwidth?.gateway?.device;
  if (opts.gateway && opts.gateway !== declared && inventory.devices.some((d) => d.id === opts.gateway)) {
    for (const f of checkQuotaShaping(inventory, opts.gateway)) out.push({ severity: "error", ...f });
  }
  const backend = opts.backend ? QUOTA_BACKENDS[opts.backend] : undefined;
  if (backend) for (const f of checkGatewayKindFor(inventory, backend.name, backend.gatewayKind, opts.gateway)) out.push({ severity: "error", ...f });
  return out;
}
