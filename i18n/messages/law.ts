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
} satisfies Messages;
