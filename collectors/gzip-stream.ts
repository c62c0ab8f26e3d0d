// One gzip stream assembled from pieces compressed ahead of time. Each piece is raw deflate of one
// chunk of text ending in a sync flush (byte-aligned, not final, no reference to earlier data), so
// pieces concatenate into one valid deflate stream in any order; the gzip trailer's CRC-32 of the
// whole text is combined from the pieces' CRCs (zlib's crc32_combine) instead of reading the text
// again. One gzip member, not one per piece: curl (7.88) and other clients stop after the first
// member of a multi-member body, although RFC 1952 allows them (docs/benchmarks.md). Pure but for zlib.
import { constants, crc32, deflateRawSync } from "node:zlib";

/** zlib level 1: the cheapest; this text compresses ~20x at it (docs/benchmarks.md). */
const LEVEL = 1;

export interface DeflatePiece {
  /** Raw deflate of the text, ending in a sync flush. */
  deflate: Buffer;
  crc: number;
  /** Length of the text in bytes. */
  length: number;
  /** x^(8·length) mod the CRC polynomial: what combining a CRC across this piece multiplies by. */
  shift: number;
}

const POLY = 0xedb88320;

/** a·b modulo the CRC-32 polynomial (reflected), as zlib's multmodp. */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p = (p ^ b) >>> 0;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? ((b >>> 1) ^ POLY) >>> 0 : b >>> 1;
  }
  return p;
}

/** X2N[k] = x^(2^k) mod p, as zlib's x2n_table. */
const X2N: number[] = (() => {
  const t: number[] = [];
  let p = 0x40000000; // x^1
  t.push(p);
  for (let n = 1; n < 32; n++) t.push((p = multModP(p, p)));
  return t;
})();

/** x^(8·bytes) mod p: zlib's x2nmodp(bytes, 3). */
function byteShift(bytes: number): number {
  let p = 0x80000000; // x^0
  let k = 3;
  for (let n = bytes; n > 0; n = Math.floor(n / 2), k++) if (n % 2 === 1) p = multModP(X2N[k & 31]!, p);
  return p;
}

/** CRC-32 of A then B, from CRC(A), CRC(B) and B's shift. */
export function crc32Combine(crcA: number, crcB: number, shiftB: number): number {
  return (multModP(shiftB, crcA) ^ crcB) >>> 0;
}

/**
 * Below this many bytes a piece is sent as a stored (uncompressed) block: each deflateRawSync call
 * costs ~40 µs before compressing anything (a zlib stream object per call), more than a poll's
 * one-line families (spbe_snmp_up, ...) can save on the wire (docs/benchmarks.md).
 */
export const STORED_BELOW = 1024;

/**
 * A non-final stored block (RFC 1951 §3.2.4) at a byte boundary: header bits 000 padded to the
 * byte, LEN and its ones' complement (little-endian), the bytes. Byte-aligned at both ends, like a
 * deflated piece after its sync flush, so the two kinds mix in one stream.
 */
function storedBlock(text: Buffer): Buffer {
  const out = Buffer.allocUnsafe(5 + text.length);
  out[0] = 0;
  out.writeUInt16LE(text.length, 1);
  out.writeUInt16LE(~text.length & 0xffff, 3);
  text.copy(out, 5);
  return out;
}

export function deflatePiece(text: Buffer): DeflatePiece {
  const deflate = text.length < STORED_BELOW ? storedBlock(text) : deflateRawSync(text, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH });
  return { deflate, crc: crc32(text), length: text.length, shift: byteShift(text.length) };
}

/** gzip header: deflate, no name or time, extra flags 0, OS unknown (255). */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);

/** The running state of one gzip body: header first, pieces in order, then end(). */
export class GzipStream {
  private crc = 0;
  private length = 0;

  header(): Buffer {
    return HEADER;
  }

  /** Takes the piece into the trailer's CRC and length; returns its bytes to send. */
  add(p: DeflatePiece): Buffer {
    this.crc = crc32Combine(this.crc, p.crc, p.shift);
    this.length += p.length;
    return p.deflate;
  }

  /** The last text (may be empty) as the final deflate block, then the trailer (CRC-32, length mod 2^32). */
  end(text: Buffer | string): Buffer {
    const last = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    const crc = crc32Combine(this.crc, crc32(last), byteShift(last.length));
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc, 0);
    trailer.writeUInt32LE((this.length + last.length) % 2 ** 32, 4);
    return Buffer.concat([deflateRawSync(last, { level: LEVEL }), trailer]);
  }
}
