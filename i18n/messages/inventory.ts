// Inventory validation (spbe validate and every command that loads an inventory, the Pulumi program too).
import type { Messages } from "../text";

export const inventoryMessages = {
  "yaml.syntax": { id: "kesalahan sintaks YAML: {message}", en: "YAML syntax error: {message}" },
  "yaml.colon-in-value": {
    id: 'kesalahan sintaks YAML: {message}. Nilai yang memuat ": " harus diberi tanda kutip, mis. name: "Dinas: Kesehatan"',
    en: 'YAML syntax error: {message}. A value containing ": " must be quoted, e.g. name: "Dinas: Kesehatan"',
  },
  "yaml.tab-indent": {
    id: "kesalahan sintaks YAML: {message}. Gunakan spasi untuk indentasi, bukan tab",
    en: "YAML syntax error: {message}. Indent with spaces, not tabs",
  },
  "yaml.duplicate-key": { id: "kunci ganda: {message}", en: "duplicate key: {message}" },
  "schema": { id: "{message}", en: "{message}" },
  "file.unreadable": { id: "inventaris tidak dapat dibaca: {message}", en: "cannot read the inventory: {message}" },
  "file.not-regular": {
    id: "bukan berkas biasa (direktori, FIFO atau perangkat): inventaris dibaca dari berkas YAML",
    en: "not a regular file (a directory, FIFO or device): an inventory is read from a YAML file",
  },
  "file.too-large": {
    id: "berkas {sizeMb} MiB melebihi batas {limitMb} MiB; naikkan SPBE_MAX_INVENTORY_MB bila memang sebesar itu",
    en: "the file is {sizeMb} MiB, above the limit of {limitMb} MiB; raise SPBE_MAX_INVENTORY_MB if it really is that large",
  },
  "file.not-utf8": {
    id: "berkas bukan UTF-8: bita {byte} (offset {offset}) tidak sah; simpan berkas sebagai UTF-8",
    en: "the file is not UTF-8: byte {byte} (offset {offset}) is invalid; save the file as UTF-8",
  },
  "file.empty": {
    id: "inventaris kosong: mulailah dengan meta, opds dan sites (spbe init menulis contohnya)",
    en: "the inventory is empty: start with meta, opds and sites (spbe init writes a starter)",
  },
  "yaml.duplicate-key-named": {
    id: "kunci \"{key}\" ganda (pertama di baris {firstLine}); hanya satu yang berlaku",
    en: "duplicate key \"{key}\" (first at line {firstLine}); only one can count",
  },
  "dup.id": {
    id: "id {kind} \"{id}\" ganda (pertama didefinisikan di {first})",
    en: "duplicate {kind} id \"{id}\" (first defined at {first})",
  },
  "ref.unknown": { id: "{kind} \"{id}\" tidak dikenal", en: "unknown {kind} \"{id}\"" },
  "ref.unknown-in": {
    id: "{kind} \"{id}\" tidak dikenal di {scope} \"{scopeId}\"",
    en: "unknown {kind} \"{id}\" in {scope} \"{scopeId}\"",
  },
  "ref.not-server": {
    id: "\"{id}\" adalah {role}, bukan server: aplikasi berjalan di server",
    en: "\"{id}\" is a {role}, not a server: applications run on servers",
  },
  "rack.position-missing": {
    id: "perangkat di rak \"{rack}\" memerlukan posisi (U terendah yang ditempati)",
    en: "device in rack \"{rack}\" needs a position (lowest U it occupies)",
  },
  "rack.no-rack": { id: "posisi diisi tetapi rak tidak disebut", en: "position given but no rack" },
  "rack.outside": {
    id: "menempati U{from}-U{to}, di luar rak \"{rack}\" (U1-U{height})",
    en: "occupies U{from}-U{to}, outside rack \"{rack}\" (U1-U{height})",
  },
  "rack.overlap": {
    id: "menempati U{from}-U{to} rak \"{rack}\", bertumpang tindih dengan \"{other}\" (U{otherFrom}-U{otherTo})",
    en: "occupies U{from}-U{to} of rack \"{rack}\", overlapping \"{other}\" (U{otherFrom}-U{otherTo})",
  },
  "link.same-device": { id: "kedua ujung tautan berada di perangkat \"{device}\"", en: "both ends of the link are on device \"{device}\"" },
  "ip.family": {
    id: "{address} tidak satu keluarga IP dengan blok \"{block}\" ({cidr})",
    en: "{address} is not of the same IP family as block \"{block}\" ({cidr})",
  },
  "ip.network-address": {
    id: "{address} adalah alamat jaringan blok \"{block}\" ({cidr}): tidak dapat dipakai host",
    en: "{address} is the network address of block \"{block}\" ({cidr}): no host can use it",
  },
  "ip.broadcast-address": {
    id: "{address} adalah alamat broadcast blok \"{block}\" ({cidr}): tidak dapat dipakai host",
    en: "{address} is the broadcast address of block \"{block}\" ({cidr}): no host can use it",
  },
  "ip.outside-block": { id: "{address} berada di luar blok \"{block}\" ({cidr})", en: "{address} is outside block \"{block}\" ({cidr})" },
  "ip.alloc-overlap": {
    id: "{address} bertumpang tindih dengan alokasi \"{other}\" ({otherAddress})",
    en: "{address} overlaps allocation \"{other}\" ({otherAddress})",
  },
  "ip.alloc-reserved": {
    id: "{address} dicadangkan di blok \"{block}\" ({reserved}, {reason}): pilih alamat lain atau kosongkan address",
    en: "{address} is reserved in block \"{block}\" ({reserved}, {reason}): choose another address or leave address out",
  },
  "ip.alloc-duplicate": { id: "{address} sudah dialokasikan ke \"{other}\"", en: "{address} is already allocated to \"{other}\"" },
  "ip.block-overlap": {
    id: "blok {cidr} bertumpang tindih dengan blok \"{other}\" ({otherCidr})",
    en: "block {cidr} overlaps block \"{other}\" ({otherCidr})",
  },
  "ip.subnet-overlap": {
    id: "subnet {cidr} bertumpang tindih dengan {other} milik PD \"{otherOpd}\"",
    en: "subnet {cidr} overlaps {other} of OPD \"{otherOpd}\"",
  },
  "ip.subnet-public": {
    id: "subnet {cidr} bukan prefiks privat: LAN kantor PD memakai alamat privat",
    en: "subnet {cidr} is not a private prefix: OPD office LANs use private addresses",
  },
  "ip.block-exhausted": {
    id: "blok \"{block}\" ({cidr}) terpakai {percent}% ({used} dari {total} alamat)",
    en: "block \"{block}\" ({cidr}) is {percent}% allocated ({used} of {total} addresses)",
  },
  "ip.block-full": {
    id: "blok \"{block}\" ({cidr}) tidak punya alamat bebas untuk alokasi \"{allocation}\"",
    en: "block \"{block}\" ({cidr}) has no free address for allocation \"{allocation}\"",
  },
  "quota.duplicate": { id: "PD \"{opd}\" memiliki lebih dari satu kuota", en: "OPD \"{opd}\" has more than one quota" },
  "quota.over-upstream": {
    id: "jumlah kuota {direction} {sum} Mbps, melebihi kapasitas upstream {upstream} Mbps",
    en: "quotas add up to {sum} Mbps {direction}, above the upstream capacity of {upstream} Mbps",
  },
  "placement.dinas-is-opd": { id: "meta.dinas \"{id}\" harus salah satu kode PD", en: "meta.dinas \"{id}\" must be one of the OPD codes" },
  "placement.public-ip-not-assigned": {
    id: "alokasi \"{allocation}\" tidak dialokasikan untuk aplikasi \"{application}\"",
    en: "allocation \"{allocation}\" is not allocated to application \"{application}\"",
  },
  "placement.port-duplicate": {
    id: "port {port}/{protocol} sudah dinyatakan pada ports[{first}] aplikasi ini",
    en: "port {port}/{protocol} is already declared at ports[{first}] of this application",
  },
  "nat.app-prefix": {
    id: "alokasi aplikasi \"{application}\" harus satu alamat, bukan prefiks {address}: gateway tepi meneruskan satu alamat ke satu server",
    en: "the allocation of application \"{application}\" must be one address, not the prefix {address}: the edge gateway forwards one address to one server",
  },
  "nat.opd-no-subnet": {
    id: "PD \"{opd}\" tidak punya subnet IPv{family}: tidak ada yang dapat di-source-NAT ke {address}",
    en: "OPD \"{opd}\" has no IPv{family} subnet: nothing can be source-NATed to {address}",
  },
  "nat.opd-duplicate": {
    id: "PD \"{opd}\" sudah mendapat alokasi IPv{family} \"{other}\" untuk source NAT-nya",
    en: "OPD \"{opd}\" already has the IPv{family} allocation \"{other}\" for its source NAT",
  },
  "dr.same-server": {
    id: "replika DR berada di server yang sama dengan aplikasinya",
    en: "the DR replica is on the same server as the application",
  },
  "dns.serving-not-server": {
    id: "perangkat \"{device}\" ber-role {role}: zona hanya dilayani oleh server (role: server)",
    en: "device \"{device}\" has role {role}: the zone is served only by servers (role: server)",
  },
  "dns.serving-no-address": {
    id: "server \"{device}\" tidak memiliki mgmtAddress: pulumi up menjangkaunya lewat SSH di sana dan transfer zona berjalan antaralamat itu",
    en: "server \"{device}\" has no mgmtAddress: pulumi up reaches it over SSH there and zone transfers run between those addresses",
  },
  "dns.serving-twice": {
    id: "server \"{device}\" disebut dua kali (primer atau sekunder): setiap server memegang zona sekali",
    en: "server \"{device}\" is named twice (primary or secondary): each server holds the zone once",
  },
  "snmp.no-address": {
    id: "perangkat memiliki akses SNMP tetapi tidak memiliki mgmtAddress untuk dipantau",
    en: "device has SNMP access but no mgmtAddress to poll",
  },
  "device.owner-unknown": {
    id: "pemilik \"{owner}\" bukan \"dinas\" dan bukan kode PD",
    en: "owner \"{owner}\" is neither \"dinas\" nor an OPD code",
  },
  "evidence.year-mismatch": {
    id: "referensi {ref} menyebut tahun lain dari tanggalnya {date}: periksa bukti ini",
    en: "reference {ref} names another year than its date {date}: check this evidence",
  },
  "alerting.email-needs-smtp": {
    id: "penerima {receiver} memakai email tetapi alerting.smtp tidak diisi",
    en: "receiver {receiver} uses email but alerting.smtp is not set",
  },
  "alerting.timezone": { id: "zona waktu \"{zone}\" tidak dikenal (nama IANA, mis. Asia/Jakarta)", en: "unknown time zone \"{zone}\" (an IANA name, e.g. Asia/Jakarta)" },
} satisfies Messages;
