// 3. OPD bandwidth vs quota: each OPD's traffic against its quota, and month-to-date volume where
// the inventory sets a monthly volume. Repeated per selected OPD.
import { RowBuilder, type Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { GraphThresholdsStyleConfigBuilder, GraphThresholdsStyleMode, LineStyleBuilder } from "@grafana/grafana-foundation-sdk/common";
import * as M from "../../collectors/metric-names";
import { dashboardUid } from "../ids";
import { RECORDED } from "../rules/recording";
import { barPanel, finalize, inventoryVariable, newDashboard, prom, rising, statPanel, thresholds, tsPanel } from "../grafana";
import { anyOf, type InventoryView } from "../view";

export function quotaDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "opd-quota");
  const sel = `${M.LABEL_OPD}=~"$opd"`;
  const d = newDashboard(`${view.kabupaten}: OPD bandwidth vs quota`, uid, "Each OPD's traffic against its quota (down = to the OPD, up = from it) and month-to-date volume.", ["quota"])
    .withVariable(inventoryVariable("opd", "OPD", view.measuredQuotaOpds));

  for (const direction of [M.DIRECTION_DOWN, M.DIRECTION_UP]) {
    d.withPanel(
      barPanel(`Share of quota, ${direction} / Pemakaian kuota, ${direction}`, "percentunit", `Each OPD's ${direction} traffic divided by its ${direction} quota; red from 100%.`)
        .min(0)
        .max(1.2)
        .thresholds(rising(0.8, 1))
        .withTarget(prom(`sort_desc(${RECORDED.opdQuotaUsage}{${sel}, ${M.LABEL_DIRECTION}="${direction}"})`, `{{${M.LABEL_OPD}}}`, { instant: true })),
    );
  }

  if (view.upstreamMbps !== undefined) {
    // The upstream capacity is a single number from the inventory: a static threshold fits it.
    const upstreamBps = view.upstreamMbps * 1e6;
    d.withPanel(
      tsPanel("All OPDs together vs upstream / Total OPD vs upstream", "bps", `Sum of every OPD's traffic; the threshold line is the upstream capacity (${view.upstreamMbps} Mbps, from the inventory).`)
        .span(24)
        .min(0)
        .max(upstreamBps)
        .thresholds(thresholds([{ value: null, color: "green" }, { value: 0.8 * upstreamBps, color: "orange" }, { value: upstreamBps, color: "red" }]))
        .thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed))
        .withTarget(prom(`sum by (${M.LABEL_DIRECTION}) (${M.SPBE_OPD_TRAFFIC_BPS})`, `{{${M.LABEL_DIRECTION}}}`)),
    );
  }

  if (view.volumeQuotaOpds.length > 0) {
    d.withPanel(
      barPanel("Month-to-date volume vs monthly quota / Volume bulan ini vs kuota", "percentunit", "For OPDs with a monthly volume quota: bytes moved this month (down + up) divided by the quota.")
        .span(24)
        .min(0)
        .max(1.2)
        .thresholds(rising(0.8, 1))
        .withTarget(
          prom(
            `sum by (${M.LABEL_OPD}) (${M.SPBE_OPD_VOLUME_BYTES_TOTAL}{${M.LABEL_OPD}=~"${anyOf(view.volumeQuotaOpds)}"}) / on(${M.LABEL_OPD}) ${M.SPBE_OPD_QUOTA_VOLUME_BYTES}`,
            `{{${M.LABEL_OPD}}}`,
            { instant: true },
          ),
        ),
    );
  }

  const one = `${M.LABEL_OPD}="$opd"`;
  d.withRow(
    new RowBuilder("OPD $opd")
      .repeat("opd")
      .withPanel(
        tsPanel("Traffic vs quota / Trafik vs kuota", "bps", "Down (to the OPD) and up (from it), measured on the Dinas side of its links; dashed lines are the quotas from the inventory.")
          .span(16)
          .min(0)
          .withTarget(prom(`${M.SPBE_OPD_TRAFFIC_BPS}{${one}}`, `{{${M.LABEL_DIRECTION}}}`))
          .withTarget(prom(`${M.SPBE_OPD_QUOTA_BPS}{${one}}`, `quota {{${M.LABEL_DIRECTION}}}`))
          .overrideByRegexp("^quota .*", [
            { id: "custom.lineStyle", value: new LineStyleBuilder().fill("dash").dash([10, 10]).build() },
            { id: "custom.fillOpacity", value: 0 },
          ]),
      )
      .withPanel(
        statPanel("Month-to-date volume / Volume bulan ini", "decbytes", "Bytes moved this calendar month (UTC), per direction.")
          .span(8)
          .height(8)
          .withTarget(prom(`${M.SPBE_OPD_VOLUME_BYTES_TOTAL}{${one}}`, `{{${M.LABEL_DIRECTION}}}`)),
      ),
  );
  return finalize(d.build());
}
