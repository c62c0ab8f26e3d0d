// Misbehaving SNMPv2c agents for fault tests, on real UDP sockets: one that answers every request
// with the OIDs it was asked for (non-increasing walk), one that answers with a truncated
// datagram, and one that never answers. The BER here is the minimum needed (written by hand
// because no library offers a deliberately broken agent).
import * as dgram from "node:dgram";

interface Tlv { tag: number; start: number; end: number; next: number }

function readTlv(b: Buffer, off: number): Tlv {
  const tag = b[off]!;
  let len = b[off + 1]!;
  let start = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = (len << 8) | b[off + 2 + i]!;
    start += n;
  }
  return { tag, start, end: start + len, next: start + len };
}

function children(b: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let off = t.start; off < t.end; ) {
    const c = readTlv(b, off);
    out.push(c);
    off = c.next;
  }
  return out;
}

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const len = n < 128 ? Buffer.from([n]) : n < 256 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, content]);
}

function int(v: number): Buffer {
  const bytes: number[] = [];
  let x = v;
  do {
    bytes.unshift(x & 0xff);
    x >>= 8;
  } while (x !== 0 && x !== -1);
  if (v >= 0 && bytes[0]! & 0x80) bytes.unshift(0);
  if (v < 0 && !(bytes[0]! & 0x80)) bytes.unshift(0xff);
  return tlv(0x02, Buffer.from(bytes));
}

/**
 * A well-behaved one-row table agent: GETBULK on an OID it has not handed out returns `<oid>.1`
 * (the first row); on a row it handed out, endOfMibView. GETs are echoed.
 */
function oneRowResponse(req: Buffer, handedOut: Set<string>): Buffer {
  const r = parseRequest(req);
  const vbs = Buffer.concat(
    r.oids.map((oid) => {
      if (r.pduTag !== 0xa5) return tlv(0x30, Buffer.concat([oid, int(1)]));
      if (handedOut.has(oid.toString("hex"))) return tlv(0x30, Buffer.concat([oid, Buffer.from([0x82, 0x00])]));
      const row = tlv(0x06, Buffer.concat([oid.subarray(2), Buffer.from([1])]));
      handedOut.add(row.toString("hex"));
      return tlv(0x30, Buffer.concat([row, int(1)]));
    }),
  );
  const pdu = tlv(0xa2, Buffer.concat([r.reqId, int(0), int(0), tlv(0x30, vbs)]));
  return tlv(0x30, Buffer.concat([r.version, r.community, pdu]));
}

/** Parses a v2c request: community raw bytes, request id bytes, requested OIDs (raw TLVs). */
function parseRequest(b: Buffer): { pduTag: number; version: Buffer; community: Buffer; reqId: Buffer; oids: Buffer[] } {
  const msg = readTlv(b, 0);
  const [version, community, pdu] = children(b, msg);
  const [reqId, , , vbl] = children(b, pdu!);
  const oids = children(b, vbl!).map((vb) => {
    const [oid] = children(b, vb);
    return b.subarray(oid!.start - (oid!.start - (vb.start)), oid!.end);
  });
  return { pduTag: pdu!.tag, version: b.subarray(msg.start, version!.next), community: b.subarray(community!.start - 2, community!.next), reqId: b.subarray(reqId!.start - 2, reqId!.next), oids };
}

/**
 * A GetResponse with INTEGER 1 for each requested OID. GET: the OID itself. GETBULK: a column OID
 * (11 arcs or fewer) gets its first row `.1`; a row OID gets ITSELF back, i.e. an OID that does
 * not increase, inside the subtree: a naive walker would loop forever.
 */
function echoResponse(req: Buffer): Buffer {
  const r = parseRequest(req);
  const answer = (oid: Buffer): Buffer => {
    if (r.pduTag !== 0xa5 || oid.length - 2 > 10) return oid; // encoded arcs: 1.3 → 1 byte, others 1 byte each here
    return tlv(0x06, Buffer.concat([oid.subarray(2), Buffer.from([1])]));
  };
  const vbs = Buffer.concat(r.oids.map((oid) => tlv(0x30, Buffer.concat([answer(oid), int(1)]))));
  const pdu = tlv(0xa2, Buffer.concat([r.reqId, int(0), int(0), tlv(0x30, vbs)]));
  return tlv(0x30, Buffer.concat([r.version, r.community, pdu]));
}

export type Misbehaviour = "non-increasing" | "truncated" | "silent" | "small-bulk-only";

export interface FakeAgent {
  port: number;
  requests: number;
  close(): Promise<void>;
}

export function startMisbehavingAgent(kind: Misbehaviour): Promise<FakeAgent> {
  return new Promise((resolve) => {
    const s = dgram.createSocket("udp4");
    const handedOut = new Set<string>();
    const agent: FakeAgent = {
      port: 0,
      requests: 0,
      close: () => new Promise<void>((r) => s.close(() => r())),
    };
    s.on("message", (msg, rinfo) => {
      agent.requests++;
      if (kind === "silent") return;
      let reply: Buffer;
      try {
        if (kind === "small-bulk-only") {
          // answers GETs and GETBULKs of at most 4 varbinds; larger GETBULKs are ignored
          const r = parseRequest(msg);
          if (r.pduTag === 0xa5 && r.oids.length > 4) return;
          reply = oneRowResponse(msg, handedOut);
        } else reply = echoResponse(msg);
      } catch {
        return;
      }
      if (kind === "truncated") reply = reply.subarray(0, Math.floor(reply.length / 2));
      s.send(reply, rinfo.port, rinfo.address);
    });
    s.bind(0, "127.0.0.1", () => {
      agent.port = s.address().port;
      resolve(agent);
    });
  });
}
