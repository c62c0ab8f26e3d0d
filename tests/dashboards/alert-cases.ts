// promtool unit cases for every alert, on the barito-timur example: each alert fires when it should
// and stays quiet when it should not. Values use promtool's expanding notation ('1x5' = six 1s,
// '0+60x20' = 0, 60, 120, ... one sample per minute).
import * as M from "../../collectors/metric-names";
import { mibEnumValue } from "../../collectors/modules";
import type { AlertCase } from "../../testkit/promtool";

const rtr = 'device="dc-rtr-01",site="dc",opd="diskominfo",role="router"';
const rtrLabels = { device: "dc-rtr-01", site: "dc", opd: "diskominfo", role: "router" };
const core = 'device="dc-core-sw-01",site="dc",opd="diskominfo",role="switch",ifIndex="9",ifName="Te1/0/8",link="bb-dinkes"';
const coreLabels = { device: "dc-core-sw-01", site: "dc", opd: "diskominfo", role: "switch", ifIndex: "9", ifName: "Te1/0/8", link: "bb-dinkes" };
const ups = 'device="dc-ups-01",site="dc",opd="diskominfo",role="ups"';
const upsLabels = { device: "dc-ups-01", site: "dc", opd: "diskominfo", role: "ups" };
const srv = 'device="dc-srv-01",site="dc",opd="diskominfo",role="server"';
const srvLabels = { device: "dc-srv-01", site: "dc", opd: "diskominfo", role: "server" };
const drc = (device: string, role: string) => `device="${device}",site="drc",opd="diskominfo",role="${role}"`;
// Enumerated SNMP values by the MIB's names (the numbers live in collectors/modules.ts).
const oper = { up: mibEnumValue(M.IF_OPER_STATUS, "up"), down: mibEnumValue(M.IF_OPER_STATUS, "down") };
const admin = { up: mibEnumValue(M.IF_ADMIN_STATUS, "up"), down: mibEnumValue(M.IF_ADMIN_STATUS, "down") };
const source = { normal: mibEnumValue(M.UPS_OUTPUT_SOURCE, "normal"), bypass: mibEnumValue(M.UPS_OUTPUT_SOURCE, "bypass"), battery: mibEnumValue(M.UPS_OUTPUT_SOURCE, "battery") };

export const ALERT_CASES: AlertCase[] = [
  {
    name: "device down for 5 minutes fires",
    alert: "SpbeDeviceDown",
    input: [{ series: `spbe_snmp_up{${rtr}}`, values: "1 1 0x10" }],
    evalTime: "10m",
    expect: [{ labels: { ...rtrLabels, severity: "critical" }, summary: "Device dc-rtr-01 at dc does not answer SNMP", summary_id: "Perangkat dc-rtr-01 di dc tidak menjawab SNMP" }],
  },
  {
    name: "device down for 2 minutes then back stays quiet",
    alert: "SpbeDeviceDown",
    input: [{ series: `spbe_snmp_up{${rtr}}`, values: "1x5 0x2 1x5" }],
    evalTime: "8m",
    expect: [],
  },
  {
    name: "device not polled for 15 minutes fires",
    alert: "SpbeDevicePollStale",
    input: [{ series: `spbe_snmp_last_poll_timestamp_seconds{${rtr}}`, values: "0x20" }],
    evalTime: "15m",
    expect: [{ labels: { ...rtrLabels, severity: "warning" }, summary: "Device dc-rtr-01 has not been polled for 15m 0s", summary_id: "Perangkat dc-rtr-01 tidak di-poll selama 15m 0s" }],
  },
  {
    name: "device polled every minute stays quiet",
    alert: "SpbeDevicePollStale",
    input: [{ series: `spbe_snmp_last_poll_timestamp_seconds{${rtr}}`, values: "0+60x20" }],
    evalTime: "15m",
    expect: [],
  },
  {
    name: "a switch whose interface walk stays empty for 15 minutes fires",
    alert: "SpbeSnmpModuleEmpty",
    input: [
      { series: `spbe_snmp_module_status{${rtr},module="if_mib",status="empty"}`, values: "1x20" },
      { series: `spbe_snmp_module_status{${rtr},module="if_mib",status="ok"}`, values: "0x20" },
      { series: `spbe_snmp_module_status{${rtr},module="system",status="empty"}`, values: "0x20" },
    ],
    evalTime: "16m",
    expect: [{ labels: { ...rtrLabels, module: "if_mib", status: "empty", severity: "warning" }, summary: "Device dc-rtr-01 answers SNMP but its if_mib walk is empty", summary_id: "Perangkat dc-rtr-01 menjawab SNMP tetapi walk if_mib kosong" }],
  },
  {
    name: "an empty optional module (entity_sensor on a router without sensors) stays quiet",
    alert: "SpbeSnmpModuleEmpty",
    input: [{ series: `spbe_snmp_module_status{${rtr},module="entity_sensor",status="empty"}`, values: "1x20" }],
    evalTime: "16m",
    expect: [],
  },
  {
    name: "an interface walk empty for one poll, then ok again, stays quiet",
    alert: "SpbeSnmpModuleEmpty",
    input: [
      { series: `spbe_snmp_module_status{${rtr},module="if_mib",status="empty"}`, values: "0x5 1 0x14" },
      { series: `spbe_snmp_module_status{${rtr},module="if_mib",status="partial"}`, values: "1x20" },
    ],
    evalTime: "16m",
    expect: [],
  },
  {
    name: "enabled backbone interface down fires",
    alert: "SpbeBackboneInterfaceDown",
    input: [
      { series: `ifOperStatus{${core}}`, values: `${oper.up} ${oper.up} ${oper.down}x10` },
      { series: `ifAdminStatus{${core}}`, values: `${admin.up}x12` },
    ],
    evalTime: "10m",
    expect: [{ labels: { ...coreLabels, severity: "critical" }, summary: "Backbone link bb-dinkes is down at dc-core-sw-01 Te1/0/8", summary_id: "Link backbone bb-dinkes putus di dc-core-sw-01 Te1/0/8" }],
  },
  {
    // keep_firing_for (two poll intervals, 2 m at the default 60 s): the devices behind the link
    // answer again at their own next poll and must resolve while the link alert still inhibits them.
    name: "backbone link back for one minute still fires (keep_firing_for)",
    alert: "SpbeBackboneInterfaceDown",
    input: [
      { series: `ifOperStatus{${core}}`, values: `${oper.up} ${oper.up} ${oper.down}x5 ${oper.up}x10` },
      { series: `ifAdminStatus{${core}}`, values: `${admin.up}x17` },
    ],
    evalTime: "9m",
    expect: [{ labels: { ...coreLabels, severity: "critical" }, summary: "Backbone link bb-dinkes is down at dc-core-sw-01 Te1/0/8", summary_id: "Link backbone bb-dinkes putus di dc-core-sw-01 Te1/0/8" }],
  },
  {
    name: "backbone link back for three minutes stays quiet",
    alert: "SpbeBackboneInterfaceDown",
    input: [
      { series: `ifOperStatus{${core}}`, values: `${oper.up} ${oper.up} ${oper.down}x5 ${oper.up}x10` },
      { series: `ifAdminStatus{${core}}`, values: `${admin.up}x17` },
    ],
    evalTime: "11m",
    expect: [],
  },
  {
    name: "backbone interface shut down by an operator stays quiet",
    alert: "SpbeBackboneInterfaceDown",
    input: [
      { series: `ifOperStatus{${core}}`, values: `${oper.up} ${oper.up} ${oper.down}x10` },
      { series: `ifAdminStatus{${core}}`, values: `${admin.up} ${admin.up} ${admin.down}x10` },
    ],
    evalTime: "10m",
    expect: [],
  },
  {
    name: "link above 80% for 20 minutes fires",
    alert: "SpbeLinkUtilisationHigh",
    input: [{ series: 'spbe_link_utilisation_ratio{link="bb-dinkes",direction="out"}', values: "0.9x30" }],
    evalTime: "20m",
    expect: [{ labels: { link: "bb-dinkes", direction: "out", severity: "warning" }, summary: "Link bb-dinkes (out) above 80% of capacity", summary_id: "Link bb-dinkes (out) di atas 80% kapasitas" }],
  },
  {
    name: "link above 80% for only 10 minutes stays quiet",
    alert: "SpbeLinkUtilisationHigh",
    input: [{ series: 'spbe_link_utilisation_ratio{link="bb-dinkes",direction="out"}', values: "0.5x5 0.9x10 0.5x10" }],
    evalTime: "16m",
    expect: [],
  },
  {
    name: "link at 79% for an hour stays quiet",
    alert: "SpbeLinkUtilisationHigh",
    input: [{ series: 'spbe_link_utilisation_ratio{link="bb-dinkes",direction="in"}', values: "0.79x60" }],
    evalTime: "60m",
    expect: [],
  },
  {
    name: "OPD above its down quota for 10 minutes fires",
    alert: "SpbeOpdOverQuota",
    input: [
      { series: 'spbe_opd_traffic_bps{opd="dinkes",direction="down"}', values: "70000000x20" },
      { series: 'spbe_opd_quota_bps{opd="dinkes",direction="down"}', values: "60000000x20" },
      { series: 'spbe_opd_traffic_bps{opd="dinkes",direction="up"}', values: "1000000x20" },
      { series: 'spbe_opd_quota_bps{opd="dinkes",direction="up"}', values: "30000000x20" },
    ],
    evalTime: "10m",
    expect: [{ labels: { opd: "dinkes", direction: "down", severity: "warning" }, summary: "OPD dinkes above its down quota", summary_id: "OPD dinkes melebihi kuota down" }],
  },
  {
    // What fired falsely while spbe_opd_traffic_bps was read on the backbone link: a kecamatan on a
    // 1 Gbps fiber with a 20 Mbps quota using an application in the Dinas's own data centre.
    name: "OPD whose backbone link carries intranet traffic far above its quota, internet under it, stays quiet",
    alert: "SpbeOpdOverQuota",
    input: [
      { series: 'spbe_opd_backbone_traffic_bps{opd="kec-wedi",direction="down"}', values: "900000000x20" },
      { series: 'spbe_opd_backbone_traffic_bps{opd="kec-wedi",direction="up"}', values: "300000000x20" },
      { series: 'spbe_opd_traffic_bps{opd="kec-wedi",direction="down"}', values: "12000000x20" },
      { series: 'spbe_opd_traffic_bps{opd="kec-wedi",direction="up"}', values: "4000000x20" },
      { series: 'spbe_opd_quota_bps{opd="kec-wedi",direction="down"}', values: "20000000x20" },
      { series: 'spbe_opd_quota_bps{opd="kec-wedi",direction="up"}', values: "10000000x20" },
    ],
    evalTime: "10m",
    expect: [],
  },
  {
    name: "the same OPD whose internet traffic passes its quota fires",
    alert: "SpbeOpdOverQuota",
    input: [
      { series: 'spbe_opd_backbone_traffic_bps{opd="kec-wedi",direction="down"}', values: "900000000x20" },
      { series: 'spbe_opd_traffic_bps{opd="kec-wedi",direction="down"}', values: "26000000x20" },
      { series: 'spbe_opd_quota_bps{opd="kec-wedi",direction="down"}', values: "20000000x20" },
    ],
    evalTime: "10m",
    expect: [{ labels: { opd: "kec-wedi", direction: "down", severity: "warning" }, summary: "OPD kec-wedi above its down quota", summary_id: "OPD kec-wedi melebihi kuota down" }],
  },
  {
    name: "OPD 3% over its quota (measurement jitter on a shaped rate) stays quiet",
    alert: "SpbeOpdOverQuota",
    input: [
      { series: 'spbe_opd_traffic_bps{opd="dinkes",direction="down"}', values: "61800000x20" },
      { series: 'spbe_opd_quota_bps{opd="dinkes",direction="down"}', values: "60000000x20" },
    ],
    evalTime: "10m",
    expect: [],
  },
  {
    name: "OPD just under its quota stays quiet",
    alert: "SpbeOpdOverQuota",
    input: [
      { series: 'spbe_opd_traffic_bps{opd="dinkes",direction="down"}', values: "59000000x20" },
      { series: 'spbe_opd_quota_bps{opd="dinkes",direction="down"}', values: "60000000x20" },
    ],
    evalTime: "10m",
    expect: [],
  },
  {
    name: "OPD whose down + up volume passes the monthly quota fires",
    alert: "SpbeOpdMonthlyVolumeExceeded",
    input: [
      { series: 'spbe_opd_volume_bytes_total{opd="rsud",direction="down"}', values: "4000000000000x5" },
      { series: 'spbe_opd_volume_bytes_total{opd="rsud",direction="up"}', values: "2000000000000x5" },
      { series: 'spbe_opd_quota_volume_bytes{opd="rsud"}', values: "5000000000000x5" },
    ],
    evalTime: "5m",
    expect: [{ labels: { opd: "rsud", severity: "info" }, summary: "OPD rsud used its monthly volume", summary_id: "OPD rsud telah memakai kuota volume bulanannya" }],
  },
  {
    name: "OPD under its monthly volume stays quiet",
    alert: "SpbeOpdMonthlyVolumeExceeded",
    input: [
      { series: 'spbe_opd_volume_bytes_total{opd="rsud",direction="down"}', values: "3000000000000x5" },
      { series: 'spbe_opd_volume_bytes_total{opd="rsud",direction="up"}', values: "1000000000000x5" },
      { series: 'spbe_opd_quota_volume_bytes{opd="rsud"}', values: "5000000000000x5" },
    ],
    evalTime: "5m",
    expect: [],
  },
  {
    name: "interface with 2 errors/s for 20 minutes fires",
    alert: "SpbeInterfaceErrors",
    input: [
      { series: `ifInErrors{${core}}`, values: "0+120x30" },
      { series: `ifOutErrors{${core}}`, values: "0x30" },
    ],
    evalTime: "20m",
    expect: [{ labels: { ...coreLabels, severity: "warning" }, summary: "Interface errors on dc-core-sw-01 Te1/0/8", summary_id: "Error antarmuka pada dc-core-sw-01 Te1/0/8" }],
  },
  {
    name: "interface with 0.5 errors/s stays quiet",
    alert: "SpbeInterfaceErrors",
    input: [
      { series: `ifInErrors{${core}}`, values: "0+30x30" },
      { series: `ifOutErrors{${core}}`, values: "0x30" },
    ],
    evalTime: "20m",
    expect: [],
  },
  {
    name: "UPS on battery fires",
    alert: "SpbeUpsOnBattery",
    input: [{ series: `upsOutputSource{${ups}}`, values: `${source.normal} ${source.normal} ${source.battery}x5` }],
    evalTime: "5m",
    expect: [{ labels: { ...upsLabels, severity: "critical" }, summary: "UPS dc-ups-01 at dc is on battery", summary_id: "UPS dc-ups-01 di dc berjalan dengan baterai" }],
  },
  {
    name: "UPS on mains, then bypass, stays quiet",
    alert: "SpbeUpsOnBattery",
    input: [{ series: `upsOutputSource{${ups}}`, values: `${source.normal} ${source.normal} ${source.bypass}x8` }],
    evalTime: "5m",
    expect: [],
  },
  {
    name: "UPS with 8 minutes left fires",
    alert: "SpbeUpsLowRuntime",
    input: [{ series: `upsEstimatedMinutesRemaining{${ups}}`, values: "30 20 8x5" }],
    evalTime: "5m",
    expect: [{ labels: { ...upsLabels, severity: "critical" }, summary: "UPS dc-ups-01 has 8 minutes of battery left", summary_id: "Baterai UPS dc-ups-01 tersisa 8 menit" }],
  },
  {
    name: "UPS with 30 minutes left stays quiet",
    alert: "SpbeUpsLowRuntime",
    input: [{ series: `upsEstimatedMinutesRemaining{${ups}}`, values: "30x10" }],
    evalTime: "5m",
    expect: [],
  },
  {
    name: "server CPUs averaging 94% for 20 minutes fire",
    alert: "SpbeServerCpuHigh",
    input: [
      { series: `hrProcessorLoad{${srv},hrDeviceIndex="196608"}`, values: "95x30" },
      { series: `hrProcessorLoad{${srv},hrDeviceIndex="196609"}`, values: "93x30" },
    ],
    evalTime: "20m",
    expect: [{ labels: { ...srvLabels, severity: "warning" }, summary: "Server dc-srv-01 CPU above 90%", summary_id: "CPU server dc-srv-01 di atas 90%" }],
  },
  {
    name: "a busy switch CPU and a half-idle server stay quiet",
    alert: "SpbeServerCpuHigh",
    input: [
      { series: `hrProcessorLoad{${srv},hrDeviceIndex="196608"}`, values: "99x30" },
      { series: `hrProcessorLoad{${srv},hrDeviceIndex="196609"}`, values: "1x30" },
      { series: 'hrProcessorLoad{device="dc-core-sw-01",site="dc",opd="diskominfo",role="switch",hrDeviceIndex="1"}', values: "99x30" },
    ],
    evalTime: "20m",
    expect: [],
  },
  {
    name: "server filesystem 95% full fires",
    alert: "SpbeServerStorageHigh",
    input: [
      { series: `hrStorageUsed{${srv},hrStorageIndex="31",hrStorageDescr="/"}`, values: "95x30" },
      { series: `hrStorageSize{${srv},hrStorageIndex="31",hrStorageDescr="/"}`, values: "100x30" },
    ],
    evalTime: "20m",
    expect: [
      {
        labels: { ...srvLabels, hrStorageIndex: "31", hrStorageDescr: "/", severity: "warning" },
        summary: "Storage / on dc-srv-01 above 90%",
        summary_id: "Penyimpanan / pada dc-srv-01 di atas 90%",
      },
    ],
  },
  {
    name: "server memory 99% used (page cache) stays quiet",
    alert: "SpbeServerStorageHigh",
    input: [
      { series: `hrStorageUsed{${srv},hrStorageIndex="1",hrStorageDescr="Physical memory"}`, values: "99x30" },
      { series: `hrStorageSize{${srv},hrStorageIndex="1",hrStorageDescr="Physical memory"}`, values: "100x30" },
      { series: `hrStorageUsed{${srv},hrStorageIndex="31",hrStorageDescr="/"}`, values: "50x30" },
      { series: `hrStorageSize{${srv},hrStorageIndex="31",hrStorageDescr="/"}`, values: "100x30" },
    ],
    evalTime: "20m",
    expect: [],
  },
  {
    name: "every device at the recovery site down fires",
    alert: "SpbeRecoverySiteUnreachable",
    input: [
      { series: `spbe_snmp_up{${drc("drc-rtr-01", "router")}}`, values: "0x10" },
      { series: `spbe_snmp_up{${drc("drc-sw-01", "switch")}}`, values: "0x10" },
    ],
    evalTime: "10m",
    expect: [{ labels: { site: "drc", severity: "critical" }, summary: "Recovery site drc is unreachable", summary_id: "Pusat pemulihan drc tidak terjangkau" }],
  },
  {
    name: "one device still up at the recovery site stays quiet",
    alert: "SpbeRecoverySiteUnreachable",
    input: [
      { series: `spbe_snmp_up{${drc("drc-rtr-01", "router")}}`, values: "1x10" },
      { series: `spbe_snmp_up{${drc("drc-sw-01", "switch")}}`, values: "0x10" },
    ],
    evalTime: "10m",
    expect: [],
  },
  {
    name: "the data center's Prometheus not answering the recovery site for 3 minutes fires",
    alert: "SpbeDataCenterPrometheusDown",
    input: [{ series: 'up{job="spbe-datacenter-prometheus",instance="10.20.0.12:9090"}', values: "1 1 0x5" }],
    evalTime: "6m",
    expect: [{ labels: { job: "spbe-datacenter-prometheus", instance: "10.20.0.12:9090", severity: "critical" }, summary: "The data center's Prometheus does not answer the recovery site", summary_id: "Prometheus Pusat Data tidak menjawab dari pusat pemulihan" }],
  },
  {
    name: "the data center's Prometheus missing one scrape stays quiet",
    alert: "SpbeDataCenterPrometheusDown",
    input: [{ series: 'up{job="spbe-datacenter-prometheus",instance="10.20.0.12:9090"}', values: "1 1 0 1x5" }],
    evalTime: "6m",
    expect: [],
  },
  {
    // drc-srv-01 holds portal (RPO 60), simpus (60), srikandi (240) and dtks (1440).
    name: "replica server down 70 minutes: apps with a 60-minute RPO fire, longer RPOs stay quiet",
    alert: "SpbeRecoveryReplicaStale",
    input: [{ series: `spbe_snmp_up{${drc("drc-srv-01", "server")}}`, values: "0x80" }],
    evalTime: "70m",
    expect: [
      {
        labels: { application: "portal", opd: "diskominfo", replica_server: "drc-srv-01", severity: "critical" },
        summary: "DR replica of portal is older than its RPO (60 min)",
        summary_id: "Replika DR portal lebih lama dari RPO-nya (60 menit)",
      },
      {
        labels: { application: "simpus", opd: "dinkes", replica_server: "drc-srv-01", severity: "critical" },
        summary: "DR replica of simpus is older than its RPO (60 min)",
        summary_id: "Replika DR simpus lebih lama dari RPO-nya (60 menit)",
      },
    ],
  },
  {
    name: "replica server down 10 minutes stays quiet even for a 15-minute RPO",
    alert: "SpbeRecoveryReplicaStale",
    input: [{ series: `spbe_snmp_up{${drc("drc-srv-02", "server")}}`, values: "1x5 0x10" }],
    evalTime: "15m",
    expect: [],
  },
  {
    name: "no collector series for 10 minutes fires",
    alert: "SpbeCollectorDown",
    input: [{ series: 'up{job="something-else"}', values: "1x10" }],
    evalTime: "10m",
    expect: [{ labels: { severity: "critical" }, summary: "The SNMP collector is not being scraped", summary_id: "Collector SNMP tidak terbaca oleh Prometheus" }],
  },
  {
    name: "collector scraped stays quiet",
    alert: "SpbeCollectorDown",
    input: [{ series: "spbe_snmp_targets", values: "42x10" }],
    evalTime: "10m",
    expect: [],
  },
  {
    name: "polls starting 2 minutes late for 15 minutes fire",
    alert: "SpbeCollectorBehind",
    input: [{ series: "spbe_snmp_scheduler_lag_seconds", values: "120x20" }],
    evalTime: "15m",
    expect: [{ labels: { severity: "warning" }, summary: "The SNMP collector is falling behind", summary_id: "Collector SNMP tertinggal" }],
  },
  {
    name: "polls on time stay quiet",
    alert: "SpbeCollectorBehind",
    input: [{ series: "spbe_snmp_scheduler_lag_seconds", values: "2x20" }],
    evalTime: "15m",
    expect: [],
  },
  {
    name: "the watchdog always fires",
    alert: "SpbeWatchdog",
    input: [{ series: "spbe_snmp_targets", values: "42x5" }],
    evalTime: "1m",
    expect: [{ labels: { severity: "none" }, summary: "Watchdog: the alerting pipeline works", summary_id: "Watchdog: jalur alert berfungsi" }],
  },
];

/** Alerts that by design never stay quiet. */
export const ALWAYS_FIRING = new Set(["SpbeWatchdog"]);
