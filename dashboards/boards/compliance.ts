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
  const d = newDashboard(`${view.kabupaten}: Perda compliance`, uid, "Open compliance findings per OPD and severity over time, and each OPD's score.", ["compliance"])
    .withVariable(inventoryVariable("opd", "OPD", view.opdCodes));

  d.withPanel(
    tsPanel("Findings by severity / Temuan per tingkat", "none", "Open findings of the selected OPDs, per severity, over time.")
      .min(0)
      .withTarget(prom(`sum by (${LABEL_SEVERITY}) (${COMPLIANCE_FINDINGS}{${sel}})`, `{{${LABEL_SEVERITY}}}`)),
  );
  d.withPanel(
    tsPanel("Findings by OPD / Temuan per OPD", "none", "Open findings per OPD over time.")
      .min(0)
      .withTarget(prom(`sum by (${M.LABEL_OPD}) (${COMPLIANCE_FINDINGS}{${sel}})`, `{{${M.LABEL_OPD}}}`)),
  );
  const scoreSteps = thresholds([{ value: null, color: "red" }, { value: 70, color: "orange" }, { value: 90, color: "green" }]);
  d.withPanel(
    statPanel("Kabupaten score / Skor kabupaten", "none", "The whole kabupaten's compliance score, 0..100.")
      .span(6)
      .height(8)
      .min(0)
      .max(100)
      .thresholds(scoreSteps)
      .withTarget(prom(`${COMPLIANCE_SCORE}{${M.LABEL_OPD}="${KABUPATEN_SCORE_OPD}"}`)),
  );
  d.withPanel(
    barPanel("Compliance score per OPD / Skor kepatuhan per OPD", "none", "Each OPD's compliance score, 0..100 (100 = every applicable rule passes), lowest first.")
      .span(18)
      .min(0)
      .max(100)
      .thresholds(scoreSteps)
      .withTarget(prom(`sort(${COMPLIANCE_SCORE}{${sel}, ${M.LABEL_OPD}!="${KABUPATEN_SCORE_OPD}"})`, `{{${M.LABEL_OPD}}}`, { instant: true })),
  );
  d.withPanel(
    tablePanel("Open findings by rule / Temuan per aturan", "Which rule each open finding comes from, per OPD and severity.")
      .span(24)
      .withTransformation(hideColumns("Time"))
      .withTarget(prom(`sort_desc(sum by (${M.LABEL_OPD}, ${LABEL_SEVERITY}, ${LABEL_RULE}) (${COMPLIANCE_FINDINGS}{${sel}}) > 0)`, undefined, { instant: true, table: true })),
  );
  return finalize(d.build());
}
