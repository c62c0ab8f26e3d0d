// 3. OPD bandwidth vs quota: each OPD's traffic against its quota, and month-to-date volume where
// the inventory sets a monthly volume. Repeated per selected OPD.
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { GraphThresholdsStyleConfigBuilder, GraphThresholdsStyleMode, LineStyleBuilder } from "@grafana/grafana-foundation-sdk/common";
import * as M from "../../collectors/metric-names";
import { dashboardUid } from "../ids";
import { RECORDED } from "../rules/recording";
import { barPanel, finalize, inventoryVariable, newDashboard, prom, rising, row, statPanel, thresholds, tsPanel } from "../grafana";
import { anyOf, type InventoryView } from "../view";

export function quotaDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "opd-quota");
  const sel = `${M.LABEL_OPD}=~"$opd"`;
  const text = {
    title: { en: `${view.kabupaten}: OPD bandwidth vs quota`, id: `${view.kabupaten}: bandwidth OPD vs kuota` },
    description: {
      en: "Each OPD's traffic against its quota (down = to the OPD, up = from it) and month-to-date volume.",
      id: "Trafik setiap OPD terhadap kuotanya (down = ke OPD, up = dari OPD) dan volume bulan berjalan.",
    },
  };
  const d = newDashboard(text, uid, ["quota"]).withVariable(inventoryVariable("opd", { en: "OPD", id: "OPD" }, view.measuredQuotaOpds));

  for (const direction of [M.DIRECTION_DOWN, M.DIRECTION_UP]) {
    d.withPanel(
      barPanel(
        {
          title: { en: `Share of quota, ${direction}`, id: `Pemakaian kuota, ${direction}` },
          description: { en: `Each OPD's ${direction} traffic divided by its ${direction} quota; red from 100%.`, id: `Trafik ${direction} setiap OPD dibagi kuota ${direction}-nya; merah mulai 100%.` },
        },
        "percentunit",
      )
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
      tsPanel(
        {
          title: { en: "All OPDs together vs upstream", id: "Total OPD vs upstream" },
          description: {
            en: `Sum of every OPD's traffic; the threshold line is the upstream capacity (${view.upstreamMbps} Mbps, from the inventory).`,
            id: `Jumlah trafik semua OPD; garis ambang adalah kapasitas upstream (${view.upstreamMbps} Mbps, dari inventaris).`,
          },
        },
        "bps",
      )
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
      barPanel(
        {
          title: { en: "Month-to-date volume vs monthly quota", id: "Volume bulan ini vs kuota" },
          description: {
            en: "For OPDs with a monthly volume quota: bytes moved this month (down + up) divided by the quota.",
            id: "Untuk OPD dengan kuota volume bulanan: byte yang dipindahkan bulan ini (down + up) dibagi kuotanya.",
          },
        },
        "percentunit",
      )
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
    row({ en: "OPD $opd", id: "OPD $opd" })
      .repeat("opd")
      .withPanel(
        tsPanel(
          {
            title: { en: "Traffic vs quota", id: "Trafik vs kuota" },
            description: {
              en: "Down (to the OPD) and up (from it), measured on the Dinas side of its links; dashed lines are the quotas from the inventory.",
              id: "Down (ke OPD) dan up (dari OPD), diukur di sisi Dinas link-nya; garis putus-putus adalah kuota dari inventaris.",
            },
          },
          "bps",
        )
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
        statPanel(
          {
            title: { en: "Month-to-date volume", id: "Volume bulan ini" },
            description: { en: "Bytes moved this calendar month (UTC), per direction.", id: "Byte yang dipindahkan bulan kalender ini (UTC), per arah." },
          },
          "decbytes",
        )
          .span(8)
          .height(8)
          .withTarget(prom(`${M.SPBE_OPD_VOLUME_BYTES_TOTAL}{${one}}`, `{{${M.LABEL_DIRECTION}}}`)),
      ),
  );
  return finalize(d.build());
}
