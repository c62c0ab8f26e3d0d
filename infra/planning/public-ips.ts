// Which public address each allocation gets. Fixed addresses are taken as written; an allocation
// without one gets an address from its block, chosen so that it does not move when other
// allocations are added or removed: each starts at a preferred offset derived from a hash of its own
// id (not from its position in the file) and probes upwards past taken addresses. An allocation
// therefore only moves when the owner of an address on its own short probe path changes, instead
// of every later allocation shifting as with "next free address" counting.
import { createHash } from "node:crypto";
import { addressAt, parseRange, size, type IpRange } from "../../inventory/ip";
import type { Allocation, Inventory } from "../../inventory/schema";

export interface PlannedAllocation {
  id: string;
  block: string;
  blockCidr: string;
  /** The address (or prefix, for a fixed prefix allocation) as text. */
  address: string;
  family: 4 | 6;
  source: "fixed" | "assigned";
  to: Allocation["to"];
}

/** A block's reserved addresses, for the plan to show beside the allocations. */
export interface PlannedReservation {
  block: string;
  address: string;
  reason: string;
  description?: string;
}

export function plannedReservations(inv: Inventory): PlannedReservation[] {
  return inv.publicIp.blocks.flatMap((b) => b.reserved.map((r) => ({ block: b.id, address: r.address, reason: r.reason, ...(r.description ? { description: r.description } : {}) })));
}

/** Auto-assigned IPv6 addresses stay in the first 2^16 of the block: short, readable addresses. */
const IPV6_WINDOW = 1n << 16n;

/** Offsets inside a block that an auto-assigned allocation may take: not the network address, not
 * the first host (the block's gateway by convention), not the IPv4 broadcast address. */
function usableWindow(range: IpRange): { first: bigint; last: bigint } {
  const total = size(range);
  if (range.family === 6) return { first: 1n, last: (total < IPV6_WINDOW ? total : IPV6_WINDOW) - 1n };
  if (total <= 2n) return { first: 0n, last: total - 1n }; // /31, /32: every address is a host
  if (total <= 4n) return { first: 1n, last: total - 2n };
  return { first: 2n, last: total - 2n };
}

function preferredOffset(blockId: string, allocationId: string, span: bigint): bigint {
  const digest = createHash("sha256").update(`${blockId}\u0000${allocationId}`).digest();
  return digest.readBigUInt64BE(0) % span;
}

/** Sorted, merged intervals (offsets in the block) occupied by fixed allocations. */
class Occupied {
  private starts: bigint[] = [];
  private ends: bigint[] = [];
  constructor(intervals: { start: bigint; end: bigint }[]) {
    intervals.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (const iv of intervals) {
      const last = this.ends.length - 1;
      if (last >= 0 && iv.start <= this.ends[last]! + 1n) {
        if (iv.end > this.ends[last]!) this.ends[last] = iv.end;
      } else {
        this.starts.push(iv.start);
        this.ends.push(iv.end);
      }
    }
  }
  /** The end of the interval holding `offset`, or undefined when it is free. Binary search. */
  endOf(offset: bigint): bigint | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! > offset) hi = mid - 1;
      else if (this.ends[mid]! < offset) lo = mid + 1;
      else return this.ends[mid];
    }
    return undefined;
  }
}

export class PublicIpPlanError extends Error {}

/**
 * Plans every allocation of the inventory. Expects a validated inventory (blocks exist, fixed
 * addresses inside their block, capacity checked); throws PublicIpPlanError otherwise.
 */
export function planPublicIps(inv: Inventory): PlannedAllocation[] {
  const blocks = new Map(inv.publicIp.blocks.map((b) => [b.id, { block: b, range: parseRange(b.cidr) }]));
  const fixedByBlock = new Map<string, { start: bigint; end: bigint }[]>();
  const planned = new Map<string, PlannedAllocation>();
  // Reserved addresses (the ISP's router, the gateway) are occupied like fixed allocations: never assigned.
  for (const { block, range } of blocks.values()) {
    const intervals = block.reserved.map((r) => parseRange(r.address)).map((r) => ({ start: r.start - range.start, end: r.end - range.start }));
    if (intervals.length) fixedByBlock.set(block.id, intervals);
  }
  for (const alloc of inv.publicIp.allocations) {
    if (alloc.address === undefined) continue;
    const b = blocks.get(alloc.block);
    if (!b) throw new PublicIpPlanError(`allocation ${alloc.id}: unknown block ${alloc.block}`);
    const r = parseRange(alloc.address);
    let list = fixedByBlock.get(alloc.block);
    if (!list) fixedByBlock.set(alloc.block, (list = []));
    list.push({ start: r.start - b.range.start, end: r.end - b.range.start });
    planned.set(alloc.id, {
      id: alloc.id,
      block: alloc.block,
      blockCidr: b.block.cidr,
      address: alloc.address,
      family: b.range.family,
      source: "fixed",
      to: alloc.to,
    });
  }
  // Auto allocations in id order: the result depends on the set of allocations, not the file order.
  const autos = inv.publicIp.allocations.filter((a) => a.address === undefined).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const occupiedByBlock = new Map<string, Occupied>();
  const takenByBlock = new Map<string, Set<bigint>>();
  for (const alloc of autos) {
    const b = blocks.get(alloc.block);
    if (!b) throw new PublicIpPlanError(`allocation ${alloc.id}: unknown block ${alloc.block}`);
    let occupied = occupiedByBlock.get(alloc.block);
    if (!occupied) occupiedByBlock.set(alloc.block, (occupied = new Occupied(fixedByBlock.get(alloc.block) ?? [])));
    let taken = takenByBlock.get(alloc.block);
    if (!taken) takenByBlock.set(alloc.block, (taken = new Set()));
    const { first, last } = usableWindow(b.range);
    const span = last - first + 1n;
    let offset = first + preferredOffset(b.block.id, alloc.id, span);
    let probes = 0n;
    for (;;) {
      const end = occupied.endOf(offset);
      if (end === undefined && !taken.has(offset)) break;
      // Jump past a whole fixed prefix at once; step over a single taken address.
      const next = end !== undefined ? end + 1n : offset + 1n;
      probes += next - offset;
      offset = next > last ? first : next;
      if (probes > span) throw new PublicIpPlanError(`block ${b.block.id} (${b.block.cidr}) has no free address for allocation ${alloc.id}`);
    }
    taken.add(offset);
    planned.set(alloc.id, {
      id: alloc.id,
      block: alloc.block,
      blockCidr: b.block.cidr,
      address: addressAt(b.range, offset),
      family: b.range.family,
      source: "assigned",
      to: alloc.to,
    });
  }
  // Back in the inventory's order, so outputs read like the file.
  return inv.publicIp.allocations.map((a) => planned.get(a.id)!).filter(Boolean);
}
