// Pieces deflated ahead of time join into one gzip stream that zlib reads back exactly, its trailer's
// CRC-32 combined from the pieces' (collectors/gzip-stream.ts).
import { crc32, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32Combine, deflatePiece, GzipStream, STORED_BELOW } from "../../collectors/gzip-stream";

describe("gzip stream from deflated pieces", () => {
  it("combines CRC-32s as if the text were read in one go", () => {
    const a = Buffer.from("ifHCInOctets{ifIndex=\"1\"} 1\n");
    const b = Buffer.from("ifHCInOctets{ifIndex=\"2\"} 18446744073709551615\n".repeat(1000));
    expect(crc32Combine(crc32(a), crc32(b), deflatePiece(b).shift)).toBe(crc32(Buffer.concat([a, b])));
    expect(crc32Combine(crc32(a), crc32(Buffer.alloc(0)), deflatePiece(Buffer.alloc(0)).shift)).toBe(crc32(a));
  });

  it("gunzips to the pieces' text in order, empty pieces and a tail included, in any order of compression", () => {
    const texts = Array.from({ length: 200 }, (_, i) => Buffer.from(i % 17 === 0 ? "" : `# piece ${i}\n${"x".repeat(i * 37)}\n`));
    const pieces = texts.map((t) => deflatePiece(t)).reverse().reverse(); // compressed independently
    // both kinds in the stream: small pieces stored as they are, larger ones deflated
    expect(pieces.filter((p, i) => texts[i]!.length < STORED_BELOW).every((p, i) => p.deflate.length === texts.filter((t) => t.length < STORED_BELOW)[i]!.length + 5)).toBe(true);
    expect(pieces.filter((p, i) => texts[i]!.length > 4 * STORED_BELOW).every((p, i) => p.deflate.length < texts.filter((t) => t.length > 4 * STORED_BELOW)[i]!.length / 4)).toBe(true);
    const gz = new GzipStream();
    const body = Buffer.concat([gz.header(), ...pieces.map((p) => gz.add(p)), gz.end("# tail ünïcode\n")]);
    expect(gunzipSync(body).equals(Buffer.concat([...texts, Buffer.from("# tail ünïcode\n")]))).toBe(true);
    // Tampering with one piece's CRC is caught by the trailer: the CRC is really checked.
    const bad = new GzipStream();
    const wrong = Buffer.concat([bad.header(), ...pieces.map((p, i) => bad.add(i === 5 ? { ...p, crc: p.crc ^ 1 } : p)), bad.end("")]);
    expect(() => gunzipSync(wrong)).toThrow(/check/);
  });

  it("an empty store's body is a valid empty gzip stream", () => {
    const gz = new GzipStream();
    expect(gunzipSync(Buffer.concat([gz.header(), gz.end("")])).length).toBe(0);
  });
});
