// Stable per-OPD slot numbers. A slot derived from the OPD's position would renumber every OPD
// after an insertion, and then "one quota changed" would rewrite every class; a hash of the code
// keeps each OPD's slot unless two codes collide, and collisions are resolved in code order so
// the result is still deterministic.

/** Slots 0x10..0xfff0: tc minor ids are 16-bit hex; the low ones are kept for root/parent/default. */
export const FIRST_SLOT = 0x10;
export const SLOT_SPACE = 0xffe0;
/** The parent class every OPD class hangs under. */
export const PARENT_SLOT = 0x1;
/** The default class (unclassified traffic). */
export const DEFAULT_SLOT = 0x2;

// FNV-1a, 32-bit: tiny, well known and good enough to spread short codes; a library is not worth it.
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function assignSlots(codes: readonly string[]): Map<string, number> {
  const taken = new Set<number>();
  const slots = new Map<string, number>();
  for (const code of [...new Set(codes)].sort()) {
    let slot = FIRST_SLOT + (fnv1a(code) % SLOT_SPACE);
    while (taken.has(slot)) slot = FIRST_SLOT + ((slot - FIRST_SLOT + 1) % SLOT_SPACE);
    taken.add(slot);
    slots.set(code, slot);
  }
  return slots;
}
