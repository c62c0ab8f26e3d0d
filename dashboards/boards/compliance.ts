// 6. Compliance: the policy engine's findings per OPD and severity over time, and each OPD's score.
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import * as M from "../../collectors/metric-names";
import { dashboardUid } from "../ids";
import { COMPLIANCE_FINDINGS, COMPLIANCE_SCORE, LABEL_RULE, LABEL_SEVERITY } from "../compliance-metrics";
import { barPanel, finalize, inventoryVariable, newDashboard, prom, tablePanel, thresholds, tsPanel } from "../grafana";
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
  d.withPanel(
    barPanel("Compliance score / Skor kepatuhan", "percentunit", "Each OPD's compliance score (1 = every applicable rule passes).")
      .span(24)
      .min(0)
      .max(1)
      .thresholds(thresholds([{ value: null, color: "red" }, { value: 0.7, color: "orange" }, { value: 0.9, color: "green" }]))
      .withTarget(prom(`sort(${COMPLIANCE_SCORE}{${sel}})`, `{{${M.LABEL_OPD}}}`, { instant: true })),
  );
  d.withPanel(
    tablePanel("Open findings by rule / Temuan per aturan", "Which rule each open finding comes from, per OPD and severity.")
      .span(24)
      .withTarget(prom(`sort_desc(sum by (${M.LABEL_OPD}, ${LABEL_SEVERITY}, ${LABEL_RULE}) (${COMPLIANCE_FINDINGS}{${sel}}) > 0)`, undefined, { instant: true, table: true })),
  );
  return finalize(d.build());
}
