// The monitoring pipeline itself: the collector scraped and keeping up, and the watchdog that
// proves alerts reach the receiver.
import * as M from "../../../collectors/metric-names";
import type { AlertingRule } from "../model";
import { alertAnnotations } from "../../text";
import { ALERT } from "../names";

export function collectorDownAlert(): AlertingRule {
  return {
    alert: ALERT.collectorDown,
    expr: `absent(${M.SPBE_SNMP_TARGETS})`,
    for: "5m",
    labels: { severity: "critical" },
    annotations: alertAnnotations({
      summary: { en: "The SNMP collector is not being scraped", id: "Collector SNMP tidak terbaca oleh Prometheus" },
      description: {
        en: "Prometheus has had no series from the spbe collector for 5 minutes: every dashboard is blind and no other alert can fire.",
        id: "Prometheus tidak menerima data dari collector spbe selama 5 menit: semua dashboard buta dan alert lain tidak dapat menyala.",
      },
      runbook: {
        en: "Check the collector container is running (docker ps) and its /metrics answers; check Prometheus' targets page.",
        id: "Periksa kontainer collector berjalan (docker ps) dan /metrics-nya menjawab; periksa halaman targets Prometheus.",
      },
    }),
  };
}

export function collectorBehindAlert(poll: number): AlertingRule {
  return {
    alert: ALERT.collectorBehind,
    expr: `${M.SPBE_SNMP_SCHEDULER_LAG_SECONDS} > ${poll}`,
    for: "10m",
    labels: { severity: "warning" },
    annotations: alertAnnotations({
      summary: { en: "The SNMP collector is falling behind", id: "Collector SNMP tertinggal" },
      description: {
        en: `Polls start {{ $value | humanizeDuration }} late (interval ${poll}s): the collector cannot keep up with the devices.`,
        id: `Poll dimulai terlambat {{ $value | humanizeDuration }} (interval ${poll} detik): collector tidak mampu mengikuti jumlah perangkat.`,
      },
      runbook: {
        en: "Look for devices that time out (they hold polling slots); raise the collector's concurrency or CPU; lengthen the poll interval.",
        id: "Cari perangkat yang timeout (menahan slot poll); naikkan konkurensi atau CPU collector; perpanjang interval poll.",
      },
    }),
  };
}

export function watchdogAlert(): AlertingRule {
  return {
    alert: ALERT.watchdog,
    expr: "vector(1)",
    labels: { severity: "none" },
    annotations: alertAnnotations({
      summary: { en: "Watchdog: the alerting pipeline works", id: "Watchdog: jalur alert berfungsi" },
      description: {
        en: "Always firing. If the receiver stops getting it, Prometheus or the alert route is broken.",
        id: "Selalu menyala. Jika penerima berhenti menerimanya, Prometheus atau rute alert rusak.",
      },
      runbook: {
        en: "Nothing to do while it fires; when it stops, check Prometheus and Alertmanager first.",
        id: "Tidak perlu tindakan selama menyala; jika berhenti, periksa Prometheus dan Alertmanager lebih dulu.",
      },
    }),
  };
}
