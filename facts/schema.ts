// The observed-facts file, `spbe-observed-facts/2`: what the platform saw running, as opposed to what
// the inventory declares. Written by `spbe observe --out` (and by `spbe serve` on its schedule), read by
// `spbe report --facts` / `spbe check --facts` and by the rules over facts. Every fact carries where it
// was observed from (`source`) and when (`observedAt`), so a report can cite its evidence and refuse
// evidence that is too old (facts/freshness.ts). docs/observed-facts.schema.json is generated from this
// file (facts/json-schema.ts) and checked by a test so the two never drift.
import * as ipaddr from "ipaddr.js";
import { z } from "zod";
import { emptyFacts, FACT_SECTIONS, FACTS_SCHEMA_V1, FACTS_SCHEMA_V2, type FactSection } from "./sections";

export { emptyFacts, FACT_SECTIONS, FACTS_SCHEMA_V1, FACTS_SCHEMA_V2, type FactSection };

const timestamp = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 date or timestamp")
  .describe("ISO 8601 timestamp");
const ipAddress = z.string().refine((s) => ipaddr.isValid(s), "must be an IP address").describe("IPv4 or IPv6 address");

/** Where and when one fact was observed: every fact has both. */
const observation = {
  source: z.string().min(1).describe("what observed it: `dns 127.0.0.1:53`, `blackbox http://127.0.0.1:9115`, `snmp lldp dc-sw-01`, `prometheus http://…`, `poller`"),
  observedAt: timestamp.describe("when it was observed"),
};

/** Why an observation did not give an answer: a stable code for machines, the library's words for people. */
export const failureSchema = z
  .object({
    code: z.string().min(1).describe("stable reason code, e.g. timeout, nxdomain, servfail, refused, connection-refused, tls-expired, tls-self-signed, no-lldp-mib, unreachable"),
    message: z.string().describe("the underlying error, as the library or server gave it"),
  })
  .strict();
export type Failure = z.infer<typeof failureSchema>;

export const deviceFactSchema = z
  .object({
    id: z.string().min(1).describe("inventory device id"),
    lastSeen: timestamp.optional().describe("last successful SNMP poll"),
    unreachableSince: timestamp.nullable().optional().describe("first failed poll of the current outage; null when reachable"),
    ...observation,
  })
  .strict();

export const nameFactSchema = z
  .object({
    name: z.string().min(1).describe("the DNS name asked"),
    resolver: z.string().min(1).describe("the DNS server asked, host:port"),
    discoveredBy: z.enum(["inventory", "zone-transfer", "wordlist", "site-control"]).describe("how the name came to be asked (site-control: a site the Dinas blocks, asked at the filtering resolver)"),
    addresses: z.array(ipAddress).default([]).describe("A and AAAA answers (after CNAMEs)"),
    cnames: z.array(z.string()).optional().describe("the CNAME chain, if any"),
    error: failureSchema.optional().describe("why the name gave no address"),
    ...observation,
  })
  .strict();

export const zoneTransferFactSchema = z
  .object({
    zone: z.string().min(1),
    server: z.string().min(1).describe("host:port of the server asked for AXFR"),
    allowed: z.boolean(),
    names: z.number().int().nonnegative().optional().describe("distinct owner names transferred"),
    error: failureSchema.optional(),
    ...observation,
  })
  .strict();

export const tlsFactSchema = z
  .object({
    valid: z.boolean().describe("the chain verifies against the trust store, the name matches and the certificate is within its dates"),
    subject: z.string().optional(),
    issuer: z.string().optional(),
    notBefore: timestamp.optional(),
    notAfter: timestamp.optional(),
    error: failureSchema.optional().describe("why it is not valid: tls-expired, tls-self-signed, tls-name-mismatch, tls-untrusted, …"),
  })
  .strict();

export const probeFactSchema = z
  .object({
    name: z.string().min(1).describe("the host name sent (Host header and TLS SNI)"),
    address: ipAddress.describe("the address connected to"),
    scheme: z.enum(["http", "https"]),
    port: z.number().int().min(1).max(65535),
    reachable: z.boolean().describe("an HTTP response came back (any status)"),
    status: z.number().int().optional().describe("HTTP status code"),
    durationMs: z.number().nonnegative().optional(),
    tls: tlsFactSchema.optional(),
    error: failureSchema.optional(),
    ...observation,
  })
  .strict();

export const applicationFactSchema = z
  .object({
    id: z.string().min(1).describe("inventory application id"),
    hostname: z.string().optional(),
    answeringFrom: z.array(ipAddress).default([]).describe("addresses the hostname resolved to and that answered"),
    resolvedTo: z.array(ipAddress).optional().describe("every address the hostname resolved to, whether or not it answered a probe"),
    reachable: z.boolean().optional(),
    tls: tlsFactSchema.optional(),
    error: failureSchema.optional(),
    ...observation,
  })
  .strict();

export const neighbourSchema = z
  .object({
    localPort: z.string().min(1).describe("the walked device's port (ifName, or the LLDP local port id)"),
    remoteChassisId: z.string().optional(),
    remoteSysName: z.string().optional(),
    remotePortId: z.string().optional(),
    remotePortDescription: z.string().optional(),
    remoteManagementAddress: z.string().optional(),
  })
  .strict();

export const topologyFactSchema = z
  .object({
    device: z.string().min(1).describe("inventory device id whose neighbour table was walked"),
    protocol: z.enum(["lldp", "cdp"]),
    chassisId: z.string().optional().describe("the walked device's own chassis id (lldpLocChassisId, decoded): how its neighbours' remoteChassisId is matched to it"),
    neighbours: z.array(neighbourSchema).default([]),
    error: failureSchema.optional().describe("why no neighbour table was read (no-lldp-mib, unreachable, …)"),
    ...observation,
  })
  .strict();

export const outageSchema = z.object({ start: timestamp, end: timestamp, seconds: z.number().nonnegative() }).strict();

export const availabilityFactSchema = z
  .object({
    from: timestamp.describe("start of the period queried"),
    to: timestamp.describe("end of the period queried"),
    devices: z
      .array(
        z
          .object({
            id: z.string().min(1),
            ratio: z.number().min(0).max(1).describe("share of the period the device answered"),
            longestOutage: outageSchema.optional(),
          })
          .strict(),
      )
      .default([]),
    probes: z
      .array(
        z
          .object({
            name: z.string().min(1),
            ratio: z.number().min(0).max(1),
            longestOutage: outageSchema.optional(),
          })
          .strict(),
      )
      .default([]),
    quotaUse: z
      .array(
        z
          .object({
            opd: z.string().min(1),
            direction: z.enum(["down", "up"]),
            volumeBytes: z.number().nonnegative().describe("internet bytes over the period (increase of spbe_opd_internet_bytes_total)"),
            p95Bps: z.number().nonnegative().describe("95th percentile of the 5-minute rates over the period, bits/s (collectors/quota-billing.ts)"),
          })
          .strict(),
      )
      .default([])
      .describe("each OPD's internet use over the period, billed as ISPs bill it; empty when Prometheus has no quota counters"),
    error: failureSchema.optional(),
    ...observation,
  })
  .strict();

export const observedFactsSchema = z
  .object({
    schema: z.literal(FACTS_SCHEMA_V2),
    observedAt: timestamp.describe("when the file was written"),
    devices: z.array(deviceFactSchema).default([]),
    names: z.array(nameFactSchema).default([]),
    zoneTransfers: z.array(zoneTransferFactSchema).default([]),
    probes: z.array(probeFactSchema).default([]),
    applications: z.array(applicationFactSchema).default([]),
    topology: z.array(topologyFactSchema).default([]),
    availability: z.array(availabilityFactSchema).default([]),
  })
  .strict();

export type ObservedFacts = z.infer<typeof observedFactsSchema>;
export type DeviceFact = z.infer<typeof deviceFactSchema>;
export type NameFact = z.infer<typeof nameFactSchema>;
export type ZoneTransferFact = z.infer<typeof zoneTransferFactSchema>;
export type TlsFact = z.infer<typeof tlsFactSchema>;
export type ProbeFact = z.infer<typeof probeFactSchema>;
export type ApplicationFact = z.infer<typeof applicationFactSchema>;
export type Neighbour = z.infer<typeof neighbourSchema>;
export type TopologyFact = z.infer<typeof topologyFactSchema>;
export type AvailabilityFact = z.infer<typeof availabilityFactSchema>;
export type Outage = z.infer<typeof outageSchema>;

/**
 * Version 1 (devices and applications, without per-fact source): still read, so facts written by an
 * older collector keep working; each fact takes the file's time and the source "spbe-observed-facts/1".
 */
export const observedFactsV1Schema = z
  .object({
    schema: z.literal(FACTS_SCHEMA_V1).optional(),
    observedAt: timestamp.optional(),
    devices: z
      .array(z.object({ id: z.string().min(1), lastSeen: timestamp.optional(), unreachableSince: timestamp.nullable().optional() }).strict())
      .default([]),
    applications: z
      .array(z.object({ id: z.string().min(1), hostname: z.string().optional(), answeringFrom: z.array(ipAddress).default([]), observedAt: timestamp.optional() }).strict())
      .default([]),
  })
  .strict();

export function upgradeV1(v1: z.infer<typeof observedFactsV1Schema>, fallbackTime: Date): ObservedFacts {
  const fileTime = v1.observedAt ?? fallbackTime.toISOString();
  const source = FACTS_SCHEMA_V1;
  return {
    ...emptyFacts(new Date(fileTime)),
    devices: v1.devices.map((d) => ({ ...d, source, observedAt: fileTime })),
    applications: v1.applications.map((a) => ({ ...a, source, observedAt: a.observedAt ?? fileTime })),
  };
}
