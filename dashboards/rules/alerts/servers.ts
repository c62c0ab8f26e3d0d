// Servers: CPU and storage running full.
import * as M from "../../../collectors/metric-names";
import type { AlertingRule } from "../model";
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
    annotations: {
      summary: `Server ${dev} CPU above ${THRESHOLDS.serverCpuPercent}%`,
      summary_id: `CPU server ${dev} di atas ${THRESHOLDS.serverCpuPercent}%`,
      description: `${dev} has averaged {{ $value | humanize }}% CPU over all processors for 15 minutes.`,
      description_id: `${dev} rata-rata memakai {{ $value | humanize }}% CPU di semua prosesor selama 15 menit.`,
      runbook: "Find the busiest container on the server; check whether a placement change moved an application here.",
      runbook_id: "Cari kontainer tersibuk di server; periksa apakah perubahan penempatan memindahkan aplikasi ke sini.",
    },
  };
}

export function serverStorageHighAlert(): AlertingRule {
  return {
    alert: ALERT.serverStorageHigh,
    expr: `${RECORDED.storageUsed}{${M.LABEL_ROLE}="server"} > ${THRESHOLDS.serverStorageRatio}`,
    for: "15m",
    labels: { severity: "warning" },
    annotations: {
      summary: `Storage {{ $labels.hrStorageDescr }} on ${dev} above 90%`,
      summary_id: `Penyimpanan {{ $labels.hrStorageDescr }} pada ${dev} di atas 90%`,
      description: `{{ $labels.hrStorageDescr }} on ${dev} is {{ $value | humanizePercentage }} full.`,
      description_id: `{{ $labels.hrStorageDescr }} pada ${dev} terisi {{ $value | humanizePercentage }}.`,
      runbook: "Clear old logs and container images first; check backups are being rotated.",
      runbook_id: "Bersihkan log dan image kontainer lama lebih dulu; periksa rotasi cadangan berjalan.",
    },
  };
}
