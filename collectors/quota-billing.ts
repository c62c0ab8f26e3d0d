// An OPD's internet use over a billing period as ISPs and LibreNMS bill it, in PromQL, one home for
// the dashboards (quota board) and for whoever reads Prometheus history: the volume is the increase
// of the gateway's per-OPD byte counters; the 95th percentile takes 5-minute average rates (the
// recorded SPBE_OPD_INTERNET_BPS_RATE5M), drops the top 5 % and reports the highest left, so 36 hours
// of peaks in a month cost nothing.
//
// One difference from LibreNMS, on purpose: LibreNMS has one 5-minute average every 5 minutes; the
// recorded series has one every rule evaluation (1 minute), each over the 5 minutes before it
// (overlapping windows). A subquery at a 5-minute step ([30d:5m]) would sample exactly like LibreNMS,
// but its steps fall on wall-clock multiples of 5 minutes and a board would stay empty for up to 5
// minutes after Prometheus starts; the percentile of the overlapping windows is within the spread
// of neighbouring 5-minute averages of it, and the query is also cheaper to read.
import * as N from "./metric-names";

/** The averaging window of a 95th-percentile bill: 5 minutes (LibreNMS' and most ISPs' polling). */
export const BILLING_STEP = "5m";
export const BILLING_QUANTILE = 0.95;
/** A month of billing (Grafana's and the report's default window). */
export const BILLING_WINDOW = "30d";

/** What the recording rule SPBE_OPD_INTERNET_BPS_RATE5M records. */
export const OPD_INTERNET_RATE5M_EXPR = `sum by (${N.LABEL_OPD}, ${N.LABEL_DIRECTION}) (rate(${N.SPBE_OPD_INTERNET_BYTES_TOTAL}[${BILLING_STEP}])) * 8`;

/** Bytes per OPD and direction over `window` ending at the query's time. `selector`: label matchers without braces. */
export function opdVolumeExpr(window: string = BILLING_WINDOW, selector = ""): string {
  return `sum by (${N.LABEL_OPD}, ${N.LABEL_DIRECTION}) (increase(${N.SPBE_OPD_INTERNET_BYTES_TOTAL}{${selector}}[${window}]))`;
}

/** The 95th percentile of the recorded 5-minute rates (bits/s) per OPD and direction over `window`. */
export function opdP95Expr(window: string = BILLING_WINDOW, selector = ""): string {
  return `quantile_over_time(${BILLING_QUANTILE}, ${N.SPBE_OPD_INTERNET_BPS_RATE5M}{${selector}}[${window}])`;
}
