// 4. Device detail: one device chosen by variable; its reachability, interfaces, and, for servers
// and UPS units, CPU, memory, storage and power. Rows that do not apply to a device stay empty,
// so they are collapsed and titled by the role they are for.
import { RowBuilder, type Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import * as M from "../../collectors/metric-names";
import { dashboardUid } from "../ids";
import { MEMORY_STORAGE_DESCR, RECORDED } from "../rules/recording";
import { THRESHOLDS } from "../rules/alerts";
import { finalize, gaugePanel, hideColumns, SCRAPE_COLUMNS, IF_STATUS_MAPPING, inventoryVariable, labelVariable, newDashboard, prom, rising, statPanel, tablePanel, thresholds, tsPanel, UP_MAPPING, valueMap } from "../grafana";
import type { InventoryView } from "../view";

const ROW_DEVICE = "Device / Perangkat";
const ROW_INTERFACES = "Interfaces / Antarmuka";

export function deviceDashboard(view: InventoryView): Dashboard {
  const uid = dashboardUid(view.kabupaten, "device");
  const one = `${M.LABEL_DEVICE}="$device"`;
  const d = newDashboard(`${view.kabupaten}: device detail`, uid, "One device: reachability, interfaces, and CPU/memory/storage for servers or power for UPS units.", ["device"])
    .withVariable(inventoryVariable("site", "Site / Lokasi", view.siteIds))
    .withVariable(labelVariable("device", "Device / Perangkat", `label_values(${M.SPBE_SNMP_UP}{${M.LABEL_SITE}=~"$site"}, ${M.LABEL_DEVICE})`, { multi: false }));

  d.withRow(
    new RowBuilder(ROW_DEVICE)
      .withPanel(statPanel("SNMP reachable / Terjangkau", "none", "Whether the last poll was answered.").mappings(UP_MAPPING).withTarget(prom(`${M.SPBE_SNMP_UP}{${one}}`)))
      .withPanel(statPanel("Agent uptime / Uptime agen", "s", "Time since the SNMP agent (re)started.").withTarget(prom(`${M.SYS_UPTIME}{${one}} / 100`)))
      .withPanel(
        statPanel("Poll duration / Durasi poll", "s", "Wall time of the last poll of this device.")
          .thresholds(rising(10, 30))
          .withTarget(prom(`${M.SPBE_SNMP_POLL_DURATION_SECONDS}{${one}}`)),
      )
      .withPanel(
        statPanel("Since last poll / Sejak poll terakhir", "s", "Seconds since the last poll of this device ended.")
          .thresholds(rising(180, 600))
          .withTarget(prom(`time() - ${M.SPBE_SNMP_LAST_POLL_TIMESTAMP_SECONDS}{${one}}`)),
      ),
  );

  d.withRow(
    new RowBuilder(ROW_INTERFACES)
      .withPanel(
        tsPanel("Interface traffic / Trafik antarmuka", "bps", "Received (positive) and sent (negative) bits per second per interface.")
          .span(24)
          .withTarget(prom(`rate(${M.IF_HC_IN_OCTETS}{${one}}[$__rate_interval]) * 8`, `{{${M.LABEL_IF_NAME}}} in`))
          .withTarget(prom(`-rate(${M.IF_HC_OUT_OCTETS}{${one}}[$__rate_interval]) * 8`, `{{${M.LABEL_IF_NAME}}} out`)),
      )
      .withPanel(
        tablePanel("Interface status / Status antarmuka", "ifOperStatus of every interface; the link column names the inventory link it belongs to.")
          .mappings(IF_STATUS_MAPPING)
          .withTransformation(hideColumns(...SCRAPE_COLUMNS, M.LABEL_DEVICE, M.LABEL_SITE, M.LABEL_OPD, M.LABEL_ROLE))
          .withTarget(prom(`${M.IF_OPER_STATUS}{${one}}`, undefined, { instant: true, table: true })),
      )
      .withPanel(
        tsPanel("Interface errors / Error antarmuka", "pps", "Input + output errors per second.")
          .withTarget(prom(`${RECORDED.interfaceErrors}{${one}}`, `{{${M.LABEL_IF_NAME}}}`)),
      ),
  );

  if (view.hasServers) {
    d.withRow(
      new RowBuilder("Server: CPU, memory, storage / Server")
        .withPanel(
          tsPanel("CPU load / Beban CPU", "percent", "Average load over all processors (hrProcessorLoad).")
            .min(0)
            .max(100)
            .thresholds(rising(THRESHOLDS.serverCpuPercent - 10, THRESHOLDS.serverCpuPercent))
            .withTarget(prom(`${RECORDED.cpuLoad}{${one}}`, "CPU")),
        )
        .withPanel(
          gaugePanel("Memory used / Memori terpakai", "percentunit", "Physical memory in use (hrStorage 'Physical memory'), page cache included.")
            .min(0)
            .max(1)
            .thresholds(rising(0.9, 0.97))
            .withTarget(prom(`${M.HR_STORAGE_USED}{${one}, ${M.LABEL_HR_STORAGE_DESCR}="Physical memory"} / ${M.HR_STORAGE_SIZE}{${one}, ${M.LABEL_HR_STORAGE_DESCR}="Physical memory"}`)),
        )
        .withPanel(
          gaugePanel("Storage used / Penyimpanan terpakai", "percentunit", `Each disk or filesystem (memory rows excluded: ${MEMORY_STORAGE_DESCR}).`)
            .min(0)
            .max(1)
            .thresholds(rising(0.8, THRESHOLDS.serverStorageRatio))
            .withTarget(prom(`${RECORDED.storageUsed}{${one}}`, `{{${M.LABEL_HR_STORAGE_DESCR}}}`)),
        ),
    );
  }

  if (view.hasUps) {
    d.withRow(
      new RowBuilder("UPS: power / Daya")
        .withPanel(
          statPanel("Output source / Sumber daya", "none", "Where the UPS takes its output power from (UPS-MIB upsOutputSource).")
            .mappings(
              valueMap({
                "3": { text: "mains / PLN", color: "green" },
                "4": { text: "bypass", color: "orange" },
                "5": { text: "BATTERY / BATERAI", color: "red" },
                "2": { text: "none", color: "red" },
              }),
            )
            .withTarget(prom(`${M.UPS_OUTPUT_SOURCE}{${one}}`)),
        )
        .withPanel(
          statPanel("Runtime left / Sisa waktu", "m", "Estimated minutes of runtime on battery.")
            .thresholds(thresholds([{ value: null, color: "red" }, { value: THRESHOLDS.upsMinutesRemaining, color: "orange" }, { value: 30, color: "green" }]))
            .withTarget(prom(`${M.UPS_ESTIMATED_MINUTES_REMAINING}{${one}}`)),
        )
        .withPanel(
          statPanel("Charge / Muatan", "percent", "Estimated battery charge.")
            .thresholds(thresholds([{ value: null, color: "red" }, { value: 50, color: "orange" }, { value: 90, color: "green" }]))
            .withTarget(prom(`${M.UPS_ESTIMATED_CHARGE_REMAINING}{${one}}`)),
        )
        .withPanel(
          statPanel("Battery status / Status baterai", "none", "UPS-MIB upsBatteryStatus.")
            .mappings(
              valueMap({
                "1": { text: "unknown", color: "orange" },
                "2": { text: "normal", color: "green" },
                "3": { text: "LOW", color: "red" },
                "4": { text: "DEPLETED", color: "red" },
              }),
            )
            .withTarget(prom(`${M.UPS_BATTERY_STATUS}{${one}}`)),
        )
        .withPanel(
          tsPanel("Load and voltage / Beban dan tegangan", "percent", "Output load per line (left, percent) and input voltage (right, volts).")
            .span(24)
            .withTarget(prom(`${M.UPS_OUTPUT_PERCENT_LOAD}{${one}}`, `load line {{${M.LABEL_UPS_OUTPUT_LINE}}}`))
            .withTarget(prom(`${M.UPS_INPUT_VOLTAGE}{${one}}`, `input V line {{${M.LABEL_UPS_INPUT_LINE}}}`))
            .overrideByRegexp("^input V.*", [
              { id: "unit", value: "volt" },
              { id: "custom.axisPlacement", value: "right" },
            ]),
        ),
    );
  }
  return finalize(d.build(), new Set([ROW_DEVICE, ROW_INTERFACES]));
}
