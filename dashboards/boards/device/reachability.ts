// Is the device answering, and how fresh is what the board shows of it.
import type * as stat from "@grafana/grafana-foundation-sdk/stat";
import type * as table from "@grafana/grafana-foundation-sdk/table";
import * as M from "../../../collectors/metric-names";
import { hideColumns, prom, rising, SCRAPE_COLUMNS, statPanel, tablePanel, UP_MAPPING } from "../../grafana";
import { ONE_DEVICE as one } from "./selector";

export function snmpReachablePanel(): stat.PanelBuilder {
  return statPanel({ title: { en: "SNMP reachable", id: "Terjangkau" }, description: { en: "Whether the last poll was answered.", id: "Apakah poll terakhir dijawab." } }, "none").mappings(UP_MAPPING).withTarget(prom(`${M.SPBE_SNMP_UP}{${one}}`));
}

export function agentUptimePanel(): stat.PanelBuilder {
  return statPanel({ title: { en: "Agent uptime", id: "Uptime agen" }, description: { en: "Time since the SNMP agent (re)started.", id: "Waktu sejak agen SNMP (kembali) berjalan." } }, "s").withTarget(prom(`${M.SYS_UPTIME}{${one}} / 100`));
}

export function pollDurationPanel(): stat.PanelBuilder {
  return statPanel({ title: { en: "Poll duration", id: "Durasi poll" }, description: { en: "Wall time of the last poll of this device.", id: "Lama poll terakhir perangkat ini." } }, "s")
    .thresholds(rising(10, 30))
    .withTarget(prom(`${M.SPBE_SNMP_POLL_DURATION_SECONDS}{${one}}`));
}

export function sinceLastPollPanel(): stat.PanelBuilder {
  return statPanel(
    {
      title: { en: "Since last poll", id: "Sejak poll terakhir" },
      description: { en: "Seconds since the last poll of this device ended.", id: "Detik sejak poll terakhir perangkat ini selesai." },
    },
    "s",
  )
    .thresholds(rising(180, 600))
    .withTarget(prom(`time() - ${M.SPBE_SNMP_LAST_POLL_TIMESTAMP_SECONDS}{${one}}`));
}

/**
 * What each module's last walk came back with: ok, empty (the agent answered but has none of the
 * module's objects, e.g. no interface table), partial or failed; the reason is in /targets.
 */
export function moduleStatusTable(): table.PanelBuilder {
  return tablePanel({
    title: { en: "Module walks", id: "Walk modul" },
    description: {
      en: "Status of each SNMP module's last walk: ok, empty (answered with none of its objects), partial (some tables missing) or failed. The reason is in the collector's /targets.",
      id: "Status walk terakhir setiap modul SNMP: ok, empty (dijawab tanpa satu pun objeknya), partial (sebagian tabel tidak ada) atau failed. Alasannya ada di /targets collector.",
    },
  })
    .span(24)
    .height(6)
    .withTransformation(hideColumns(...SCRAPE_COLUMNS, "Value", M.LABEL_DEVICE, M.LABEL_SITE, M.LABEL_OPD, M.LABEL_ROLE))
    .withTarget(prom(`${M.SPBE_SNMP_MODULE_STATUS}{${one}} == 1`, undefined, { instant: true, table: true }));
}
