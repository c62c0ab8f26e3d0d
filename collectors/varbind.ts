// Decoding of net-snmp varbind values into exact numbers and strings. Pure functions.
// Counter64 arrives from net-snmp as a big-endian Buffer: it is turned into a BigInt and kept as a
// decimal string, so values above 2^53 are never rounded through a JavaScript double.

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
        return counter64ToBigInt(vb.value).toString();
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
  if (vb.type === T.Counter64) return counter64ToBigInt(vb.value).toString();
  return String(vb.value ?? "");
}

/** Numeric compare of dotted OIDs: -1, 0, 1. */
export function compareOids(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = Number(pa[i]);
    const y = Number(pb[i]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length === pb.length ? 0 : pa.length < pb.length ? -1 : 1;
}

/** True when `oid` lies strictly inside the subtree rooted at `base`. */
export function inSubtree(base: string, oid: string): boolean {
  return oid.length > base.length && oid.startsWith(base) && oid.charCodeAt(base.length) === 46; // '.'
}
