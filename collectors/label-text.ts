// OCTET STRING → label text, one rule per SNMP syntax, the same for every module, sink and
// endpoint. Pure. What agents send is often not clean text: Windows agents end ifDescr with a NUL,
// sysDescr carries CR LF, cheap agents send Latin-1 or garbage bytes, and MAC addresses are binary.
//
// - DisplayString (RFC 2579: NVT ASCII, in practice UTF-8 or Latin-1): decoded as UTF-8 with every
//   invalid sequence replaced by U+FFFD (the WHATWG decoder, as browsers and Node do); control
//   characters (C0 U+0000-U+001F including NUL, CR, LF, TAB; DEL; C1 U+0080-U+009F) are not kept:
//   a run of them inside the text becomes one space ("line1\r\nline2" → "line1 line2"), at either
//   end it is dropped (the trailing NUL); then cut at MAX_LABEL_CHARS characters.
// - PhysAddress48 (a MAC): "00:1A:2B:3C:4D:5E", as snmp_exporter's PhysAddress48 type renders it.
// - OctetString (binary): "0x" and upper-case hex, as snmp_exporter's OctetString type.
import type { SnmpSyntax } from "./modules";
import { counter64Text, isExceptionType, T, type Varbind } from "./varbind";

/**
 * Longest label value kept, in characters (code points): DisplayString's own bound (SIZE 0..255);
 * longer values (agents that ignore it) are cut there, never split inside a character.
 */
export const MAX_LABEL_CHARS = 255;

const decoder = new TextDecoder("utf-8", { fatal: false });
// eslint-disable-next-line no-control-regex
const CONTROL_RUN = /[\u0000-\u001f\u007f-\u009f]+/g;
// eslint-disable-next-line no-control-regex
const EDGE_CONTROLS = /^[\u0000-\u001f\u007f-\u009f]+|[\u0000-\u001f\u007f-\u009f]+$/g;

/** True when every byte is printable ASCII (0x20-0x7E): text that the rules above leave as it is. */
function printableAscii(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** DisplayString bytes (or text) → clean label text (see the rules above). */
export function displayText(value: Buffer | string): string {
  // Most names and descriptions: no decoder, no regular expressions (~450 labels per 150-port poll).
  if (typeof value !== "string" && value.length <= MAX_LABEL_CHARS && printableAscii(value)) return value.toString("latin1");
  const raw = typeof value === "string" ? value : decoder.decode(value);
  const text = raw.replace(EDGE_CONTROLS, "").replace(CONTROL_RUN, " ");
  return cut(text, MAX_LABEL_CHARS);
}

/**
 * A MAC address (or any binary address) as colon-separated upper-case hex octets. An empty value
 * (interfaces without an address, e.g. Null0) is six zero octets, as prometheus-snmp-exporter 0.21
 * renders it (tests/collectors/snmp-exporter-compat.test.ts compares them on a Cisco recording).
 */
export function physAddress(value: Buffer): string {
  if (value.length === 0) return "00:00:00:00:00:00";
  return [...value].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(":");
}

/** Binary OCTET STRING as 0x-prefixed upper-case hex. */
export function hexString(value: Buffer): string {
  return value.length === 0 ? "" : `0x${value.toString("hex").toUpperCase()}`;
}

function cut(s: string, max: number): string {
  if (s.length <= max) return s; // UTF-16 length ≥ code points: nothing to cut
  const points = Array.from(s);
  return points.length <= max ? s : points.slice(0, max).join("");
}

/** A varbind as label text under the object's SNMP syntax (lookups, info labels, string columns). */
export function labelValue(vb: Varbind, syntax: SnmpSyntax): string {
  if (isExceptionType(vb.type)) return "";
  if (Buffer.isBuffer(vb.value)) {
    if (syntax === "PhysAddress48") return physAddress(vb.value);
    if (syntax === "OctetString") return hexString(vb.value);
    return displayText(vb.value);
  }
  if (vb.type === T.Counter64) return counter64Text(vb.value);
  return displayText(String(vb.value ?? ""));
}
