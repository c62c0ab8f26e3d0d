// UPS units: where the power comes from, how long the battery lasts, load and input voltage.
import type * as stat from "@grafana/grafana-foundation-sdk/stat";
import type * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import * as M from "../../../collectors/metric-names";
import { THRESHOLDS } from "../../rules/alerts";
import { enumValueMap, prom, statPanel, thresholds, tsPanel } from "../../grafana";
import { ONE_DEVICE as one } from "./selector";

export function upsOutputSourcePanel(): stat.PanelBuilder {
  return statPanel(
    {
      title: { en: "Output source", id: "Sumber daya" },
      description: { en: "Where the UPS takes its output power from (UPS-MIB upsOutputSource).", id: "Dari mana UPS mengambil daya keluarannya (UPS-MIB upsOutputSource)." },
    },
    "none",
  )
    .mappings(
      enumValueMap(M.UPS_OUTPUT_SOURCE, {
        normal: { text: "mains / PLN", color: "green" },
        bypass: { text: "bypass", color: "orange" },
        battery: { text: "BATTERY / BATERAI", color: "red" },
        none: { text: "none", color: "red" },
      }),
    )
    .withTarget(prom(`${M.UPS_OUTPUT_SOURCE}{${one}}`));
}

export function upsRuntimeLeftPanel(): stat.PanelBuilder {
  return statPanel({ title: { en: "Runtime left", id: "Sisa waktu" }, description: { en: "Estimated minutes of runtime on battery.", id: "Perkiraan menit sisa waktu dengan baterai." } }, "m")
    .thresholds(thresholds([{ value: null, color: "red" }, { value: THRESHOLDS.upsMinutesRemaining, color: "orange" }, { value: 30, color: "green" }]))
    .withTarget(prom(`${M.UPS_ESTIMATED_MINUTES_REMAINING}{${one}}`));
}

export function upsChargePanel(): stat.PanelBuilder {
  return statPanel({ title: { en: "Charge", id: "Muatan" }, description: { en: "Estimated battery charge.", id: "Perkiraan muatan baterai." } }, "percent")
    .thresholds(thresholds([{ value: null, color: "red" }, { value: 50, color: "orange" }, { value: 90, color: "green" }]))
    .withTarget(prom(`${M.UPS_ESTIMATED_CHARGE_REMAINING}{${one}}`));
}

export function upsBatteryStatusPanel(): stat.PanelBuilder {
  return statPanel({ title: { en: "Battery status", id: "Status baterai" }, description: { en: "UPS-MIB upsBatteryStatus.", id: "Status baterai menurut UPS-MIB (upsBatteryStatus)." } }, "none")
    .mappings(
      enumValueMap(M.UPS_BATTERY_STATUS, {
        unknown: { text: "unknown", color: "orange" },
        batteryNormal: { text: "normal", color: "green" },
        batteryLow: { text: "LOW", color: "red" },
        batteryDepleted: { text: "DEPLETED", color: "red" },
      }),
    )
    .withTarget(prom(`${M.UPS_BATTERY_STATUS}{${one}}`));
}

export function upsLoadAndVoltagePanel(): timeseries.PanelBuilder {
  return tsPanel(
    {
      title: { en: "Load and voltage", id: "Beban dan tegangan" },
      description: { en: "Output load per line (left, percent) and input voltage (right, volts).", id: "Beban keluaran per line (kiri, persen) dan tegangan masukan (kanan, volt)." },
    },
    "percent",
  )
    .span(24)
    .withTarget(prom(`${M.UPS_OUTPUT_PERCENT_LOAD}{${one}}`, `load line {{${M.LABEL_UPS_OUTPUT_LINE}}}`))
    .withTarget(prom(`${M.UPS_INPUT_VOLTAGE}{${one}}`, `input V line {{${M.LABEL_UPS_INPUT_LINE}}}`))
    .overrideByRegexp("^input V.*", [
      { id: "unit", value: "volt" },
      { id: "custom.axisPlacement", value: "right" },
    ]);
}
