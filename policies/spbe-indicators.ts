// The national SPBE evaluation (Peraturan Menteri PANRB No. 59 Tahun 2020 tentang Pemantauan dan
// Evaluasi SPBE: 47 indicators in four domains) as supporting evidence: which of its indicators a rule's
// checks speak to. Evidence only: the maturity level of an indicator is the evaluator's judgement on
// documents, never a count of our findings.
//
// An indicator is named here ONLY when its number and name were read in a source that can be cited
// (the `source` address). The regulation's own Lampiran could not be read (only its opening pages were
// reachable), so the numbers come from kabupaten SPBE portals that reproduce the 59/2020 instrument;
// indicators the rules touch but whose number no source read confirmed (Layanan Jaringan Intra,
// Audit Aplikasi, Manajemen Aset TIK…) are left out and listed in docs/compliance-matrix.md.
import type { Text } from "../i18n";

export interface SpbeIndicator {
  /** The indicator's number in the PermenPANRB 59/2020 instrument. */
  number: number;
  name: Text;
  domain: Text;
  aspect: Text;
  /** Where the number and name were read. */
  source: string;
}

export const SPBE_INDICATORS: readonly SpbeIndicator[] = [
  {
    number: 16,
    name: { id: "Tingkat Kematangan Layanan Pusat Data", en: "Maturity of the data-center service (Layanan Pusat Data)" },
    domain: { id: "Tata Kelola SPBE", en: "SPBE governance (Tata Kelola SPBE)" },
    aspect: { id: "Teknologi Informasi dan Komunikasi", en: "Information and communication technology" },
    source: "https://spbe.banjarmasinkota.go.id/p/teknologi-informasi-dan-komunikasi_3.html",
  },
  {
    number: 29,
    name: { id: "Audit Infrastruktur SPBE", en: "SPBE infrastructure audit (Audit Infrastruktur SPBE)" },
    domain: { id: "Manajemen SPBE", en: "SPBE management (Manajemen SPBE)" },
    aspect: { id: "Audit TIK", en: "ICT audit (Audit TIK)" },
    source: "https://spbe.majalengkakab.go.id/?p=163",
  },
];

/**
 * Rule → the indicators its checks give evidence for. Indicator 16 defines the data center as the
 * place for "penempatan, penyimpanan dan pengolahan data, dan pemulihan data" and grades how far the
 * units of the Pemda use it: where applications run, whether they answer from Dinas addresses, the
 * data center and recovery site themselves. Indicator 29 examines "infrastruktur SPBE" and its
 * performance against set criteria: the network as wired versus as declared, unknown devices on it,
 * reachability, every OPD on the backbone.
 */
export const RULE_INDICATORS: Readonly<Record<string, readonly number[]>> = {
  "app-placement-dc": [16],
  "app-exception-expiring": [16],
  "app-answers-from-dinas-blocks": [16],
  "dc-and-recovery-site": [16],
  "app-dr-replica": [16],
  "opd-backbone-connected": [29],
  "device-reachable": [29],
  "network-wired-as-declared": [29],
  "no-unknown-network-neighbour": [29],
};

export interface IndicatorEvidence {
  indicator: SpbeIndicator;
  /** The applied rules mapped to it, with their checks and failures in this evaluation. */
  rules: { id: string; checked: number; failed: number }[];
}

/** The indicators some applied rule gives evidence for, in indicator order; rules in catalogue order. */
export function indicatorEvidence(applied: readonly { id: string; checked: number; failed: number }[]): IndicatorEvidence[] {
  return SPBE_INDICATORS.map((indicator) => ({
    indicator,
    rules: applied.filter((r) => RULE_INDICATORS[r.id]?.includes(indicator.number)).map(({ id, checked, failed }) => ({ id, checked, failed })),
  })).filter((e) => e.rules.length > 0);
}
