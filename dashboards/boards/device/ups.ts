// UPS units: where the power comes from, how long the battery lasts, load and input voltage.
import type * as stat from "@grafana/grafana-foundation-sdk/stat";
import type * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import * as M from "../../../collectors/metric-names";
import { THRESHOLDS } from "../../rules/alerts";
import { enumValueMap, prom, statPanel, thresholds, tsPanel } from "../../grafana";
import { ONE_DEVICE as one } from "./selector";

export function upsOutputSourcePanel(): stat.PanelBuilder {
  return statPanel("Output source / Sumber daya", "none", "Where the UPS takes its output power from (UPS-MIB upsOutputSource).")
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
  return statPanel("Runtime left / Sisa waktu", "m", "Estimated minutes of runtime on battery.")
    .thresholds(thresholds([{ value: null, color: "red" }, { value: THRESHOLDS.upsMinutesRemaining, color: "orange" }, { value: 30, color: "green" }]))
    .withTarget(prom(`${M.UPS_ESTIMATED_MINUTES_REMAINING}{${one}}`));
}

export function upsChargePanel(): stat.PanelBuilder {
  return statPanel("Charge / Muatan", "percent", "Estimated battery charge.")
    .thresholds(thresholds([{ value: null, color: "red" }, { value: 50, color: "orange" }, { value: 90, color: "green" }]))
    .withTarget(prom(`${M.UPS_ESTIMATED_CHARGE_REMAINING}{${one}}`));
}

export function upsBatteryStatusPanel(): stat.PanelBuilder {
  return statPanel("Battery status / Status baterai", "none", "UPS-MIB upsBatteryStatus.")
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
  return tsPanel("Load and voltage / Beban dan tegangan", "percent", "Output load per line (left, percent) and input voltage (right, volts).")
    .span(24)
    .withTarget(prom(`${M.UPS_OUTPUT_PERCENT_LOAD}{${one}}`, `load line {{${M.LABEL_UPS_OUTPUT_LINE}}}`))
    .withTarget(prom(`${M.UPS_INPUT_VOLTAGE}{${one}}`, `input V line {{${M.LABEL_UPS_INPUT_LINE}}}`))
    .overrideByRegexp("^input V.*", [
      { id: "unit", value: "volt" },
      { id: "custom.axisPlacement", value: "right" },
    ]);
}
