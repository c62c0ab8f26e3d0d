// A faster decoder for BER-encoded OBJECT IDENTIFIERs, plugged into asn1-ber's Reader (which
// net-snmp decodes every varbind with). The original builds an array of arcs, shifts and unshifts
// it and joins it: one array and its growth per varbind, ~4 % of a poll's CPU in the profile plus
// the garbage (docs/benchmarks.md). This one writes the dotted text directly and returns exactly
// what the original returns for every input, including its quirks (the first octet split as
// value/40 and value%40 whatever the value; 32-bit arithmetic; "0.NaN" for an empty OID);
// tests/collectors/poll-path-exact.test.ts compares the two.

/** Where oidText writes the digits: one latin1 slice of it is the result, a flat string. */
let scratch = Buffer.allocUnsafe(256);

/** Writes `n` (an integer in 0..2^32-1) in decimal at `at`; returns the end. */
function putDecimal(n: number, at: number): number {
  if (n < 10) {
    scratch[at] = 48 + n;
    return at + 1;
  }
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  const end = at + digits;
  for (let k = end - 1; k >= at; k--) {
    scratch[k] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
  return end;
}

/**
 * The dotted text of an OID's content octets, as asn1-ber's Reader.readOID returns it. Written as
 * ASCII into a scratch buffer and read back as one latin1 string: appending arc by arc builds a
 * rope that the walk's first compare then flattens, twice the work (docs/benchmarks.md).
 */
export function oidText(b: Uint8Array): string {
  return oidTextAt(b, 0, b.length);
}

/** oidText of the octets b[start..end), read in place. */
function oidTextAt(b: Uint8Array, start: number, end: number): string {
  // An arc is at least one octet and at most 10 digits plus its dot; the first octet gives two arcs.
  if (scratch.length < (end - start) * 11 + 12) scratch = Buffer.allocUnsafe((end - start) * 11 + 12);
  let n = 0;
  let first = true;
  let value = 0;
  for (let i = start; i < end; i++) {
    const byte = b[i]! & 0xff;
    value <<= 7;
    value += byte & 0x7f;
    if ((byte & 0x80) === 0) {
      const arc = value >>> 0;
      if (first) {
        n = putDecimal((arc / 40) >> 0, n);
        scratch[n++] = 46; // '.'
        n = putDecimal(arc % 40, n);
        first = false;
      } else {
        scratch[n++] = 46;
        n = putDecimal(arc, n);
      }
      value = 0;
    }
  }
  return first ? "0.NaN" : scratch.toString("latin1", 0, n);
}

interface BerReader {
  _buf: Buffer;
  _size: number;
  _offset: number;
  readonly length: number;
  peek(): number | null;
  readLength(offset: number): number | null;
  readString(tag: number, retbuf: true): Buffer | null;
}

/**
 * Replaces Reader.prototype.readOID of the asn1-ber module net-snmp uses (idempotent). It reads the
 * content octets in place where readString would slice them into a new Buffer first (one object
 * per varbind for the collector to collect); anything unusual (another tag, no bytes left) goes
 * through readString, so errors and nulls stay the original's.
 */
export function installFastOidReader(reader: { prototype: unknown }, oidTag: number): void {
  const proto = reader.prototype as BerReader & { readOID: (tag?: number) => string | null; spbeFastOid?: true };
  if (proto.spbeFastOid) return;
  proto.readOID = function readOID(this: BerReader, tag?: number): string | null {
    const t = tag || oidTag;
    if (this.peek() !== t) {
      const b = this.readString(t, true);
      return b === null ? null : oidText(b);
    }
    const start = this.readLength(this._offset + 1);
    if (start === null || this.length > this._size - start) return null;
    const end = start + this.length;
    this._offset = end;
    return oidTextAt(this._buf, start, end);
  };
  proto.spbeFastOid = true;
}

interface BerWriter {
  _buf: Buffer;
  _offset: number;
  _ensure(len: number): void;
  writeByte(b: number): void;
  writeLength(len: number): void;
}

/** The arcs' octets of the OID being written (reused: one request writes several OIDs in a row). */
const octets: number[] = [];

/** Appends one arc as asn1-ber's encodeOctet does: the same 32-bit shifts, so the same bytes for any value. */
function pushArc(v: number): void {
  if (v < 128) octets.push(v);
  else if (v < 16384) octets.push((v >>> 7) | 0x80, v & 0x7f);
  else if (v < 2097152) octets.push((v >>> 14) | 0x80, ((v >>> 7) | 0x80) & 0xff, v & 0x7f);
  else if (v < 268435456) octets.push((v >>> 21) | 0x80, ((v >>> 14) | 0x80) & 0xff, ((v >>> 7) | 0x80) & 0xff, v & 0x7f);
  else octets.push(((v >>> 28) | 0x80) & 0xff, ((v >>> 21) | 0x80) & 0xff, ((v >>> 14) | 0x80) & 0xff, ((v >>> 7) | 0x80) & 0xff, v & 0x7f);
}

/**
 * The octets of a dotted OID as asn1-ber's Writer.writeOID computes them, or false for anything it
 * treats otherwise (not digits and dots, fewer than two arcs, an arc of 16 digits or more, which
 * parseInt may round differently): those go to the original, which also throws its own errors.
 */
function oidOctets(s: string): boolean {
  octets.length = 0;
  let arcs = 0;
  let first = 0;
  let arc = 0;
  let digits = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46; // the end closes the last arc like a '.'
    if (c >= 48 && c <= 57) {
      arc = arc * 10 + (c - 48);
      if (++digits > 15) return false;
      continue;
    }
    if (c !== 46 || digits === 0) return false;
    if (arcs === 0) first = arc;
    else if (arcs === 1) octets.push(first * 40 + arc); // as the original: one raw byte, never split in 7-bit groups
    else pushArc(arc);
    arcs++;
    arc = 0;
    digits = 0;
  }
  return arcs >= 2;
}

/**
 * Replaces Writer.prototype.writeOID of the asn1-ber module net-snmp uses (idempotent). The original
 * tests a regular expression, splits the string, parses each arc with parseInt and writes byte by
 * byte through closures: ~1.7 µs per OID, 3 % of the poll path's main thread for the ~180 OIDs a
 * poll's GETBULKs carry (docs/benchmarks.md, fourth pass). This one scans the text once; the bytes
 * written are the original's for every input (tests/collectors/poll-path-exact.test.ts).
 */
export function installFastOidWriter(writer: { prototype: unknown }, oidTag: number): void {
  const proto = writer.prototype as BerWriter & { writeOID: (s: unknown, tag?: unknown) => void; spbeFastOid?: true };
  if (proto.spbeFastOid) return;
  const original = proto.writeOID;
  proto.writeOID = function writeOID(this: BerWriter, s: unknown, tag?: unknown): void {
    if (typeof s !== "string" || !oidOctets(s)) return original.call(this, s, tag);
    const n = octets.length;
    this.writeByte(typeof tag === "number" ? tag : oidTag);
    this.writeLength(n);
    this._ensure(n);
    // Stored as writeByte stores them (a Uint8Array store: the same wrap of the raw first byte).
    for (let i = 0; i < n; i++) this._buf[this._offset++] = octets[i]!;
  };
  proto.spbeFastOid = true;
}
