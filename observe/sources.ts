// How each observer names itself in a fact's `source` (facts/schema.ts): one home for the spelling, so
// a report can say where a piece of evidence came from and merging recognises the same observer.

/** A DNS server asked directly (never the OS stub resolver): `dns 127.0.0.1:53`. */
export const dnsSource = (server: string): string => `dns ${server}`;

/** A zone transfer from the Dinas DNS server: `axfr 127.0.0.1:53`. */
export const axfrSource = (server: string): string => `axfr ${server}`;

/** An answer read from prometheus-blackbox-exporter's /probe: `blackbox http://127.0.0.1:9115`. */
export const blackboxSource = (url: string): string => `blackbox ${url}`;

/** An HTTP(S) probe made by this process (no blackbox exporter given). */
export const httpProbeSource = (): string => "spbe http probe";

/** A neighbour table walked over SNMP: `snmp lldp dc-sw-01`. */
export const neighbourWalkSource = (protocol: "lldp" | "cdp", device: string): string => `snmp ${protocol} ${device}`;

/** History read from Prometheus' HTTP API: `prometheus http://127.0.0.1:9090`. */
export const prometheusSource = (url: string): string => `prometheus ${url}`;
