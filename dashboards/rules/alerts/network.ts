// Backbone links and interfaces: a link endpoint down, a link near capacity, a port counting errors.
import * as M from "../../../collectors/metric-names";
import { mibEnumValue } from "../../../collectors/modules";
import type { AlertingRule } from "../model";
import { alertAnnotations } from "../../text";
import { ALERT } from "../names";
import { RECORDED } from "../recording";
import { THRESHOLDS } from "./policy";
import { dev } from "./templates";

/**
 * `keep_firing_for`: this alert is the source of the topology's inhibition (dashboards/alertmanager/
 * inhibit.ts). When the link returns, the port is seen up at the next poll of the data-center side,
 * but the devices behind it answer only at their own next poll (a poll in flight may still be timing
 * out): were the link alert resolved first, their SpbeDeviceDown would be let through for that
 * moment and page the NOC about an outage that is over. Two poll intervals cover both polls.
 */
export function backboneInterfaceDownAlert(poll: number): AlertingRule {
  const operUp = mibEnumValue(M.IF_OPER_STATUS, "up");
  return {
    alert: ALERT.backboneInterfaceDown,
    expr: `${M.IF_OPER_STATUS}{${M.LABEL_LINK}=~".+"} != ${operUp} and ${M.IF_ADMIN_STATUS}{${M.LABEL_LINK}=~".+"} == ${mibEnumValue(M.IF_ADMIN_STATUS, "up")}`,
    for: "2m",
    keep_firing_for: `${2 * poll}s`,
    labels: { severity: "critical" },
    annotations: alertAnnotations({
      summary: {
        en: `Backbone link {{ $labels.link }} is down at ${dev} {{ $labels.ifName }}`,
        id: `Link backbone {{ $labels.link }} putus di ${dev} {{ $labels.ifName }}`,
      },
      description: {
        en: `Interface {{ $labels.ifName }} of ${dev} (endpoint of link {{ $labels.link }}) is enabled but its operational status is {{ $value }} (${operUp} = up).`,
        id: `Antarmuka {{ $labels.ifName }} pada ${dev} (ujung link {{ $labels.link }}) aktif tetapi status operasionalnya {{ $value }} (${operUp} = up).`,
      },
      runbook: {
        en: "Check the far end device and its power; check optics/radio alignment; call the link provider with the link's label code.",
        id: "Periksa perangkat di ujung lain dan listriknya; periksa optik/arah radio; hubungi penyedia link dengan kode label link.",
      },
    }),
  };
}

export function linkUtilisationHighAlert(): AlertingRule {
  return {
    alert: ALERT.linkUtilisationHigh,
    expr: `${M.SPBE_LINK_UTILISATION_RATIO} > ${THRESHOLDS.linkUtilisation}`,
    for: THRESHOLDS.linkUtilisationFor,
    labels: { severity: "warning" },
    annotations: alertAnnotations({
      summary: {
        en: `Link {{ $labels.link }} ({{ $labels.direction }}) above 80% of capacity`,
        id: `Link {{ $labels.link }} ({{ $labels.direction }}) di atas 80% kapasitas`,
      },
      description: {
        en: `Link {{ $labels.link }} has carried {{ $value | humanizePercentage }} of its declared capacity ({{ $labels.direction }}) for 15 minutes.`,
        id: `Link {{ $labels.link }} terpakai {{ $value | humanizePercentage }} dari kapasitasnya ({{ $labels.direction }}) selama 15 menit.`,
      },
      runbook: {
        en: "Open the Backbone dashboard for this link; find the OPD or application behind the traffic; check quotas are applied; plan a capacity upgrade if it recurs.",
        id: "Buka dashboard Backbone untuk link ini; cari OPD atau aplikasi penyebab trafik; pastikan kuota diterapkan; rencanakan penambahan kapasitas jika berulang.",
      },
    }),
  };
}

export function interfaceErrorsAlert(): AlertingRule {
  return {
    alert: ALERT.interfaceErrors,
    expr: `${RECORDED.interfaceErrors} > ${THRESHOLDS.interfaceErrorsPerSecond}`,
    for: "10m",
    labels: { severity: "warning" },
    annotations: alertAnnotations({
      summary: { en: `Interface errors on ${dev} {{ $labels.ifName }}`, id: `Error antarmuka pada ${dev} {{ $labels.ifName }}` },
      description: {
        en: `${dev} {{ $labels.ifName }} has counted {{ $value | humanize }} errors per second for 10 minutes.`,
        id: `${dev} {{ $labels.ifName }} mencatat {{ $value | humanize }} error per detik selama 10 menit.`,
      },
      runbook: {
        en: "Check the cable or optic and the duplex/speed settings on both ends; replace the patch cord first.",
        id: "Periksa kabel atau optik serta pengaturan duplex/kecepatan di kedua ujung; ganti patch cord lebih dulu.",
      },
    }),
  };
}
