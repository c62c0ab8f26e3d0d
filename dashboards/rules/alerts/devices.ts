// Device reachability: does each device answer SNMP, and is the collector still polling it.
import * as M from "../../../collectors/metric-names";
import { requiredModuleNames } from "../../../collectors/modules";
import type { AlertingRule } from "../model";
import { alertAnnotations } from "../../text";
import { ALERT } from "../names";
import { THRESHOLDS } from "./policy";
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

/**
 * A device that answers SNMP but whose walk of a module came back with nothing (endOfMibView at
 * once, a view that hides the MIB, an agent without the table): up=1 and no series, which no other
 * alert sees. Empty only, and only modules not marked optional (entity_sensor: many routers have no
 * sensors): a partial module (e.g. no hrProcessorTable in a container) is normal for some agents and
 * shows on the device board instead.
 */
export function snmpModuleEmptyAlert(): AlertingRule {
  const status = statusIs("empty");
  const required = requiredModuleNames().join("|");
  return {
    alert: ALERT.snmpModuleEmpty,
    expr: `${M.SPBE_SNMP_MODULE_STATUS}{${status},${M.LABEL_MODULE}=~"${required}"} == 1`,
    for: THRESHOLDS.snmpModuleEmptyFor,
    labels: { severity: "warning" },
    annotations: alertAnnotations({
      summary: {
        en: `Device ${dev} answers SNMP but its {{ $labels.module }} walk is empty`,
        id: `Perangkat ${dev} menjawab SNMP tetapi walk {{ $labels.module }} kosong`,
      },
      description: {
        en: `${dev} at ${site} ({{ $labels.role }}) answered every poll for ${THRESHOLDS.snmpModuleEmptyFor} but has none of the objects of module {{ $labels.module }} (e.g. no interface table): its graphs for that module are empty.`,
        id: `${dev} di ${site} ({{ $labels.role }}) menjawab setiap poll selama ${THRESHOLDS.snmpModuleEmptyFor} tetapi tidak punya satu pun objek modul {{ $labels.module }} (mis. tabel antarmuka tidak ada): grafik modul itu kosong.`,
      },
      runbook: {
        en: "Check /targets for the module's reason; on the device, check the SNMP view of the community or v3 user (it must include IF-MIB, HOST-RESOURCES-MIB...) and that the agent implements the MIB.",
        id: "Periksa /targets untuk alasan modul; di perangkat, periksa view SNMP community atau user v3 (harus mencakup IF-MIB, HOST-RESOURCES-MIB...) dan bahwa agen mengimplementasikan MIB tersebut.",
      },
    }),
  };
}

const statusIs = (s: M.ModuleStatusValue) => `${M.LABEL_STATUS}="${s}"`;
