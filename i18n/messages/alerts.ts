// spbe alerts build (the notification texts themselves live with the templates in dashboards/alertmanager/).
import type { Messages } from "../text";

export const alertsMessages = {
  "alerts.written": {
    id: "{dir}: {files} berkas Alertmanager ditulis ({receivers} penerima, {inhibit} aturan inhibisi dari topologi, {windows} jendela pemeliharaan)",
    en: "{dir}: wrote {files} Alertmanager files ({receivers} receivers, {inhibit} inhibition rules from the topology, {windows} maintenance windows)",
  },
  "alerts.no-alerting": {
    id: "{file}: inventaris tidak memiliki bagian alerting: tidak ada yang menerima alert (lihat README, bagian untuk operator NOC)",
    en: "{file}: the inventory has no alerting section: nobody receives alerts (see the README, the section for NOC operators)",
  },
  "alerts.explain-heading": {
    id: "Pohon rute Alertmanager (pencocok → penerima; continue = penerima berikutnya juga mendapat alert):",
    en: "Alertmanager routing tree (matchers → receiver; continue = the next receivers get the alert too):",
  },
} satisfies Messages;
