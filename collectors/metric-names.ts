// The contract between the collectors and everything that reads their output (dashboards, alert
// rules, quota tests, policy reports): every metric and label name the collectors produce.
// SNMP object names follow snmp_exporter's generated modules (if_mib, hrDevice/hrStorage, ups_mib)
// so existing dashboards and habits carry over; everything this project adds carries the `spbe_`
// prefix. Change a name here and every consumer follows, or breaks loudly at typecheck.

// ---------------------------------------------------------------------------------------------
// Inventory labels: added to EVERY series that belongs to a device (SNMP objects and meta metrics).
// ---------------------------------------------------------------------------------------------
export const LABEL_SITE = "site"; // inventory site id where the device stands
export const LABEL_OPD = "opd"; // OPD code: the site's OPD, or the device owner when the site has none
export const LABEL_DEVICE = "device"; // inventory device id (also the `target` of /snmp?target=)
export const LABEL_ROLE = "role"; // device role (router, switch, firewall, server, ups, access-point, gateway)
/** On interface series only: the inventory link id when this interface is a link endpoint. */
export const LABEL_LINK = "link";
export const INVENTORY_LABELS = [LABEL_DEVICE, LABEL_SITE, LABEL_OPD, LABEL_ROLE] as const;
/**
 * Where a series comes from in a province: the kabupaten (on each service-discovery target, and an
 * external label of a kabupaten's edge vmagent) and the province (an external label of every edge).
 */
export const LABEL_KABUPATEN = "kabupaten";
export const LABEL_PROVINCE = "province";

// Object-level labels (same spelling as snmp_exporter's index/lookup labels).
export const LABEL_IF_INDEX = "ifIndex";
export const LABEL_IF_NAME = "ifName";
export const LABEL_IF_DESCR = "ifDescr";
export const LABEL_IF_ALIAS = "ifAlias";
export const LABEL_HR_DEVICE_INDEX = "hrDeviceIndex";
export const LABEL_HR_STORAGE_INDEX = "hrStorageIndex";
export const LABEL_HR_STORAGE_DESCR = "hrStorageDescr";
export const LABEL_UPS_INPUT_LINE = "upsInputLineIndex";
export const LABEL_UPS_OUTPUT_LINE = "upsOutputLineIndex";
export const LABEL_ENT_PHYSICAL_INDEX = "entPhysicalIndex";
/** Meta labels. */
export const LABEL_MODULE = "module"; // collector module name (collectors/modules/*.yaml: system, if_mib, ...; or a user module file's)
export const LABEL_REASON = "reason"; // timeout, refused, auth, malformed, non_increasing, config (secret unset), error
export const LABEL_DIRECTION = "direction"; // links: "in" | "out" (seen from endpoint a); OPDs: "down" | "up"

// ---------------------------------------------------------------------------------------------
// system module (SNMPv2-MIB scalars). sysName/sysDescr/sysObjectID are exported as an info series.
// ---------------------------------------------------------------------------------------------
export const SYS_UPTIME = "sysUpTime"; // gauge, hundredths of a second since the agent (re)started
export const SYS_INFO = "spbe_snmp_system_info"; // gauge = 1, labels sys_name, sys_descr, sys_object_id (snake_case: our own family)
export const LABEL_SYS_NAME = "sys_name"; // SNMPv2-MIB sysName
export const LABEL_SYS_DESCR = "sys_descr"; // SNMPv2-MIB sysDescr
export const LABEL_SYS_OBJECT_ID = "sys_object_id"; // SNMPv2-MIB sysObjectID

// ---------------------------------------------------------------------------------------------
// if_mib module (IF-MIB ifTable + ifXTable). Labels: ifIndex, ifName, ifDescr, ifAlias (+ link).
// Counters are exact (64-bit, rendered as integers; never rounded through a double).
// ---------------------------------------------------------------------------------------------
export const IF_HC_IN_OCTETS = "ifHCInOctets"; // counter, octets received on the interface
export const IF_HC_OUT_OCTETS = "ifHCOutOctets"; // counter, octets sent out of the interface
export const IF_HC_IN_UCAST_PKTS = "ifHCInUcastPkts"; // counter
export const IF_HC_OUT_UCAST_PKTS = "ifHCOutUcastPkts"; // counter
// 32-bit ifTable counters (RFC 2863 ifInOctets ...), walked as well: agents without ifXTable (cheap
// switches, printers, old Windows) have only these. Same names as snmp_exporter's if_mib.
export const IF_IN_OCTETS = "ifInOctets"; // counter (Counter32: wraps at 2^32)
export const IF_OUT_OCTETS = "ifOutOctets"; // counter (Counter32)
export const IF_IN_UCAST_PKTS = "ifInUcastPkts"; // counter (Counter32)
export const IF_OUT_UCAST_PKTS = "ifOutUcastPkts"; // counter (Counter32)
/** gauge = 1 with label ifPhysAddress="00:1A:2B:3C:4D:5E" (snmp_exporter's PhysAddress48 rendering). */
export const IF_PHYS_ADDRESS = "ifPhysAddress";
export const IF_SPEED = "ifSpeed"; // gauge, bits/s (Gauge32: 4294967295 on links faster than 4.29 Gb/s; use ifHighSpeed there)
export const IF_IN_ERRORS = "ifInErrors"; // counter
export const IF_OUT_ERRORS = "ifOutErrors"; // counter
export const IF_IN_DISCARDS = "ifInDiscards"; // counter
export const IF_OUT_DISCARDS = "ifOutDiscards"; // counter
export const IF_OPER_STATUS = "ifOperStatus"; // gauge, an IF-MIB enumeration (values: modules.ts)
export const IF_ADMIN_STATUS = "ifAdminStatus"; // gauge, an IF-MIB enumeration (values: modules.ts)
export const IF_HIGH_SPEED = "ifHighSpeed"; // gauge, Mbit/s
export const IF_MTU = "ifMtu"; // gauge, bytes
export const IF_LAST_CHANGE = "ifLastChange"; // gauge, sysUpTime at the last oper status change
/**
 * gauge, on interfaces whose agent has no 64-bit ifHCInOctets/ifHCOutOctets (so rates come from the
 * 32-bit ifInOctets/ifOutOctets): 1 when, at the interface's speed, the 32-bit octet counter can wrap
 * within one poll interval (2^32 * 8 / speed_bps <= interval: e.g. 1 Gb/s wraps in 34 s), else 0.
 * At 1 the derived rates may miss whole wraps and Prometheus' rate() counts every wrap as a reset.
 */
export const SPBE_IF_COUNTER32_WRAP_RISK = "spbe_if_counter32_wrap_risk";

// ---------------------------------------------------------------------------------------------
// host_resources module (HOST-RESOURCES-MIB).
// ---------------------------------------------------------------------------------------------
export const HR_SYSTEM_UPTIME = "hrSystemUptime"; // gauge, hundredths of a second since the host booted
export const HR_PROCESSOR_LOAD = "hrProcessorLoad"; // gauge 0..100 per CPU, label hrDeviceIndex
export const HR_STORAGE_USED = "hrStorageUsed"; // gauge, allocation units; labels hrStorageIndex, hrStorageDescr
export const HR_STORAGE_SIZE = "hrStorageSize"; // gauge, allocation units
export const HR_STORAGE_ALLOCATION_UNITS = "hrStorageAllocationUnits"; // gauge, bytes per unit

// ---------------------------------------------------------------------------------------------
// ups_mib module (UPS-MIB, RFC 1628).
// ---------------------------------------------------------------------------------------------
export const UPS_BATTERY_STATUS = "upsBatteryStatus"; // gauge, a UPS-MIB enumeration (values: modules.ts)
export const UPS_SECONDS_ON_BATTERY = "upsSecondsOnBattery"; // gauge, 0 when on mains
export const UPS_ESTIMATED_MINUTES_REMAINING = "upsEstimatedMinutesRemaining"; // gauge, minutes
export const UPS_ESTIMATED_CHARGE_REMAINING = "upsEstimatedChargeRemaining"; // gauge, percent
export const UPS_OUTPUT_SOURCE = "upsOutputSource"; // gauge, a UPS-MIB enumeration: normal (mains), bypass, battery, ... (values: modules.ts)
export const UPS_INPUT_VOLTAGE = "upsInputVoltage"; // gauge, volts RMS, label upsInputLineIndex
export const UPS_OUTPUT_VOLTAGE = "upsOutputVoltage"; // gauge, volts RMS, label upsOutputLineIndex
export const UPS_OUTPUT_PERCENT_LOAD = "upsOutputPercentLoad"; // gauge, percent, label upsOutputLineIndex
/** Derived from upsOutputSource: 1 when the UPS runs on battery (upsOutputSource == battery), else 0. */
export const SPBE_UPS_ON_BATTERY = "spbe_ups_on_battery";

// ---------------------------------------------------------------------------------------------
// entity_sensor module (ENTITY-SENSOR-MIB, where the agent has it). Label entPhysicalIndex.
// ---------------------------------------------------------------------------------------------
export const ENT_PHY_SENSOR_TYPE = "entPhySensorType"; // gauge, an ENTITY-SENSOR-MIB enumeration: celsius, voltsAC, amperes, rpm, ... (values: modules.ts)
export const ENT_PHY_SENSOR_SCALE = "entPhySensorScale"; // gauge, an ENTITY-SENSOR-MIB enumeration of SI prefixes, units = none (values: modules.ts)
export const ENT_PHY_SENSOR_PRECISION = "entPhySensorPrecision"; // gauge, decimal places
export const ENT_PHY_SENSOR_VALUE = "entPhySensorValue"; // gauge, raw value (apply scale and precision)
export const ENT_PHY_SENSOR_OPER_STATUS = "entPhySensorOperStatus"; // gauge, an ENTITY-SENSOR-MIB enumeration: ok, unavailable, nonoperational (values: modules.ts)

// ---------------------------------------------------------------------------------------------
// mikrotik module (MIKROTIK-MIB; collectors/modules/mikrotik.yaml). The MIB's object names, as
// snmp_exporter's generator writes them; index labels are the INDEX objects' names.
// ---------------------------------------------------------------------------------------------
export const MTXR_HL_VOLTAGE = "mtxrHlVoltage"; // gauge, tenths of a volt
export const MTXR_HL_TEMPERATURE = "mtxrHlTemperature"; // gauge, tenths of a degree Celsius
export const MTXR_HL_CPU_TEMPERATURE = "mtxrHlCpuTemperature"; // gauge, tenths of a degree Celsius
export const MTXR_GAUGE_VALUE = "mtxrGaugeValue"; // gauge, in the unit of mtxrGaugeUnit; labels mtxrGaugeIndex, mtxrGaugeName
export const MTXR_GAUGE_UNIT = "mtxrGaugeUnit"; // gauge, a MIKROTIK-MIB enumeration: celsius, rpm, dV, dA, dW, status (values: mikrotik.yaml)
export const LABEL_MTXR_GAUGE_INDEX = "mtxrGaugeIndex";
export const LABEL_MTXR_GAUGE_NAME = "mtxrGaugeName";
/** counter (Counter64), bytes through a simple queue towards its target's upload; labels mtxrQueueSimpleIndex, mtxrQueueSimpleName. */
export const MTXR_QUEUE_SIMPLE_BYTES_IN = "mtxrQueueSimpleBytesIn";
/** counter (Counter64), bytes through a simple queue towards its target's download. */
export const MTXR_QUEUE_SIMPLE_BYTES_OUT = "mtxrQueueSimpleBytesOut";
export const MTXR_QUEUE_SIMPLE_PACKETS_IN = "mtxrQueueSimplePacketsIn"; // counter (Counter32)
export const MTXR_QUEUE_SIMPLE_PACKETS_OUT = "mtxrQueueSimplePacketsOut"; // counter (Counter32)
export const LABEL_MTXR_QUEUE_SIMPLE_INDEX = "mtxrQueueSimpleIndex";
export const LABEL_MTXR_QUEUE_SIMPLE_NAME = "mtxrQueueSimpleName";
/**
 * counter (Counter32 in the MIB: wraps at 2^32), bytes through a queue-tree queue; labels
 * mtxrQueueTreeIndex, mtxrQueueTreeName (the quota backend's queues are spbe-<opd>-<down|up>:
 * inventory/quota-names.ts).
 */
export const MTXR_QUEUE_TREE_BYTES = "mtxrQueueTreeBytes";
export const MTXR_QUEUE_TREE_PACKETS = "mtxrQueueTreePackets"; // counter (Counter32)
export const MTXR_QUEUE_TREE_HC_BYTES = "mtxrQueueTreeHCBytes"; // counter (Counter64), the 64-bit mtxrQueueTreeBytes
export const LABEL_MTXR_QUEUE_TREE_INDEX = "mtxrQueueTreeIndex";
export const LABEL_MTXR_QUEUE_TREE_NAME = "mtxrQueueTreeName";

// NET-SNMP-EXTEND-MIB (module spbe_quota): the lines of the Linux quota gateway's counter report
// (inventory/quota-names.ts), read only to derive SPBE_OPD_INTERNET_BYTES_TOTAL, never exported
// (each line carries a byte count: as a label it would be a new series every poll).
export const NS_EXTEND_OUT_LINE = "nsExtendOutLine"; // DisplayString
export const LABEL_NS_EXTEND_LINE_INDEX = "nsExtendLineIndex";
export const MTXR_WL_AP_CLIENT_COUNT = "mtxrWlApClientCount"; // gauge, clients registered to an access-point interface; labels mtxrWlApIndex, mtxrWlApSsid
export const LABEL_MTXR_WL_AP_INDEX = "mtxrWlApIndex";
export const LABEL_MTXR_WL_AP_SSID = "mtxrWlApSsid";

// ---------------------------------------------------------------------------------------------
// cisco_cpu_memory module (CISCO-PROCESS-MIB, CISCO-MEMORY-POOL-MIB).
// ---------------------------------------------------------------------------------------------
export const CPM_CPU_TOTAL_PHYSICAL_INDEX = "cpmCPUTotalPhysicalIndex"; // gauge, entPhysicalIndex of the CPU's entity; label cpmCPUTotalIndex
export const CPM_CPU_TOTAL_5SEC_REV = "cpmCPUTotal5secRev"; // gauge, percent busy over 5 s
export const CPM_CPU_TOTAL_1MIN_REV = "cpmCPUTotal1minRev"; // gauge, percent busy over 1 min
export const CPM_CPU_TOTAL_5MIN_REV = "cpmCPUTotal5minRev"; // gauge, percent busy over 5 min
export const LABEL_CPM_CPU_TOTAL_INDEX = "cpmCPUTotalIndex";
export const CISCO_MEMORY_POOL_USED = "ciscoMemoryPoolUsed"; // gauge, bytes; labels ciscoMemoryPoolType, ciscoMemoryPoolName
export const CISCO_MEMORY_POOL_FREE = "ciscoMemoryPoolFree"; // gauge, bytes
export const CISCO_MEMORY_POOL_LARGEST_FREE = "ciscoMemoryPoolLargestFree"; // gauge, bytes
export const LABEL_CISCO_MEMORY_POOL_TYPE = "ciscoMemoryPoolType";
export const LABEL_CISCO_MEMORY_POOL_NAME = "ciscoMemoryPoolName";

// ---------------------------------------------------------------------------------------------
// printer module (HOST-RESOURCES-MIB hrPrinterTable, Printer-MIB). Labels hrDeviceIndex and the
// Printer-MIB table's own index.
// ---------------------------------------------------------------------------------------------
export const HR_PRINTER_STATUS = "hrPrinterStatus"; // gauge, an enumeration: other, unknown, idle, printing, warmup (values: printer.yaml)
export const PRT_MARKER_LIFE_COUNT = "prtMarkerLifeCount"; // counter, pages (impressions) in the printer's life; label prtMarkerIndex
export const PRT_MARKER_SUPPLIES_TYPE = "prtMarkerSuppliesType"; // gauge, an enumeration: toner, ink, opc, ... (values: printer.yaml)
export const PRT_MARKER_SUPPLIES_MAX_CAPACITY = "prtMarkerSuppliesMaxCapacity"; // gauge, in the supply's unit (-1 other, -2 unknown)
export const PRT_MARKER_SUPPLIES_LEVEL = "prtMarkerSuppliesLevel"; // gauge, in the supply's unit (-3 some remaining)
export const LABEL_PRT_MARKER_INDEX = "prtMarkerIndex";
export const LABEL_PRT_MARKER_SUPPLIES_INDEX = "prtMarkerSuppliesIndex";
export const LABEL_PRT_MARKER_SUPPLIES_DESCRIPTION = "prtMarkerSuppliesDescription";

// ---------------------------------------------------------------------------------------------
// Meta metrics about polling, per device (labels: device, site, opd, role).
// ---------------------------------------------------------------------------------------------
export const SPBE_SNMP_UP = "spbe_snmp_up"; // gauge, 1 when the last poll got an answer, else 0
export const SPBE_SNMP_POLL_DURATION_SECONDS = "spbe_snmp_poll_duration_seconds"; // gauge, last poll's wall time
export const SPBE_SNMP_PDUS_TOTAL = "spbe_snmp_pdus_total"; // counter, response PDUs received
export const SPBE_SNMP_PACKETS_TOTAL = "spbe_snmp_packets_total"; // counter, request packets sent (incl. retries)
export const SPBE_SNMP_RETRIES_TOTAL = "spbe_snmp_retries_total"; // counter, requests re-sent after a timeout
export const SPBE_SNMP_VARBINDS = "spbe_snmp_varbinds"; // gauge, varbinds in the last poll
/** counter, failed module polls; extra labels module, reason (timeout|refused|auth|malformed|non_increasing|config|error). */
export const SPBE_SNMP_POLL_ERRORS_TOTAL = "spbe_snmp_poll_errors_total";
/**
 * gauge, per device and module (labels module, status): 1 for the status of the module's last walk,
 * 0 for the other three (one series per status, so an alert or a panel needs no value mapping):
 * ok (every table and scalar of the module answered), empty (the agent answered but has none of the
 * module's objects: endOfMibView or noSuchObject at once), partial (some tables or scalars of the
 * module missing), failed (the walk failed: reason in spbe_snmp_poll_errors_total and /targets).
 */
export const SPBE_SNMP_MODULE_STATUS = "spbe_snmp_module_status";
export const LABEL_STATUS = "status";
export const MODULE_STATUSES = ["ok", "empty", "partial", "failed"] as const;
export type ModuleStatusValue = (typeof MODULE_STATUSES)[number];
export const SPBE_SNMP_LAST_POLL_TIMESTAMP_SECONDS = "spbe_snmp_last_poll_timestamp_seconds"; // gauge, unix time of the last poll end
export const SPBE_SNMP_POLLS_TOTAL = "spbe_snmp_polls_total"; // counter, polls started
export const SPBE_SNMP_SCHEDULER_LAG_SECONDS = "spbe_snmp_scheduler_lag_seconds"; // gauge, how late the device's last poll started
// Process-wide (no device label):
export const SPBE_SNMP_TARGETS = "spbe_snmp_targets"; // gauge, devices being polled
export const SPBE_INFLUX_POINTS_WRITTEN_TOTAL = "spbe_influx_points_written_total"; // counter
export const SPBE_INFLUX_POINTS_DROPPED_TOTAL = "spbe_influx_points_dropped_total"; // counter, buffer bound hit
export const SPBE_INFLUX_POINTS_REJECTED_TOTAL = "spbe_influx_points_rejected_total"; // counter, refused by InfluxDB as malformed
export const SPBE_INFLUX_BUFFERED_POINTS = "spbe_influx_buffered_points"; // gauge, waiting to be written
export const SPBE_INFLUX_WRITE_ERRORS_TOTAL = "spbe_influx_write_errors_total"; // counter, failed batch writes (retried)

// ---------------------------------------------------------------------------------------------
// Derived series (computed by the collector from two consecutive polls and the inventory).
// ---------------------------------------------------------------------------------------------
/** gauge, the inventory link's capacityMbps * 1e6. Labels: link. */
export const SPBE_LINK_CAPACITY_BPS = "spbe_link_capacity_bps";
/**
 * gauge, bits/s over the last poll interval, labels link, direction, seen from endpoint `a`:
 * "out" = a → b, "in" = b → a. Measured on a's interface (out = ifHCOutOctets, in = ifHCInOctets);
 * when a is not polled, on b's interface (out = b's ifHCInOctets, in = b's ifHCOutOctets).
 */
export const SPBE_LINK_TRAFFIC_BPS = "spbe_link_traffic_bps";
/** gauge 0..1 (can exceed 1 on a wrong declared capacity): traffic / capacity. Labels link, direction. */
export const SPBE_LINK_UTILISATION_RATIO = "spbe_link_utilisation_ratio";
/**
 * counter, bytes of the OPD's INTERNET traffic through its shaping queue on the quota gateway,
 * labels opd, direction ("down": from the internet to the OPD, "up": from the OPD to the internet).
 * Measured where the quota is shaped, so traffic between the OPD and the Dinas's own data centre is
 * not in it, and an OPD with no backbone link of its own (in the data-centre building) has it too:
 *   Linux gateway: bytes sent by the OPD's HTB class (tc), reported through snmpd `extend`
 *     (infra/quota/counters.ts; module spbe_quota, derivation quota_counter_lines);
 *   RouterOS gateway: mtxrQueueTreeHCBytes of the OPD's queue (inventory/quota-names.ts;
 *     module mikrotik, derivation opd_queue_bytes).
 * Resets when the shaping is rebuilt (a RouterOS queue re-created, an HTB tree rebuilt): a counter.
 */
export const SPBE_OPD_INTERNET_BYTES_TOTAL = "spbe_opd_internet_bytes_total";
/**
 * gauge, the OPD's internet traffic in bits/s, labels opd, direction ("down" | "up"): the rate of
 * SPBE_OPD_INTERNET_BYTES_TOTAL between two polls of the quota gateway. What the quota limits, so
 * what the over-quota alert and the quota dashboard compare with it.
 */
export const SPBE_OPD_TRAFFIC_BPS = "spbe_opd_traffic_bps";
/**
 * gauge, all traffic on the OPD's backbone link(s) in bits/s, labels opd, direction ("down" | "up"):
 * internet and intranet alike, for the link's own utilisation, not for the quota.
 *
 * HOW it is derived: it is measured on the interfaces that link the OPD's office
 * device(s) — devices standing at a site whose `opd` is that OPD, or devices `owner`ed by it —
 * to the Dinas network (a device at a site of the Dinas OPD, `meta.dinas`, or owned by it), read on
 * the DINAS SIDE of each such link:
 *   "down" for the OPD = octets sent OUT of the Dinas-side interface (ifHCOutOctets) → to the OPD,
 *   "up"   for the OPD = octets received IN on the Dinas-side interface (ifHCInOctets) ← from the OPD.
 * Rates are (octets delta * 8) / (seconds between polls), summed over all such links of the OPD.
 * A counter that goes backwards (agent restart, wrap) yields no rate for that interval.
 * Example: link bb-setda {a: dc-core-sw-01 Te1/0/1, b: setda-rtr-01 ether1}: setda "down" =
 * rate(ifHCOutOctets{device="dc-core-sw-01", ifName="Te1/0/1"}) * 8.
 */
export const SPBE_OPD_BACKBONE_TRAFFIC_BPS = "spbe_opd_backbone_traffic_bps";
/**
 * Recorded (dashboards/rules/recording.ts): sum by (opd, direction) of rate(SPBE_OPD_INTERNET_BYTES_TOTAL[5m]) * 8,
 * bits/s. The 5-minute rate ISPs and LibreNMS bill with; the 95th percentile of a month reads it every 5 minutes
 * (collectors/quota-billing.ts).
 */
export const SPBE_OPD_INTERNET_BPS_RATE5M = "spbe:opd_internet_bps:rate5m";
/** gauge, the OPD's quota from inventory bandwidth.quotas in bits/s. Labels opd, direction (down|up). */
export const SPBE_OPD_QUOTA_BPS = "spbe_opd_quota_bps";
/**
 * counter, internet octets the OPD moved this calendar month (UTC) so far, labels opd, direction
 * (down|up): the sum of the deltas of SPBE_OPD_INTERNET_BYTES_TOTAL since the first poll of the month. Resets to 0 at the
 * month boundary (and when the collector restarts: it is month-to-date as seen by this process).
 */
export const SPBE_OPD_VOLUME_BYTES_TOTAL = "spbe_opd_volume_bytes_total";
/** gauge, bandwidth.quotas[].monthlyVolumeGB * 1e9 bytes (decimal GB). Labels opd. */
export const SPBE_OPD_QUOTA_VOLUME_BYTES = "spbe_opd_quota_volume_bytes";

export const DIRECTION_IN = "in";
export const DIRECTION_OUT = "out";
export const DIRECTION_DOWN = "down";
export const DIRECTION_UP = "up";

/** Poll error reasons (values of the `reason` label). */
export const POLL_ERROR_REASONS = ["timeout", "refused", "auth", "malformed", "non_increasing", "config", "error"] as const;
export type PollErrorReason = (typeof POLL_ERROR_REASONS)[number];

// ---------------------------------------------------------------------------------------------
// InfluxDB measurements (Telegraf inputs.snmp conventions; collectors/influx-points.ts writes them).
// ---------------------------------------------------------------------------------------------
/** Scalars of every module (sysUpTime, UPS scalars...), one point per poll. */
export const INFLUX_SCALARS = "snmp";
/** The poll's own meta fields (up, poll_duration_seconds, pdus, varbinds). */
export const INFLUX_POLL = "spbe_snmp";
/** One measurement per table, chosen by the table's index label ("interface" as in Telegraf's sample config). */
export const INFLUX_TABLE_MEASUREMENT: Readonly<Record<string, string>> = {
  [LABEL_IF_INDEX]: "interface",
  [LABEL_HR_DEVICE_INDEX]: "hrProcessorTable",
  [LABEL_HR_STORAGE_INDEX]: "hrStorageTable",
  [LABEL_UPS_INPUT_LINE]: "upsInputTable",
  [LABEL_UPS_OUTPUT_LINE]: "upsOutputTable",
  [LABEL_ENT_PHYSICAL_INDEX]: "entPhySensorTable",
  [LABEL_MTXR_GAUGE_INDEX]: "mtxrGaugeTable",
  [LABEL_MTXR_QUEUE_SIMPLE_INDEX]: "mtxrQueueSimpleTable",
  [LABEL_MTXR_QUEUE_TREE_INDEX]: "mtxrQueueTreeTable",
  [LABEL_MTXR_WL_AP_INDEX]: "mtxrWlApTable",
  [LABEL_CPM_CPU_TOTAL_INDEX]: "cpmCPUTotalTable",
  [LABEL_CISCO_MEMORY_POOL_TYPE]: "ciscoMemoryPoolTable",
};
/** A table whose index label has no measurement of its own above. */
export const INFLUX_OTHER_TABLE = "snmp_table";

// ---------------------------------------------------------------------------------------------
// Availability history (observe/history.ts reads it, dashboards/rules/recording.ts records it).
// Named here, not in dashboards/, because observe/ may import the collectors' names but not the
// dashboards room.
// ---------------------------------------------------------------------------------------------
/** prometheus-blackbox-exporter's probe result: 1 when the probe succeeded (labels application, instance). */
export const PROBE_SUCCESS = "probe_success";
/** On probe series: the inventory application id the probe job was generated for. */
export const LABEL_APPLICATION = "application";
/** Prometheus' own target label: for a blackbox probe, the probed URL or address. */
export const LABEL_INSTANCE = "instance";
/**
 * Recorded once an hour: avg_over_time(spbe_snmp_up[1h]), the share of that hour's polls that got an
 * answer, per device. A year is then 8,760 samples per device instead of 525,600 raw ones at 60 s.
 */
export const SPBE_DEVICE_UP_AVG1H = "spbe:device_up:avg1h";
/** Recorded once an hour: avg_over_time(probe_success[1h]), per probe series. */
export const SPBE_PROBE_SUCCESS_AVG1H = "spbe:probe_success:avg1h";
