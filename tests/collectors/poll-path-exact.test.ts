// The poll path's fast decoders give exactly what the slow, obvious ones give: OID order without
// splitting strings, Counter64 text without BigInt below 2^53, and the BER OID reader and writer that
// replace asn1-ber's (collectors/ber-oid.ts), on boundary values and on many random inputs.
import { describe, expect, it } from "vitest";
import { installFastOidReader, installFastOidWriter, oidText } from "../../collectors/ber-oid";
import { compareOids, counter64Text } from "../../collectors/varbind";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ber: any = require(require.resolve("asn1-ber", { paths: [require.resolve("net-snmp")] })).Ber;

/** The obvious compare, as varbind.ts had it before: split and compare arc by arc. */
function compareBySplit(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return pa.length === pb.length ? 0 : pa.length < pb.length ? -1 : 1;
}

/** A seeded generator, so that a failure names inputs that can be replayed. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

function randomOid(r: () => number): string {
  const arcs = [1, 3, 6, 1, 2, 1];
  const n = 1 + Math.floor(r() * 6);
  const sizes = [10, 200, 70000, 2 ** 31];
  for (let i = 0; i < n; i++) arcs.push(Math.floor(r() * sizes[Math.floor(r() * sizes.length)]!));
  return arcs.join(".");
}

describe("compareOids", () => {
  it("orders OIDs as comparing arc by arc does, on 20,000 random pairs with shared prefixes", () => {
    const r = rng(7);
    for (let i = 0; i < 20_000; i++) {
      const a = randomOid(r);
      // b: a itself, a prefix of a, a extended, or a with its last arc changed
      const arcs = a.split(".");
      const k = Math.floor(r() * 4);
      const b = k === 0 ? a : k === 1 ? arcs.slice(0, -1).join(".") : k === 2 ? `${a}.${Math.floor(r() * 1000)}` : [...arcs.slice(0, -1), String(Math.floor(r() * 100000))].join(".");
      expect([a, b, compareOids(a, b)]).toEqual([a, b, compareBySplit(a, b)]);
      expect([b, a, compareOids(b, a)]).toEqual([b, a, compareBySplit(b, a)]);
    }
  });
  it("gives the same order when told the length of a column both lie under (the walk's case)", () => {
    const r = rng(11);
    for (let i = 0; i < 20_000; i++) {
      const column = randomOid(r);
      const row = () => `${column}.${Array.from({ length: 1 + Math.floor(r() * 3) }, () => Math.floor(r() * [10, 200, 70000, 2 ** 31][Math.floor(r() * 4)]!)).join(".")}`;
      const a = row();
      const b = r() < 0.1 ? column : r() < 0.2 ? a : row();
      expect([a, b, compareOids(a, b, column.length)]).toEqual([a, b, compareBySplit(a, b)]);
      expect([b, a, compareOids(b, a, column.length)]).toEqual([b, a, compareBySplit(b, a)]);
    }
  });
  it.each([
    ["1.3.6.1.2.1.31.1.1.1.6.9", "1.3.6.1.2.1.31.1.1.1.6.10", -1],
    ["1.3.6.1.2.1.31.1.1.1.6.10", "1.3.6.1.2.1.31.1.1.1.6.9", 1],
    ["1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.2.2.1.10.1", -1],
    ["1.3.6.1.2.1.2.2.1.10.1", "1.3.6.1.2.1.2.2.1.2", 1],
    ["1.3.6.1.4.1.9.9", "1.3.6.1.4.1.9.9", 0],
  ] as const)("%s vs %s = %i", (a, b, want) => expect(compareOids(a, b)).toBe(want));
});

describe("counter64Text", () => {
  const be = (v: bigint, bytes = 8) => {
    const b = Buffer.alloc(bytes);
    for (let i = bytes - 1, x = v; i >= 0; i--, x >>= 8n) b[i] = Number(x & 0xffn);
    return b;
  };
  it.each([0n, 1n, 255n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n])("%s is exact", (v) => {
    expect(counter64Text(be(v))).toBe(v.toString());
  });
  it("reads short buffers (leading zeros trimmed) and a 9-byte one (a leading zero octet)", () => {
    expect(counter64Text(Buffer.from([0x01, 0x00]))).toBe("256");
    expect(counter64Text(Buffer.alloc(0))).toBe("0");
    expect(counter64Text(be(2n ** 64n - 1n, 9))).toBe("18446744073709551615");
  });
  it("agrees with BigInt on 20,000 random values of every width", () => {
    const r = rng(11);
    for (let i = 0; i < 20_000; i++) {
      const bits = 1 + Math.floor(r() * 64);
      const v = BigInt(Math.floor(r() * 2 ** 32)) * 2n ** 32n + BigInt(Math.floor(r() * 2 ** 32));
      const x = v & ((1n << BigInt(bits)) - 1n);
      expect(counter64Text(be(x))).toBe(x.toString());
    }
  });
});

describe("BER OID reader", () => {
  const encode = (oid: string) => {
    const w = new Ber.Writer();
    w.writeOID(oid);
    return w.buffer as Buffer;
  };
  // A reader class of its own, so the original Reader.prototype.readOID stays there to compare with.
  function FastReader(this: unknown, buf: Buffer) {
    Ber.Reader.call(this, buf);
  }
  FastReader.prototype = Object.create(Ber.Reader.prototype);
  installFastOidReader(FastReader as never, 0x06);
  const original = (buf: Buffer) => new Ber.Reader(buf).readOID();
  const fast = (buf: Buffer) => new (FastReader as any)(buf).readOID();

  it("decodes what asn1-ber's own reader decodes, on 20,000 random OIDs", () => {
    expect(Ber.Reader.prototype.spbeFastOid).toBeUndefined(); // the comparison is against the original
    const r = rng(3);
    for (let i = 0; i < 20_000; i++) {
      const buf = encode(randomOid(r));
      expect(fast(buf)).toBe(original(buf));
    }
  });
  it("keeps the original's quirks: arcs above 2^32 wrap, an empty OID, a truncated one", () => {
    for (const buf of [
      encode("1.3.6.1.4294967295"),
      Buffer.from([0x06, 0x06, 0x2b, 0x9f, 0xff, 0xff, 0xff, 0x7f]), // one arc of 35 bits
      Buffer.from([0x06, 0x00]),
      Buffer.from([0x06, 0x03, 0x2b, 0x06, 0x81]), // last arc never ends
      Buffer.from([0x06, 0x05, 0x2b]), // shorter than its length
    ]) expect(fast(buf)).toBe(original(buf));
    expect(oidText(Buffer.from([0x2b, 0x06, 0x01]))).toBe("1.3.6.1");
  });
});

describe("BER OID writer", () => {
  // A writer class of its own, so the original Writer.prototype.writeOID stays there to compare with.
  function FastWriter(this: unknown, options?: unknown) {
    Ber.Writer.call(this, options);
  }
  FastWriter.prototype = Object.create(Ber.Writer.prototype);
  installFastOidWriter(FastWriter as never, 0x06);
  const write = (W: any, oid: unknown, tag?: unknown, before = 0): Buffer | string => {
    const w = new W({ size: 8 }); // small, so the buffer grows while writing
    for (let i = 0; i < before; i++) w.writeOID("1.3.6.1.2.1.2.2.1.10");
    try {
      w.writeOID(oid, tag);
    } catch (e) {
      return `throws ${(e as Error).message}`;
    }
    return w.buffer as Buffer;
  };

  it("writes what asn1-ber's own writer writes, on 20,000 random OIDs, after 0-3 others", () => {
    expect(Ber.Writer.prototype.spbeFastOid).toBeUndefined(); // the comparison is against the original
    const r = rng(5);
    for (let i = 0; i < 20_000; i++) {
      const oid = randomOid(r);
      const before = i % 4;
      expect([oid, write(FastWriter, oid, undefined, before)]).toEqual([oid, write(Ber.Writer, oid, undefined, before)]);
    }
  });
  it.each([
    ["1.3.6.1.4294967295"], ["1.3.6.1.4294967296"], ["1.3.6.1.9007199254740993"], ["1.3.6.1.123456789012345678901"],
    ["7.300.1"], ["2.999"], ["1.3"], ["1"], [""], ["1..3"], [".1.3"], ["1.3."], ["1.3.x"], ["1.3.6.1.0"], ["0.0"],
  ])("keeps the original's bytes or error for %j", (oid) => {
    expect(write(FastWriter, oid)).toEqual(write(Ber.Writer, oid));
    expect(write(FastWriter, oid, 0x80)).toEqual(write(Ber.Writer, oid, 0x80));
  });
  it("hands non-strings to the original (its TypeError)", () => {
    expect(write(FastWriter, 42)).toEqual(write(Ber.Writer, 42));
  });
});
