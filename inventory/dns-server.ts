// How a DNS server is written in the inventory (meta.dns.resolver), on the command line (--resolver)
// and in facts: `host:port`, an address and never a host name, because the point is to ask one
// explicit server rather than whatever the OS stub resolver picks.
import * as ipaddr from "ipaddr.js";

/** A DNS server to ask: an IP address and a port. */
export interface DnsServer {
  host: string;
  port: number;
}

/**
 * Parses `127.0.0.1:5353`, `127.0.0.1` (port 53), `[2001:db8::53]:53` or `2001:db8::53`. An address,
 * never a host name: the point is to ask one explicit server, not whatever the OS resolver picks.
 */
export function parseDnsServer(text: string): DnsServer | undefined {
  const s = text.trim();
  let host = s;
  let port = 53;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracket) {
    host = bracket[1]!;
    if (bracket[2] !== undefined) port = Number(bracket[2]);
  } else if (/^[\d.]+:\d+$/.test(s)) {
    const i = s.lastIndexOf(":");
    host = s.slice(0, i);
    port = Number(s.slice(i + 1));
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  // A zone (fe80::53%eth0) only means something on one host; ipaddr.js would accept it.
  if (host.includes("%") || !ipaddr.isValid(host)) return undefined;
  if (ipaddr.IPv4.isValid(host) && !ipaddr.IPv4.isValidFourPartDecimal(host)) return undefined;
  return { host, port };
}

/** `127.0.0.1:53`, `[::1]:53`: how a server is named in facts and in c-ares' server list. */
export function formatDnsServer(server: DnsServer): string {
  return server.host.includes(":") ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}
