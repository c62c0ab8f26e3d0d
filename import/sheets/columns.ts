// The sheets `spbe init --from <dir>` reads and their columns, as data: the converter, the header
// matcher and docs/import.md all read this one table. A column's `key` is the inventory field it
// fills, as a dotted path under one item of its section ("a.device", "snmp.community.env").
// Headers are matched loosely (case, spaces, dots, dashes and underscores ignored), so "Perangkat A",
// "perangkat_a" and "a.device" all name the same column.

export type CellType = "text" | "number" | "integer" | "boolean" | "list" | "interfaces";

export interface Column {
  key: string;
  /** The Indonesian header (the English one is the key itself, e.g. "a.device" or "A device"). */
  id: string;
  type: CellType;
  en: string;
  idDoc: string;
}

export interface SheetSpec {
  /** The sheet's file or tab name in English; `id` the Indonesian one. */
  name: SheetName;
  id: string;
  /** Where its rows go in the inventory. */
  section: readonly string[];
  /** The column that identifies a row (an existing item with the same value is replaced). */
  identity: string;
  columns: readonly Column[];
}

export const SHEET_NAMES = ["opds", "sites", "devices", "links", "allocations", "applications"] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

const c = (key: string, id: string, type: CellType, en: string, idDoc: string): Column => ({ key, id, type, en, idDoc });

export const SHEETS: readonly SheetSpec[] = [
  {
    name: "opds", id: "opd", section: ["opds"], identity: "code",
    columns: [
      c("code", "kode", "text", "OPD code", "Kode OPD"),
      c("name", "nama", "text", "Official name", "Nama resmi"),
      c("kind", "jenis", "text", "dinas, badan, rsud, kecamatan, sekretariat, inspektorat, satpol, kantor", "dinas, badan, rsud, kecamatan, sekretariat, inspektorat, satpol, kantor"),
      c("subdomain", "subdomain", "text", "Subdomain under the kabupaten domain", "Subdomain di bawah domain kabupaten"),
      c("subnets", "subnet", "list", "LAN prefixes, separated by ; or ,", "Prefiks LAN, dipisah ; atau ,"),
    ],
  },
  {
    name: "sites", id: "lokasi", section: ["sites"], identity: "id",
    columns: [
      c("id", "id", "text", "Site id", "Id lokasi"),
      c("name", "nama", "text", "Name", "Nama"),
      c("kind", "jenis", "text", "datacenter, recovery or opd-office", "datacenter, recovery atau opd-office"),
      c("opd", "opd", "text", "OPD code (for opd-office)", "Kode OPD (untuk opd-office)"),
      c("address", "alamat", "text", "Street address", "Alamat"),
    ],
  },
  {
    name: "devices", id: "perangkat", section: ["devices"], identity: "id",
    columns: [
      c("id", "id", "text", "Device id (hostname)", "Id perangkat (nama host)"),
      c("role", "peran", "text", "router, switch, firewall, server, ups, access-point, gateway", "router, switch, firewall, server, ups, access-point, gateway"),
      c("site", "lokasi", "text", "Site id", "Id lokasi"),
      c("rack", "rak", "text", "Rack id at the site", "Id rak di lokasi"),
      c("position", "posisi", "integer", "Lowest rack unit", "Unit rak terbawah"),
      c("heightU", "tinggi u", "integer", "Height in rack units", "Tinggi dalam U"),
      c("vendor", "pabrikan", "text", "Manufacturer", "Pabrikan"),
      c("model", "model", "text", "Model", "Model"),
      c("mgmtAddress", "alamat manajemen", "text", "Management address", "Alamat manajemen"),
      c("owner", "pemilik", "text", "Owner OPD code", "Kode OPD pemilik"),
      c("generalPurpose", "perangkat umum", "boolean", "General-purpose hardware (yes/no)", "Perangkat keras umum (ya/tidak)"),
      c("cpus", "cpu", "integer", "Server CPU cores", "Inti CPU server"),
      c("memoryGiB", "memori gib", "number", "Server memory in GiB", "Memori server dalam GiB"),
      c("interfaces", "antarmuka", "interfaces", "Interface names, separated by ; or ,", "Nama antarmuka, dipisah ; atau ,"),
      c("snmp.version", "versi snmp", "text", "\"2c\" or \"3\"", "\"2c\" atau \"3\""),
      c("snmp.community.env", "env community snmp", "text", "Environment variable holding the v2c community", "Variabel lingkungan berisi community v2c"),
      c("snmp.user", "pengguna snmp", "text", "SNMPv3 user", "Pengguna SNMPv3"),
      c("snmp.securityLevel", "tingkat keamanan snmp", "text", "noAuthNoPriv, authNoPriv or authPriv", "noAuthNoPriv, authNoPriv atau authPriv"),
      c("snmp.authProtocol", "protokol auth snmp", "text", "md5, sha, sha224, sha256, sha384, sha512", "md5, sha, sha224, sha256, sha384, sha512"),
      c("snmp.authKey.env", "env kunci auth snmp", "text", "Environment variable holding the v3 auth key", "Variabel lingkungan berisi kunci auth v3"),
      c("snmp.privProtocol", "protokol priv snmp", "text", "des, aes, aes256b, aes256r", "des, aes, aes256b, aes256r"),
      c("snmp.privKey.env", "env kunci priv snmp", "text", "Environment variable holding the v3 privacy key", "Variabel lingkungan berisi kunci privasi v3"),
    ],
  },
  {
    name: "links", id: "tautan", section: ["links"], identity: "id",
    columns: [
      c("id", "id", "text", "Link id", "Id tautan"),
      c("a.device", "perangkat a", "text", "Device at end A", "Perangkat di ujung A"),
      c("a.interface", "antarmuka a", "text", "Interface at end A", "Antarmuka di ujung A"),
      c("b.device", "perangkat b", "text", "Device at end B", "Perangkat di ujung B"),
      c("b.interface", "antarmuka b", "text", "Interface at end B", "Antarmuka di ujung B"),
      c("medium", "media", "text", "fiber, radio, vpn or leased-line", "fiber, radio, vpn atau leased-line"),
      c("capacityMbps", "kapasitas mbps", "number", "Capacity in Mbit/s", "Kapasitas dalam Mbit/s"),
      c("labelCode", "kode label", "text", "Node address code on the cable label", "Kode alamat simpul pada label kabel"),
      c("description", "keterangan", "text", "Free description", "Keterangan bebas"),
    ],
  },
  {
    name: "allocations", id: "alokasi", section: ["publicIp", "allocations"], identity: "id",
    columns: [
      c("id", "id", "text", "Allocation id", "Id alokasi"),
      c("block", "blok", "text", "Public block id (from spbe init --block: blok-1, blok-2...)", "Id blok publik (dari spbe init --block: blok-1, blok-2...)"),
      c("address", "alamat", "text", "Fixed address; empty: the planner assigns one", "Alamat tetap; kosong: dipilih perencana"),
      c("to.application", "aplikasi", "text", "Application id using it (one of application, opd, service)", "Id aplikasi pemakai (salah satu dari aplikasi, opd, layanan)"),
      c("to.opd", "opd", "text", "OPD code using it", "Kode OPD pemakai"),
      c("to.service", "layanan", "text", "Dinas service using it (dns, mail...)", "Layanan Dinas pemakai (dns, mail...)"),
      c("description", "keterangan", "text", "Free description", "Keterangan bebas"),
    ],
  },
  {
    name: "applications", id: "aplikasi", section: ["applications"], identity: "id",
    columns: [
      c("id", "id", "text", "Application id", "Id aplikasi"),
      c("name", "nama", "text", "Name", "Nama"),
      c("opd", "opd", "text", "Owner OPD code", "Kode OPD pemilik"),
      c("kind", "jenis", "text", "umum or khusus", "umum atau khusus"),
      c("classification", "klasifikasi", "text", "publik, internal, rahasia or strategis", "publik, internal, rahasia atau strategis"),
      c("website", "situs web", "boolean", "An OPD website (yes/no)", "Situs web OPD (ya/tidak)"),
      c("hostname", "nama host", "text", "Name it is reached at", "Nama host"),
      c("placement.type", "penempatan", "text", "datacenter, external or opd-server", "datacenter, external atau opd-server"),
      c("placement.server", "server", "text", "Server device id (datacenter, opd-server)", "Id perangkat server (datacenter, opd-server)"),
      c("placement.image", "image", "text", "Container image (datacenter)", "Image kontainer (datacenter)"),
      c("placement.publicIp", "ip publik", "text", "Public IP allocation id (datacenter)", "Id alokasi IP publik (datacenter)"),
      c("placement.provider", "penyedia", "text", "Hosting provider (external)", "Penyedia hosting (external)"),
      c("placement.country", "negara", "text", "Hosting country, ISO code (external)", "Negara hosting, kode ISO (external)"),
      c("placement.providerLegalEntity.name", "badan hukum penyedia", "text", "Provider's legal entity (external)", "Badan hukum penyedia (external)"),
      c("placement.providerLegalEntity.country", "negara badan hukum", "text", "Country of the legal entity (external)", "Negara badan hukum (external)"),
      c("license", "lisensi", "text", "proprietary-licensed, open-source, pemda-owned, unknown", "proprietary-licensed, open-source, pemda-owned, unknown"),
      c("dr.server", "server drc", "text", "Recovery server device id", "Id server pemulihan"),
      c("dr.rpoMinutes", "rpo menit", "integer", "Recovery point objective in minutes", "RPO dalam menit"),
    ],
  },
];

/** A header as matched: lower case, without spaces, dots, dashes or underscores. */
export const normalizeHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The sheet a file or tab name stands for (English or Indonesian, any case), if any. */
export function sheetFor(name: string): SheetSpec | undefined {
  const n = normalizeHeader(name);
  return SHEETS.find((s) => normalizeHeader(s.name) === n || normalizeHeader(s.id) === n);
}

/** The column a header names in a sheet: by its key, its English text or its Indonesian header. */
export function columnFor(sheet: SheetSpec, header: string): Column | undefined {
  const n = normalizeHeader(header);
  const exact = sheet.columns.find((col) => normalizeHeader(col.key) === n || normalizeHeader(col.id) === n);
  if (exact) return exact;
  // The last part of a key alone ("application" for to.application) when no other column ends so.
  const byLast = sheet.columns.filter((col) => normalizeHeader(col.key.split(".").pop()!) === n);
  return byLast.length === 1 ? byLast[0] : undefined;
}

/** docs/import.md: the sheets and their columns in both languages (written by scripts/write-inventory-docs.ts). */
export function importReference(): string {
  const out = [
    "# Importing sheets: `spbe init --from <dir>` / Impor lembar kerja",
    "",
    "<!-- Generated from import/sheets/columns.ts by `npx tsx scripts/write-inventory-docs.ts`; do not edit by hand. -->",
    "",
    "`spbe init inventory.yaml --kabupaten ... --domain ... --profile ... --block ... --from <dir>` builds the whole",
    "inventory from a directory of sheets: one CSV file per sheet (`devices.csv` or `perangkat.csv`), or XLSX workbooks",
    "whose tabs are named like the sheets (an `.xlsx` with tabs `opd`, `lokasi`, ...). The first row holds the headers,",
    "in English (the field, e.g. `a.device`) or Indonesian (`perangkat a`); case, spaces, dots, dashes and underscores",
    "do not matter. Empty rows are skipped; an empty cell leaves the field out. Every bad cell is reported at once as",
    "`sheet!B12: message` (exit code 2, nothing written).",
    "",
    "`spbe init ... --from <dir>` membangun seluruh inventaris dari direktori lembar kerja: satu file CSV per lembar, atau",
    "buku kerja XLSX dengan tab bernama seperti lembarnya. Baris pertama berisi judul kolom, dalam bahasa Inggris atau",
    "Indonesia. Setiap sel yang salah dilaporkan sekaligus sebagai `lembar!B12: pesan` (kode keluar 2, tidak ada yang ditulis).",
    "",
    "The OPD of `--dinas` and the blocks of `--block` (ids `blok-1`, `blok-2`, ...) come from the flags; a row of the `opds`",
    "sheet with the same code replaces the flags' Dinas. A `sites` sheet replaces the starter's placeholder site `dc`.",
    "Columns not listed here (racks, cables, alerting, documentation...) are written in the YAML afterwards.",
    "",
  ];
  for (const s of SHEETS) {
    out.push(`## \`${s.name}\` / \`${s.id}\` → \`${s.section.join(".")}\``, "", "| column | kolom | type | what it holds | isinya |", "|---|---|---|---|---|");
    for (const col of s.columns) out.push(`| \`${col.key}\` | \`${col.id}\` | ${col.type} | ${col.en} | ${col.idDoc} |`);
    out.push("");
  }
  return out.join("\n");
}
