// Imports into the inventory: `spbe init --from` (CSV/XLSX sheets) and `spbe import netbox`.
import type { Messages } from "../text";

export const importMessages = {
  "import.cell": { id: "{where}: {message}", en: "{where}: {message}" },
  "import.not-a-number": { id: "harus berupa angka, bukan \"{value}\"", en: "must be a number, not \"{value}\"" },
  "import.not-an-integer": { id: "harus berupa bilangan bulat, bukan \"{value}\"", en: "must be a whole number, not \"{value}\"" },
  "import.not-a-boolean": {
    id: "harus ya/tidak (atau true/false, 1/0), bukan \"{value}\"",
    en: "must be yes/no (or true/false, 1/0, ya/tidak), not \"{value}\"",
  },
  "import.unknown-column": {
    id: "kolom \"{column}\" tidak dikenal; kolom lembar {sheet}: {known} (lihat docs/import.md)",
    en: "unknown column \"{column}\"; the columns of sheet {sheet} are: {known} (see docs/import.md)",
  },
  "import.duplicate-column": { id: "kolom \"{column}\" muncul dua kali", en: "column \"{column}\" appears twice" },
  "import.unknown-sheet": {
    id: "lembar \"{sheet}\" tidak dikenal; nama lembar: {known}",
    en: "unknown sheet \"{sheet}\"; sheets are named: {known}",
  },
  "import.no-sheets": {
    id: "{dir}: tidak ada lembar CSV atau XLSX ({known})",
    en: "{dir}: no CSV or XLSX sheets ({known})",
  },
  "import.unreadable": { id: "{file}: tidak dapat dibaca: {reason}", en: "{file}: cannot be read: {reason}" },
  "import.errors": {
    id: "{count} kesalahan di lembar; tidak ada yang ditulis",
    en: "{count} error(s) in the sheets; nothing written",
  },
  "import.written": {
    id: "{file}: inventaris ditulis dari {sheets} lembar dan valid; periksa dengan spbe validate {file}",
    en: "{file}: inventory written from {sheets} sheet(s) and valid; check it with spbe validate {file}",
  },
  "netbox.no-source": {
    id: "beri --from <direktori> berisi JSON NetBox, atau NETBOX_URL dan NETBOX_TOKEN di lingkungan",
    en: "give --from <dir> of saved NetBox JSON, or NETBOX_URL and NETBOX_TOKEN in the environment",
  },
  "netbox.http": { id: "NetBox menjawab {status} untuk {url}", en: "NetBox answered {status} for {url}" },
  "netbox.unreachable": { id: "NetBox tidak terjangkau di {url}: {reason}", en: "NetBox cannot be reached at {url}: {reason}" },
  "netbox.bad-file": { id: "{file}: bukan jawaban API NetBox ({reason})", en: "{file}: not a NetBox API response ({reason})" },
  "netbox.missing-file": { id: "{file} tidak ada: simpan jawaban {endpoint}", en: "{file} is missing: save the answer of {endpoint}" },
  "netbox.unmapped": { id: "tidak dipetakan: {kind} {name} (#{id}): {reason}", en: "not mapped: {kind} {name} (#{id}): {reason}" },
  "netbox.summary": {
    id: "{file}: {sites} lokasi, {devices} perangkat, {links} tautan, {cables} kabel, {blocks} blok publik, {allocations} alokasi diimpor; {unmapped} objek tidak dipetakan (tercantum di atas)",
    en: "{file}: imported {sites} site(s), {devices} device(s), {links} link(s), {cables} cable(s), {blocks} public block(s), {allocations} allocation(s); {unmapped} object(s) not mapped (listed above)",
  },
  "netbox.reason-role": {
    id: "peran \"{role}\" tidak punya padanan (router, switch, firewall, server, ups, access-point, gateway)",
    en: "role \"{role}\" has no counterpart (router, switch, firewall, server, ups, access-point, gateway)",
  },
  "netbox.reason-unnamed": { id: "perangkat tanpa nama", en: "device without a name" },
  "netbox.reason-device-dropped": { id: "perangkatnya {device} tidak dipetakan", en: "its device {device} is not mapped" },
  "netbox.reason-termination": {
    id: "ujung kabel bukan antarmuka perangkat ({types})",
    en: "a cable end is not a device interface ({types})",
  },
  "netbox.reason-no-speed": {
    id: "kabel serat tanpa kecepatan antarmuka: kapasitas tautan tidak diketahui",
    en: "fiber cable with no interface speed: the link's capacity is unknown",
  },
  "netbox.reason-private-prefix": {
    id: "prefiks privat tanpa tenant yang sama dengan kode OPD",
    en: "private prefix whose tenant is not an OPD code",
  },
  "netbox.reason-private-address": {
    id: "alamat privat yang bukan alamat utama perangkat",
    en: "private address that is not a device's primary address",
  },
  "netbox.reason-outside-blocks": {
    id: "alamat publik di luar prefiks publik yang diimpor",
    en: "public address outside the imported public prefixes",
  },
} satisfies Messages;
