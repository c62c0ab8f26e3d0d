// Exact IPv4/IPv6 prefix math. Parsing comes from ipaddr.js; ranges are BigInt intervals so that
// IPv6 /32 blocks and IPv4 /32 hosts use the same arithmetic, and overlap checks are a sort plus
// one sweep (O(n log n)) instead of comparing every pair.
import * as ipaddr from "ipaddr.js";

export type Family = 4 | 6;

export interface IpRange {
  family: Family;
  /** First address, as an unsigned integer. */
  start: bigint;
  /** Last address, inclusive. */
  end: bigint;
}

/** One BigInt from the hex text of the 16-bit parts: a third of the time of 16 BigInt shifts per address. */
function toBigInt(addr: ipaddr.IPv6): bigint {
  let hex = "0x";
  for (const part of addr.parts) hex += part.toString(16).padStart(4, "0");
  return BigInt(hex);
}

/** 2^k - 1 for k = 0..128: the host part of a prefix, made once instead of shifted per address. */
const HOST_MASKS: readonly bigint[] = Array.from({ length: 129 }, (_, k) => (1n << BigInt(k)) - 1n);

/** An address ("203.0.113.5") or a prefix ("203.0.113.0/28") as a range. Throws on bad input. */
export function parseRange(text: string): IpRange {
  // ipaddr.js accepts IPv6 zones (fe80::1%eth0); a zone names one host's interface, never a plan's address.
  if (text.includes("%")) throw new Error(`an IPv6 zone is not an address: ${text}`);
  const slash = text.indexOf("/");
  const addressPart = slash < 0 ? text : text.slice(0, slash);
  if (!addressPart.includes(":")) {
    // An IPv4 range in doubles (exact below 2^53), two BigInts at the end.
    const address = ipv4Number(addressPart);
    if (slash < 0) {
      const n = BigInt(address);
      return { family: 4, start: n, end: n };
    }
    const hostSize = 2 ** (32 - prefixLength(text.slice(slash + 1), 32));
    const network = address - (address % hostSize);
    return { family: 4, start: BigInt(network), end: BigInt(network + hostSize - 1) };
  }
  if (slash >= 0) {
    const { n, len } = ipv6Prefix(text, slash);
    const hostMask = HOST_MASKS[128 - len]!;
    const start = n - (n & hostMask);
    return { family: 6, start, end: start | hostMask };
  }
  const n = ipv6Number(text) ?? toBigInt(ipaddr.IPv6.parse(text));
  return { family: 6, start: n, end: n };
}

/** An IPv6 prefix's address and length: the plain forms by hand, the rest by ipaddr.js. */
function ipv6Prefix(text: string, slash: number): { n: bigint; len: number } {
  const n = ipv6Number(text.slice(0, slash));
  const len = decimal(text, slash + 1, 3);
  if (n !== undefined && len >= 0 && len <= 128) return { n, len };
  const [addr, parsedLen] = ipaddr.IPv6.parseCIDR(text);
  return { n: toBigInt(addr), len: parsedLen };
}

/** The number written from `from` to the end of the text in 1 to `maxDigits` decimal digits, or -1. */
function decimal(text: string, from: number, maxDigits: number): number {
  const digits = text.length - from;
  if (digits < 1 || digits > maxDigits) return -1;
  let value = 0;
  for (let i = from; i < text.length; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** The eight 16-bit groups of the IPv6 address being read, and the same bytes as two 64-bit halves. */
const groups = new DataView(new ArrayBuffer(16));

/**
 * The plain IPv6 forms (eight groups of 1-4 hex digits, or fewer around one "::") as a number, by
 * hand: ipaddr.js's parse (a regular expression, then "::" expanded by text replacement and a split)
 * was ~45 ms of validating the scale-1 inventory's 40,000 IPv6 allocations, a regular expression and
 * split here ~25 ms, this one pass over the characters ~10 ms. Anything else (an embedded IPv4 tail,
 * a zone, a malformed text) gives undefined and goes to ipaddr.js, so what is accepted and how it
 * reads is ipaddr.js's (tests/inventory/ip.test.ts compares the two). The groups go into a reused
 * buffer, read back as two 64-bit halves: four BigInt steps per address, not seven.
 */
function ipv6Number(text: string): bigint | undefined {
  const COLON = 0x3a;
  let count = 0;
  let gap = -1;
  let i = 0;
  if (text.charCodeAt(0) === COLON) {
    if (text.charCodeAt(1) !== COLON) return undefined;
    gap = 0;
    i = 2;
  }
  // Groups, each followed by ":" or "::", until the text ends (after a group, or right after "::").
  while (!(i === text.length && gap === count)) {
    let value = 0;
    let digits = 0;
    for (let d = hexDigit(text.charCodeAt(i)); d >= 0; d = hexDigit(text.charCodeAt(++i))) {
      if (++digits > 4) return undefined;
      value = value * 16 + d;
    }
    if (digits === 0 || count === 8) return undefined;
    groups.setUint16(2 * count++, value);
    if (i === text.length) break;
    if (text.charCodeAt(i++) !== COLON) return undefined;
    if (text.charCodeAt(i) === COLON) {
      if (gap >= 0) return undefined;
      gap = count;
      i++;
    }
  }
  if (gap < 0 ? count !== 8 : count > 7) return undefined;
  if (gap >= 0) {
    // "::" stands for the zero groups between the ones before it and the ones after: move those to the end.
    const zeros = 8 - count;
    for (let k = count - 1; k >= gap; k--) groups.setUint16(2 * (k + zeros), groups.getUint16(2 * k));
    for (let k = gap; k < gap + zeros; k++) groups.setUint16(2 * k, 0);
  }
  return (groups.getBigUint64(0) << 64n) | groups.getBigUint64(8);
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}

/**
 * A dotted-quad IPv4 address as a number, by hand: ipaddr.js's parse tries IPv6 first (expanding
 * every IPv4 text as a would-be IPv6 one), which was a third of loading an inventory with 50,000
 * allocations, and it also accepts "10.1" and "0xA.0.0.1", which an inventory never means.
 */
const DOTTED_QUAD = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

function ipv4Number(text: string): number {
  const m = DOTTED_QUAD.exec(text);
  if (m === null) throw new Error(`not a dotted-quad IPv4 address: ${text}`);
  const a = Number(m[1]);
  const b = Number(m[2]);
  const c = Number(m[3]);
  const d = Number(m[4]);
  if (a > 255 || b > 255 || c > 255 || d > 255) throw new Error(`not a dotted-quad IPv4 address: ${text}`);
  return a * 2 ** 24 + b * 2 ** 16 + c * 2 ** 8 + d;
}

function prefixLength(text: string, max: number): number {
  const len = decimal(text, 0, 3);
  if (!(len >= 0 && len <= max)) throw new Error(`not a prefix length: /${text}`);
  return len;
}

/**
 * The range a text writes, or undefined. Not cached: the schema checks each address and validation
 * reads it again, but since the plain forms are parsed by hand (above) a second parse costs less
 * than a cache by text (on 60,000 fresh addresses: two parses ~60 ms, cache lookups and inserts
 * ~100 ms, docs/benchmarks.md).
 */
export function tryParseRange(text: string): IpRange | undefined {
  try {
    return parseRange(text);
  } catch {
    return undefined;
  }
}

export function contains(outer: IpRange, inner: IpRange): boolean {
  return outer.family === inner.family && inner.start >= outer.start && inner.end <= outer.end;
}

export function size(range: IpRange): bigint {
  return range.end - range.start + 1n;
}

/** The address at `offset` from the start of a range, as text. */
export function addressAt(range: IpRange, offset: bigint): string {
  const n = range.start + offset;
  if (n > range.end) throw new RangeError("offset outside the range");
  const byteCount = range.family === 4 ? 4 : 16;
  const bytes: number[] = new Array(byteCount);
  let v = n;
  for (let i = byteCount - 1; i >= 0; i--) {
    bytes[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

export interface Overlap<T> {
  first: T;
  second: T;
}

/**
 * Every item whose range overlaps an earlier one (by start address). Each overlapping item is
 * reported once, against the widest-reaching item seen before it, which is what a person fixing the
 * file needs: "this one collides with that one".
 */
export function findOverlaps<T>(items: readonly T[], rangeOf: (item: T) => IpRange | undefined): Overlap<T>[] {
  const withRange: { item: T; range: IpRange }[] = [];
  for (const item of items) {
    const range = rangeOf(item);
    if (range) withRange.push({ item, range });
  }
  withRange.sort((x, y) =>
    x.range.family !== y.range.family
      ? x.range.family - y.range.family
      : x.range.start < y.range.start
        ? -1
        : x.range.start > y.range.start
          ? 1
          : 0,
  );
  const overlaps: Overlap<T>[] = [];
  let reach: { item: T; range: IpRange } | undefined;
  for (const cur of withRange) {
    if (reach && reach.range.family === cur.range.family && cur.range.start <= reach.range.end) {
      overlaps.push({ first: reach.item, second: cur.item });
      if (cur.range.end > reach.range.end) reach = cur;
    } else {
      reach = cur;
    }
  }
  return overlaps;
}

/**
 * Whether the range's first address is private as ipaddr.js's range() names it (private,
 * uniqueLocal, carrierGradeNat, loopback), on the number itself: the text round trip (number →
 * bytes → text → parse → range) cost more than the check. The prefixes are ipaddr.js 2.5's special
 * ranges; no range it tests before these overlaps them (tests/inventory/ip.test.ts compares the two).
 */
export function isPrivate(range: IpRange): boolean {
  if (range.family === 4) {
    const n = Number(range.start);
    const a = Math.floor(n / 2 ** 24);
    const b = Math.floor(n / 2 ** 16) % 256;
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b < 128);
  }
  return range.start >> 121n === 0x7en || range.start === 1n; // fc00::/7, ::1
}

export function formatRange(range: IpRange): string {
  return range.start === range.end ? addressAt(range, 0n) : `${addressAt(range, 0n)}-${addressAt(range, range.end - range.start)}`;
}
