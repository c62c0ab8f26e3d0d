// What a shaping backend turns a QuotaPlan into: linux-tc (tc HTB + nftables) for Linux gateways,
// routeros (address lists, mangle packet marks and a queue tree) for MikroTik gateways. Each
// backend serves one gateway kind and the planner refuses a gateway of another kind.
import type { GatewayKind } from "../../inventory/schema";
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
  /** For review and to apply by hand; idempotent. */
  script: string;
  /** What BandwidthQuota runs over SSH on create and update (the script, or a command that runs it). */
  apply: string;
  /** What BandwidthQuota runs over SSH on delete: removes everything the script configured. */
  rollback: string;
  classes: QuotaClass[];
  /** Linux only: the per-OPD counter script and its snmpd `extend` (counters.ts), installed by `apply`. RouterOS counts in its queues. */
  counters?: { extendName: string; script: string; snmpdConf: string };
}

export interface QuotaBackend {
  readonly name: string;
  /** The one kind of gateway this backend configures. */
  readonly gatewayKind: GatewayKind;
  render(plan: QuotaPlan): GatewayConfig;
}

export const TOTAL_CLASS = "*total";
export const DEFAULT_CLASS = "*default";
