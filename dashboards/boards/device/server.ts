// Servers: CPU, memory and storage, coloured at the thresholds the alerts fire on.
import type * as gauge from "@grafana/grafana-foundation-sdk/gauge";
import type * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import * as M from "../../../collectors/metric-names";
import { MEMORY_STORAGE_DESCR, RECORDED } from "../../rules/recording";
import { THRESHOLDS } from "../../rules/alerts";
import { gaugePanel, prom, rising, tsPanel } from "../../grafana";
import { ONE_DEVICE as one } from "./selector";

export function cpuLoadPanel(): timeseries.PanelBuilder {
  return tsPanel({ title: { en: "CPU load", id: "Beban CPU" }, description: { en: "Average load over all processors (hrProcessorLoad).", id: "Beban rata-rata semua prosesor (hrProcessorLoad)." } }, "percent")
    .min(0)
    .max(100)
    .thresholds(rising(THRESHOLDS.serverCpuPercent - 10, THRESHOLDS.serverCpuPercent))
    .withTarget(prom(`${RECORDED.cpuLoad}{${one}}`, "CPU"));
}

export function memoryUsedGauge(): gauge.PanelBuilder {
  return gaugePanel(
    {
      title: { en: "Memory used", id: "Memori terpakai" },
      description: { en: "Physical memory in use (hrStorage 'Physical memory'), page cache included.", id: "Memori fisik yang terpakai (hrStorage 'Physical memory'), termasuk page cache." },
    },
    "percentunit",
  )
    .min(0)
    .max(1)
    .thresholds(rising(0.9, 0.97))
    .withTarget(prom(`${M.HR_STORAGE_USED}{${one}, ${M.LABEL_HR_STORAGE_DESCR}="Physical memory"} / ${M.HR_STORAGE_SIZE}{${one}, ${M.LABEL_HR_STORAGE_DESCR}="Physical memory"}`));
}

export function storageUsedGauge(): gauge.PanelBuilder {
  return gaugePanel(
    {
      title: { en: "Storage used", id: "Penyimpanan terpakai" },
      description: { en: `Each disk or filesystem (memory rows excluded: ${MEMORY_STORAGE_DESCR}).`, id: `Setiap disk atau filesystem (baris memori tidak dihitung: ${MEMORY_STORAGE_DESCR}).` },
    },
    "percentunit",
  )
    .min(0)
    .max(1)
    .thresholds(rising(0.8, THRESHOLDS.serverStorageRatio))
    .withTarget(prom(`${RECORDED.storageUsed}{${one}}`, `{{${M.LABEL_HR_STORAGE_DESCR}}}`));
}
