// Zone transfer (AXFR, RFC 5936) from the Dinas DNS server over TCP, with dns-packet for the wire
// format: Node's resolver cannot transfer a zone. A server that refuses (the usual, and right, setting
// towards the Internet), closes the connection or never answers gives a ZoneTransferFact with the
// reason, never an exception: the observer then falls back to the names it knows.
import { randomInt } from "node:crypto";
import * as net from "node:net";
import * as packet from "dns-packet";
import type { Failure, ZoneTransferFact } from "../../facts/schema";
import { normalizeName } from "../../inventory/dns-names";
import { formatDnsServer, type DnsServer } from "../../inventory/dns-server";
import { axfrSource } from "../sources";

export interface ZoneTransfer {
  fact: ZoneTransferFact;
  /** Distinct owner names of the transferred records that carry an address or an alias (A, AAAA, CNAME). */
  names: string[];
}

/** DNS response codes (RFC 1035 4.1.1, RFC 2136) as the reason codes of a fact. */
const RCODES: Record<number, string> = { 1: "format-error", 2: "servfail", 3: "nxdomain", 4: "not-implemented", 5: "refused", 9: "notauth" };

export function zoneTransfer(zone: string, server: DnsServer, opts: { timeoutMs: number; now?: () => Date }): Promise<ZoneTransfer> {
  const origin = normalizeName(zone);
  const where = formatDnsServer(server);
  const now = opts.now ?? (() => new Date());
  const id = randomInt(0, 65536);
  return new Promise((resolve) => {
    const owners = new Set<string>();
    let soaSeen = 0;
    let buffered = Buffer.alloc(0);
    let settled = false;
    const finish = (error?: Failure) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const fact: ZoneTransferFact = {
        zone: origin,
        server: where,
        allowed: !error,
        ...(error ? {} : { names: owners.size }),
        ...(error ? { error } : {}),
        source: axfrSource(where),
        observedAt: now().toISOString(),
      };
      resolve({ fact, names: error ? [] : [...owners].sort() });
    };
    const socket = net.connect({ host: server.host, port: server.port });
    socket.setTimeout(opts.timeoutMs, () => finish({ code: "timeout", message: `no complete transfer within ${opts.timeoutMs} ms` }));
    socket.on("error", (err: NodeJS.ErrnoException) =>
      finish({ code: err.code === "ECONNREFUSED" ? "connection-refused" : (err.code ?? "error").toLowerCase(), message: err.message }),
    );
    socket.on("close", () => finish({ code: "closed", message: "the server closed the connection before the transfer ended" }));
    socket.on("connect", () => socket.write(packet.streamEncode({ type: "query", id, flags: 0, questions: [{ type: "AXFR", name: origin, class: "IN" }] })));
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      // Each DNS message over TCP is preceded by its 2-byte length; a transfer is one or more messages.
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const length = buffered.readUInt16BE(0);
        const message = buffered.subarray(2, 2 + length);
        buffered = buffered.subarray(2 + length);
        let decoded: packet.DecodedPacket;
        try {
          decoded = packet.decode(message);
        } catch (err) {
          return finish({ code: "bad-response", message: (err as Error).message });
        }
        const rcode = (decoded.flags ?? 0) & 0xf;
        if (rcode !== 0) return finish({ code: RCODES[rcode] ?? `rcode-${rcode}`, message: `the server answered the AXFR of ${origin} with rcode ${rcode}` });
        for (const answer of decoded.answers ?? []) {
          // The transfer starts and ends with the zone's SOA record (RFC 5936 2.2).
          if (answer.type === "SOA") soaSeen++;
          if (answer.type === "A" || answer.type === "AAAA" || answer.type === "CNAME") owners.add(normalizeName(answer.name));
        }
        if (soaSeen === 0) return finish({ code: "bad-response", message: "the first message of the transfer carries no SOA record" });
        if (soaSeen >= 2) return finish();
      }
    });
  });
}
