// An inventory file's bytes as text, refused when they are not UTF-8. Node's "utf8" decoding turns a
// bad byte into U+FFFD without a word, so a Latin-1 "é" pasted from a spreadsheet would become part
// of a name; YAML 1.2 files are UTF-8, and the author must learn where the bad byte stands.
import type { Diagnostic } from "./diagnostics";

const FATAL = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const LENIENT = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
const REPLACEMENT = 0xfffd;

export type Decoded = { text: string } | { diagnostic: Diagnostic };

export function decodeInventory(bytes: Uint8Array, file: string): Decoded {
  try {
    return { text: FATAL.decode(bytes) };
  } catch {
    const { line, column, byteOffset } = firstBadByte(bytes);
    const byte = bytes[byteOffset]!.toString(16).toUpperCase().padStart(2, "0");
    return { diagnostic: { severity: "error", code: "file.not-utf8", path: [], params: { byte: `0x${byte}`, offset: byteOffset }, file, line, column } };
  }
}

/**
 * Where the first byte that is not UTF-8 stands. The decoders give no offset, so the lenient decoding
 * is walked: the first U+FFFD whose bytes in the file are not the three bytes of a real U+FFFD
 * (EF BF BD) is the bad one. Written by hand: no maintained library reports the offset.
 */
function firstBadByte(bytes: Uint8Array): { line: number; column: number; byteOffset: number } {
  const text = LENIENT.decode(bytes);
  let byteOffset = 0;
  let line = 1;
  let column = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code === REPLACEMENT && !(bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd)) {
      return { line, column, byteOffset };
    }
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    byteOffset += width;
    if (code > 0xffff) i++; // a surrogate pair is one character of the file
    if (code === 0x0a) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { line, column, byteOffset: Math.min(byteOffset, bytes.length - 1) };
}
