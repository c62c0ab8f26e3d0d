// The NOC's alert rules, generated from the inventory (recovery sites, DR replicas and their RPOs
// come from it; thresholds are the NOC's policy and live here, one place). Every alert carries a
// severity, a summary and description in English and Indonesian, and what to do first.
import * as M from "../../collectors/metric-names";
import { ROLE_INTERVAL_SECONDS } from "../../collectors/modules";
import { anyOf, type InventoryView } from "../view";
import type { AlertingRule, RuleGroup } from "./model";
import { ALERT } from "./names";
import { RECORDED } from "./recording";

/** UPS-MIB upsOutputSource value for "battery". The raw SNMP object is used rather than a derived
 * series so the alert holds for any collector that exports UPS-MIB (snmp_exporter's ups_mib too). */
export const UPS_OUTPUT_SOURCE_BATTERY = 5;

export interface AlertOptions {
  /**
   * The collector's poll interval: staleness and lag thresholds scale with it. Default: the
   * slowest of the collector's per-role intervals, so no role is called stale between two polls.
   */
  pollIntervalSeconds?: number;
}

export const DEFAULT_POLL_INTERVAL_SECONDS = Math.max(...Object.values(ROLE_INTERVAL_SECONDS));

/** Thresholds of the NOC's policy, exported so tests and docs quote the same numbers. */
export const THRESHOLDS = {
  linkUtilisation: 0.8,
  linkUtilisationFor: "15m",
  overQuotaFor: "5m",
  /**
   * Traffic must exceed the quota by this factor: counters include link-layer overhead and a rate
   * over one poll interval jitters above a shaped rate; shaping that does not hold overshoots by far more.
   */
  overQuotaFactor: 1.05,
  interfaceErrorsPerSecond: 1,
  upsMinutesRemaining: 10,
  serverCpuPercent: 90,
  serverStorageRatio: 0.9,
} as const;

const dev = "{{ $labels.device }}";
const site = "{{ $labels.site }}";

export function alertGroups(view: InventoryView, opts: AlertOptions = {}): RuleGroup[] {
  const poll = opts.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS;
  const groups: RuleGroup[] = [
    {
      name: "spbe-devices",
      rules: [
        {
          alert: ALERT.deviceDown,
          expr: `${M.SPBE_SNMP_UP} == 0`,
          for: "5m",
          labels: { severity: "critical" },
          annotations: {
            summary: `Device ${dev} at ${site} does not answer SNMP`,
            summary_id: `Perangkat ${dev} di ${site} tidak menjawab SNMP`,
            description: `${dev} ({{ $labels.role }}, OPD {{ $labels.opd }}) has not answered an SNMP poll for 5 minutes.`,
            description_id: `${dev} ({{ $labels.role }}, OPD {{ $labels.opd }}) tidak menjawab poll SNMP selama 5 menit.`,
            runbook: "Ping the management address; if it answers, check the SNMP agent and credentials; if not, check power and the uplink of the site.",
            runbook_id: "Ping alamat manajemen; jika menjawab, periksa agen SNMP dan kredensialnya; jika tidak, periksa listrik dan uplink lokasi.",
          },
        },
        {
          alert: ALERT.devicePollStale,
          expr: `time() - ${M.SPBE_SNMP_LAST_POLL_TIMESTAMP_SECONDS} > ${5 * poll}`,
          for: "5m",
          labels: { severity: "warning" },
          annotations: {
            summary: `Device ${dev} has not been polled for {{ $value | humanizeDuration }}`,
            summary_id: `Perangkat ${dev} tidak di-poll selama {{ $value | humanizeDuration }}`,
            description: `The collector's last poll of ${dev} ended {{ $value | humanizeDuration }} ago (poll interval ${poll}s): its graphs are frozen.`,
            description_id: `Poll terakhir collector untuk ${dev} selesai {{ $value | humanizeDuration }} lalu (interval ${poll} detik): grafiknya membeku.`,
            runbook: "Check the collector's log for this device (timeouts, auth errors) and spbe_snmp_poll_errors_total by reason.",
            runbook_id: "Periksa log collector untuk perangkat ini (timeout, galat autentikasi) dan spbe_snmp_poll_errors_total per reason.",
          },
        },
      ],
    },
    {
      name: "spbe-network",
      rules: [
        {
          alert: ALERT.backboneInterfaceDown,
          expr: `${M.IF_OPER_STATUS}{${M.LABEL_LINK}=~".+"} != 1 and ${M.IF_ADMIN_STATUS}{${M.LABEL_LINK}=~".+"} == 1`,
          for: "2m",
          labels: { severity: "critical" },
          annotations: {
            summary: `Backbone link {{ $labels.link }} is down at ${dev} {{ $labels.ifName }}`,
            summary_id: `Link backbone {{ $labels.link }} putus di ${dev} {{ $labels.ifName }}`,
            description: `Interface {{ $labels.ifName }} of ${dev} (endpoint of link {{ $labels.link }}) is enabled but its operational status is {{ $value }} (1 = up).`,
            description_id: `Antarmuka {{ $labels.ifName }} pada ${dev} (ujung link {{ $labels.link }}) aktif tetapi status operasionalnya {{ $value }} (1 = up).`,
            runbook: "Check the far end device and its power; check optics/radio alignment; call the link provider with the link's label code.",
            runbook_id: "Periksa perangkat di ujung lain dan listriknya; periksa optik/arah radio; hubungi penyedia link dengan kode label link.",
          },
        },
        {
          alert: ALERT.linkUtilisationHigh,
          expr: `${M.SPBE_LINK_UTILISATION_RATIO} > ${THRESHOLDS.linkUtilisation}`,
          for: THRESHOLDS.linkUtilisationFor,
          labels: { severity: "warning" },
          annotations: {
            summary: `Link {{ $labels.link }} ({{ $labels.direction }}) above 80% of capacity`,
            summary_id: `Link {{ $labels.link }} ({{ $labels.direction }}) di atas 80% kapasitas`,
            description: `Link {{ $labels.link }} has carried {{ $value | humanizePercentage }} of its declared capacity ({{ $labels.direction }}) for 15 minutes.`,
            description_id: `Link {{ $labels.link }} terpakai {{ $value | humanizePercentage }} dari kapasitasnya ({{ $labels.direction }}) selama 15 menit.`,
            runbook: "Open the Backbone dashboard for this link; find the OPD or application behind the traffic; check quotas are applied; plan a capacity upgrade if it recurs.",
            runbook_id: "Buka dashboard Backbone untuk link ini; cari OPD atau aplikasi penyebab trafik; pastikan kuota diterapkan; rencanakan penambahan kapasitas jika berulang.",
          },
        },
        {
          alert: ALERT.interfaceErrors,
          expr: `${RECORDED.interfaceErrors} > ${THRESHOLDS.interfaceErrorsPerSecond}`,
          for: "10m",
          labels: { severity: "warning" },
          annotations: {
            summary: `Interface errors on ${dev} {{ $labels.ifName }}`,
            summary_id: `Error antarmuka pada ${dev} {{ $labels.ifName }}`,
            description: `${dev} {{ $labels.ifName }} has counted {{ $value | humanize }} errors per second for 10 minutes.`,
            description_id: `${dev} {{ $labels.ifName }} mencatat {{ $value | humanize }} error per detik selama 10 menit.`,
            runbook: "Check the cable or optic and the duplex/speed settings on both ends; replace the patch cord first.",
            runbook_id: "Periksa kabel atau optik serta pengaturan duplex/kecepatan di kedua ujung; ganti patch cord lebih dulu.",
          },
        },
      ],
    },
    {
      name: "spbe-opd-quota",
      rules: [
        {
          alert: ALERT.opdOverQuota,
          expr: `${M.SPBE_OPD_TRAFFIC_BPS} > on(${M.LABEL_OPD}, ${M.LABEL_DIRECTION}) (${M.SPBE_OPD_QUOTA_BPS} * ${THRESHOLDS.overQuotaFactor})`,
          for: THRESHOLDS.overQuotaFor,
          labels: { severity: "warning" },
          annotations: {
            summary: `OPD {{ $labels.opd }} above its {{ $labels.direction }} quota`,
            summary_id: `OPD {{ $labels.opd }} melebihi kuota {{ $labels.direction }}`,
            description: `OPD {{ $labels.opd }} has used {{ $value | humanize }}bit/s {{ $labels.direction }} for 5 minutes, more than 5% above its quota: shaping is not holding.`,
            description_id: `OPD {{ $labels.opd }} memakai {{ $value | humanize }}bit/s {{ $labels.direction }} selama 5 menit, lebih dari 5% di atas kuotanya: pembatasan tidak bekerja.`,
            runbook: "Check the gateway's tc classes and nftables marks for this OPD (pulumi up re-applies them); check for a bypass route around the gateway.",
            runbook_id: "Periksa kelas tc dan tanda nftables gateway untuk OPD ini (pulumi up menerapkannya ulang); periksa jalur yang melewati gateway.",
          },
        },
        {
          alert: ALERT.opdMonthlyVolumeExceeded,
          expr: `sum by (${M.LABEL_OPD}) (${M.SPBE_OPD_VOLUME_BYTES_TOTAL}) > on(${M.LABEL_OPD}) ${M.SPBE_OPD_QUOTA_VOLUME_BYTES}`,
          labels: { severity: "info" },
          annotations: {
            summary: `OPD {{ $labels.opd }} used its monthly volume`,
            summary_id: `OPD {{ $labels.opd }} telah memakai kuota volume bulanannya`,
            description: `OPD {{ $labels.opd }} has moved {{ $value | humanize1024 }}B this month, above its monthly volume quota.`,
            description_id: `OPD {{ $labels.opd }} telah memindahkan {{ $value | humanize1024 }}B bulan ini, melebihi kuota volume bulanannya.`,
            runbook: "Tell the OPD's pengelola TIK; agree whether to raise the quota (inventory change) or limit usage until the month ends.",
            runbook_id: "Beri tahu pengelola TIK OPD; sepakati menaikkan kuota (perubahan inventaris) atau membatasi pemakaian hingga akhir bulan.",
          },
        },
      ],
    },
    {
      name: "spbe-power",
      rules: [
        {
          alert: ALERT.upsOnBattery,
          expr: `${M.UPS_OUTPUT_SOURCE} == ${UPS_OUTPUT_SOURCE_BATTERY}`,
          for: "1m",
          labels: { severity: "critical" },
          annotations: {
            summary: `UPS ${dev} at ${site} is on battery`,
            summary_id: `UPS ${dev} di ${site} berjalan dengan baterai`,
            description: `${dev} has run on battery for more than a minute: mains power at ${site} is out.`,
            description_id: `${dev} berjalan dengan baterai lebih dari satu menit: listrik PLN di ${site} padam.`,
            runbook: "Check mains and the generator; watch the runtime left; if it falls under 15 minutes, start an orderly shutdown of non-critical servers.",
            runbook_id: "Periksa listrik PLN dan genset; pantau sisa waktu baterai; jika di bawah 15 menit, matikan server non-kritis secara teratur.",
          },
        },
        {
          alert: ALERT.upsLowRuntime,
          expr: `${M.UPS_ESTIMATED_MINUTES_REMAINING} < ${THRESHOLDS.upsMinutesRemaining}`,
          for: "1m",
          labels: { severity: "critical" },
          annotations: {
            summary: `UPS ${dev} has {{ $value }} minutes of battery left`,
            summary_id: `Baterai UPS ${dev} tersisa {{ $value }} menit`,
            description: `${dev} at ${site} estimates {{ $value }} minutes of runtime, under ${THRESHOLDS.upsMinutesRemaining}.`,
            description_id: `${dev} di ${site} memperkirakan sisa waktu {{ $value }} menit, di bawah ${THRESHOLDS.upsMinutesRemaining}.`,
            runbook: "On battery: shut down non-critical servers now. On mains: the battery is worn, schedule its replacement.",
            runbook_id: "Saat baterai: matikan server non-kritis sekarang. Saat listrik normal: baterai sudah aus, jadwalkan penggantian.",
          },
        },
      ],
    },
    {
      name: "spbe-servers",
      rules: [
        {
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
        },
        {
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
        },
      ],
    },
  ];

  const recovery = recoveryRules(view);
  if (recovery.rules.length > 0) groups.push(recovery);

  groups.push({
    name: "spbe-collector",
    rules: [
      {
        alert: ALERT.collectorDown,
        expr: `absent(${M.SPBE_SNMP_TARGETS})`,
        for: "5m",
        labels: { severity: "critical" },
        annotations: {
          summary: "The SNMP collector is not being scraped",
          summary_id: "Collector SNMP tidak terbaca oleh Prometheus",
          description: "Prometheus has had no series from the spbe collector for 5 minutes: every dashboard is blind and no other alert can fire.",
          description_id: "Prometheus tidak menerima data dari collector spbe selama 5 menit: semua dashboard buta dan alert lain tidak dapat menyala.",
          runbook: "Check the collector container is running (docker ps) and its /metrics answers; check Prometheus' targets page.",
          runbook_id: "Periksa kontainer collector berjalan (docker ps) dan /metrics-nya menjawab; periksa halaman targets Prometheus.",
        },
      },
      {
        alert: ALERT.collectorBehind,
        expr: `${M.SPBE_SNMP_SCHEDULER_LAG_SECONDS} > ${poll}`,
        for: "10m",
        labels: { severity: "warning" },
        annotations: {
          summary: "The SNMP collector is falling behind",
          summary_id: "Collector SNMP tertinggal",
          description: `Polls start {{ $value | humanizeDuration }} late (interval ${poll}s): the collector cannot keep up with the devices.`,
          description_id: `Poll dimulai terlambat {{ $value | humanizeDuration }} (interval ${poll} detik): collector tidak mampu mengikuti jumlah perangkat.`,
          runbook: "Look for devices that time out (they hold polling slots); raise the collector's concurrency or CPU; lengthen the poll interval.",
          runbook_id: "Cari perangkat yang timeout (menahan slot poll); naikkan konkurensi atau CPU collector; perpanjang interval poll.",
        },
      },
      {
        alert: ALERT.watchdog,
        expr: "vector(1)",
        labels: { severity: "none" },
        annotations: {
          summary: "Watchdog: the alerting pipeline works",
          summary_id: "Watchdog: jalur alert berfungsi",
          description: "Always firing. If the receiver stops getting it, Prometheus or the alert route is broken.",
          description_id: "Selalu menyala. Jika penerima berhenti menerimanya, Prometheus atau rute alert rusak.",
          runbook: "Nothing to do while it fires; when it stops, check Prometheus and Alertmanager first.",
          runbook_id: "Tidak perlu tindakan selama menyala; jika berhenti, periksa Prometheus dan Alertmanager lebih dulu.",
        },
      },
    ],
  });
  return groups;
}

function recoveryRules(view: InventoryView): RuleGroup {
  const rules: AlertingRule[] = [];
  if (view.recoverySites.length > 0) {
    rules.push({
      alert: ALERT.recoverySiteUnreachable,
      expr: `max by (${M.LABEL_SITE}) (${M.SPBE_SNMP_UP}{${M.LABEL_SITE}=~"${anyOf(view.recoverySites)}"}) == 0`,
      for: "5m",
      labels: { severity: "critical" },
      annotations: {
        summary: `Recovery site ${site} is unreachable`,
        summary_id: `Pusat pemulihan ${site} tidak terjangkau`,
        description: `No device at recovery site ${site} has answered SNMP for 5 minutes: replication to it has stopped.`,
        description_id: `Tidak ada perangkat di pusat pemulihan ${site} yang menjawab SNMP selama 5 menit: replikasi ke sana terhenti.`,
        runbook: "Check the data center to recovery site link on the Recovery dashboard; then power at the recovery site.",
        runbook_id: "Periksa link Pusat Data ke pusat pemulihan di dashboard Recovery; lalu listrik di pusat pemulihan.",
      },
    });
  }
  // No collector reports replication lag (see the report on metric-names.ts): a replica whose server
  // has been unreachable for longer than its RPO cannot have been updated within that RPO.
  for (const r of view.replicas) {
    rules.push({
      alert: ALERT.recoveryReplicaStale,
      expr: `max(${M.SPBE_SNMP_UP}{${M.LABEL_DEVICE}="${r.replicaServer}"}) < 1`,
      for: `${r.rpoMinutes}m`,
      labels: { severity: "critical", application: r.application, opd: r.opd, replica_server: r.replicaServer },
      annotations: {
        summary: `DR replica of ${r.application} is older than its RPO (${r.rpoMinutes} min)`,
        summary_id: `Replika DR ${r.application} lebih lama dari RPO-nya (${r.rpoMinutes} menit)`,
        description: `The replica server ${r.replicaServer} of "${r.name}" has been unreachable for ${r.rpoMinutes} minutes, the application's RPO: the replica cannot be current.`,
        description_id: `Server replika ${r.replicaServer} untuk "${r.name}" tidak terjangkau selama ${r.rpoMinutes} menit, sama dengan RPO aplikasi: replika tidak mungkin mutakhir.`,
        runbook: `Restore ${r.replicaServer} or its link first; then resynchronise ${r.application} and confirm the replica's last change time.`,
        runbook_id: `Pulihkan ${r.replicaServer} atau link-nya lebih dulu; lalu sinkronkan ulang ${r.application} dan pastikan waktu perubahan terakhir replika.`,
      },
    });
  }
  return { name: "spbe-recovery", rules };
}
