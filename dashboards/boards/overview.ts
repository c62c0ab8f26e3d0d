// 1. Overview: is anything down right now, where, and what is firing. The first screen of a shift.
import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import { AnnotationQueryBuilder, type Dashboard, type Panel } from "@grafana/grafana-foundation-sdk/dashboard";
import * as M from "../../collectors/metric-names";
import { mibEnumValue } from "../../collectors/modules";
import { dashboardUid, PROMETHEUS_DS } from "../ids";
import { barPanel, drilldown, hideColumns, SCRAPE_COLUMNS, finalize, newDashboard, prom, rising, row, statPanel, tablePanel, zeroIsGood } from "../grafana";
import { shownInEnglish, shownTitle, type Text } from "../text";
import { RECORDED } from "../rules/recording";
import { WATCHDOG_ALERT } from "../rules/names";
import { anyOf, type InventoryView } from "../view";

const ROW_NOW: Text = { en: "Now", id: "Saat ini" };
const ROW_SITES: Text = { en: "Devices down per site", id: "Perangkat mati per lokasi" };
const ROW_NETWORK: Text = { en: "Backbone and interfaces", id: "Backbone dan antarmuka" };
const ROW_ALERTS: Text = { en: "Firing alerts", id: "Alert aktif" };

export function overviewDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "overview");
  const backboneUid = dashboardUid(view.kabupaten, "backbone");
  const deviceUid = dashboardUid(view.kabupaten, "device");
  const downPerSite = (sites: string[]) => `sum by (${M.LABEL_SITE}) (1 - ${M.SPBE_SNMP_UP}{${M.LABEL_SITE}=~"${anyOf(sites)}"})`;
  const firing = `ALERTS{alertstate="firing", alertname!="${WATCHDOG_ALERT}"}`;

  const d = newDashboard(
    {
      title: { en: `${view.kabupaten}: NOC overview`, id: `${view.kabupaten}: ikhtisar NOC` },
      description: {
        en: "Devices up/down per site, busiest backbone links, interface errors, UPS on battery, firing alerts.",
        id: "Perangkat hidup/mati per lokasi, link backbone tersibuk, error antarmuka, UPS pakai baterai, alert aktif.",
      },
    },
    uid,
    ["overview"],
  );

  d.withRow(
    row(ROW_NOW)
      .withPanel(statPanel({ title: { en: "Devices up", id: "Perangkat hidup" }, description: { en: "Devices whose last SNMP poll was answered.", id: "Perangkat yang menjawab poll SNMP terakhir." } }, "none").withTarget(prom(`sum(${M.SPBE_SNMP_UP})`)))
      .withPanel(
        statPanel({ title: { en: "Devices down", id: "Perangkat mati" }, description: { en: "Devices whose last SNMP poll got no answer.", id: "Perangkat yang tidak menjawab poll SNMP terakhir." } }, "none")
          .thresholds(zeroIsGood())
          .withTarget(prom(`count(${M.SPBE_SNMP_UP} == 0) or vector(0)`)),
      )
      .withPanel(
        statPanel(
          {
            title: { en: "UPS on battery", id: "UPS pakai baterai" },
            description: { en: "UPS units running on battery: mains power is out at that site.", id: "UPS yang berjalan dengan baterai: listrik PLN padam di lokasi itu." },
          },
          "none",
        )
          .thresholds(zeroIsGood())
          .withTarget(prom(`count(${M.UPS_OUTPUT_SOURCE} == ${mibEnumValue(M.UPS_OUTPUT_SOURCE, "battery")}) or vector(0)`)),
      )
      .withPanel(
        statPanel({ title: ROW_ALERTS, description: { en: "Prometheus alerts firing now (the watchdog excluded).", id: "Alert Prometheus yang aktif sekarang (tanpa watchdog)." } }, "none")
          .thresholds(zeroIsGood())
          .withTarget(prom(`count(${firing}) or vector(0)`)),
      ),
  );

  const siteRow = row(ROW_SITES);
  const centralSites = [...view.datacenterSites, ...view.recoverySites];
  if (view.datacenterSites.length > 0) {
    siteRow.withPanel(
      statPanel({ title: { en: "Data center", id: "Pusat Data" }, description: { en: "Devices not answering SNMP at each data-center site.", id: "Perangkat yang tidak menjawab SNMP di setiap lokasi pusat data." } }, "none")
        .span(6)
        .thresholds(zeroIsGood())
        .withTarget(prom(downPerSite(view.datacenterSites), `{{${M.LABEL_SITE}}}`)),
    );
  }
  if (view.recoverySites.length > 0) {
    siteRow.withPanel(
      statPanel({ title: { en: "Recovery site", id: "Pusat Pemulihan" }, description: { en: "Devices not answering SNMP at each recovery site.", id: "Perangkat yang tidak menjawab SNMP di setiap pusat pemulihan." } }, "none")
        .span(6)
        .thresholds(zeroIsGood())
        .withTarget(prom(downPerSite(view.recoverySites), `{{${M.LABEL_SITE}}}`)),
    );
  }
  if (view.opdOfficeSites.length > 0) {
    // OPD offices can number in the hundreds: show the ten worst, not one tile per office.
    const officeFilter = centralSites.length > 0 ? `{${M.LABEL_SITE}!~"${anyOf(centralSites)}"}` : "";
    siteRow.withPanel(
      barPanel(
        {
          title: { en: "OPD offices, most devices down (top 10)", id: "Kantor OPD" },
          description: { en: "The ten OPD office sites with the most devices not answering SNMP.", id: "Sepuluh kantor OPD dengan perangkat terbanyak yang tidak menjawab SNMP." },
        },
        "none",
      )
        .thresholds(zeroIsGood())
        .withTarget(prom(`topk(10, sum by (${M.LABEL_SITE}) (1 - ${M.SPBE_SNMP_UP}${officeFilter}))`, `{{${M.LABEL_SITE}}}`, { instant: true })),
    );
  }
  d.withRow(siteRow);

  d.withRow(
    row(ROW_NETWORK)
      .withPanel(
        barPanel(
          {
            title: { en: "Busiest backbone links (top 10)", id: "Link tersibuk" },
            description: {
              en: "Highest utilisation of each backbone link against its declared capacity (either direction).",
              id: "Utilisasi tertinggi setiap link backbone terhadap kapasitas yang dideklarasikan (arah mana pun).",
            },
          },
          "percentunit",
        )
          .min(0)
          .max(1)
          .thresholds(rising(0.8, 0.95))
          .withTarget(prom(`topk(10, max by (${M.LABEL_LINK}) (${M.SPBE_LINK_UTILISATION_RATIO}))`, `{{${M.LABEL_LINK}}}`, { instant: true }))
          .overrideByRegexp(".*", [{ id: "links", value: [drilldown({ en: "Backbone: this link", id: "Backbone: link ini" }, backboneUid, "link", M.LABEL_LINK)] }]),
      )
      .withPanel(
        barPanel(
          {
            title: { en: "Interfaces with errors (top 10)", id: "Antarmuka dengan error" },
            description: { en: "Input + output errors per second, the ten worst interfaces.", id: "Error masuk + keluar per detik, sepuluh antarmuka terburuk." },
          },
          "pps",
        )
          .thresholds(rising(0.1, 1))
          .withTarget(prom(`topk(10, ${RECORDED.interfaceErrors})`, `{{${M.LABEL_DEVICE}}} {{${M.LABEL_IF_NAME}}}`, { instant: true }))
          .overrideByRegexp(".*", [{ id: "links", value: [drilldown({ en: "Device detail", id: "Detail perangkat" }, deviceUid, "device", M.LABEL_DEVICE)] }]),
      )
      .withPanel(
        statPanel(
          {
            title: { en: "Backbone interfaces down", id: "Antarmuka backbone mati" },
            description: { en: "Link endpoint interfaces whose ifOperStatus is not up.", id: "Antarmuka ujung link yang ifOperStatus-nya tidak up." },
          },
          "none",
        )
          .thresholds(zeroIsGood())
          .withTarget(prom(`count(${M.IF_OPER_STATUS}{${M.LABEL_LINK}=~".+"} != ${mibEnumValue(M.IF_OPER_STATUS, "up")}) or vector(0)`)),
      )
      .withPanel(
        statPanel(
          {
            title: { en: "Collector poll lag", id: "Keterlambatan poller" },
            description: { en: "Seconds since the oldest device was last polled.", id: "Detik sejak poll terakhir perangkat yang paling lama tidak di-poll." },
          },
          "s",
        )
          .thresholds(rising(180, 600))
          .withTarget(prom(`time() - min(${M.SPBE_SNMP_LAST_POLL_TIMESTAMP_SECONDS})`)),
      ),
  );

  d.annotation(firingAlertsAnnotation(firing));

  d.withRow(
    row(ROW_ALERTS).withPanel(alertListPanel()).withPanel(
      tablePanel({
        title: ROW_ALERTS,
        description: {
          en: "Every alert firing now, with its severity. The watchdog always fires: it shows the alerting pipeline works.",
          id: "Setiap alert yang aktif sekarang, dengan tingkatnya. Watchdog selalu aktif: tanda jalur alert bekerja.",
        },
      })
        .span(24)
        .withTransformation(hideColumns(...SCRAPE_COLUMNS, "Value", "alertstate"))
        .withTarget(prom(`sort_desc(ALERTS{alertstate="firing"})`, undefined, { instant: true, table: true })),
    ),
  );

  return finalize(d.build(), [ROW_NOW, ROW_SITES, ROW_NETWORK, ROW_ALERTS]);
}

const ANNOTATION_FIRING: Text = { en: "Firing alerts", id: "Alert aktif" };

/** Every firing alert (the watchdog aside) marked on the time axis of every panel, red, titled by its name. */
function firingAlertsAnnotation(firing: string): AnnotationQueryBuilder {
  return new AnnotationQueryBuilder()
    .name(shownTitle(ANNOTATION_FIRING))
    .datasource(PROMETHEUS_DS)
    .enable(true)
    .iconColor("red")
    .expr(firing)
    .step("60s")
    .titleFormat(`{{alertname}}`)
    .textFormat(`{{${M.LABEL_DEVICE}}} {{${M.LABEL_SITE}}} ({{severity}})`)
    .tagKeys(`severity,${M.LABEL_SITE}`);
}

/**
 * Grafana's alert list panel over the Prometheus data source's rules: firing and pending, grouped by
 * alert name. The SDK version here has no builder for this panel type, so it is written as the panel
 * JSON Grafana 12 saves (options of the "alertlist" panel: viewMode, groupMode, stateFilter, datasource).
 */
function alertListPanel(): cog.Builder<Panel> {
  const title: Text = { en: "Alert list", id: "Daftar alert" };
  const description: Text = {
    en: "The alert rules of the NOC's Prometheus that are firing or pending, grouped by name, newest first.",
    id: "Aturan alert Prometheus NOC yang aktif atau menunggu, dikelompokkan per nama, terbaru dahulu.",
  };
  return {
    build: () =>
      ({
        type: "alertlist",
        title: shownTitle(title),
        description: shownInEnglish(description),
        gridPos: { h: 8, w: 24, x: 0, y: 0 },
        datasource: PROMETHEUS_DS,
        options: {
          viewMode: "list",
          groupMode: "default",
          groupBy: [],
          maxItems: 50,
          sortOrder: 1,
          dashboardAlerts: false,
          alertName: "",
          alertInstanceLabelFilter: "",
          datasource: PROMETHEUS_DS.uid,
          stateFilter: { firing: true, pending: true, noData: false, normal: false, error: true },
        },
      }) as unknown as Panel,
  };
}
