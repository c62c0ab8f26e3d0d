// OSPF link costs from the inventory's capacity and medium. Capacity alone already prefers a 1 Gbit/s
// fiber (100) to a 100 Mbit/s radio (1000); the medium factor makes the preference hold even at equal
// capacity, because a radio fades with rain and a VPN rides the public internet: a backup takes
// traffic only while the fiber (or leased line) is down.
import type { LinkMedium } from "../../inventory/schema";

/** 100 Gbit/s costs 1: every capacity up to it gets a distinct cost (OSPF's default of 100 Mbit/s would make 1G and 10G equal). */
export const REFERENCE_MBPS = 100_000;

export const MEDIUM_FACTOR: Record<LinkMedium, number> = { fiber: 1, "leased-line": 1, radio: 2, vpn: 3 };

/** The interface cost, within OSPF's 1..65535. */
export function ospfCost(medium: LinkMedium, capacityMbps: number): number {
  const cost = Math.ceil(REFERENCE_MBPS / capacityMbps) * MEDIUM_FACTOR[medium];
  return Math.min(65_535, Math.max(1, cost));
}
