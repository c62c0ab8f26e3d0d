// 6. Compliance: the policy engine's findings per OPD and severity over time, and each OPD's score.
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import * as M from "../../collectors/metric-names";
import { dashboardUid } from "../ids";
import { COMPLIANCE_FINDINGS, COMPLIANCE_SCORE, KABUPATEN_SCORE_OPD, LABEL_RULE, LABEL_SEVERITY } from "../../policies/metric-names";
import { barPanel, finalize, hideColumns, inventoryVariable, newDashboard, prom, statPanel, tablePanel, thresholds, tsPanel } from "../grafana";
import type { InventoryView } from "../view";

export function complianceDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "compliance");
  const sel = `${M.LABEL_OPD}=~"$opd"`;
  const text = {
    title: { en: `${view.kabupaten}: Perda compliance`, id: `${view.kabupaten}: kepatuhan Perda` },
    description: {
      en: "Open compliance findings per OPD and severity over time, and each OPD's score.",
      id: "Temuan kepatuhan terbuka per OPD dan tingkat dari waktu ke waktu, dan skor setiap OPD.",
    },
  };
  const d = newDashboard(text, uid, ["compliance"]).withVariable(inventoryVariable("opd", { en: "OPD", id: "OPD" }, view.opdCodes));

  d.withPanel(
    tsPanel(
      {
        title: { en: "Findings by severity", id: "Temuan per tingkat" },
        description: { en: "Open findings of the selected OPDs, per severity, over time.", id: "Temuan terbuka OPD yang dipilih, per tingkat, dari waktu ke waktu." },
      },
      "none",
    )
      .min(0)
      .withTarget(prom(`sum by (${LABEL_SEVERITY}) (${COMPLIANCE_FINDINGS}{${sel}})`, `{{${LABEL_SEVERITY}}}`)),
  );
  d.withPanel(
    tsPanel({ title: { en: "Findings by OPD", id: "Temuan per OPD" }, description: { en: "Open findings per OPD over time.", id: "Temuan terbuka per OPD dari waktu ke waktu." } }, "none")
      .min(0)
      .withTarget(prom(`sum by (${M.LABEL_OPD}) (${COMPLIANCE_FINDINGS}{${sel}})`, `{{${M.LABEL_OPD}}}`)),
  );
  const scoreSteps = thresholds([{ value: null, color: "red" }, { value: 70, color: "orange" }, { value: 90, color: "green" }]);
  d.withPanel(
    statPanel(
      {
        title: { en: "Kabupaten score", id: "Skor kabupaten" },
        description: { en: "The whole kabupaten's compliance score, 0..100.", id: "Skor kepatuhan seluruh kabupaten, 0..100." },
      },
      "none",
    )
      .span(6)
      .height(8)
      .min(0)
      .max(100)
      .thresholds(scoreSteps)
      .withTarget(prom(`${COMPLIANCE_SCORE}{${M.LABEL_OPD}="${KABUPATEN_SCORE_OPD}"}`)),
  );
  d.withPanel(
    barPanel(
      {
        title: { en: "Compliance score per OPD", id: "Skor kepatuhan per OPD" },
        description: {
          en: "Each OPD's compliance score, 0..100 (100 = every applicable rule passes), lowest first.",
          id: "Skor kepatuhan setiap OPD, 0..100 (100 = semua aturan yang berlaku terpenuhi), terendah lebih dulu.",
        },
      },
      "none",
    )
      .span(18)
      .min(0)
      .max(100)
      .thresholds(scoreSteps)
      .withTarget(prom(`sort(${COMPLIANCE_SCORE}{${sel}, ${M.LABEL_OPD}!="${KABUPATEN_SCORE_OPD}"})`, `{{${M.LABEL_OPD}}}`, { instant: true })),
  );
  d.withPanel(
    tablePanel({
      title: { en: "Open findings by rule", id: "Temuan per aturan" },
      description: { en: "Which rule each open finding comes from, per OPD and severity.", id: "Aturan asal setiap temuan terbuka, per OPD dan tingkat." },
    })
      .span(24)
      .withTransformation(hideColumns("Time"))
      .withTarget(prom(`sort_desc(sum by (${M.LABEL_OPD}, ${LABEL_SEVERITY}, ${LABEL_RULE}) (${COMPLIANCE_FINDINGS}{${sel}}) > 0)`, undefined, { instant: true, table: true })),
  );
  return finalize(d.build());
}
