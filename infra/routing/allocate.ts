// Deterministic slots in a block, stable when others are added or removed (the public IP planner's
// idea, for equal-sized slots): each id starts at a slot derived from a hash of the id itself (not
// its position in the file) and probes upwards past taken slots. An id only moves when the owner of
// a slot on its own short probe path changes; adding a link never renumbers the others wholesale.
import { createHash } from "node:crypto";

export class SlotsExhaustedError extends Error {}

/** Slot index per id, for `slots` slots. Ids are processed in sorted order, so the file order does not matter. */
export function allocateSlots(ids: readonly string[], slots: bigint): Map<string, bigint> {
  if (BigInt(ids.length) > slots) throw new SlotsExhaustedError(`${ids.length} ids for ${slots} slots`);
  const taken = new Set<bigint>();
  const out = new Map<string, bigint>();
  for (const id of [...ids].sort()) {
    let slot = createHash("sha256").update(id).digest().readBigUInt64BE(0) % slots;
    while (taken.has(slot)) slot = slot + 1n === slots ? 0n : slot + 1n;
    taken.add(slot);
    out.set(id, slot);
  }
  return out;
}
