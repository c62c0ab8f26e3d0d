// The inventory's shape: one zod schema per concept. Structural checks live here (types, enums,
// formats); cross-references and arithmetic (overlaps, containment) live in validate.ts, because a
// schema sees one value at a time and the error positions must point at the offending field.
import { z } from "zod";
import { parseDnsServer } from "./dns-server";
import { tryParseRange } from "./ip";
import { schemaText } from "./schema-text";

export const PROFILES = ["bt-7-2019", "klaten-18-2018"] as const;
export const DEVICE_ROLES = ["router", "switch", "firewall", "server", "ups", "access-point", "gateway"] as const;
export const SITE_KINDS = ["datacenter", "recovery", "opd-office"] as const;
export const LINK_MEDIA = ["fiber", "radio", "vpn", "leased-line"] as const;
export const CLASSIFICATIONS = ["publik", "internal", "rahasia", "strategis"] as const;
export const APP_KINDS = ["umum", "khusus"] as const;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, schemaText("schema.identifier"));

const isoDate = z.string().refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, schemaText("schema.date"));

const ipAddress = z.string().refine((s) => !s.includes("/") && tryParseRange(s) !== undefined, schemaText("schema.ip-address"));

const cidr = z.string().refine((s) => {
  const slash = s.indexOf("/");
  if (slash < 0) return false;
  const range = tryParseRange(s);
  // A prefix with host bits set is almost always a typo (10.1.1.5/24): refuse it.
  return range !== undefined && tryParseRange(s.slice(0, slash))?.start === range.start;
}, schemaText("schema.cidr"));

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, schemaText("schema.hostname"));

/** A reference to a secret held outside the inventory: never the secret itself. */
export const secretRef = z.union(
  [
    z.object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, schemaText("schema.env-name")) }).strict(),
    z.object({ pulumiSecret: z.string().min(1) }).strict(),
  ],
  { error: schemaText("schema.secret-ref") },
);

const snmpV2c = z
  .object({
    version: z.literal("2c"),
    community: secretRef,
    port: z.number().int().min(1).max(65535).optional(),
  })
  .strict();

const snmpV3 = z
  .object({
    version: z.literal("3"),
    user: z.string().min(1),
    securityLevel: z.enum(["noAuthNoPriv", "authNoPriv", "authPriv"]),
    authProtocol: z.enum(["md5", "sha", "sha224", "sha256", "sha384", "sha512"]).optional(),
    authKey: secretRef.optional(),
    privProtocol: z.enum(["des", "aes", "aes256b", "aes256r"]).optional(),
    privKey: secretRef.optional(),
    port: z.number().int().min(1).max(65535).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const needAuth = v.securityLevel !== "noAuthNoPriv";
    const needPriv = v.securityLevel === "authPriv";
    if (needAuth && !v.authProtocol) ctx.addIssue({ code: "custom", path: ["authProtocol"], message: schemaText("schema.required-for", { level: v.securityLevel }) });
    if (needAuth && !v.authKey) ctx.addIssue({ code: "custom", path: ["authKey"], message: schemaText("schema.required-for", { level: v.securityLevel }) });
    if (needPriv && !v.privProtocol) ctx.addIssue({ code: "custom", path: ["privProtocol"], message: schemaText("schema.required-for", { level: "authPriv" }) });
    if (needPriv && !v.privKey) ctx.addIssue({ code: "custom", path: ["privKey"], message: schemaText("schema.required-for", { level: "authPriv" }) });
  });

export const snmpAccess = z.discriminatedUnion("version", [snmpV2c, snmpV3]);

const documentRef = z.union([z.boolean(), z.string().min(1)]);

export const opdSchema = z
  .object({
    code: id,
    name: z.string().min(1),
    kind: z.enum(["dinas", "badan", "rsud", "kecamatan", "sekretariat", "inspektorat", "satpol", "kantor"]).optional(),
    pengelolaTik: z
      .array(z.object({ name: z.string().min(1), decree: z.string().min(1).optional(), appointed: isoDate.optional() }).strict())
      .default([]),
    subdomain: hostname.optional(),
    subnets: z.array(cidr).default([]),
  })
  .strict();

export const rackSchema = z.object({ id, heightU: z.number().int().min(1).max(60), name: z.string().optional() }).strict();

export const siteSchema = z
  .object({
    id,
    name: z.string().min(1),
    kind: z.enum(SITE_KINDS),
    opd: id.optional(),
    address: z.string().optional(),
    racks: z.array(rackSchema).default([]),
  })
  .strict();

export const interfaceSchema = z
  .object({
    name: z.string().min(1),
    ifIndex: z.number().int().min(1).optional(),
    speedMbps: z.number().positive().optional(),
    description: z.string().optional(),
  })
  .strict();

export const recommendationSchema = z.object({ ref: z.string().min(1), date: isoDate }).strict();

export const deviceSchema = z
  .object({
    id,
    role: z.enum(DEVICE_ROLES),
    site: id,
    rack: id.optional(),
    position: z.number().int().min(1).optional(),
    heightU: z.number().int().min(1).max(60).default(1),
    vendor: z.string().optional(),
    model: z.string().optional(),
    /** General-purpose hardware (PC, laptop, printer) is the only kind an OPD may procure itself. */
    generalPurpose: z.boolean().default(false),
    mgmtAddress: ipAddress.optional(),
    snmp: snmpAccess.optional(),
    owner: id.default("dinas"),
    recommendation: recommendationSchema.optional(),
    interfaces: z.array(interfaceSchema).default([]),
    /** For servers: CPU cores and memory, used by the placement planner. */
    cpus: z.number().int().positive().optional(),
    memoryGiB: z.number().positive().optional(),
  })
  .strict();

export const linkEndpoint = z.object({ device: id, interface: z.string().min(1) }).strict();

export const linkSchema = z
  .object({
    id,
    a: linkEndpoint,
    b: linkEndpoint,
    medium: z.enum(LINK_MEDIA),
    capacityMbps: z.number().positive(),
    labelCode: z.string().min(1).optional(),
    description: z.string().optional(),
  })
  .strict();

export const cableSchema = z
  .object({
    id,
    site: id,
    from: linkEndpoint,
    to: z.string().min(1),
    labelCode: z.string().min(1).optional(),
  })
  .strict();

export const allocationTarget = z.union([
  z.object({ application: id }).strict(),
  z.object({ opd: id }).strict(),
  z.object({ service: z.string().min(1) }).strict(),
]);

export const allocationSchema = z
  .object({
    id,
    block: id,
    /** A fixed address or prefix; omitted means "assign one from the block" (deterministic). */
    address: z.union([ipAddress, cidr]).optional(),
    to: allocationTarget,
    description: z.string().optional(),
  })
  .strict();

export const publicIpSchema = z
  .object({
    blocks: z.array(z.object({ id, cidr, description: z.string().optional() }).strict()).default([]),
    allocations: z.array(allocationSchema).default([]),
  })
  .strict();

export const quotaSchema = z
  .object({
    opd: id,
    downMbps: z.number().positive(),
    upMbps: z.number().positive(),
    monthlyVolumeGB: z.number().positive().optional(),
  })
  .strict();

export const bandwidthSchema = z
  .object({
    upstreamMbps: z.number().positive(),
    /** The device that shapes OPD traffic, with its LAN- and WAN-facing interfaces. */
    gateway: z
      .object({ device: id, lanInterface: z.string().min(1), wanInterface: z.string().min(1) })
      .strict()
      .optional(),
    quotas: z.array(quotaSchema).default([]),
  })
  .strict();

export const exceptionSchema = z
  .object({
    ref: z.string().min(1),
    signedByOpd: isoDate.optional(),
    signedByProvider: isoDate.optional(),
    expires: isoDate,
  })
  .strict();

const portSchema = z
  .object({
    container: z.number().int().min(1).max(65535),
    public: z.number().int().min(1).max(65535).optional(),
    protocol: z.enum(["tcp", "udp"]).default("tcp"),
  })
  .strict();

const dcPlacement = z
  .object({
    type: z.literal("datacenter"),
    server: id,
    image: z.string().min(1).default("nginx:1.27-alpine"),
    ports: z.array(portSchema).default([]),
    /** The public IP allocation (by id) its ports are published on. */
    publicIp: id.optional(),
    /** The network the application is reached through: Dinas-managed unless stated otherwise. */
    network: z.enum(["dinas", "opd"]).default("dinas"),
  })
  .strict();

const externalPlacement = z
  .object({
    type: z.literal("external"),
    provider: z.string().min(1),
    country: z.string().regex(/^[A-Z]{2}$/, schemaText("schema.country")),
    providerLegalEntity: z.object({ name: z.string().min(1), country: z.string().regex(/^[A-Z]{2}$/) }).strict(),
    exception: exceptionSchema.optional(),
    network: z.enum(["dinas", "opd", "internet"]).default("internet"),
  })
  .strict();

const opdServerPlacement = z
  .object({
    type: z.literal("opd-server"),
    server: id,
    exception: exceptionSchema.optional(),
    network: z.enum(["dinas", "opd"]).default("opd"),
  })
  .strict();

export const placementSchema = z.discriminatedUnion("type", [dcPlacement, externalPlacement, opdServerPlacement]);

export const applicationSchema = z
  .object({
    id,
    name: z.string().min(1),
    opd: id,
    kind: z.enum(APP_KINDS),
    classification: z.enum(CLASSIFICATIONS),
    /** An OPD website (subject to bt-7-2019 Pasal 19 on hosting and subdomains). */
    website: z.boolean().default(false),
    hostname: hostname.optional(),
    placement: placementSchema,
    dr: z
      .object({
        server: id,
        rpoMinutes: z.number().int().positive(),
        mode: z.enum(["standby", "running"]).default("standby"),
      })
      .strict()
      .optional(),
    documentation: z
      .object({
        requirements: documentRef.default(false),
        architecture: documentRef.default(false),
        technical: documentRef.default(false),
        manual: documentRef.default(false),
        sourceRepository: z.string().url().optional(),
      })
      .strict()
      .default({ requirements: false, architecture: false, technical: false, manual: false }),
    license: z.enum(["proprietary-licensed", "open-source", "pemda-owned", "unknown"]).default("unknown"),
    securityAssessment: z.object({ date: isoDate, ref: z.string().optional() }).strict().optional(),
    procurement: z
      .object({ year: z.number().int().min(2000).max(2100), verificationRef: z.string().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const inventorySchema = z
  .object({
    meta: z
      .object({
        kabupaten: z.string().min(1),
        domain: hostname,
        profiles: z.array(z.enum(PROFILES)).min(1),
        /** The OPD code of the Dinas Kominfo, the operator. */
        dinas: id,
        /** The Dinas repository where application source code must be kept (bt-7-2019 Pasal 13 (9)). */
        sourceRepositoryBase: z.string().url().optional(),
        /** The Dinas DNS server that serves meta.domain, asked by `spbe observe` (its --resolver overrides it). */
        dns: z
          .object({ resolver: z.string().refine((s) => parseDnsServer(s) !== undefined, schemaText("schema.dns-server")) })
          .strict()
          .optional(),
      })
      .strict(),
    opds: z.array(opdSchema).min(1),
    sites: z.array(siteSchema).min(1),
    devices: z.array(deviceSchema).default([]),
    links: z.array(linkSchema).default([]),
    cables: z.array(cableSchema).default([]),
    publicIp: publicIpSchema.default({ blocks: [], allocations: [] }),
    bandwidth: bandwidthSchema.optional(),
    applications: z.array(applicationSchema).default([]),
  })
  .strict();

export type Inventory = z.infer<typeof inventorySchema>;
export type Opd = z.infer<typeof opdSchema>;
export type Site = z.infer<typeof siteSchema>;
export type Rack = z.infer<typeof rackSchema>;
export type Device = z.infer<typeof deviceSchema>;
export type DeviceRole = (typeof DEVICE_ROLES)[number];
export type Link = z.infer<typeof linkSchema>;
export type Cable = z.infer<typeof cableSchema>;
export type Allocation = z.infer<typeof allocationSchema>;
export type Quota = z.infer<typeof quotaSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type Placement = z.infer<typeof placementSchema>;
export type SecretRef = z.infer<typeof secretRef>;
export type SnmpAccess = z.infer<typeof snmpAccess>;
export type Classification = (typeof CLASSIFICATIONS)[number];
export type Profile = (typeof PROFILES)[number];
