// Servers: CPU and storage running full.
import * as M from "../../../collectors/metric-names";
import type { AlertingRule } from "../model";
import { alertAnnotations } from "../../text";
import { ALERT } from "../names";
import { RECORDED } from "../recording";
import { THRESHOLDS } from "./policy";
import { dev } from "./templates";

export function serverCpuHighAlert(): AlertingRule {
  return {
    alert: ALERT.serverCpuHigh,
    expr: `${RECORDED.cpuLoad}{${M.LABEL_ROLE}="server"} > ${THRESHOLDS.serverCpuPercent}`,
    for: "15m",
    labels: { severity: "warning" },
    annotations: alertAnnotations({
      summary: { en: `Server ${dev} CPU above ${THRESHOLDS.serverCpuPercent}%`, id: `CPU server ${dev} di atas ${THRESHOLDS.serverCpuPercent}%` },
      description: {
        en: `${dev} has averaged {{ $value | humanize }}% CPU over all processors for 15 minutes.`,
        id: `${dev} rata-rata memakai {{ $value | humanize }}% CPU di semua prosesor selama 15 menit.`,
      },
      runbook: {
        en: "Find the busiest container on the server; check whether a placement change moved an application here.",
        id: "Cari kontainer tersibuk di server; periksa apakah perubahan penempatan memindahkan aplikasi ke sini.",
      },
    }),
  };
}

export function serverStorageHighAlert(): AlertingRule {
  return {
    alert: ALERT.serverStorageHigh,
    expr: `${RECORDED.storageUsed}{${M.LABEL_ROLE}="server"} > ${THRESHOLDS.serverStorageRatio}`,
    for: "15m",
    labels: { severity: "warning" },
    annotations: alertAnnotations({
      summary: { en: `Storage {{ $labels.hrStorageDescr }} on ${dev} above 90%`, id: `Penyimpanan {{ $labels.hrStorageDescr }} pada ${dev} di atas 90%` },
      description: {
        en: `{{ $labels.hrStorageDescr }} on ${dev} is {{ $value | humanizePercentage }} full.`,
        id: `{{ $labels.hrStorageDescr }} pada ${dev} terisi {{ $value | humanizePercentage }}.`,
      },
      runbook: {
        en: "Clear old logs and container images first; check backups are being rotated.",
        id: "Bersihkan log dan image kontainer lama lebih dulu; periksa rotasi cadangan berjalan.",
      },
    }),
  };
}
