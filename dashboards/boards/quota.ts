// 3. OPD bandwidth vs quota: each OPD's internet traffic (measured at the quota gateway, where it is
// shaped) against its quota, the last 30 days billed as ISPs bill (volume and 95th percentile of
// 5-minute rates, collectors/quota-billing.ts), and month-to-date volume where the inventory sets a
// monthly volume. Repeated per selected OPD.
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { GraphThresholdsStyleConfigBuilder, GraphThresholdsStyleMode, LineStyleBuilder } from "@grafana/grafana-foundation-sdk/common";
import * as M from "../../collectors/metric-names";
import { BILLING_WINDOW, opdP95Expr, opdVolumeExpr } from "../../collectors/quota-billing";
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
      en: "Each OPD's internet traffic, measured at the quota gateway, against its quota (down = to the OPD, up = from it); the last 30 days' volume and 95th percentile; month-to-date volume.",
      id: "Trafik internet setiap OPD, diukur di gateway kuota, terhadap kuotanya (down = ke OPD, up = dari OPD); volume dan persentil ke-95 30 hari terakhir; volume bulan berjalan.",
    },
  };
  const d = newDashboard(text, uid, ["quota"]).withVariable(inventoryVariable("opd", { en: "OPD", id: "OPD" }, view.quotaOpds));

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

  for (const direction of [M.DIRECTION_DOWN, M.DIRECTION_UP]) d.withPanel(p95SharePanel(sel, direction));

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
              en: "Internet traffic down (to the OPD) and up (from it), counted by the quota gateway's shaping queue of the OPD (traffic with the data centre is not in it); dashed lines are the quotas from the inventory.",
              id: "Trafik internet down (ke OPD) dan up (dari OPD), dihitung antrean pembentuk OPD di gateway kuota (trafik dengan pusat data tidak termasuk); garis putus-putus adalah kuota dari inventaris.",
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
      )
      .withPanel(billedVolumePanel(one))
      .withPanel(billedP95Panel(one)),
  );
  return finalize(d.build());
}

/** Each OPD's 95th percentile over the last 30 days as a share of its quota, one direction. */
function p95SharePanel(sel: string, direction: string) {
  return barPanel(
    {
      title: { en: `95th percentile (${BILLING_WINDOW}), share of quota, ${direction}`, id: `Persentil ke-95 (${BILLING_WINDOW}), bagian dari kuota, ${direction}` },
      description: {
        en: `As ISPs bill: the ${direction} rate averaged over 5 minutes, every 5 minutes for ${BILLING_WINDOW}, the top 5% dropped; divided by the ${direction} quota.`,
        id: `Seperti tagihan ISP: laju ${direction} rata-rata 5 menit, setiap 5 menit selama ${BILLING_WINDOW}, 5% tertinggi dibuang; dibagi kuota ${direction}.`,
      },
    },
    "percentunit",
  )
    .min(0)
    .max(1.2)
    .thresholds(rising(0.8, 1))
    .withTarget(
      prom(`sort_desc(${opdP95Expr(BILLING_WINDOW, `${sel}, ${M.LABEL_DIRECTION}="${direction}"`)} / on(${M.LABEL_OPD}, ${M.LABEL_DIRECTION}) (${M.SPBE_OPD_QUOTA_BPS} > 0))`, `{{${M.LABEL_OPD}}}`, { instant: true }),
    );
}

function billedVolumePanel(one: string) {
  return statPanel(
    {
      title: { en: `Volume, last ${BILLING_WINDOW}`, id: `Volume, ${BILLING_WINDOW} terakhir` },
      description: { en: "Internet bytes per direction over the window, from the gateway's counters (restarts of the counters accounted for).", id: "Byte internet per arah selama jendela, dari pencacah gateway (pencacah yang mulai ulang diperhitungkan)." },
    },
    "decbytes",
  )
    .span(12)
    .height(6)
    .withTarget(prom(opdVolumeExpr(BILLING_WINDOW, one), `{{${M.LABEL_DIRECTION}}}`, { instant: true }));
}

function billedP95Panel(one: string) {
  return statPanel(
    {
      title: { en: `95th percentile, last ${BILLING_WINDOW}`, id: `Persentil ke-95, ${BILLING_WINDOW} terakhir` },
      description: { en: "The 5-minute rates over the window, top 5% dropped: the rate an ISP would bill.", id: "Laju 5 menit selama jendela, 5% tertinggi dibuang: laju yang akan ditagih ISP." },
    },
    "bps",
  )
    .span(12)
    .height(6)
    .withTarget(prom(opdP95Expr(BILLING_WINDOW, one), `{{${M.LABEL_DIRECTION}}}`, { instant: true }));
}
