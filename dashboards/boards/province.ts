// The provincial board (the provincial tier's Grafana, stack/province/): every kabupaten/kota side by
// side from the central store, where each series carries its kabupaten label (policies/metric-names.ts
// LABEL_KABUPATEN): the compliance score and mandatory findings of each, and how many of its devices
// answer SNMP.
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import * as M from "../../collectors/metric-names";
import { dashboardUid, PROVINCE_DASHBOARD } from "../ids";
import { COMPLIANCE_FINDINGS, COMPLIANCE_SCORE, KABUPATEN_SCORE_OPD, LABEL_KABUPATEN, LABEL_SEVERITY } from "../../policies/metric-names";
import { barPanel, finalize, newDashboard, prom, statPanel, thresholds, tsPanel } from "../grafana";

export function provinceDashboard(province: string): Dashboard {
  const d = newDashboard(
    {
      title: { en: `Province ${province}: kabupaten/kota`, id: `Provinsi ${province}: kabupaten/kota` },
      description: {
        en: "Every kabupaten/kota of the province from the central store: compliance score, mandatory findings and devices answering SNMP.",
        id: "Seluruh kabupaten/kota provinsi dari penyimpanan pusat: skor kepatuhan, temuan wajib dan perangkat yang menjawab SNMP.",
      },
    },
    dashboardUid(province, PROVINCE_DASHBOARD),
    ["province"],
  );
  const scoreSteps = thresholds([{ value: null, color: "red" }, { value: 70, color: "orange" }, { value: 90, color: "green" }]);
  d.withPanel(
    barPanel(
      {
        title: { en: "Compliance score per kabupaten/kota", id: "Skor kepatuhan per kabupaten/kota" },
        description: { en: "Each kabupaten/kota's score under its own Perda, 0..100, lowest first.", id: "Skor setiap kabupaten/kota menurut Perda-nya sendiri, 0..100, terendah lebih dulu." },
      },
      "none",
    )
      .span(24)
      .min(0)
      .max(100)
      .thresholds(scoreSteps)
      .withTarget(prom(`sort(${COMPLIANCE_SCORE}{${M.LABEL_OPD}="${KABUPATEN_SCORE_OPD}"})`, `{{${LABEL_KABUPATEN}}}`, { instant: true })),
  );
  d.withPanel(
    tsPanel(
      {
        title: { en: "Mandatory findings per kabupaten/kota", id: "Temuan wajib per kabupaten/kota" },
        description: { en: "Open mandatory findings of each kabupaten/kota over time: the trend.", id: "Temuan wajib terbuka setiap kabupaten/kota dari waktu ke waktu: trennya." },
      },
      "none",
    )
      .min(0)
      .withTarget(prom(`sum by (${LABEL_KABUPATEN}) (${COMPLIANCE_FINDINGS}{${LABEL_SEVERITY}="mandatory"})`, `{{${LABEL_KABUPATEN}}}`)),
  );
  d.withPanel(
    statPanel(
      {
        title: { en: "Devices answering SNMP per kabupaten/kota", id: "Perangkat yang menjawab SNMP per kabupaten/kota" },
        description: { en: "Share of each kabupaten/kota's polled devices whose last poll got an answer.", id: "Porsi perangkat setiap kabupaten/kota yang dijawab pada polling terakhir." },
      },
      "percentunit",
    )
      .min(0)
      .max(1)
      .withTarget(prom(`avg by (${LABEL_KABUPATEN}) (${M.SPBE_SNMP_UP})`, `{{${LABEL_KABUPATEN}}}`)),
  );
  return finalize(d.build());
}
