// What a shaping backend turns a QuotaPlan into. linux-tc (tc HTB + nftables) is the one in use;
// a MikroTik RouterOS backend (/queue tree + /ip firewall mangle packet marks per OPD subnet) fits
// the same interface: the plan already carries the stable per-OPD slot it would name its queues by.
import type { Direction, QuotaPlan } from "./model";

/** One shaping queue as the backend configures it (for review, tests and the CLI's JSON). */
export interface QuotaClass {
  /** OPD code; "*total" for the parent of all OPDs, "*default" for unclassified traffic. */
  opd: string;
  direction: Direction;
  /** Gateway interface the queue shapes (egress). */
  interface: string;
  /** Backend's name for the queue (tc classid, RouterOS queue name). */
  id: string;
  rateKbit: number;
  ceilKbit: number;
  /** Subnets classified into the queue (empty for the parent and default). */
  subnets: string[];
}

export interface GatewayConfig {
  backend: string;
  gateway: string;
  /** Applied as-is on the gateway (over SSH by BandwidthQuota); idempotent. */
  script: string;
  classes: QuotaClass[];
}

export interface QuotaBackend {
  readonly name: string;
  render(plan: QuotaPlan): GatewayConfig;
}

export const TOTAL_CLASS = "*total";
export const DEFAULT_CLASS = "*default";
