// 1. Overview: is anything down right now, where, and what is firing. The first screen of a shift.
import { RowBuilder, type Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import * as M from "../../collectors/metric-names";
import { mibEnumValue } from "../../collectors/modules";
import { dashboardUid } from "../ids";
import { barPanel, drilldown, hideColumns, SCRAPE_COLUMNS, finalize, newDashboard, prom, rising, statPanel, tablePanel, zeroIsGood } from "../grafana";
import { RECORDED } from "../rules/recording";
import { WATCHDOG_ALERT } from "../rules/names";
import { anyOf, type InventoryView } from "../view";

const ROW_NOW = "Now / Saat ini";
const ROW_SITES = "Devices down per site / Perangkat mati per lokasi";
const ROW_NETWORK = "Backbone and interfaces / Backbone dan antarmuka";
const ROW_ALERTS = "Firing alerts / Alert aktif";

export function overviewDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "overview");
  const backboneUid = dashboardUid(view.kabupaten, "backbone");
  const deviceUid = dashboardUid(view.kabupaten, "device");
  const downPerSite = (sites: string[]) => `sum by (${M.LABEL_SITE}) (1 - ${M.SPBE_SNMP_UP}{${M.LABEL_SITE}=~"${anyOf(sites)}"})`;
  const firing = `ALERTS{alertstate="firing", alertname!="${WATCHDOG_ALERT}"}`;

  const d = newDashboard(`${view.kabupaten}: NOC overview`, uid, "Devices up/down per site, busiest backbone links, interface errors, UPS on battery, firing alerts.", ["overview"]);

  d.withRow(
    new RowBuilder(ROW_NOW)
      .withPanel(statPanel("Devices up / Perangkat hidup", "none", "Devices whose last SNMP poll was answered.").withTarget(prom(`sum(${M.SPBE_SNMP_UP})`)))
      .withPanel(
        statPanel("Devices down / Perangkat mati", "none", "Devices whose last SNMP poll got no answer.")
          .thresholds(zeroIsGood())
          .withTarget(prom(`count(${M.SPBE_SNMP_UP} == 0) or vector(0)`)),
      )
      .withPanel(
        statPanel("UPS on battery / UPS pakai baterai", "none", "UPS units running on battery: mains power is out at that site.")
          .thresholds(zeroIsGood())
          .withTarget(prom(`count(${M.UPS_OUTPUT_SOURCE} == ${mibEnumValue(M.UPS_OUTPUT_SOURCE, "battery")}) or vector(0)`)),
      )
      .withPanel(
        statPanel("Firing alerts / Alert aktif", "none", "Prometheus alerts firing now (the watchdog excluded).")
          .thresholds(zeroIsGood())
          .withTarget(prom(`count(${firing}) or vector(0)`)),
      ),
  );

  const siteRow = new RowBuilder(ROW_SITES);
  const centralSites = [...view.datacenterSites, ...view.recoverySites];
  if (view.datacenterSites.length > 0) {
    siteRow.withPanel(
      statPanel("Data center / Pusat Data", "none", "Devices not answering SNMP at each data-center site.")
        .span(6)
        .thresholds(zeroIsGood())
        .withTarget(prom(downPerSite(view.datacenterSites), `{{${M.LABEL_SITE}}}`)),
    );
  }
  if (view.recoverySites.length > 0) {
    siteRow.withPanel(
      statPanel("Recovery site / Pusat Pemulihan", "none", "Devices not answering SNMP at each recovery site.")
        .span(6)
        .thresholds(zeroIsGood())
        .withTarget(prom(downPerSite(view.recoverySites), `{{${M.LABEL_SITE}}}`)),
    );
  }
  if (view.opdOfficeSites.length > 0) {
    // OPD offices can number in the hundreds: show the ten worst, not one tile per office.
    const officeFilter = centralSites.length > 0 ? `{${M.LABEL_SITE}!~"${anyOf(centralSites)}"}` : "";
    siteRow.withPanel(
      barPanel("OPD offices, most devices down (top 10) / Kantor OPD", "none", "The ten OPD office sites with the most devices not answering SNMP.")
        .thresholds(zeroIsGood())
        .withTarget(prom(`topk(10, sum by (${M.LABEL_SITE}) (1 - ${M.SPBE_SNMP_UP}${officeFilter}))`, `{{${M.LABEL_SITE}}}`, { instant: true })),
    );
  }
  d.withRow(siteRow);

  d.withRow(
    new RowBuilder(ROW_NETWORK)
      .withPanel(
        barPanel("Busiest backbone links (top 10) / Link tersibuk", "percentunit", "Highest utilisation of each backbone link against its declared capacity (either direction).")
          .min(0)
          .max(1)
          .thresholds(rising(0.8, 0.95))
          .withTarget(prom(`topk(10, max by (${M.LABEL_LINK}) (${M.SPBE_LINK_UTILISATION_RATIO}))`, `{{${M.LABEL_LINK}}}`, { instant: true }))
          .overrideByRegexp(".*", [{ id: "links", value: [drilldown("Backbone: this link", backboneUid, "link", M.LABEL_LINK)] }]),
      )
      .withPanel(
        barPanel("Interfaces with errors (top 10) / Antarmuka dengan error", "pps", "Input + output errors per second, the ten worst interfaces.")
          .thresholds(rising(0.1, 1))
          .withTarget(prom(`topk(10, ${RECORDED.interfaceErrors})`, `{{${M.LABEL_DEVICE}}} {{${M.LABEL_IF_NAME}}}`, { instant: true }))
          .overrideByRegexp(".*", [{ id: "links", value: [drilldown("Device detail", deviceUid, "device", M.LABEL_DEVICE)] }]),
      )
      .withPanel(
        statPanel("Backbone interfaces down / Antarmuka backbone mati", "none", "Link endpoint interfaces whose ifOperStatus is not up.")
          .thresholds(zeroIsGood())
          .withTarget(prom(`count(${M.IF_OPER_STATUS}{${M.LABEL_LINK}=~".+"} != ${mibEnumValue(M.IF_OPER_STATUS, "up")}) or vector(0)`)),
      )
      .withPanel(
        statPanel("Collector poll lag / Keterlambatan poller", "s", "Seconds since the oldest device was last polled.")
          .thresholds(rising(180, 600))
          .withTarget(prom(`time() - min(${M.SPBE_SNMP_LAST_POLL_TIMESTAMP_SECONDS})`)),
      ),
  );

  d.withRow(
    new RowBuilder(ROW_ALERTS).withPanel(
      tablePanel("Firing alerts / Alert aktif", "Every alert firing now, with its severity. The watchdog always fires: it shows the alerting pipeline works.")
        .span(24)
        .withTransformation(hideColumns(...SCRAPE_COLUMNS, "Value", "alertstate"))
        .withTarget(prom(`sort_desc(ALERTS{alertstate="firing"})`, undefined, { instant: true, table: true })),
    ),
  );

  return finalize(d.build(), new Set([ROW_NOW, ROW_SITES, ROW_NETWORK, ROW_ALERTS]));
}
