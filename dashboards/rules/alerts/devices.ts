// Device reachability: does each device answer SNMP, and is the collector still polling it.
import * as M from "../../../collectors/metric-names";
import type { AlertingRule } from "../model";
import { ALERT } from "../names";
import { dev, site } from "./templates";

export function deviceDownAlert(): AlertingRule {
  return {
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
  };
}

export function devicePollStaleAlert(poll: number): AlertingRule {
  return {
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
  };
}
