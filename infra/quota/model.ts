// The backend-neutral shaping plan: what every OPD gets on which gateway interface. Built from the
// inventory by plan.ts (pure), turned into device configuration by a QuotaBackend (linux-tc for a
// Linux gateway, routeros for a MikroTik). Rates are integer kbit/s (1 kbit = 1000 bit, as tc and
// RouterOS count), so a quota of 12.5 Mbps is exact and the rendered text never shows a float.

import type { GatewayKind } from "../../inventory/schema";

export type Direction = "down" | "up";

export interface OpdShaping {
  opd: string;
  /** The OPD's subnets, as written in the inventory (IPv4 and IPv6). */
  subnets: string[];
  downKbit: number;
  upKbit: number;
  /**
   * A small number, stable for this OPD code, that backends use to name its queues (the tc class
   * minor id; RouterOS names its queues by the OPD code itself, which is as stable). Stable so that adding or changing one OPD leaves the others' names alone.
   */
  slot: number;
}

export interface QuotaPlan {
  gateway: string;
  /** What the gateway runs (declared, or derived from its vendor): the backend must serve it. */
  kind: GatewayKind;
  /** Faces the OPDs: traffic towards an OPD ("down") leaves through it. */
  lanInterface: string;
  /** Faces the upstream: traffic from an OPD ("up") leaves through it. */
  wanInterface: string;
  /** What the gateway's upstream carries per direction (kbit/s): the ceiling of every class. */
  capacityKbit: number;
  /** Slot of the default class, for traffic that matches no OPD subnet. */
  defaultSlot: number;
  /** Sorted by OPD code, so the rendered output does not depend on the inventory's order. */
  opds: OpdShaping[];
}

export type QuotaProblemCode =
  | "quota.no-gateway"
  | "quota.unknown-gateway"
  | "quota.gateway-interface"
  | "quota.same-interface"
  | "quota.unknown-opd"
  | "quota.no-subnet"
  | "quota.over-capacity"
  | "quota.subnet-overlap"
  | "quota.duplicate-opd"
  | "quota.unknown-backend"
  | "quota.backend-kind"
  | "quota.kind-vendor";

export interface QuotaProblem {
  code: QuotaProblemCode;
  params: Record<string, string | number>;
}

/** Thrown before anything is rendered (so before anything is applied), carrying every problem found. */
export class QuotaConfigError extends Error {
  constructor(readonly problems: QuotaProblem[]) {
    super(problems.map(describeProblem).join("; "));
    this.name = "QuotaConfigError";
  }
}

/** An English one-liner for logs and Error.message; the CLI prints the translated catalogue text. */
export function describeProblem(p: QuotaProblem): string {
  const params = Object.entries(p.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  return `${p.code} (${params})`;
}
