// The inventory's shape: one zod schema per concept. Structural checks live here (types, enums,
// formats); cross-references and arithmetic (overlaps, containment) live in validate.ts, because a
// schema sees one value at a time and the error positions must point at the offending field.
import { z } from "zod";
import { parseDnsServer } from "./dns-server";
import { tryParseRange } from "./ip";
import { doc, form } from "./field-doc";
import { schemaText } from "./schema-text";

export const PROFILES = ["bt-7-2019", "klaten-18-2018"] as const;
export const DEVICE_ROLES = ["router", "switch", "firewall", "server", "ups", "access-point", "gateway"] as const;
export const SITE_KINDS = ["datacenter", "recovery", "opd-office"] as const;
export const LINK_MEDIA = ["fiber", "radio", "vpn", "leased-line"] as const;
export const CLASSIFICATIONS = ["publik", "internal", "rahasia", "strategis"] as const;
export const APP_KINDS = ["umum", "khusus"] as const;
/** What a Dinas assessment of an application examined. */
export const ASSESSMENT_SCOPES = ["function", "security"] as const;
/**
 * A pengelola TIK's employment: a Pranata Komputer (a PNS in the computer functional post), a PNS with
 * ICT competence, another PNS, a PPPK (ASN but not PNS), or not ASN at all (honorer, contract staff).
 * bt-7-2019 Pasal 16 (1) asks for ASN; klaten-18-2018 Pasal 18 (2) for a Pranata Komputer or a PNS with ICT competence.
 */
export const STAFF_STATUSES = ["pranata-komputer", "pns-tik", "pns", "pppk", "non-asn"] as const;

const id = z
  .string()
  // Case spelled out rather than the /i flag: JSON Schema patterns carry no flags (editors use them).
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, schemaText("schema.identifier"))
  .meta(form("identifier: letters, digits, '.', '_', '-'", "pengenal: huruf, angka, '.', '_', '-'"));

/** An SNMP module's name (collectors/modules/*.yaml, or a user module file's `name`). */
const moduleName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, schemaText("schema.module-name"))
  .meta(form("module name: lower-case letters, digits, '_'", "nama modul: huruf kecil, angka, '_'"));
const moduleList = z.array(moduleName).min(1);

/**
 * YYYY-MM-DD naming a day of the (proleptic Gregorian) calendar, as a Date of that text would read
 * it back: by arithmetic, not a Date and its ISO text per date (~1 µs each, on tens of thousands of
 * dates in a large inventory). tests/inventory/schema-dates.test.ts compares the two.
 */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

const isoDate = z.string().refine(isCalendarDate, schemaText("schema.date")).meta(form("date YYYY-MM-DD", "tanggal YYYY-MM-DD", { format: "date" }));

/** A zone (fe80::1%eth0) names an interface of one host: meaningless to every other consumer. */
const withoutZone = () => z.string().refine((s) => !s.includes("%"), { error: schemaText("schema.ip-zone"), abort: true });
const isAddress = (s: string) => !s.includes("/") && tryParseRange(s) !== undefined;
const isPrefix = (s: string) => {
  const slash = s.indexOf("/");
  if (slash < 0) return false;
  const range = tryParseRange(s);
  // A prefix with host bits set is almost always a typo (10.1.1.5/24): refuse it.
  return range !== undefined && tryParseRange(s.slice(0, slash))?.start === range.start;
};

const ipAddress = withoutZone().refine(isAddress, schemaText("schema.ip-address")).meta(form("IPv4 or IPv6 address", "alamat IPv4 atau IPv6"));

const cidr = withoutZone().refine(isPrefix, schemaText("schema.cidr")).meta(form("CIDR prefix with no host bits set", "prefiks CIDR tanpa bit host"));

/**
 * An address, or a prefix when it has a "/": one string schema rather than a union of the two, whose
 * message when both fail is zod's bare "Invalid input"; this one says what was expected of the text.
 */
const addressOrPrefix = withoutZone()
  .refine((s) => s.includes("/") || isAddress(s), schemaText("schema.ip-address"))
  .refine((s) => !s.includes("/") || isPrefix(s), schemaText("schema.cidr"))
  .meta(form("IPv4 or IPv6 address, or CIDR prefix with no host bits set", "alamat IPv4 atau IPv6, atau prefiks CIDR tanpa bit host"));

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/, schemaText("schema.hostname"))
  .meta(form("DNS hostname", "nama host DNS"));

/** A reference to a secret held outside the inventory: never the secret itself. */
export const secretRef = z.union(
  [
    z.object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, schemaText("schema.env-name")) }).strict(),
    z.object({ pulumiSecret: z.string().min(1) }).strict(),
  ],
  { error: schemaText("schema.secret-ref") },
).meta(form("secret reference { env: NAME } or { pulumiSecret: NAME }", "rujukan rahasia { env: NAMA } atau { pulumiSecret: NAMA }"));

const snmpV2c = z
  .object({
    version: z.literal("2c").meta(doc('SNMP version: the string "2c" (quoted)', 'Versi SNMP: string "2c" (pakai tanda kutip)', "collectors (SNMP poller)", "2c")),
    community: secretRef.meta(doc("Reference to the community string (never the string itself)", "Rujukan ke community string (bukan isinya)", "collectors", { env: "SNMP_COMMUNITY" })),
    port: z.number().int().min(1).max(65535).optional().meta(doc("UDP port of the agent (161 when omitted)", "Port UDP agen (161 bila kosong)", "collectors", 161)),
  })
  .strict();

const snmpV3 = z
  .object({
    version: z.literal("3").meta(doc('SNMP version: the string "3" (quoted: an unquoted 3 is a number)', 'Versi SNMP: string "3" (pakai tanda kutip: 3 tanpa kutip adalah angka)', "collectors (SNMP poller)", "3")),
    user: z.string().min(1).meta(doc("SNMPv3 user name", "Nama pengguna SNMPv3", "collectors", "monitor")),
    securityLevel: z.enum(["noAuthNoPriv", "authNoPriv", "authPriv"]).meta(doc("SNMPv3 security level; authNoPriv needs authProtocol and authKey, authPriv also privProtocol and privKey", "Tingkat keamanan SNMPv3; authNoPriv perlu authProtocol dan authKey, authPriv juga privProtocol dan privKey", "collectors", "authPriv")),
    authProtocol: z.enum(["md5", "sha", "sha224", "sha256", "sha384", "sha512"]).optional().meta(doc("Authentication protocol", "Protokol autentikasi", "collectors", "sha")),
    authKey: secretRef.optional().meta(doc("Reference to the authentication key", "Rujukan ke kunci autentikasi", "collectors", { env: "SNMP_AUTH_KEY" })),
    privProtocol: z.enum(["des", "aes", "aes192b", "aes256b", "aes256r"]).optional().meta(doc("Privacy (encryption) protocol: des, aes (128), aes192b/aes256b (net-snmp's AES-192/AES-256, Blumenthal key extension), aes256r (Reeder, Cisco's AES-256C)", "Protokol privasi (enkripsi): des, aes (128), aes192b/aes256b (AES-192/AES-256 net-snmp, ekstensi kunci Blumenthal), aes256r (Reeder, AES-256C Cisco)", "collectors", "aes")),
    privKey: secretRef.optional().meta(doc("Reference to the privacy key", "Rujukan ke kunci privasi", "collectors", { env: "SNMP_PRIV_KEY" })),
    port: z.number().int().min(1).max(65535).optional().meta(doc("UDP port of the agent (161 when omitted)", "Port UDP agen (161 bila kosong)", "collectors", 161)),
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

const documentRef = z.union([z.boolean(), z.string().min(1)]).meta(form("true/false, or where the document is", "true/false, atau lokasi dokumennya"));

export const opdSchema = z
  .object({
    code: id.meta(doc("Short code of the OPD, used everywhere an OPD is referred to", "Kode singkat OPD, dipakai di mana pun OPD dirujuk", "every reference to an OPD; labels of deployed resources", "dinkes")),
    name: z.string().min(1).meta(doc("Official name of the OPD", "Nama resmi OPD", "reports", "Dinas Kesehatan")),
    kind: z.enum(["dinas", "badan", "rsud", "kecamatan", "sekretariat", "inspektorat", "satpol", "kantor"]).optional().meta(doc("Kind of agency", "Jenis perangkat daerah", "reports", "dinas")),
    pengelolaTik: z
      .array(
        z
          .object({
            name: z.string().min(1).meta(doc("Name of the appointed ICT manager", "Nama pengelola TIK yang ditunjuk", undefined, "Siti Aminah, S.T.")),
            decree: z.string().min(1).optional().meta(doc("The decree (SK) that appoints them", "SK penunjukannya", "rule opd-pengelola-decree (bt-7-2019 Pasal 16 (6), klaten-18-2018 Pasal 18 (3))", "SK Kepala Dinas No. 800/12/2025")),
            appointed: isoDate.optional().meta(doc("Date of appointment, YYYY-MM-DD", "Tanggal penunjukan, YYYY-MM-DD", undefined, "2025-01-06")),
            status: z
              .enum(STAFF_STATUSES)
              .optional()
              .meta(
                doc(
                  "Employment: pranata-komputer, pns-tik (PNS with ICT competence), pns, pppk (ASN, not PNS) or non-asn; omitted means not recorded (a finding)",
                  "Status kepegawaian: pranata-komputer, pns-tik (PNS berkompetensi TIK), pns, pppk (ASN, bukan PNS) atau non-asn; kosong berarti tidak tercatat (temuan)",
                  "rule opd-pengelola-asn (bt-7-2019 Pasal 16 (1), klaten-18-2018 Pasal 18 (2))",
                  "pranata-komputer",
                ),
              ),
          })
          .strict(),
      )
      .default([])
      .meta(doc("The OPD's appointed ICT managers (pengelola TIK)", "Pengelola TIK yang ditunjuk OPD", "rule opd-pengelola-tik (klaten-18-2018 Pasal 19 (2), bt-7-2019 Pasal 16 (6))")),
    subdomain: hostname.optional().meta(doc("The OPD's subdomain under the kabupaten domain", "Subdomain OPD di bawah domain kabupaten", "rule website-subdomain (bt-7-2019 Pasal 19 (1)-(3), klaten-18-2018 Pasal 23 (1)-(2)); DNS planner", "dinkes.baritotimurkab.go.id")),
    subnets: z.array(cidr).default([]).meta(doc("The OPD's private LAN prefixes (no host bits set)", "Prefiks LAN privat OPD (tanpa bit host)", "quota planner (traffic classified by subnet); rule opd-quota (klaten-18-2018 Pasal 10 (2))", ["10.1.20.0/24"])),
  })
  .strict();

export const rackSchema = z
  .object({
    id: id.meta(doc("Rack id, unique within its site", "Id rak, unik dalam lokasinya", "devices[].rack", "R1")),
    heightU: z.number().int().min(1).max(60).meta(doc("Usable height in rack units", "Tinggi yang dapat dipakai dalam satuan U", "rack validation (position and overlap)", 42)),
    name: z.string().optional().meta(doc("Display name", "Nama tampilan", undefined, "Rak jaringan")),
  })
  .strict();

export const siteSchema = z
  .object({
    id: id.meta(doc("Site id", "Id lokasi", "devices[].site, cables[].site", "dc-utama")),
    name: z.string().min(1).meta(doc("Name of the site", "Nama lokasi", "reports, dashboards", "Pusat Data Diskominfo")),
    kind: z.enum(SITE_KINDS).meta(doc("datacenter: the Dinas data center; recovery: the recovery site; opd-office: an OPD's office", "datacenter: pusat data Dinas; recovery: pusat pemulihan data; opd-office: kantor OPD", "rule dc-and-recovery-site (klaten-18-2018 Pasal 9 (2) a); placement planner", "datacenter")),
    opd: id.optional().meta(doc("The OPD whose office this is (for opd-office sites)", "OPD pemilik kantor ini (untuk lokasi opd-office)", undefined, "dinkes")),
    address: z.string().optional().meta(doc("Street address", "Alamat", undefined, "Jl. Tjilik Riwut No. 1")),
    racks: z.array(rackSchema).default([]).meta(doc("Racks at the site", "Rak di lokasi ini", "rack validation, dashboards")),
  })
  .strict();

export const interfaceSchema = z
  .object({
    name: z.string().min(1).meta(doc("Interface name as the device calls it (ifName)", "Nama antarmuka seperti pada perangkat (ifName)", "links, cables, bandwidth.gateway; collectors", "ge-0/0/1")),
    ifIndex: z.number().int().min(1).optional().meta(doc("SNMP ifIndex, when known", "ifIndex SNMP, bila diketahui", "collectors", 3)),
    speedMbps: z.number().positive().optional().meta(doc("Nominal speed in Mbit/s", "Kecepatan nominal dalam Mbit/s", "dashboards (utilisation)", 1000)),
    description: z.string().optional().meta(doc("Free description", "Keterangan bebas", undefined, "uplink ke core")),
  })
  .strict();

/** A procurement and its Dinas verification (klaten-18-2018 Pasal 8 (4)), for applications and devices alike. */
export const procurementSchema = z
  .object({
    year: z.number().int().min(2000).max(2100).meta(doc("Year procured", "Tahun pengadaan", undefined, 2024)),
    verificationRef: z.string().min(1).optional().meta(doc("The Dinas verification of the procurement", "Verifikasi pengadaan oleh Dinas", "rules app-procurement-verified, device-procurement-verified (klaten-18-2018 Pasal 8 (4))", "027/88/Diskominfo/2024")),
  })
  .strict();

export const recommendationSchema = z
  .object({
    ref: z.string().min(1).meta(doc("Number of the Dinas recommendation letter", "Nomor surat rekomendasi Dinas", undefined, "555/45/Diskominfo/2025")),
    date: isoDate.meta(doc("Date of the letter, YYYY-MM-DD", "Tanggal surat, YYYY-MM-DD", undefined, "2025-03-01")),
  })
  .strict();

export const deviceSchema = z
  .object({
    id: id.meta(doc("Device id (its hostname is a good choice)", "Id perangkat (nama host-nya pilihan yang baik)", "links, cables, applications' placement; collectors (target label)", "core-sw1")),
    role: z.enum(DEVICE_ROLES).meta(doc("What the device is; decides the SNMP modules polled", "Fungsi perangkat; menentukan modul SNMP yang di-poll", "collectors (ROLE_MODULES); rule opd-general-purpose-hardware (bt-7-2019 Pasal 12 (4)-(5))", "switch")),
    site: id.meta(doc("The site (sites[].id) where it stands", "Lokasi (sites[].id) tempat perangkat berada", "dashboards, rules", "dc-utama")),
    rack: id.optional().meta(doc("Rack id at that site; needs position", "Id rak di lokasi itu; perlu position", "rack validation", "R1")),
    position: z.number().int().min(1).optional().meta(doc("Lowest rack unit it occupies (1 = bottom)", "Unit rak terbawah yang ditempati (1 = paling bawah)", "rack validation", 20)),
    heightU: z.number().int().min(1).max(60).default(1).meta(doc("Height in rack units", "Tinggi dalam satuan U", "rack validation", 1)),
    vendor: z.string().optional().meta(doc("Manufacturer", "Pabrikan", "rule opd-general-purpose-hardware", "MikroTik")),
    model: z.string().optional().meta(doc("Model", "Model", "rule opd-general-purpose-hardware", "CRS326")),
    /** General-purpose hardware (PC, laptop, printer) is the only kind an OPD may procure itself. */
    generalPurpose: z.boolean().default(false).meta(doc("General-purpose hardware (PC, laptop, printer): the only kind an OPD may procure itself", "Perangkat keras umum (PC, laptop, printer): satu-satunya yang boleh diadakan OPD sendiri", "rule opd-general-purpose-hardware (bt-7-2019 Pasal 12 (4)-(5))", false)),
    mgmtAddress: ipAddress.optional().meta(doc("Management address the collectors poll", "Alamat manajemen yang di-poll kolektor", "collectors; needed when snmp is set", "10.0.0.2")),
    snmp: snmpAccess.optional().meta(doc('SNMP access: version "2c" (community) or "3" (user, security level, keys); secrets as references', 'Akses SNMP: versi "2c" (community) atau "3" (pengguna, tingkat keamanan, kunci); rahasia sebagai rujukan', "collectors", { version: "2c", community: { env: "SNMP_COMMUNITY" } })),
    owner: id.default("dinas").meta(doc('OPD code of the owner; "dinas" or meta.dinas means the Dinas', 'Kode OPD pemilik; "dinas" atau meta.dinas berarti Dinas', "rules opd-device-recommendation (klaten-18-2018 Pasal 11 (2)), opd-general-purpose-hardware (bt-7-2019 Pasal 12 (4)-(5))", "dinas")),
    recommendation: recommendationSchema.optional().meta(doc("The Dinas recommendation for a device an OPD runs itself", "Rekomendasi Dinas untuk perangkat yang dikelola OPD sendiri", "rule opd-device-recommendation (klaten-18-2018 Pasal 11 (2))")),
    procurement: procurementSchema.optional().meta(doc("How the device was procured, when the Pemda bought it under an OPD action plan", "Cara pengadaan perangkat, bila dibeli Pemda dalam rencana aksi OPD", "rule device-procurement-verified (klaten-18-2018 Pasal 8 (4))")),
    interfaces: z.array(interfaceSchema).default([]).meta(doc("Interfaces; when listed, links and cables must name one of them", "Antarmuka; bila diisi, links dan cables harus menyebut salah satunya", "validation of links, cables, bandwidth.gateway; dashboards")),
    /** For servers: CPU cores and memory, used by the placement planner. */
    cpus: z.number().int().positive().optional().meta(doc("For servers: CPU cores", "Untuk server: jumlah inti CPU", "placement planner", 16)),
    memoryGiB: z.number().positive().optional().meta(doc("For servers: memory in GiB", "Untuk server: memori dalam GiB", "placement planner", 64)),
    modules: moduleList
      .optional()
      .meta(doc("The SNMP modules this device is polled with (shipped or from monitoring.moduleFiles); omitted: monitoring.roleModules of its role, else its role's and vendor's defaults", "Modul SNMP yang dipakai untuk mem-poll perangkat ini (bawaan atau dari monitoring.moduleFiles); bila kosong: monitoring.roleModules perannya, atau bawaan peran dan vendornya", "collectors (targets, simulator)", ["system", "if_mib", "printer"])),
  })
  .strict();

export const linkEndpoint = z
  .object({
    device: id.meta(doc("Device id (devices[].id)", "Id perangkat (devices[].id)", undefined, "core-sw1")),
    interface: z.string().min(1).meta(doc("Interface name on that device", "Nama antarmuka pada perangkat itu", undefined, "sfp1")),
  })
  .strict();

export const linkSchema = z
  .object({
    id: id.meta(doc("Link id", "Id tautan", undefined, "bb-dinkes")),
    a: linkEndpoint.meta(doc("One end (device and interface)", "Ujung pertama (perangkat dan antarmuka)", undefined, { device: "core-sw1", interface: "sfp1" })),
    b: linkEndpoint.meta(doc("The other end", "Ujung lainnya", undefined, { device: "dinkes-gw", interface: "ether1" })),
    medium: z.enum(LINK_MEDIA).meta(doc("Medium of the backbone link", "Media tautan backbone", "dashboards", "fiber")),
    capacityMbps: z.number().positive().meta(doc("Capacity in Mbit/s", "Kapasitas dalam Mbit/s", "dashboards (utilisation), alerts", 1000)),
    labelCode: z.string().min(1).optional().meta(doc("Node address code on the cable label", "Kode alamat simpul pada label kabel", "rule network-label-code (klaten-18-2018 Pasal 11 (3))", "BT-DC-01/DINKES-01")),
    description: z.string().optional().meta(doc("Free description", "Keterangan bebas", undefined, "serat ke Dinas Kesehatan")),
  })
  .strict();

export const cableSchema = z
  .object({
    id: id.meta(doc("Cable id", "Id kabel", undefined, "c-dinkes-01")),
    site: id.meta(doc("Site where the cable runs", "Lokasi kabel", undefined, "kantor-dinkes")),
    from: linkEndpoint.meta(doc("The device port it leaves from", "Port perangkat asal kabel", undefined, { device: "dinkes-sw", interface: "ether5" })),
    to: z.string().min(1).meta(doc("What it reaches (room, outlet, desk)", "Tujuan kabel (ruang, stopkontak data, meja)", undefined, "Ruang Yankes outlet 3")),
    labelCode: z.string().min(1).optional().meta(doc("Node address code on the cable label", "Kode alamat simpul pada label kabel", "rule network-label-code (klaten-18-2018 Pasal 11 (3))", "DINKES-SW-05")),
  })
  .strict();

export const allocationTarget = z.union([
  z.object({ application: id.meta(doc("Application id", "Id aplikasi", undefined, "simpeg")) }).strict(),
  z.object({ opd: id.meta(doc("OPD code", "Kode OPD", undefined, "dinkes")) }).strict(),
  z.object({ service: z.string().min(1).meta(doc("A Dinas service (DNS, mail, VPN...)", "Layanan Dinas (DNS, surel, VPN...)", undefined, "dns")) }).strict(),
]);

export const allocationSchema = z
  .object({
    id: id.meta(doc("Allocation id (applications' placement.publicIp refers to it)", "Id alokasi (dirujuk placement.publicIp aplikasi)", undefined, "web-simpeg")),
    block: id.meta(doc("The block (publicIp.blocks[].id) it comes from", "Blok (publicIp.blocks[].id) asalnya", "public IP planner", "v4")),
    /** A fixed address or prefix; omitted means "assign one from the block" (deterministic). */
    address: addressOrPrefix.optional().meta(doc("A fixed address or prefix; omit it to let the planner assign one from the block (deterministic)", "Alamat atau prefiks tetap; kosongkan agar perencana memilih satu dari blok (deterministik)", "public IP planner", "203.0.113.10")),
    to: allocationTarget.meta(doc("Who uses it: { application: ID }, { opd: CODE } or { service: NAME }", "Pemakainya: { application: ID }, { opd: KODE } atau { service: NAMA }", "public IP planner; klaten-18-2018 Pasal 9 (2) c", { application: "simpeg" })),
    description: z.string().optional().meta(doc("Free description", "Keterangan bebas", undefined, "portal kepegawaian")),
  })
  .strict();

/** What a shaping gateway runs: each quota backend serves exactly one kind. */
export const GATEWAY_KINDS = ["linux", "routeros"] as const;
export type GatewayKind = (typeof GATEWAY_KINDS)[number];

export const RESERVATION_REASONS = ["isp-router", "gateway", "broadcast-adjacent", "other"] as const;

/** An address of a public block kept out of allocation: the planner skips it, validation guards it. */
export const reservedAddressSchema = z
  .object({
    address: addressOrPrefix.meta(doc("The reserved address or prefix, inside the block", "Alamat atau prefiks yang dicadangkan, di dalam blok", "public IP planner", "203.0.113.1")),
    reason: z.enum(RESERVATION_REASONS).meta(doc("Why: the ISP's router, the gateway, next to the broadcast address, other", "Alasannya: router ISP, gateway, bersebelahan dengan alamat broadcast, lainnya", "plan (listed with the reason)", "isp-router")),
    description: z.string().optional().meta(doc("Free description", "Keterangan bebas", undefined, "router Telkom di sisi kita")),
  })
  .strict();

export const publicIpSchema = z
  .object({
    blocks: z
      .array(
        z
          .object({
            id: id.meta(doc("Block id", "Id blok", "publicIp.allocations[].block", "v4")),
            cidr: cidr.meta(doc("The block as a CIDR prefix", "Blok sebagai prefiks CIDR", "public IP planner", "203.0.113.0/28")),
            description: z.string().optional().meta(doc("Free description (ISP, contract)", "Keterangan bebas (ISP, kontrak)", undefined, "dari ISP Telkom")),
            reserved: z.array(reservedAddressSchema).default([]).meta(doc("Addresses of the block no allocation may take (the ISP's router, the gateway)", "Alamat blok yang tidak boleh dialokasikan (router ISP, gateway)", "public IP planner (never assigns them); validation (no fixed allocation on them)")),
          })
          .strict(),
      )
      .default([])
      .meta(doc("Public address blocks the kabupaten holds", "Blok alamat publik milik kabupaten", "public IP planner; klaten-18-2018 Pasal 9 (2) c")),
    allocations: z.array(allocationSchema).default([]).meta(doc("Addresses given out from the blocks", "Alamat yang dibagikan dari blok", "public IP planner, DNS planner")),
  })
  .strict();

export const quotaSchema = z
  .object({
    opd: id.meta(doc("OPD code", "Kode OPD", undefined, "dinkes")),
    downMbps: z.number().positive().meta(doc("Download limit in Mbit/s", "Batas unduh dalam Mbit/s", "quota planner (gateway shaping)", 50)),
    upMbps: z.number().positive().meta(doc("Upload limit in Mbit/s", "Batas unggah dalam Mbit/s", "quota planner", 20)),
    monthlyVolumeGB: z.number().positive().optional().meta(doc("Monthly volume in GB", "Volume bulanan dalam GB", "quota planner, alerts", 500)),
  })
  .strict();

export const bandwidthSchema = z
  .object({
    upstreamMbps: z.number().positive().meta(doc("Internet upstream capacity in Mbit/s", "Kapasitas upstream internet dalam Mbit/s", "quota planner; klaten-18-2018 Pasal 9 (2) f", 1000)),
    /** The device that shapes OPD traffic, with its LAN- and WAN-facing interfaces. */
    gateway: z
      .object({
        device: id.meta(doc("The device that shapes OPD traffic", "Perangkat yang membentuk lalu lintas OPD", "quota planner", "gw1")),
        lanInterface: z.string().min(1).meta(doc("Its LAN-facing interface (one of the device's interfaces)", "Antarmuka sisi LAN (salah satu antarmuka perangkat)", "quota planner", "ether2")),
        wanInterface: z.string().min(1).meta(doc("Its WAN-facing interface", "Antarmuka sisi WAN", "quota planner", "ether1")),
        kind: z
          .enum(GATEWAY_KINDS)
          .optional()
          .meta(
            doc(
              "What the gateway runs, which decides the quota backend: linux (tc HTB + nftables) or routeros (MikroTik queue tree). Omitted: routeros when the device's vendor is MikroTik (a MikroTik cannot run tc), else linux",
              "Sistem yang dijalankan gateway, menentukan backend kuota: linux (tc HTB + nftables) atau routeros (queue tree MikroTik). Bila kosong: routeros jika vendor perangkat MikroTik (MikroTik tidak dapat menjalankan tc), selain itu linux",
              "quota planner (backend choice; a backend refuses a gateway of another kind)",
              "routeros",
            ),
          ),
      })
      .strict()
      .optional()
      .meta(doc("The gateway that enforces quotas", "Gateway yang menegakkan kuota", "quota planner")),
    siteControl: z
      .object({
        policyRef: z.string().min(1).meta(doc("The Dinas decision that sets which sites OPDs may reach", "Keputusan Dinas yang mengatur situs yang dapat diakses OPD", undefined, "SOP-INT/03/2025")),
        method: z.enum(["dns", "nftables"]).meta(doc("How the quota gateway enforces it: a filtering resolver or nftables sets", "Cara gateway kuota menegakkannya: resolver penyaring atau set nftables", undefined, "dns")),
        blocked: z.array(hostname).default([]).meta(doc("Sites OPDs may not reach", "Situs yang tidak boleh diakses OPD", undefined, ["judi.example"])),
        resolver: z
          .string()
          .refine((s) => parseDnsServer(s) !== undefined, schemaText("schema.dns-server"))
          .optional()
          .meta(doc("The filtering resolver OPDs use (address, optionally with :port), asked by spbe observe whether each blocked site is refused; default meta.dns.resolver", "Resolver penyaring yang dipakai OPD (alamat, boleh dengan :port), ditanya spbe observe apakah tiap situs terblokir ditolak; bawaan meta.dns.resolver", "rule opd-site-control (observed enforcement)", "10.0.0.53")),
      })
      .strict()
      .optional()
      .meta(doc("The Dinas's control of the sites OPDs may reach", "Pengendalian Dinas atas situs yang dapat diakses OPD", "rule opd-site-control (klaten-18-2018 Pasal 10 (2))")),
    quotas: z.array(quotaSchema).default([]).meta(doc("Internet quotas per OPD, set by the Dinas", "Kuota internet per OPD, ditetapkan Dinas", "rule opd-quota (klaten-18-2018 Pasal 10 (2), bt-7-2019 Pasal 12 (3) d)")),
  })
  .strict();

export const exceptionSchema = z
  .object({
    ref: z.string().min(1).meta(doc("Number of the written security guarantee", "Nomor surat pernyataan jaminan keamanan", undefined, "800/77/2025")),
    signedByOpd: isoDate.optional().meta(doc("Date the OPD signed it", "Tanggal ditandatangani OPD", "rule app-placement-dc (bt-7-2019 Pasal 15 (2))", "2025-02-01")),
    signedByProvider: isoDate.optional().meta(doc("Date the provider or PSE signed it", "Tanggal ditandatangani penyedia atau PSE", "rule app-placement-dc (bt-7-2019 Pasal 15 (2))", "2025-02-03")),
    expires: isoDate.meta(doc("Expiry date", "Tanggal berakhir", "rule app-exception-expiring (bt-7-2019 Pasal 15 (2))", "2026-02-01")),
  })
  .strict();

const portSchema = z
  .object({
    container: z.number().int().min(1).max(65535).meta(doc("Port inside the container", "Port di dalam kontainer", "placement planner", 8080)),
    public: z.number().int().min(1).max(65535).optional().meta(doc("Port published on the public address", "Port yang dibuka di alamat publik", "placement planner", 443)),
    protocol: z.enum(["tcp", "udp"]).default("tcp").meta(doc("Transport protocol", "Protokol transport", undefined, "tcp")),
  })
  .strict();

const dcPlacement = z
  .object({
    type: z.literal("datacenter").meta(doc("In the Dinas data center", "Di pusat data Dinas", "rule app-placement-dc (bt-7-2019 Pasal 15 (1), klaten-18-2018 Pasal 14 (1))", "datacenter")),
    server: id.meta(doc("The server (devices[].id, role server) it runs on", "Server (devices[].id, role server) tempatnya berjalan", "placement planner", "srv1")),
    image: z.string().min(1).default("nginx:1.27-alpine").meta(doc("Container image", "Image kontainer", "placement planner", "nginx:1.27-alpine")),
    ports: z.array(portSchema).default([]).meta(doc("Ports it serves", "Port yang dilayani", "placement planner")),
    /** The public IP allocation (by id) its ports are published on. */
    publicIp: id.optional().meta(doc("The public IP allocation (publicIp.allocations[].id) its ports are published on", "Alokasi IP publik (publicIp.allocations[].id) tempat port dibuka", "placement planner", "web-simpeg")),
    /** The network the application is reached through: Dinas-managed unless stated otherwise. */
    network: z.enum(["dinas", "opd"]).default("dinas").meta(doc("The network it is reached through", "Jaringan yang dipakai untuk menjangkaunya", "rule app-confidential-dinas (bt-7-2019 Pasal 18)", "dinas")),
  })
  .strict();

const externalPlacement = z
  .object({
    type: z.literal("external").meta(doc("Outside the data center (cloud, vendor)", "Di luar pusat data (cloud, vendor)", "rule app-placement-dc (bt-7-2019 Pasal 15 (2))", "external")),
    provider: z.string().min(1).meta(doc("Hosting provider", "Penyedia hosting", undefined, "Cloud Nusantara")),
    country: z.string().regex(/^[A-Z]{2}$/, schemaText("schema.country")).meta(doc("Country where the data is hosted (ISO 3166-1 alpha-2)", "Negara tempat data disimpan (ISO 3166-1 alpha-2)", "rule website-hosting-indonesia (bt-7-2019 Pasal 19 (4))", "ID")),
    providerLegalEntity: z
      .object({
        name: z.string().min(1).meta(doc("Legal name of the provider", "Nama badan hukum penyedia", undefined, "PT Cloud Nusantara")),
        country: z.string().regex(/^[A-Z]{2}$/).meta(doc("Country of the legal entity", "Negara badan hukum", "rule website-hosting-indonesia", "ID")),
      })
      .strict()
      .meta(doc("The provider's legal entity", "Badan hukum penyedia", "rule website-hosting-indonesia (bt-7-2019 Pasal 19 (4))")),
    exception: exceptionSchema.optional().meta(doc("The written security guarantee that allows placement outside the data center", "Surat pernyataan jaminan keamanan yang membolehkan penempatan di luar pusat data", "rule app-placement-dc (bt-7-2019 Pasal 15 (2); Klaten has no exception route)")),
    network: z.enum(["dinas", "opd", "internet"]).default("internet").meta(doc("The network it is reached through", "Jaringan yang dipakai untuk menjangkaunya", "rule app-confidential-dinas (bt-7-2019 Pasal 18)", "internet")),
  })
  .strict();

const opdServerPlacement = z
  .object({
    type: z.literal("opd-server").meta(doc("On a server in an OPD's office", "Di server di kantor OPD", "rule app-placement-dc (bt-7-2019 Pasal 15, klaten-18-2018 Pasal 14 (1))", "opd-server")),
    server: id.meta(doc("The server (devices[].id)", "Server (devices[].id)", undefined, "dinkes-srv")),
    exception: exceptionSchema.optional().meta(doc("The written security guarantee", "Surat pernyataan jaminan keamanan", "rule app-placement-dc (bt-7-2019 Pasal 15 (2))")),
    network: z.enum(["dinas", "opd"]).default("opd").meta(doc("The network it is reached through", "Jaringan yang dipakai untuk menjangkaunya", "rule app-confidential-dinas (bt-7-2019 Pasal 18)", "opd")),
  })
  .strict();

export const placementSchema = z.discriminatedUnion("type", [dcPlacement, externalPlacement, opdServerPlacement]);

export const applicationSchema = z
  .object({
    id: id.meta(doc("Application id", "Id aplikasi", "labels of deployed resources; reports", "simpeg")),
    name: z.string().min(1).meta(doc("Name of the application", "Nama aplikasi", "reports", "Sistem Informasi Kepegawaian")),
    opd: id.meta(doc("The OPD that owns it (opds[].code)", "OPD pemiliknya (opds[].code)", "every application rule", "bkpsdm")),
    kind: z.enum(APP_KINDS).meta(doc("umum: shared, provided by the Dinas; khusus: agency-specific", "umum: dipakai bersama, disediakan Dinas; khusus: khusus satu OPD", "reports", "khusus")),
    classification: z.enum(CLASSIFICATIONS).meta(doc("Information classification set by the data custodian", "Klasifikasi informasi yang ditetapkan walidata", "rules app-confidential-dinas (bt-7-2019 Pasal 18), app-dr-replica (klaten-18-2018 Pasal 9 (2) a)", "internal")),
    /** An OPD website (subject to bt-7-2019 Pasal 19 on hosting and subdomains). */
    website: z.boolean().default(false).meta(doc("An OPD website", "Situs web OPD", "rules website-subdomain (bt-7-2019 Pasal 19 (1)-(3)), website-hosting-indonesia (bt-7-2019 Pasal 19 (4))", false)),
    hostname: hostname.optional().meta(doc("The name it is reached at", "Nama host untuk menjangkaunya", "DNS planner; rule website-subdomain", "simpeg.baritotimurkab.go.id")),
    placement: placementSchema.meta(doc('Where it runs: type "datacenter", "external" or "opd-server", each with its own fields', 'Tempat berjalannya: type "datacenter", "external" atau "opd-server", masing-masing dengan kolomnya', "placement planner; rule app-placement-dc (bt-7-2019 Pasal 15, klaten-18-2018 Pasal 14)", { type: "datacenter", server: "srv1" })),
    dr: z
      .object({
        server: id.meta(doc("The recovery server (devices[].id)", "Server pemulihan (devices[].id)", "placement planner", "srv-drc1")),
        rpoMinutes: z.number().int().positive().meta(doc("Recovery point objective in minutes", "Sasaran titik pemulihan (RPO) dalam menit", "alerts (replication lag)", 60)),
        mode: z.enum(["standby", "running"]).default("standby").meta(doc("Replica kept stopped or running", "Replika dalam keadaan berhenti atau berjalan", "placement planner", "standby")),
      })
      .strict()
      .optional()
      .meta(doc("Replica at the recovery site", "Replika di pusat pemulihan data", "rule app-dr-replica (klaten-18-2018 Pasal 9 (2) a)")),
    documentation: z
      .object({
        requirements: documentRef.default(false).meta(doc("Requirements document: true, or where it is", "Dokumen kebutuhan: true, atau lokasinya", "rule app-documentation (bt-7-2019 Pasal 13 (6) a)", "https://docs.example/simpeg/kebutuhan.pdf")),
        architecture: documentRef.default(false).meta(doc("Architecture document", "Dokumen arsitektur", "rule app-documentation (bt-7-2019 Pasal 13 (6) b)", true)),
        technical: documentRef.default(false).meta(doc("Technical document", "Dokumen teknis", "rule app-documentation (bt-7-2019 Pasal 13 (6) c)", true)),
        manual: documentRef.default(false).meta(doc("User manual", "Manual pengguna", "rule app-documentation (bt-7-2019 Pasal 13 (6) d)", true)),
        sourceRepository: z.string().url().optional().meta(doc("URL of the source code in the Dinas repository", "URL kode sumber di repositori Dinas", "rule app-source-repository (bt-7-2019 Pasal 13 (6) e, (9))", "https://git.baritotimurkab.go.id/bkpsdm/simpeg")),
      })
      .strict()
      .default({ requirements: false, architecture: false, technical: false, manual: false })
      .meta(doc("The application's documents", "Dokumen aplikasi", "rules app-documentation, app-source-repository (bt-7-2019 Pasal 13 (6), (9))")),
    license: z.enum(["proprietary-licensed", "open-source", "pemda-owned", "unknown"]).default("unknown").meta(doc("Licence of the software", "Lisensi perangkat lunak", "rule app-license (bt-7-2019 Pasal 13 (5))", "pemda-owned")),
    securityAssessment: z
      .object({
        date: isoDate.meta(doc("Date of the last security assessment", "Tanggal penilaian keamanan terakhir", undefined, "2025-06-30")),
        ref: z.string().optional().meta(doc("Report number", "Nomor laporan", undefined, "ITSA-2025-04")),
        /** What the Dinas assessment examined; omitted means the record does not say, and it counts for both. */
        covers: z
          .array(z.enum(ASSESSMENT_SCOPES))
          .min(1)
          .optional()
          .meta(doc("What the assessment examined: function (bt-7-2019 Pasal 17 (3)) and/or security (klaten-18-2018 Pasal 21 (2)-(3))", "Yang diperiksa assessment: fungsi dan/atau keamanan", "rules app-function-assessment, app-security-assessment", ["function", "security"])),
      })
      .strict()
      .optional()
      .meta(doc("The last Dinas assessment", "Assessment Dinas terakhir", "rules app-function-assessment (bt-7-2019 Pasal 17 (3)), app-security-assessment (klaten-18-2018 Pasal 21 (2)-(3))")),
    /**
     * A national application: provided and run by a central ministry or agency (SIPD, SRIKANDI,
     * SP4N-LAPOR!, SIASN, e-Kinerja...) under its own legal basis. Not an application of the OPD or of
     * the Pemda, so the Perda articles on the OPD's own applications (placement, source code,
     * documents, licence, replica) do not reach it; see docs/compliance-matrix.md.
     */
    national: z
      .object({
        agency: z.string().min(1).meta(doc("The central ministry or agency that provides it", "Kementerian/lembaga pusat penyedianya", undefined, "Badan Kepegawaian Negara")),
        legalBasis: z.string().min(1).meta(doc("Its legal basis", "Dasar hukumnya", undefined, "Undang-Undang Nomor 20 Tahun 2023")),
      })
      .strict()
      .optional()
      .meta(doc("A national application (central government), outside the articles on the OPD's own applications", "Aplikasi nasional (pemerintah pusat)", "placement, documentation, source, licence and replica rules skip it")),
    procurement: procurementSchema.optional().meta(doc("How it was procured", "Cara pengadaannya", "rule app-procurement-verified (klaten-18-2018 Pasal 8 (4))")),
    development: z
      .object({
        dinasRef: z.string().min(1).meta(doc("Number of the Dinas recommendation (Klaten) or coordination record (Barito Timur) for building or developing it", "Nomor rekomendasi (Klaten) atau catatan koordinasi (Barito Timur) Dinas untuk pembangunan/pengembangannya", undefined, "555/61/Diskominfo/2025")),
        date: isoDate.meta(doc("Its date, YYYY-MM-DD", "Tanggalnya, YYYY-MM-DD", undefined, "2025-02-10")),
      })
      .strict()
      .optional()
      .meta(doc("The Dinas recommendation or coordination for building the application", "Rekomendasi atau koordinasi Dinas untuk pembangunan aplikasi", "rule app-development-dinas (klaten-18-2018 Pasal 12 (2), bt-7-2019 Pasal 13 (8))")),
  })
  .strict();

// Alerting: who is told, how, and when not to tell anyone (issue 13). Addresses of people and
// chat ids are data; tokens, passwords and secret webhook URLs are references, never values.
export const ALERT_SEVERITIES = ["critical", "warning", "info"] as const;
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

const emailAddress = z
  .string()
  // Case spelled out rather than the /i flag, as for identifiers: JSON Schema patterns carry no flags.
  .regex(/^[^\s@<>]+@[^\s@<>]+\.[a-zA-Z]{2,}$/, schemaText("schema.email"))
  .meta(form("email address", "alamat surel"));
/** A wall-clock time HH:MM in the alerting time zone (24:00 ends a day). */
const clockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, schemaText("schema.clock"))
  .meta(form("time HH:MM in alerting.timezone (24:00 ends a day)", "jam HH:MM di alerting.timezone (24:00 mengakhiri hari)"));
/** A local date and time YYYY-MM-DDTHH:MM in the alerting time zone. */
const localDateTime = z.string().refine((s) => {
  const m = /^(\d{4}-\d{2}-\d{2})T(([01]\d|2[0-3]):[0-5]\d)$/.exec(s);
  return m !== null && isoDate.safeParse(m[1]).success;
}, schemaText("schema.local-datetime")).meta(form("local date and time YYYY-MM-DDTHH:MM in alerting.timezone", "tanggal dan jam lokal YYYY-MM-DDTHH:MM di alerting.timezone"));

export const weeklyHoursSchema = z
  .object({
    weekdays: z.array(z.enum(WEEKDAYS)).min(1).meta(doc("Days of the week the hours apply to", "Hari dalam minggu tempat jam ini berlaku", "Alertmanager time intervals", ["monday", "tuesday", "wednesday", "thursday", "friday"])),
    start: clockTime.meta(doc("Start time, HH:MM", "Jam mulai, HH:MM", "Alertmanager time intervals", "07:30")),
    end: clockTime.meta(doc("End time, HH:MM, after start (24:00 ends the day)", "Jam selesai, HH:MM, setelah jam mulai (24:00 mengakhiri hari)", "Alertmanager time intervals", "16:00")),
  })
  .strict()
  .refine((w) => w.start < w.end, { path: ["end"], message: schemaText("schema.end-after-start") });

export const alertReceiverSchema = z
  .object({
    id: id.meta(doc("Receiver id (alerting.noc and alerting.deadman name it)", "Id penerima (dirujuk alerting.noc dan alerting.deadman)", "Alertmanager receivers and routes", "noc-dinas")),
    name: z.string().min(1).meta(doc("Who it is (a team or a person)", "Siapa penerimanya (tim atau orang)", "Alertmanager receivers", "NOC Diskominfo")),
    /** The OPD whose alerts this contact receives (its pengelola TIK); none: only what routes name it. */
    opd: id.optional().meta(doc("The OPD (opds[].code) whose alerts it receives, as its pengelola TIK; omitted: only alerts routed to it by name", "OPD (opds[].code) yang alertnya diterima, sebagai pengelola TIK-nya; kosong: hanya alert yang dirutekan kepadanya dengan nama", "Alertmanager routes (per OPD)", "dinkes")),
    email: z.array(emailAddress).default([]).meta(doc("Email addresses to notify (needs alerting.smtp)", "Alamat surel yang diberi tahu (perlu alerting.smtp)", "Alertmanager email receiver", ["noc@baritotimurkab.go.id"])),
    webhooks: z
      .array(
        z
          .object({
            url: z.union([z.string().url(), secretRef]).meta(doc("The webhook URL, or a reference to it when the URL itself is a secret", "URL webhook, atau rujukan ke URL itu bila URL-nya rahasia", "Alertmanager webhook receiver", { env: "WEBHOOK_NOC_URL" })),
          })
          .strict(),
      )
      .default([])
      .meta(doc("Webhooks to notify (chat bridges, ticketing)", "Webhook yang diberi tahu (jembatan chat, tiket)", "Alertmanager webhook receiver")),
    telegram: z
      .array(
        z
          .object({
            botToken: secretRef.meta(doc("Reference to the Telegram bot token (never the token itself)", "Rujukan ke token bot Telegram (bukan isinya)", "Alertmanager telegram receiver", { env: "TELEGRAM_BOT_TOKEN" })),
            chatId: z.number().int().meta(doc("Telegram chat id (groups are negative)", "Id chat Telegram (grup bernilai negatif)", "Alertmanager telegram receiver", -1001234567890)),
          })
          .strict(),
      )
      .default([])
      .meta(doc("Telegram chats to notify", "Chat Telegram yang diberi tahu", "Alertmanager telegram receiver")),
    severities: z.array(z.enum(ALERT_SEVERITIES)).min(1).default([...ALERT_SEVERITIES]).meta(doc("Severities it is notified of", "Tingkat keparahan yang diberitahukan kepadanya", "Alertmanager routes", ["critical", "warning"])),
    /** On-call hours: outside them this receiver is not notified (the NOC still is). */
    onCall: z.array(weeklyHoursSchema).optional().meta(doc("On-call hours: outside them it is not notified (the NOC still is); omitted: always", "Jam siaga: di luar jam ini tidak diberi tahu (NOC tetap diberi tahu); kosong: selalu", "Alertmanager time intervals (active_time_intervals)")),
  })
  .strict()
  .refine((r) => r.email.length + r.webhooks.length + r.telegram.length > 0, { path: ["email"], message: schemaText("schema.receiver-empty") });

export const maintenanceScope = z.union([
  z.object({ device: id.meta(doc("Device id (devices[].id)", "Id perangkat (devices[].id)", undefined, "core-sw1")) }).strict(),
  z.object({ site: id.meta(doc("Site id (sites[].id)", "Id lokasi (sites[].id)", undefined, "kantor-dinkes")) }).strict(),
  z.object({ opd: id.meta(doc("OPD code (opds[].code)", "Kode OPD (opds[].code)", undefined, "dinkes")) }).strict(),
]);

export const maintenanceSchema = z
  .object({
    id: id.meta(doc("Maintenance window id", "Id jendela pemeliharaan", "Alertmanager time intervals", "ganti-ups-dc")),
    scope: maintenanceScope.meta(doc("What is muted: { device: ID }, { site: ID } or { opd: CODE }", "Yang dibisukan: { device: ID }, { site: ID } atau { opd: KODE }", "Alertmanager routes (mute_time_intervals)", { site: "dc-utama" })),
    reason: z.string().min(1).meta(doc("Why (shown to whoever wonders why nothing was sent)", "Alasannya (bagi yang bertanya mengapa tidak ada notifikasi)", "Alertmanager configuration (comment)", "Penggantian baterai UPS")),
    /** A one-off window, local time in the alerting time zone. */
    start: localDateTime.optional().meta(doc("Start of a one-off window, with end (not with weekly)", "Awal jendela sekali jalan, bersama end (tidak bersama weekly)", "Alertmanager time intervals", "2026-01-10T22:00")),
    end: localDateTime.optional().meta(doc("End of a one-off window, after start", "Akhir jendela sekali jalan, setelah start", "Alertmanager time intervals", "2026-01-11T02:00")),
    /** A recurring weekly window. */
    weekly: z.array(weeklyHoursSchema).optional().meta(doc("A recurring weekly window (instead of start and end)", "Jendela mingguan berulang (pengganti start dan end)", "Alertmanager time intervals")),
  })
  .strict()
  .superRefine((m, ctx) => {
    const oneOff = m.start !== undefined || m.end !== undefined;
    if (oneOff === (m.weekly !== undefined)) ctx.addIssue({ code: "custom", path: ["start"], message: schemaText("schema.maintenance-when") });
    else if (oneOff && (m.start === undefined || m.end === undefined)) ctx.addIssue({ code: "custom", path: [m.start === undefined ? "start" : "end"], message: schemaText("schema.required") });
    else if (oneOff && m.start! >= m.end!) ctx.addIssue({ code: "custom", path: ["end"], message: schemaText("schema.end-after-start") });
  });

export const alertingSchema = z
  .object({
    /** IANA time zone of on-call hours and maintenance windows (WIB unless stated). */
    timezone: z.string().min(1).default("Asia/Jakarta").meta(doc("IANA time zone of on-call hours and maintenance windows", "Zona waktu IANA untuk jam siaga dan jendela pemeliharaan", "Alertmanager time intervals", "Asia/Jakarta")),
    /** The language of notifications; the other one follows in each message. */
    language: z.enum(["id", "en"]).default("id").meta(doc("Language of notifications; the other one follows in each message", "Bahasa notifikasi; bahasa lainnya menyusul di setiap pesan", "Alertmanager templates", "id")),
    /** Where the NOC opens Grafana: notification links to the device dashboard. */
    grafanaUrl: z.string().url().optional().meta(doc("Where the NOC opens Grafana; notifications link to the device dashboard", "Alamat Grafana yang dibuka NOC; notifikasi menautkan dasbor perangkat", "Alertmanager templates", "https://grafana.baritotimurkab.go.id")),
    /** The receiver that gets every alert (the Dinas NOC). */
    noc: id.meta(doc("The receiver (alerting.receivers[].id) that gets every alert: the Dinas NOC", "Penerima (alerting.receivers[].id) yang menerima setiap alert: NOC Dinas", "Alertmanager routes (root receiver)", "noc-dinas")),
    /** The receiver of the always-firing watchdog (a dead man's switch service); none: dropped. */
    deadman: id.optional().meta(doc("The receiver of the always-firing watchdog (a dead man's switch service); omitted: dropped", "Penerima watchdog yang selalu menyala (layanan dead man's switch); kosong: dibuang", "Alertmanager routes (Watchdog)", "deadman")),
    smtp: z
      .object({
        smarthost: z.string().regex(/^[^\s:]+:\d{1,5}$/, schemaText("schema.host-port")).meta(doc("Mail server as host:port", "Server surel sebagai host:port", "Alertmanager global smtp_smarthost", "mail.baritotimurkab.go.id:587")),
        from: emailAddress.meta(doc("Sender address of notifications", "Alamat pengirim notifikasi", "Alertmanager global smtp_from", "noc@baritotimurkab.go.id")),
        username: z.string().min(1).optional().meta(doc("SMTP user name", "Nama pengguna SMTP", "Alertmanager global smtp_auth_username", "noc@baritotimurkab.go.id")),
        password: secretRef.optional().meta(doc("Reference to the SMTP password", "Rujukan ke kata sandi SMTP", "Alertmanager global smtp_auth_password", { env: "SMTP_PASSWORD" })),
        requireTls: z.boolean().default(true).meta(doc("Require STARTTLS", "Wajib STARTTLS", "Alertmanager global smtp_require_tls", true)),
      })
      .strict()
      .optional()
      .meta(doc("The mail server notifications are sent through (needed for email receivers)", "Server surel untuk mengirim notifikasi (perlu untuk penerima surel)", "Alertmanager global settings")),
    receivers: z.array(alertReceiverSchema).min(1).meta(doc("Who is notified and how: the NOC, OPD ICT managers, services", "Siapa yang diberi tahu dan caranya: NOC, pengelola TIK OPD, layanan", "Alertmanager receivers and routes")),
    maintenance: z.array(maintenanceSchema).default([]).meta(doc("Maintenance windows: alerts of what they cover are muted", "Jendela pemeliharaan: alert dari yang dicakupnya dibisukan", "Alertmanager time intervals (mute_time_intervals)")),
  })
  .strict();

/** What the collectors poll beyond the shipped defaults: the user's module files and module lists per role. */
export const monitoringSchema = z
  .object({
    moduleFiles: z
      .array(z.string().min(1))
      .default([])
      .meta(doc("SNMP module files (YAML, the format of collectors/modules/*.yaml), relative to the inventory file", "Berkas modul SNMP (YAML, format collectors/modules/*.yaml), relatif terhadap berkas inventaris", "collectors (spbe serve, spbe simulate, spbe validate)", ["modules/lab-sensor.yaml"])),
    roleModules: z
      .partialRecord(z.enum(DEVICE_ROLES), moduleList)
      .default({})
      .meta(doc("Per device role, the SNMP modules its devices are polled with (instead of the shipped defaults; a device's own modules win)", "Per peran perangkat, modul SNMP untuk mem-poll perangkatnya (menggantikan bawaan; modules perangkat lebih diutamakan)", "collectors (targets, simulator)", { router: ["system", "if_mib", "entity_sensor", "mikrotik"] })),
  })
  .strict();

/** A document of the Dinas with its number and date. */
const documentRecord = z
  .object({
    ref: z.string().min(1).meta(doc("Its number", "Nomornya", undefined, "Perbup No. 12 Tahun 2024")),
    date: isoDate.meta(doc("Its date, YYYY-MM-DD", "Tanggalnya, YYYY-MM-DD", undefined, "2024-03-01")),
  })
  .strict();

/** What caused a failure: another party's act (bt-7-2019 Pasal 17 (8)), the Pemda's own side, or not yet known. */
export const INCIDENT_CAUSES = ["third-party", "internal", "unknown"] as const;

const timestamp = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), schemaText("schema.timestamp"))
  .meta(form("timestamp YYYY-MM-DDTHH:MM[:SS] with Z or an offset", "waktu YYYY-MM-DDTHH:MM[:SS] dengan Z atau selisih zona"));

/** One failure or disruption in the incident register (bt-7-2019 Pasal 17 (8)). */
export const incidentSchema = z
  .object({
    id: id.meta(doc("Incident id", "Id insiden", "reports", "ins-2026-07")),
    start: timestamp.meta(doc("When it began", "Waktu mulainya", "rule outage-registered (matched with observed outages)", "2026-07-03T08:10:00+07:00")),
    end: timestamp.optional().meta(doc("When it ended; omitted while it lasts", "Waktu berakhirnya; kosong selama masih berlangsung", "rule outage-registered", "2026-07-03T15:40:00+07:00")),
    devices: z.array(id).min(1).meta(doc("The devices (devices[].id) it took down", "Perangkat (devices[].id) yang terdampak", "rule outage-registered", ["kec-awang-rtr-01"])),
    cause: z.enum(INCIDENT_CAUSES).meta(doc("third-party: an act of another party (the case of Pasal 17 (8)); internal; unknown (still investigated)", "third-party: perbuatan pihak lain (keadaan Pasal 17 (8)); internal; unknown (masih diselidiki)", "rule incident-reported (bt-7-2019 Pasal 17 (8))", "third-party")),
    serious: z.boolean().meta(doc("Whether its impact was serious (the Dinas's judgement)", "Apakah dampaknya serius (penilaian Dinas)", "rule incident-reported (bt-7-2019 Pasal 17 (8))", true)),
    description: z.string().optional().meta(doc("What happened", "Yang terjadi", "reports", "kabel serat dipotong pekerjaan jalan")),
    report: documentRecord.optional().meta(doc("The written report to the Bupati through the Dinas", "Laporan tertulis kepada Bupati melalui Dinas", "rule incident-reported (bt-7-2019 Pasal 17 (8))")),
  })
  .strict();

/** The governance records the yearly evaluation reads: the master plan, the evaluations done, the Dewan TIK. */
export const governanceSchema = z
  .object({
    dewanTik: z
      .array(
        z
          .object({
            name: z.string().min(1).meta(doc("Member's name", "Nama anggota", undefined, "Ir. Suparman, M.T.")),
            role: z.string().min(1).meta(doc("Their role in the Dewan TIK", "Jabatannya di Dewan TIK", undefined, "Ketua")),
          })
          .strict(),
      )
      .default([])
      .meta(doc("Members of the Dewan TIK Daerah who sign the compliance report", "Anggota Dewan TIK Daerah yang menandatangani laporan kepatuhan", "spbe report (sign-off block; klaten-18-2018 Pasal 32)")),
    masterPlan: z
      .object({
        ref: z.string().min(1).meta(doc("The Peraturan Bupati that sets the master plan", "Peraturan Bupati penetapan rencana induk", undefined, "Perbup No. 12 Tahun 2024")),
        date: isoDate.meta(doc("Date it was set, YYYY-MM-DD", "Tanggal penetapannya, YYYY-MM-DD", "rule master-plan-valid (klaten-18-2018 Pasal 7 (3): 5 years)", "2024-03-01")),
        reviewed: isoDate.optional().meta(doc("Date of its last review, YYYY-MM-DD", "Tanggal peninjauan terakhirnya, YYYY-MM-DD", "rule master-plan-review (klaten-18-2018 Pasal 7 (3): at most every 2 years)", "2026-02-01")),
      })
      .strict()
      .optional()
      .meta(doc("The e-government / SPBE master plan", "Rencana induk e-Government / SPBE", "rules master-plan-valid, master-plan-review (klaten-18-2018 Pasal 7 (3))")),
    evaluations: z
      .array(
        z
          .object({
            ref: z.string().min(1).meta(doc("Number of the evaluation report", "Nomor laporan evaluasi", undefined, "LAP-EVAL/2025")),
            date: isoDate.meta(doc("Date of the evaluation, YYYY-MM-DD", "Tanggal evaluasi, YYYY-MM-DD", "rule yearly-evaluation (bt-7-2019 Pasal 10 (1))", "2025-11-20")),
            reportedToSekda: documentRecord.optional().meta(doc("The letter reporting it to the Sekretaris Daerah", "Surat pelaporannya kepada Sekretaris Daerah", "rule evaluation-reported-sekda (klaten-18-2018 Pasal 8 (3))")),
          })
          .strict(),
      )
      .default([])
      .meta(doc("Evaluations done (of the master plan's implementation and the OPD action plans)", "Evaluasi yang telah dilakukan (pelaksanaan rencana induk dan rencana aksi OPD)", "rules yearly-evaluation (bt-7-2019 Pasal 10 (1)), evaluation-reported-sekda (klaten-18-2018 Pasal 8 (3))")),
  })
  .strict();

/** Device roles that route packets: the only ones a routed backbone link may join. */
export const ROUTING_ROLES = ["router", "gateway", "firewall"] as const;

/** One Linux router or gateway of the backbone that runs FRR, configured by the program over SSH. */
export const backboneRouterSchema = z
  .object({
    device: id.meta(doc("The device (devices[].id, a router, gateway or firewall running Debian with FRR); its interfaces are Linux interface names", "Perangkat (devices[].id, router, gateway atau firewall dengan Debian dan FRR); antarmukanya nama antarmuka Linux", "routing planner (infra/routing); the BackboneRouting component (SSH to its mgmtAddress)", "dc-core-rtr-01")),
    announce: z.array(cidr).default([]).meta(doc("Networks it announces into OSPF besides its transfer networks and loopback (e.g. the data center's application addresses); a router at an OPD office also announces that OPD's subnets", "Jaringan yang diumumkannya ke OSPF selain jaringan transfer dan loopback (mis. alamat aplikasi pusat data); router di kantor OPD juga mengumumkan subnet OPD itu", "routing planner (redistributed connected routes)", ["203.0.113.0/28"])),
  })
  .strict();

/** The routed backbone: transfer networks of the links between routers, loopbacks, the FRR routers. */
export const backboneSchema = z
  .object({
    transferBlock: cidr.meta(doc("Private IPv4 block the transfer network of every routed backbone link (a /30 each) is taken from, deterministically and stable when links are added", "Blok IPv4 privat asal jaringan transfer setiap tautan backbone yang dirutekan (masing-masing /30), deterministik dan tetap saat tautan ditambah", "routing planner; klaten-18-2018 Pasal 9 (2) b", "10.255.0.0/22")),
    loopbackBlock: cidr.meta(doc("Private IPv4 block each FRR router's loopback (its OSPF router id, a /32) is taken from", "Blok IPv4 privat asal loopback setiap router FRR (router id OSPF-nya, /32)", "routing planner", "10.255.255.0/24")),
    routers: z.array(backboneRouterSchema).min(1).meta(doc("The Linux routers and gateways that run FRR (OSPF with BFD); every link with one of them at an end is routed and both its ends must route", "Router dan gateway Linux yang menjalankan FRR (OSPF dengan BFD); setiap tautan dengan salah satunya di ujungnya dirutekan dan kedua ujungnya harus merutekan", "routing planner; spbe network render")),
  })
  .strict();

export const inventorySchema = z
  .object({
    meta: z
      .object({
        kabupaten: z.string().min(1).meta(doc("Name of the kabupaten", "Nama kabupaten", "reports, dashboards", "Barito Timur")),
        domain: hostname.meta(doc("The kabupaten's domain; OPD subdomains sit under it", "Domain kabupaten; subdomain OPD berada di bawahnya", "DNS planner; rule website-subdomain (bt-7-2019 Pasal 19)", "baritotimurkab.go.id")),
        profiles: z.array(z.enum(PROFILES)).min(1).meta(doc("The Perda whose rules apply", "Perda yang aturannya berlaku", "the policy engine (which rules run)", ["bt-7-2019"])),
        /** The OPD code of the Dinas Kominfo, the operator. */
        dinas: id.meta(doc("The OPD code (opds[].code) of the Dinas Kominfo, the operator", "Kode OPD (opds[].code) Dinas Kominfo, pengelola", "rules (what the Dinas owns and runs)", "diskominfo")),
        /** The Dinas repository where application source code must be kept (bt-7-2019 Pasal 13 (9)). */
        sourceRepositoryBase: z.string().url().optional().meta(doc("The Dinas repository where application source code must be kept", "Repositori Dinas tempat kode sumber aplikasi wajib disimpan", "rule app-source-repository (bt-7-2019 Pasal 13 (9))", "https://git.baritotimurkab.go.id")),
        /** The Dinas DNS server that serves meta.domain, asked by `spbe observe` (its --resolver overrides it). */
        dns: z
          .object({
            resolver: z
              .string()
              .refine((s) => parseDnsServer(s) !== undefined, schemaText("schema.dns-server"))
              .optional()
              .meta(doc("The Dinas DNS server (address, optionally with :port)", "Server DNS Dinas (alamat, boleh dengan :port)", "spbe observe (DNS facts)", "10.0.0.53")),
            authoritative: z
              .object({
                primary: id.meta(doc("The server (devices[].id) that holds the zone as primary; reached over SSH at its mgmtAddress", "Server (devices[].id) yang memegang zona sebagai primer; dijangkau lewat SSH di mgmtAddress-nya", "the DnsZone component (infra/planning/dns-serving.ts)", "dc-srv-dns")),
                secondaries: z
                  .array(id)
                  .default([])
                  .meta(doc("Servers (devices[].id) that copy the zone from the primary (NOTIFY and AXFR), e.g. at the recovery site", "Server (devices[].id) yang menyalin zona dari primer (NOTIFY dan AXFR), mis. di pusat pemulihan data", "the DnsZone component", ["drc-srv-dns"])),
              })
              .strict()
              .optional()
              .meta(doc("Where meta.domain's zone is served: a BIND primary and its secondaries, configured by pulumi up", "Tempat zona meta.domain dilayani: BIND primer dan sekundernya, dikonfigurasi oleh pulumi up", "the DnsZone component; bt-7-2019 Pasal 19 (the domain)")),
          })
          .strict()
          .optional()
          .meta(doc("The Dinas DNS server that serves meta.domain, asked by spbe observe (--resolver overrides it)", "Server DNS Dinas yang melayani meta.domain, ditanya oleh spbe observe (--resolver menggantikannya)", "spbe observe")),
      })
      .strict()
      .meta(doc("Who and where: the kabupaten, its domain, the Perda profiles, the Dinas", "Siapa dan di mana: kabupaten, domainnya, profil Perda, Dinas")),
    opds: z.array(opdSchema).min(1).meta(doc("The OPDs (perangkat daerah), the Dinas among them", "Perangkat daerah (OPD), termasuk Dinas", "every rule about OPDs")),
    sites: z.array(siteSchema).min(1).meta(doc("Data center, recovery site and OPD offices", "Pusat data, pusat pemulihan data dan kantor OPD", "rule dc-and-recovery-site (klaten-18-2018 Pasal 9 (2) a)")),
    devices: z.array(deviceSchema).default([]).meta(doc("Routers, switches, servers, UPSes...", "Router, switch, server, UPS...", "collectors, dashboards, placement planner")),
    links: z.array(linkSchema).default([]).meta(doc("Backbone links between devices", "Tautan backbone antarperangkat", "dashboards; klaten-18-2018 Pasal 9 (2) b")),
    cables: z.array(cableSchema).default([]).meta(doc("Data cables in OPD offices", "Kabel data di kantor OPD", "rule network-label-code (klaten-18-2018 Pasal 11 (3))")),
    publicIp: publicIpSchema.default({ blocks: [], allocations: [] }).meta(doc("Public IP blocks and allocations", "Blok dan alokasi IP publik", "public IP planner; klaten-18-2018 Pasal 9 (2) c")),
    bandwidth: bandwidthSchema.optional().meta(doc("Upstream, the shaping gateway and OPD quotas", "Upstream, gateway pembentuk dan kuota OPD", "quota planner")),
    applications: z.array(applicationSchema).default([]).meta(doc("The applications and where they run", "Aplikasi dan tempat berjalannya", "placement planner, DNS planner, application rules")),
    incidents: z.array(incidentSchema).optional().meta(doc("The incident register: failures and disruptions, their cause and the written report", "Register insiden: kegagalan dan gangguan, penyebab dan laporan tertulisnya", "rules incident-reported, outage-registered (bt-7-2019 Pasal 17 (8))")),
    governance: governanceSchema.optional().meta(doc("The master plan and the evaluations done", "Rencana induk dan evaluasi yang telah dilakukan", "governance rules (bt-7-2019 Pasal 10 (1); klaten-18-2018 Pasal 7 (3), 8 (3))")),
    backbone: backboneSchema.optional().meta(doc("Addressing and routing of the backbone: transfer networks, loopbacks and the FRR routers the program configures", "Pengalamatan dan perutean backbone: jaringan transfer, loopback dan router FRR yang dikonfigurasi program", "routing planner, BackboneRouting component; klaten-18-2018 Pasal 9 (2) b")),
    alerting: alertingSchema.optional().meta(doc("Who is notified of alerts, how, and when not (maintenance windows)", "Siapa yang diberi tahu tentang alert, caranya, dan kapan tidak (jendela pemeliharaan)", "spbe alerts build (Alertmanager configuration); the monitoring stack")),
    monitoring: monitoringSchema.optional().meta(doc("SNMP modules: the user's module files and the modules per device role", "Modul SNMP: berkas modul pengguna dan modul per peran perangkat", "collectors")),
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
export type ReservedAddress = z.infer<typeof reservedAddressSchema>;
export type Quota = z.infer<typeof quotaSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type Placement = z.infer<typeof placementSchema>;
export type SecretRef = z.infer<typeof secretRef>;
export type SnmpAccess = z.infer<typeof snmpAccess>;
export type Classification = (typeof CLASSIFICATIONS)[number];
export type Incident = z.infer<typeof incidentSchema>;
export type StaffStatus = (typeof STAFF_STATUSES)[number];
export type Profile = (typeof PROFILES)[number];
export type Alerting = z.infer<typeof alertingSchema>;
export type Monitoring = z.infer<typeof monitoringSchema>;
export type Backbone = z.infer<typeof backboneSchema>;
export type BackboneRouter = z.infer<typeof backboneRouterSchema>;
export type LinkMedium = (typeof LINK_MEDIA)[number];
export type AlertReceiver = z.infer<typeof alertReceiverSchema>;
export type Maintenance = z.infer<typeof maintenanceSchema>;
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;
