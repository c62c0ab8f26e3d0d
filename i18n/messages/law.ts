// The report's reading of the law (issue 14): the predicate and its thresholds, coverage of the
// articles, and the year-over-year classes.
import type { Messages } from "../text";

export const lawMessages = {
  "law.verdict": { id: "Temuan wajib: {mandatory} · saran: {advisory} · predikat: {predicate}", en: "Mandatory findings: {mandatory} · advisories: {advisory} · predicate: {predicate}" },
  "law.predicate.memenuhi": { id: "memenuhi", en: "memenuhi (compliant)" },
  "law.predicate.memenuhi-dengan-catatan": { id: "memenuhi dengan catatan", en: "memenuhi dengan catatan (compliant with notes)" },
  "law.predicate.tidak-memenuhi": { id: "tidak memenuhi", en: "tidak memenuhi (not compliant)" },
  "law.thresholds": {
    id: "Ambang predikat: memenuhi = 0 temuan wajib dan 0 saran; memenuhi dengan catatan = 0 temuan wajib, ada saran; tidak memenuhi = 1 temuan wajib atau lebih. Skor hanya pelengkap dan tidak menentukan predikat.",
    en: "Predicate thresholds: memenuhi = 0 mandatory findings and 0 advisories; memenuhi dengan catatan = 0 mandatory findings, some advisories; tidak memenuhi = 1 mandatory finding or more. The score is supplementary and does not decide the predicate.",
  },
  "law.scope": {
    id: "Cakupan: laporan ini menilai infrastruktur dan aplikasi terhadap pasal-pasal yang dapat diperiksa perangkat lunak; ini bahan, bukan keseluruhan, evaluasi tahunan rencana induk.",
    en: "Scope: this report assesses infrastructure and applications against the articles software can check; it is input to, not the whole of, the yearly evaluation of the master plan.",
  },
  "law.coverage": { id: "Cakupan pasal", en: "Articles covered" },
  "law.coverage.line": {
    id: "{profile}: {assessed} dari {total} pasal dinilai (Pasal {assessedList}); tanpa fakta teramati: {noFacts}; tidak dapat diperiksa perangkat lunak atau belum ada aturan: {notCheckable}.",
    en: "{profile}: {assessed} of {total} articles assessed (Pasal {assessedList}); not assessed, no observed facts given: {noFacts}; not checkable by software or no rule yet: {notCheckable}.",
  },
  "law.coverage.note": {
    id: "Pasal yang tidak dinilai bukan berarti dipatuhi; alasan per pasal: docs/compliance-matrix.md.",
    en: "An article not assessed is not an article complied with; the reason per article: docs/compliance-matrix.md.",
  },
  "law.persisting": { id: "Masih ada", en: "Persisting" },
  "law.worsened": { id: "Memburuk", en: "Worsened" },
  "law.worsened-from": { id: "sebelumnya: {from}", en: "before: {from}" },
  "law.trend": { id: "Tren temuan wajib per OPD", en: "Trend of mandatory findings per OPD" },
  "law.letter.number": { id: "Nomor: {number} · Tanggal: {date}", en: "Number: {number} · Date: {date}" },
  "law.letter.addressee": {
    id: "Kepada Yth. Bupati {kabupaten}, melalui Sekretaris Daerah Kabupaten {kabupaten}",
    en: "To the Bupati of {kabupaten}, through the Sekretaris Daerah of Kabupaten {kabupaten}",
  },
  "law.signoff": { id: "Dewan TIK Daerah", en: "Dewan TIK Daerah (regional ICT council)" },
  "law.signoff.none": {
    id: "Anggota Dewan TIK tidak tercatat di inventaris (governance.dewanTik): lembar pengesahan tidak dapat disusun.",
    en: "No Dewan TIK members on record (governance.dewanTik): the sign-off block cannot be laid out.",
  },
  "law.col.member": { id: "Nama", en: "Name" },
  "law.col.role": { id: "Jabatan", en: "Role" },
  "law.col.signature": { id: "Tanda tangan", en: "Signature" },
  "law.sanctions": { id: "OPD yang dapat dikenai sanksi (klaten-18-2018 Pasal 34)", en: "OPDs facing sanctions (klaten-18-2018 Pasal 34)" },
  "law.sanctions.line": {
    id: "{name} ({opd}): Kepala Perangkat Daerah dapat dikenai sanksi administratif hukuman disiplin tingkat ringan berupa peringatan tertulis (Pasal 34 (1)): pengadaan tanpa verifikasi Dinas: {subjects}.",
    en: "{name} ({opd}): the head of the OPD may receive a light disciplinary sanction, a written warning (Pasal 34 (1)): procurement without Dinas verification: {subjects}.",
  },
  "law.sanctions.note": {
    id: "Diturunkan dari temuan pengadaan tanpa verifikasi (Pasal 8 (4)); Pasal 34 (2) dan (3) (data sektoral, keamanan layanan elektronik) tidak diperiksa perangkat lunak. \"Dapat dikenai\": keputusan ada pada pejabat berwenang.",
    en: "Derived from the findings of procurement without verification (Pasal 8 (4)); Pasal 34 (2) and (3) (sectoral data, security of electronic services) are not checked by software. \"May receive\": the decision is the competent official's.",
  },
  "law.obstruction": { id: "Rekomendasi kepada Bupati: OPD yang menghambat penyelenggaraan e-Government (klaten-18-2018 Pasal 32 (2) e)", en: "Recommendations to the Bupati: OPDs obstructing e-government (klaten-18-2018 Pasal 32 (2) e)" },
  "law.obstruction.line": {
    id: "{name} ({opd}): {count} temuan wajib belum ditindaklanjuti sejak laporan {since} ({rules}). Dewan TIK merekomendasikan Bupati meminta Kepala Perangkat Daerah menindaklanjutinya.",
    en: "{name} ({opd}): {count} mandatory findings not acted upon since the report of {since} ({rules}). The Dewan TIK recommends that the Bupati ask the head of the OPD to act on them.",
  },
  "law.obstruction.none": { id: "Tidak ada OPD dengan temuan wajib yang tidak ditindaklanjuti sejak laporan sebelumnya.", en: "No OPD left a mandatory finding unattended since the previous report." },
  "law.obstruction.no-previous": {
    id: "Tidak dapat dinilai tanpa laporan sebelumnya (--previous): menghambat dibaca sebagai temuan wajib yang bertahan atau memburuk selama satu siklus evaluasi.",
    en: "Not judged without a previous report (--previous): obstruction is read as a mandatory finding that persisted or worsened over an evaluation cycle.",
  },
  "plausibility.after-evaluation": { id: "bertanggal {date}, sesudah tanggal evaluasi {asOf}: periksa dokumennya", en: "dated {date}, after the evaluation date {asOf}: check the document" },
  "plausibility.ref-year": { id: "nomor {ref} menyebut tahun {year}, tetapi bertanggal {date}: periksa dokumennya", en: "reference {ref} names the year {year} but is dated {date}: check the document" },
  "law.indicators": {
    id: "Bukti pendukung evaluasi SPBE nasional (PermenPANRB 59/2020)",
    en: "Supporting evidence for the national SPBE evaluation (PermenPANRB 59/2020)",
  },
  "law.indicators.line": {
    id: "Indikator {number} {name} (domain {domain}, aspek {aspect}): {rules}. Sumber nomor indikator: {source}",
    en: "Indicator {number} {name} (domain {domain}, aspect {aspect}): {rules}. Source of the indicator number: {source}",
  },
  "law.indicators.rule": { id: "{rule}: {failed} dari {checked} pemeriksaan gagal", en: "{rule}: {failed} of {checked} checks failed" },
  "law.indicators.note": {
    id: "Bukti pendukung, bukan nilai indikator: tingkat kematangan ditetapkan evaluator atas dokumen. Hanya indikator yang nomornya dapat dikutip dari sumber yang dibaca yang dicantumkan; selebihnya: docs/compliance-matrix.md.",
    en: "Supporting evidence, not an indicator's level: the maturity level is the evaluator's judgement on documents. Only indicators whose number could be cited from a source actually read are named; the others: docs/compliance-matrix.md.",
  },
  "law.plausibility": { id: "Peringatan kewajaran bukti", en: "Plausibility warnings on the evidence" },
  "law.plausibility.note": {
    id: "Bukan temuan: catatan inventaris yang perlu dicocokkan dengan dokumen aslinya sebelum laporan ditandatangani.",
    en: "Not findings: inventory records to check against the paper before the report is signed.",
  },
} satisfies Messages;
