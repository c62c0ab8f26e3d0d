// A faster decoder for BER-encoded OBJECT IDENTIFIERs, plugged into asn1-ber's Reader (which
// net-snmp decodes every varbind with). The original builds an array of arcs, shifts and unshifts
// it and joins it: one array and its growth per varbind, ~4 % of a poll's CPU in the profile plus
// the garbage (docs/benchmarks.md). This one builds the dotted text directly and returns exactly
// what the original returns for every input, including its quirks (the first octet split as
// value/40 and value%40 whatever the value; 32-bit arithmetic; "0.NaN" for an empty OID);
// tests/collectors/ber-oid.test.ts compares the two.

/** The dotted text of an OID's content octets, as asn1-ber's Reader.readOID returns it. */
export function oidText(b: Uint8Array): string {
  let out = "";
  let first = true;
  let value = 0;
  for (let i = 0; i < b.length; i++) {
    const byte = b[i]! & 0xff;
    value <<= 7;
    value += byte & 0x7f;
    if ((byte & 0x80) === 0) {
      const arc = value >>> 0;
      if (first) {
        out = `${(arc / 40) >> 0}.${arc % 40}`;
        first = false;
      } else {
        out += `.${arc}`;
      }
      value = 0;
    }
  }
  return first ? "0.NaN" : out;
}

interface BerReader {
  readString(tag: number, retbuf: true): Buffer | null;
}

/** Replaces Reader.prototype.readOID of the asn1-ber module net-snmp uses (idempotent). */
export function installFastOidReader(reader: { prototype: unknown }, oidTag: number): void {
  const proto = reader.prototype as BerReader & { readOID: (tag?: number) => string | null; spbeFastOid?: true };
  if (proto.spbeFastOid) return;
  proto.readOID = function readOID(this: BerReader, tag?: number): string | null {
    const b = this.readString(tag || oidTag, true);
    return b === null ? null : oidText(b);
  };
  proto.spbeFastOid = true;
}
