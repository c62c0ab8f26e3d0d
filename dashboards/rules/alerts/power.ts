// UPS power: mains out, and the battery running short.
import * as M from "../../../collectors/metric-names";
import { mibEnumValue } from "../../../collectors/modules";
import type { AlertingRule } from "../model";
import { alertAnnotations } from "../../text";
import { ALERT } from "../names";
import { THRESHOLDS } from "./policy";
import { dev, site } from "./templates";

export function upsOnBatteryAlert(): AlertingRule {
  return {
    alert: ALERT.upsOnBattery,
    // The raw UPS-MIB object rather than a derived series, so the alert holds for any collector
    // that exports UPS-MIB (snmp_exporter's ups_mib too).
    expr: `${M.UPS_OUTPUT_SOURCE} == ${mibEnumValue(M.UPS_OUTPUT_SOURCE, "battery")}`,
    for: "1m",
    labels: { severity: "critical" },
    annotations: alertAnnotations({
      summary: { en: `UPS ${dev} at ${site} is on battery`, id: `UPS ${dev} di ${site} berjalan dengan baterai` },
      description: {
        en: `${dev} has run on battery for more than a minute: mains power at ${site} is out.`,
        id: `${dev} berjalan dengan baterai lebih dari satu menit: listrik PLN di ${site} padam.`,
      },
      runbook: {
        en: "Check mains and the generator; watch the runtime left; if it falls under 15 minutes, start an orderly shutdown of non-critical servers.",
        id: "Periksa listrik PLN dan genset; pantau sisa waktu baterai; jika di bawah 15 menit, matikan server non-kritis secara teratur.",
      },
    }),
  };
}

export function upsLowRuntimeAlert(): AlertingRule {
  return {
    alert: ALERT.upsLowRuntime,
    expr: `${M.UPS_ESTIMATED_MINUTES_REMAINING} < ${THRESHOLDS.upsMinutesRemaining}`,
    for: "1m",
    labels: { severity: "critical" },
    annotations: alertAnnotations({
      summary: { en: `UPS ${dev} has {{ $value }} minutes of battery left`, id: `Baterai UPS ${dev} tersisa {{ $value }} menit` },
      description: {
        en: `${dev} at ${site} estimates {{ $value }} minutes of runtime, under ${THRESHOLDS.upsMinutesRemaining}.`,
        id: `${dev} di ${site} memperkirakan sisa waktu {{ $value }} menit, di bawah ${THRESHOLDS.upsMinutesRemaining}.`,
      },
      runbook: {
        en: "On battery: shut down non-critical servers now. On mains: the battery is worn, schedule its replacement.",
        id: "Saat baterai: matikan server non-kritis sekarang. Saat listrik normal: baterai sudah aus, jadwalkan penggantian.",
      },
    }),
  };
}
