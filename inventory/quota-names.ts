// Names the quota backends give what they configure, shared with whoever reads them back: the
// RouterOS queue tree's queues (infra/quota/routeros.ts renders them; the collectors' simulator
// serves MIKROTIK-MIB mtxrQueueTreeName with them, and the quota series select on them), and the
// Linux gateway's counter report (infra/quota/counters.ts renders the snmpd `extend` and its script;
// the collectors' spbe_quota module reads its lines back).

export type QuotaDirection = "down" | "up";
export const QUOTA_DIRECTIONS: readonly QuotaDirection[] = ["down", "up"];

/** The RouterOS queue of one OPD and direction ("down": to the OPD, "up": from it). */
export const routerOsQueueName = (opd: string, direction: QuotaDirection): string => `spbe-${opd}-${direction}`;

/** The OPD and direction of a queue named by routerOsQueueName, or undefined for any other queue. */
export function parseRouterOsQueueName(name: string): { opd: string; direction: QuotaDirection } | undefined {
  const m = /^spbe-(.+)-(down|up)$/.exec(name);
  return m ? { opd: m[1]!, direction: m[2] as QuotaDirection } : undefined;
}

/**
 * The snmpd `extend` name under which a Linux gateway reports its per-OPD shaping counters
 * (NET-SNMP-EXTEND-MIB nsExtendOutLine."spbe-quota".N, one line per OPD and direction).
 */
export const QUOTA_EXTEND_NAME = "spbe-quota";

/** One line of the report: `<opd> <direction> <bytes>`, bytes sent through the OPD's shaping class. */
export const quotaCounterLine = (opd: string, direction: QuotaDirection, bytes: bigint | number): string => `${opd} ${direction} ${bytes}`;

/** The reading of one report line, or undefined for a line of another shape (never guessed). */
export function parseQuotaCounterLine(line: string): { opd: string; direction: QuotaDirection; bytes: bigint } | undefined {
  const m = /^(\S+) (down|up) (\d+)$/.exec(line.trim());
  return m ? { opd: m[1]!, direction: m[2] as QuotaDirection, bytes: BigInt(m[3]!) } : undefined;
}
