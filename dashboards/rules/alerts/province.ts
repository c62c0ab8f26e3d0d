// The province's own view: a kabupaten whose series stopped arriving. Evaluated by the provincial
// vmalert over the province's tenant, for the kabupaten the provincial stack lists.
import * as M from "../../../collectors/metric-names";
import type { AlertingRule } from "../model";
import { alertAnnotations } from "../../text";
import { PROVINCE_ALERT } from "../names";

/** How long a kabupaten may send nothing before it counts as silent (a few missed intervals). */
const SILENT_WINDOW = "10m";

/**
 * One rule over every listed kabupaten (their `kabupaten` label values): absent_over_time keeps the
 * label of its equality matcher, so each silent kabupaten is its own alert. It tells "the link or the
 * edge is down" apart from "devices are down": SpbeDeviceDown needs series, and a silent kabupaten
 * sends none, so without this the province would see nothing at all. A list, not a query over
 * history, so that a kabupaten silent for days still alerts and each evaluation reads 10 minutes.
 */
export function kabupatenSilentAlert(kabupaten: string[]): AlertingRule {
  if (kabupaten.length === 0) throw new Error("kabupatenSilentAlert needs at least one kabupaten");
  return {
    alert: PROVINCE_ALERT.kabupatenSilent,
    expr: kabupaten.map((k) => `absent_over_time(${M.SPBE_SNMP_UP}{${M.LABEL_KABUPATEN}=${JSON.stringify(k)}}[${SILENT_WINDOW}])`).join(" or "),
    for: "5m",
    labels: { severity: "warning" },
    annotations: alertAnnotations({
      summary: {
        en: "No series from {{ $labels.kabupaten }} for 15 minutes",
        id: "Tidak ada data dari {{ $labels.kabupaten }} selama 15 menit",
      },
      description: {
        en: "The province has received no device series from {{ $labels.kabupaten }} for 15 minutes: its link to the province, its edge vmagent or its collectors are down. Its devices may be fine; its own NOC still sees them.",
        id: "Provinsi tidak menerima data perangkat dari {{ $labels.kabupaten }} selama 15 menit: link ke provinsi, vmagent edge atau kolektornya mati. Perangkatnya bisa jadi baik; NOC kabupaten tetap melihatnya.",
      },
      runbook: {
        en: "Call the kabupaten's NOC; check the link to the province and the edge vmagent (its remote_write buffer keeps the data for the outage); do not open device incidents for it from the province.",
        id: "Hubungi NOC kabupaten; periksa link ke provinsi dan vmagent edge (buffer remote_write-nya menyimpan data selama gangguan); jangan buka insiden perangkat dari provinsi.",
      },
    }),
  };
}
