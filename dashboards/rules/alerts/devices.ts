// Device reachability: does each device answer SNMP, and is the collector still polling it.
import * as M from "../../../collectors/metric-names";
import type { AlertingRule } from "../model";
import { alertAnnotations } from "../../text";
import { ALERT } from "../names";
import { dev, site } from "./templates";

export function deviceDownAlert(): AlertingRule {
  return {
    alert: ALERT.deviceDown,
    expr: `${M.SPBE_SNMP_UP} == 0`,
    for: "5m",
    labels: { severity: "critical" },
    annotations: alertAnnotations({
      summary: { en: `Device ${dev} at ${site} does not answer SNMP`, id: `Perangkat ${dev} di ${site} tidak menjawab SNMP` },
      description: {
        en: `${dev} ({{ $labels.role }}, OPD {{ $labels.opd }}) has not answered an SNMP poll for 5 minutes.`,
        id: `${dev} ({{ $labels.role }}, OPD {{ $labels.opd }}) tidak menjawab poll SNMP selama 5 menit.`,
      },
      runbook: {
        en: "Ping the management address; if it answers, check the SNMP agent and credentials; if not, check power and the uplink of the site.",
        id: "Ping alamat manajemen; jika menjawab, periksa agen SNMP dan kredensialnya; jika tidak, periksa listrik dan uplink lokasi.",
      },
    }),
  };
}

export function devicePollStaleAlert(poll: number): AlertingRule {
  return {
    alert: ALERT.devicePollStale,
    expr: `time() - ${M.SPBE_SNMP_LAST_POLL_TIMESTAMP_SECONDS} > ${5 * poll}`,
    for: "5m",
    labels: { severity: "warning" },
    annotations: alertAnnotations({
      summary: {
        en: `Device ${dev} has not been polled for {{ $value | humanizeDuration }}`,
        id: `Perangkat ${dev} tidak di-poll selama {{ $value | humanizeDuration }}`,
      },
      description: {
        en: `The collector's last poll of ${dev} ended {{ $value | humanizeDuration }} ago (poll interval ${poll}s): its graphs are frozen.`,
        id: `Poll terakhir collector untuk ${dev} selesai {{ $value | humanizeDuration }} lalu (interval ${poll} detik): grafiknya membeku.`,
      },
      runbook: {
        en: "Check the collector's log for this device (timeouts, auth errors) and spbe_snmp_poll_errors_total by reason.",
        id: "Periksa log collector untuk perangkat ini (timeout, galat autentikasi) dan spbe_snmp_poll_errors_total per reason.",
      },
    }),
  };
}
