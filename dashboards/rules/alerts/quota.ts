// OPD quotas: shaping that does not hold, and a monthly volume used up.
import * as M from "../../../collectors/metric-names";
import type { AlertingRule } from "../model";
import { alertAnnotations } from "../../text";
import { ALERT } from "../names";
import { THRESHOLDS } from "./policy";

export function opdOverQuotaAlert(): AlertingRule {
  return {
    alert: ALERT.opdOverQuota,
    expr: `${M.SPBE_OPD_TRAFFIC_BPS} > on(${M.LABEL_OPD}, ${M.LABEL_DIRECTION}) (${M.SPBE_OPD_QUOTA_BPS} * ${THRESHOLDS.overQuotaFactor})`,
    for: THRESHOLDS.overQuotaFor,
    labels: { severity: "warning" },
    annotations: alertAnnotations({
      summary: { en: `OPD {{ $labels.opd }} above its {{ $labels.direction }} quota`, id: `OPD {{ $labels.opd }} melebihi kuota {{ $labels.direction }}` },
      description: {
        en: `OPD {{ $labels.opd }} has used {{ $value | humanize }}bit/s of internet {{ $labels.direction }} (counted by its queue on the quota gateway) for 5 minutes, more than 5% above its quota: shaping is not holding.`,
        id: `OPD {{ $labels.opd }} memakai {{ $value | humanize }}bit/s internet {{ $labels.direction }} (dihitung antreannya di gateway kuota) selama 5 menit, lebih dari 5% di atas kuotanya: pembatasan tidak bekerja.`,
      },
      runbook: {
        en: "Check the gateway's tc classes and nftables marks (RouterOS: queue tree and mangle marks) for this OPD (pulumi up re-applies them).",
        id: "Periksa kelas tc dan tanda nftables gateway (RouterOS: queue tree dan tanda mangle) untuk OPD ini (pulumi up menerapkannya ulang).",
      },
    }),
  };
}

export function opdMonthlyVolumeExceededAlert(): AlertingRule {
  return {
    alert: ALERT.opdMonthlyVolumeExceeded,
    expr: `sum by (${M.LABEL_OPD}) (${M.SPBE_OPD_VOLUME_BYTES_TOTAL}) > on(${M.LABEL_OPD}) ${M.SPBE_OPD_QUOTA_VOLUME_BYTES}`,
    labels: { severity: "info" },
    annotations: alertAnnotations({
      summary: { en: `OPD {{ $labels.opd }} used its monthly volume`, id: `OPD {{ $labels.opd }} telah memakai kuota volume bulanannya` },
      description: {
        en: `OPD {{ $labels.opd }} has moved {{ $value | humanize1024 }}B this month, above its monthly volume quota.`,
        id: `OPD {{ $labels.opd }} telah memindahkan {{ $value | humanize1024 }}B bulan ini, melebihi kuota volume bulanannya.`,
      },
      runbook: {
        en: "Tell the OPD's pengelola TIK; agree whether to raise the quota (inventory change) or limit usage until the month ends.",
        id: "Beri tahu pengelola TIK OPD; sepakati menaikkan kuota (perubahan inventaris) atau membatasi pemakaian hingga akhir bulan.",
      },
    }),
  };
}
