// spbe dashboards build (the dashboards' and alerts' own texts live with them in dashboards/).
import type { Messages } from "../text";

export const dashboardsMessages = {
  "dashboards.written": {
    id: "{dir}: {files} berkas ditulis ({dashboards} dasbor, provisioning Grafana, aturan Prometheus)",
    en: "{dir}: wrote {files} files ({dashboards} dashboards, Grafana provisioning, Prometheus rules)",
  },
  "dashboards.write-failed": { id: "tidak dapat menulis ke {dir}: {message}", en: "cannot write to {dir}: {message}" },
  "dashboards.bad-interval": {
    id: "--poll-interval harus berupa jumlah detik positif, bukan \"{value}\"",
    en: "--poll-interval must be a positive number of seconds, not \"{value}\"",
  },
} satisfies Messages;
