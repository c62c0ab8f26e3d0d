// Inventory schema messages: the project's own (inventory/schema.ts passes their English text to zod,
// which stays zod's language for anyone parsing directly; the loader finds the entry back from it)
// and the loader's rewording of two of zod's. Zod's other messages come from zod's own locales.
import type { Messages } from "../text";

export const schemaMessages = {
  "schema.required": { id: "wajib diisi", en: "required" },
  "schema.unknown-keys": { id: "kolom tidak dikenal: {keys}", en: "unknown field(s): {keys}" },
  "schema.unknown-key": { id: "kolom tidak dikenal: {key}", en: "unknown field: {key}" },
  "schema.unknown-key-suggest": { id: "kolom tidak dikenal: {key} (maksudnya {suggestion}?)", en: "unknown field: {key} (did you mean {suggestion}?)" },
  "schema.ip-zone": {
    id: "tidak boleh memuat zona IPv6 (%nama): zona hanya berarti di satu host; tulis alamatnya saja",
    en: "must not carry an IPv6 zone (%name): a zone only means something on one host; write the address alone",
  },
  "schema.required-for": { id: "wajib diisi untuk {level}", en: "required for {level}" },
  "schema.identifier": {
    id: "harus berupa pengenal (huruf, angka, '.', '_', '-')",
    en: "must be an identifier (letters, digits, '.', '_', '-')",
  },
  "schema.module-name": {
    id: "harus berupa nama modul (huruf kecil, angka, '_', diawali huruf)",
    en: "must be a module name (lower-case letters, digits, '_', starting with a letter)",
  },
  "schema.oid": { id: "harus berupa OID dalam angka bertitik, mis. 1.3.6.1.2.1.2.2.1.10", en: "must be an OID in dotted numbers, e.g. 1.3.6.1.2.1.2.2.1.10" },
  "schema.metric-name": { id: "harus berupa nama metrik Prometheus (huruf, angka, '_', ':')", en: "must be a Prometheus metric name (letters, digits, '_', ':')" },
  "schema.label-name": { id: "harus berupa nama label Prometheus (huruf, angka, '_')", en: "must be a Prometheus label name (letters, digits, '_')" },
  "schema.enum-number": { id: "angka enumerasi harus bilangan bulat", en: "an enumeration's numbers must be integers" },
  "schema.module-twice": { id: "{name} disebut dua kali dalam modul", en: "{name} is named twice in the module" },
  "schema.module-empty": { id: "modul perlu scalars, info atau tables", en: "a module needs scalars, info or tables" },
  "schema.date": { id: "harus berupa tanggal YYYY-MM-DD", en: "must be a date YYYY-MM-DD" },
  "schema.ip-address": { id: "harus berupa alamat IPv4 atau IPv6", en: "must be an IPv4 or IPv6 address" },
  "schema.cidr": {
    id: "harus berupa prefiks CIDR tanpa bit host (mis. 203.0.113.0/24)",
    en: "must be a CIDR prefix with no host bits set (e.g. 203.0.113.0/24)",
  },
  "schema.hostname": { id: "harus berupa nama host DNS", en: "must be a DNS hostname" },
  "schema.dns-server": {
    id: "harus berupa alamat server DNS host:port (mis. 203.0.113.2:53 atau [2001:db8::53]:53), bukan nama host",
    en: "must be a DNS server address host:port (e.g. 203.0.113.2:53 or [2001:db8::53]:53), not a host name",
  },
  "schema.env-name": { id: "harus berupa nama variabel lingkungan", en: "must be an environment variable name" },
  "schema.secret-ref": {
    id: "harus berupa rujukan ke rahasia ({ env: NAME } atau { pulumiSecret: NAME }), bukan rahasianya sendiri",
    en: "must be a secret reference ({ env: NAME } or { pulumiSecret: NAME }), never the secret itself",
  },
  "schema.quote-number": {
    id: 'harus berupa teks "{value}" (beri tanda kutip: tanpa kutip YAML membaca {value} sebagai angka)',
    en: 'must be the string "{value}" (quote it: unquoted, YAML reads {value} as a number)',
  },
  "schema.quote-boolean": {
    id: 'harus berupa teks "{value}" (beri tanda kutip: tanpa kutip YAML membaca {value} sebagai boolean)',
    en: 'must be the string "{value}" (quote it: unquoted, YAML reads {value} as a boolean)',
  },
  "schema.one-of": { id: "harus salah satu dari {options}", en: "must be one of {options}" },
  "schema.unknown-keys-flow": {
    id: "kolom tidak dikenal: {keys}. Di dalam { } koma memisahkan kolom: beri tanda kutip pada nilai yang memuat koma, mis. {suggestion}",
    en: "unknown field(s): {keys}. Inside { } a comma separates fields: quote a value that contains a comma, e.g. {suggestion}",
  },
  "schema.country": { id: "harus berupa kode negara ISO 3166-1 alpha-2", en: "must be an ISO 3166-1 alpha-2 country code" },
  "schema.email": { id: "harus berupa alamat email", en: "must be an email address" },
  "schema.clock": { id: "harus berupa jam HH:MM (00:00 sampai 24:00)", en: "must be a time of day HH:MM (00:00 to 24:00)" },
  "schema.local-datetime": { id: "harus berupa tanggal dan jam YYYY-MM-DDTHH:MM", en: "must be a date and time YYYY-MM-DDTHH:MM" },
  "schema.timestamp": { id: "harus berupa waktu YYYY-MM-DDTHH:MM[:SS] dengan Z atau selisih zona (+07:00)", en: "must be a timestamp YYYY-MM-DDTHH:MM[:SS] with Z or an offset (+07:00)" },
  "schema.end-after-start": { id: "harus sesudah awalnya", en: "must come after the start" },
  "schema.receiver-empty": {
    id: "penerima membutuhkan paling sedikit satu email, webhook atau telegram",
    en: "a receiver needs at least one email, webhook or telegram",
  },
  "schema.maintenance-when": {
    id: "jendela pemeliharaan membutuhkan start dan end, atau weekly (tidak keduanya)",
    en: "a maintenance window needs start and end, or weekly (not both)",
  },
  "schema.host-port": { id: "harus berupa host:port", en: "must be host:port" },
} satisfies Messages;
