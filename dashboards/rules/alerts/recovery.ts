// The recovery site and DR replicas: generated from the inventory's recovery sites, and one rule
// per replica with the RPO the inventory gives its application.
import * as M from "../../../collectors/metric-names";
import { DATACENTER_PROMETHEUS_JOB } from "../../../inventory/monitoring-jobs";
import type { AlertingRule } from "../model";
import { alertAnnotations } from "../../text";
import { ALERT } from "../names";
import { anyOf, type DrReplica } from "../../view";
import { site } from "./templates";

export function recoverySiteUnreachableAlert(recoverySites: string[]): AlertingRule {
  return {
    alert: ALERT.recoverySiteUnreachable,
    expr: `max by (${M.LABEL_SITE}) (${M.SPBE_SNMP_UP}{${M.LABEL_SITE}=~"${anyOf(recoverySites)}"}) == 0`,
    for: "5m",
    labels: { severity: "critical" },
    annotations: alertAnnotations({
      summary: { en: `Recovery site ${site} is unreachable`, id: `Pusat pemulihan ${site} tidak terjangkau` },
      description: {
        en: `No device at recovery site ${site} has answered SNMP for 5 minutes: replication to it has stopped.`,
        id: `Tidak ada perangkat di pusat pemulihan ${site} yang menjawab SNMP selama 5 menit: replikasi ke sana terhenti.`,
      },
      runbook: {
        en: "Check the data center to recovery site link on the Recovery dashboard; then power at the recovery site.",
        id: "Periksa link Pusat Data ke pusat pemulihan di dashboard Recovery; lalu listrik di pusat pemulihan.",
      },
    }),
  };
}

/**
 * Meta-monitoring: the data center's Prometheus does not answer the recovery site's Prometheus. The
 * same rule file runs in both; only the recovery site scrapes that job, so only it can fire this,
 * and its Alertmanager (clustered with the data center's) tells the NOC when the data center itself
 * is what failed.
 */
export function dataCenterPrometheusDownAlert(): AlertingRule {
  return {
    alert: ALERT.dataCenterPrometheusDown,
    expr: `up{job="${DATACENTER_PROMETHEUS_JOB}"} == 0`,
    for: "2m",
    labels: { severity: "critical" },
    annotations: alertAnnotations({
      summary: { en: "The data center's Prometheus does not answer the recovery site", id: "Prometheus Pusat Data tidak menjawab dari pusat pemulihan" },
      description: {
        en: "The recovery site's Prometheus has not scraped {{ $labels.instance }} for 2 minutes: the data center, its link to the recovery site or its monitoring host is down, and no other alert from the data center can be trusted.",
        id: "Prometheus pusat pemulihan tidak dapat mengambil data dari {{ $labels.instance }} selama 2 menit: Pusat Data, link ke pusat pemulihan, atau server monitoringnya mati, dan alert lain dari Pusat Data tidak dapat diandalkan.",
      },
      runbook: {
        en: "Call the data center's on-site staff; check power and the uplink there; follow the DR plan if the data center is down.",
        id: "Hubungi petugas di Pusat Data; periksa listrik dan uplink di sana; jalankan rencana DR jika Pusat Data mati.",
      },
    }),
  };
}

// No collector reports replication lag (see the report on metric-names.ts): a replica whose server
// has been unreachable for longer than its RPO cannot have been updated within that RPO.
export function recoveryReplicaStaleAlert(r: DrReplica): AlertingRule {
  return {
    alert: ALERT.recoveryReplicaStale,
    expr: `max(${M.SPBE_SNMP_UP}{${M.LABEL_DEVICE}="${r.replicaServer}"}) < 1`,
    for: `${r.rpoMinutes}m`,
    labels: { severity: "critical", application: r.application, opd: r.opd, replica_server: r.replicaServer },
    annotations: alertAnnotations({
      summary: {
        en: `DR replica of ${r.application} is older than its RPO (${r.rpoMinutes} min)`,
        id: `Replika DR ${r.application} lebih lama dari RPO-nya (${r.rpoMinutes} menit)`,
      },
      description: {
        en: `The replica server ${r.replicaServer} of "${r.name}" has been unreachable for ${r.rpoMinutes} minutes, the application's RPO: the replica cannot be current.`,
        id: `Server replika ${r.replicaServer} untuk "${r.name}" tidak terjangkau selama ${r.rpoMinutes} menit, sama dengan RPO aplikasi: replika tidak mungkin mutakhir.`,
      },
      runbook: {
        en: `Restore ${r.replicaServer} or its link first; then resynchronise ${r.application} and confirm the replica's last change time.`,
        id: `Pulihkan ${r.replicaServer} atau link-nya lebih dulu; lalu sinkronkan ulang ${r.application} dan pastikan waktu perubahan terakhir replika.`,
      },
    }),
  };
}
