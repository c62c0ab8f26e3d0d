// Decoding of net-snmp varbind values into exact numbers and strings. Pure functions.
// Counter64 arrives from net-snmp as a big-endian Buffer and is kept as an exact decimal string:
// values below 2^53 (all but ~8 PB of traffic) go through a double, which holds them exactly and
// costs no BigInt; larger ones through a BigInt, so they are never rounded (snmp_exporter would
// round them: it exposes float64).

/** net-snmp's ObjectType codes (ASN.1 tags) that matter here. */
export const T = {
  Boolean: 1,
  Integer: 2,
  OctetString: 4,
  Null: 5,
  OID: 6,
  IpAddress: 64,
  Counter: 65,
  Gauge: 66,
  TimeTicks: 67,
  Opaque: 68,
  Counter64: 70,
  NoSuchObject: 128,
  NoSuchInstance: 129,
  EndOfMibView: 130,
} as const;

export interface Varbind {
  oid: string;
  type: number;
  value: unknown;
}

export function isExceptionType(type: number): boolean {
  return type === T.NoSuchObject || type === T.NoSuchInstance || type === T.EndOfMibView || type === T.Null;
}

/** Counter64 bytes (big-endian, any length) → exact unsigned BigInt. */
export function counter64ToBigInt(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return BigInt(Math.trunc(v));
  if (Buffer.isBuffer(v)) return v.length === 0 ? 0n : BigInt(`0x${v.toString("hex")}`);
  throw new TypeError(`not a Counter64 value: ${typeof v}`);
}

const TWO_POW_32 = 4294967296;
/** 2^53 / 2^32: a Counter64 whose upper 32 bits are below this fits a double exactly. */
const EXACT_HIGH_WORD_LIMIT = 0x200000;

/** Counter64 value → exact unsigned decimal text; a double when it holds the value exactly, else a BigInt. */
export function counter64Text(v: unknown): string {
  if (Buffer.isBuffer(v) && v.length <= 8) {
    let high = 0;
    let low = 0;
    const n = v.length;
    for (let i = 0; i < n; i++) {
      if (n - i > 4) high = high * 256 + v[i]!;
      else low = low * 256 + v[i]!;
    }
    if (high < EXACT_HIGH_WORD_LIMIT) return String(high * TWO_POW_32 + low);
  }
  return counter64ToBigInt(v).toString();
}

/**
 * A numeric varbind as an exact decimal string, or undefined when the varbind carries no number
 * (exceptions, strings, OIDs). Integers stay integers: no float formatting, no rounding.
 */
export function numericValue(vb: Varbind): string | undefined {
  switch (vb.type) {
    case T.Integer:
    case T.Counter:
    case T.Gauge:
    case T.TimeTicks:
      return typeof vb.value === "number" && Number.isFinite(vb.value) ? String(vb.value) : undefined;
    case T.Counter64:
      try {
        return counter64Text(vb.value);
      } catch {
        return undefined;
      }
    case T.Boolean:
      return vb.value ? "1" : "0";
    case T.OctetString: {
      // Some agents send numbers as strings (e.g. UCD's laLoad); accept a plain decimal.
      const s = Buffer.isBuffer(vb.value) ? vb.value.toString("latin1") : String(vb.value);
      return /^-?\d+(\.\d+)?$/.test(s.trim()) ? s.trim() : undefined;
    }
    default:
      return undefined;
  }
}

/** A varbind as raw text (OID, IpAddress, a number; bytes as UTF-8). Labels go through label-text.ts. */
export function stringValue(vb: Varbind): string {
  if (isExceptionType(vb.type)) return "";
  if (Buffer.isBuffer(vb.value)) return vb.value.toString("utf8");
  if (vb.type === T.Counter64) return counter64Text(vb.value);
  return String(vb.value ?? "");
}

/**
 * Numeric compare of dotted OIDs: -1, 0, 1. Called for every walked varbind, so it allocates
 * nothing: skip the common prefix, then compare the arc where they differ (a longer digit run is the
 * larger number: decoded OIDs have no leading zeros); a prefix of the other is smaller.
 * `shared`: a length both are known to begin with alike (a walked column's OID, for its rows), where
 * the scan may start: each charCodeAt costs a check of the string's representation, and the column
 * is ~20 of a row OID's ~24 characters (docs/benchmarks.md, fourth pass).
 */
export function compareOids(a: string, b: string, shared = 0): number {
  const n = Math.min(a.length, b.length);
  let k = Math.min(shared, n);
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  if (k === a.length && k === b.length) return 0;
  let start = k;
  while (start > 0 && a.charCodeAt(start - 1) !== 46) start--; // '.'
  let endA = start;
  while (endA < a.length && a.charCodeAt(endA) !== 46) endA++;
  let endB = start;
  while (endB < b.length && b.charCodeAt(endB) !== 46) endB++;
  if (endA - start !== endB - start) return endA - start < endB - start ? -1 : 1;
  if (k < endA) return a.charCodeAt(k) < b.charCodeAt(k) ? -1 : 1;
  // Same arcs up to here: the one that ends is a prefix of the other.
  return a.length === endA ? -1 : 1;
}

/**
 * True when `oid` lies strictly inside the subtree rooted at `base`. lastIndexOf(base, 0) tests only
 * position 0, as startsWith does, at half its cost here (45 against 93 ns per walked varbind, node 20:
 * optimized startsWith compares character by character; docs/benchmarks.md, fourth pass).
 */
export function inSubtree(base: string, oid: string): boolean {
  return oid.length > base.length && oid.charCodeAt(base.length) === 46 && oid.lastIndexOf(base, 0) === 0; // 46: '.'
}
