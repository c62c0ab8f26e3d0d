// Recording rules: series that more than one alert or panel reads, or that would be costly to
// compute on every dashboard refresh of a large kabupaten (tens of thousands of interfaces).
import * as M from "../../collectors/metric-names";
import { OPD_INTERNET_RATE5M_EXPR } from "../../collectors/quota-billing";
import type { RuleGroup } from "./model";

/** hrStorage rows that are memory, not disks: high use of these is normal (page cache). */
export const MEMORY_STORAGE_DESCR = "Physical memory|Virtual memory|Memory buffers|Cached memory|Shared memory|Swap space";

export const RECORDED = {
  interfaceErrors: "spbe:interface_errors:rate5m",
  opdQuotaUsage: "spbe:opd_quota_usage:ratio",
  storageUsed: "spbe:storage_used:ratio",
  cpuLoad: "spbe:cpu_load:avg",
} as const;

export function recordingRules(): RuleGroup {
  return {
    name: "spbe-recording",
    rules: [
      // Errors in either direction, per interface, per second.
      { record: RECORDED.interfaceErrors, expr: `rate(${M.IF_IN_ERRORS}[5m]) + rate(${M.IF_OUT_ERRORS}[5m])` },
      // An OPD's traffic as a share of its quota, per direction (1 = at quota).
      { record: RECORDED.opdQuotaUsage, expr: `${M.SPBE_OPD_TRAFFIC_BPS} / on(${M.LABEL_OPD}, ${M.LABEL_DIRECTION}) (${M.SPBE_OPD_QUOTA_BPS} > 0)` },
      // An OPD's internet traffic as a 5-minute rate, the sample a 95th-percentile bill is made of.
      { record: M.SPBE_OPD_INTERNET_BPS_RATE5M, expr: OPD_INTERNET_RATE5M_EXPR },
      // Disk use per storage row; memory rows are left out (see MEMORY_STORAGE_DESCR).
      {
        record: RECORDED.storageUsed,
        expr: `${M.HR_STORAGE_USED}{${M.LABEL_HR_STORAGE_DESCR}!~"${MEMORY_STORAGE_DESCR}"} / (${M.HR_STORAGE_SIZE} > 0)`,
      },
      // Average load over all processors of a host.
      { record: RECORDED.cpuLoad, expr: `avg without (${M.LABEL_HR_DEVICE_INDEX}) (${M.HR_PROCESSOR_LOAD})` },
    ],
  };
}

/** How often the availability series are recorded: each sample summarises the hour before it. */
export const AVAILABILITY_RECORDING_INTERVAL = "1h";

/**
 * Hourly availability per device and per probe, for the report's history (observe/history.ts): a
 * ratio over a year then reads 8,760 recorded samples per device, far below Prometheus' default
 * --query.max-samples (50 million), where the raw series at a 60 s scrape would need 525,600 each.
 * Its own group because it runs once an hour, not at the global evaluation interval.
 */
export function availabilityRecordingRules(): RuleGroup {
  return {
    name: "spbe-availability",
    interval: AVAILABILITY_RECORDING_INTERVAL,
    rules: [
      { record: M.SPBE_DEVICE_UP_AVG1H, expr: `avg_over_time(${M.SPBE_SNMP_UP}[${AVAILABILITY_RECORDING_INTERVAL}])` },
      { record: M.SPBE_PROBE_SUCCESS_AVG1H, expr: `avg_over_time(${M.PROBE_SUCCESS}[${AVAILABILITY_RECORDING_INTERVAL}])` },
    ],
  };
}
