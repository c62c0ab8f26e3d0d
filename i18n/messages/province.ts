// The provincial compliance report (spbe report --province): the kabupaten/kota of a province ranked
// by their own Perda evaluations, for the province's Diskominfo and the national SPBE coordinators.
import type { Messages } from "../text";

export const provinceMessages = {
  "province.title": { id: "Kepatuhan SPBE tingkat provinsi: {count} kabupaten/kota", en: "Provincial SPBE compliance: {count} kabupaten/kota" },
  "province.as-of": { id: "Evaluasi terbaru: {date}", en: "Latest evaluation: {date}" },
  "province.overall": {
    id: "Rata-rata skor kabupaten/kota {score}/100; {mandatory} temuan wajib dan {advisory} saran dari {checks} pemeriksaan pada {kabupaten} kabupaten/kota dan {opds} OPD.",
    en: "Mean kabupaten/kota score {score}/100; {mandatory} mandatory {mandatory|finding|findings} and {advisory} {advisory|advisory|advisories} from {checks} checks over {kabupaten} kabupaten/kota and {opds} OPDs.",
  },
  "province.note": {
    id: "Setiap kabupaten/kota dinilai menurut Perda-nya sendiri (profil pada inventarisnya) dengan aturan dan bobot skor yang sama; peringkat: skor tertinggi, lalu temuan wajib paling sedikit.",
    en: "Each kabupaten/kota is evaluated under its own Perda (the profile its inventory declares) with the same rules and score weights; ranking: highest score, then fewest mandatory findings.",
  },
  "province.ranking-kabupaten": { id: "Peringkat kabupaten/kota", en: "Ranking of kabupaten/kota" },
  "province.ranking-opd": { id: "Peringkat OPD seluruh provinsi", en: "Ranking of OPDs across the province" },
  "province.profiles": { id: "Perda yang dipakai", en: "Perda applied" },
  "province.profile-line": { id: "{profile}: {kabupaten}", en: "{profile}: {kabupaten}" },
  "province.trend": { id: "Tren per kabupaten/kota", en: "Trend per kabupaten/kota" },
  "province.trend-line": { id: "{kabupaten}: skor {scores} ({dates})", en: "{kabupaten}: score {scores} ({dates})" },
  "province.no-trend": { id: "Hanya satu evaluasi per kabupaten/kota: tren muncul bila laporan JSON tanggal lain diberikan.", en: "One evaluation per kabupaten/kota: the trend appears when report JSONs of other dates are given." },
  "province.col.rank": { id: "Peringkat", en: "Rank" },
  "province.col.kabupaten": { id: "Kabupaten/kota", en: "Kabupaten/kota" },
  "province.col.domain": { id: "Domain", en: "Domain" },
  "province.col.profile": { id: "Perda (profil)", en: "Perda (profile)" },
  "province.col.predicate": { id: "Predikat", en: "Predicate" },
  "province.col.as-of": { id: "Tanggal evaluasi", en: "Evaluation date" },
  "province.col.opds": { id: "OPD", en: "OPDs" },
  "province.col.change": { id: "Perubahan skor", en: "Score change" },
  "province.col.source": { id: "Sumber", en: "Source" },
  "province.written": {
    id: "{file}: laporan provinsi ditulis ({format}, {kabupaten} kabupaten/kota)",
    en: "{file}: provincial report written ({format}, {kabupaten} kabupaten/kota)",
  },
  "province.invalid-inputs": {
    id: "{count} berkas tidak dapat dipakai; laporan provinsi tidak ditulis",
    en: "{count} {count|file|files} could not be used; no provincial report written",
  },
  "province.usage": {
    id: "--province membaca direktori inventaris atau laporan JSON; jangan beri juga {option}",
    en: "--province reads a directory of inventories or report JSONs; do not also give {option}",
  },
  "province.need-input": { id: "beri berkas inventaris, atau --province <direktori>", en: "give an inventory file, or --province <directory>" },
  "province.prom-needs-province": { id: "--format prom hanya untuk --province (spbe serve mengekspor metrik satu kabupaten)", en: "--format prom is for --province only (spbe serve exports one kabupaten's metrics)" },
} satisfies Messages;
