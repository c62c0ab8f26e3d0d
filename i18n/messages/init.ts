// `spbe init`: its questions (asked only at a terminal) and what it reports.
import type { Messages } from "../text";

export const initMessages = {
  "init.ask-kabupaten": { id: "Nama kabupaten", en: "Name of the kabupaten" },
  "init.ask-domain": { id: "Domain kabupaten (mis. contohkab.go.id)", en: "Domain of the kabupaten (e.g. contohkab.go.id)" },
  "init.ask-profiles": { id: "Profil Perda, dipisah koma ({choices})", en: "Perda profiles, comma-separated ({choices})" },
  "init.ask-dinas": { id: "Kode OPD Dinas Kominfo", en: "OPD code of the Dinas Kominfo" },
  "init.ask-blocks": { id: "Blok IP publik (CIDR, dipisah koma; boleh kosong)", en: "Public IP blocks (CIDR, comma-separated; may be empty)" },
  "init.missing": {
    id: "{flag} wajib diisi (tidak ada terminal untuk bertanya)",
    en: "{flag} is required (there is no terminal to ask)",
  },
  "init.exists": { id: "{file} sudah ada: pakai --force untuk menimpanya", en: "{file} exists: use --force to overwrite it" },
  "init.bad-answer": { id: "{flag}: {message}", en: "{flag}: {message}" },
  "init.written": {
    id: "{file}: inventaris awal ditulis dan valid; isi bagian yang diberi komentar, lalu jalankan spbe validate {file}",
    en: "{file}: starter inventory written and valid; fill in the commented parts, then run spbe validate {file}",
  },
} satisfies Messages;
