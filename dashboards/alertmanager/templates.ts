// The notification text, as Alertmanager templates (Go text/template) generated from the inventory:
// the language of alerting.language first (Indonesian unless stated; the rules' annotations carry
// both, `summary`/`summary_id`), what to do first, the device's Grafana dashboard, and for a link
// or device that others sit behind, their names: the alerts of those are inhibited, so this one
// notification is where the NOC learns what the outage takes with it.
import * as M from "../../collectors/metric-names";
import type { Inventory } from "../../inventory/schema";
import type { BehindFailure } from "../../inventory/topology";
import { render, type Lang, type Text } from "../../i18n";
import { dashboardUid } from "../ids";
import { ALERT } from "../rules/names";

/** Where the template file lands next to alertmanager.yml (the config names it relatively). */
export const TEMPLATE_FILE = "templates/spbe.tmpl";
export const TEMPLATE = { title: "spbe.title", text: "spbe.text", html: "spbe.html", behind: "spbe.behind" } as const;

const WORDS = {
  firing: { id: "MENYALA", en: "FIRING" },
  resolved: { id: "PULIH", en: "RESOLVED" },
  site: { id: "Lokasi", en: "Site" },
  action: { id: "Tindakan pertama", en: "First action" },
  dashboard: { id: "Dasbor", en: "Dashboard" },
  behind: { id: "Ikut terputus di belakangnya (alert-nya ditahan)", en: "Cut off behind it (their alerts are held back)" },
} satisfies Record<string, Text>;

/** The Go template source: the definitions named in TEMPLATE. */
export function notificationTemplates(inv: Inventory, behind: readonly BehindFailure[], lang: Lang, grafanaUrl?: string): string {
  const w = (k: keyof typeof WORDS) => render(WORDS[k], lang);
  const suffix = lang === "id" ? "_id" : "";
  const deviceBoard = grafanaUrl ? `${grafanaUrl.replace(/\/+$/, "")}/d/${dashboardUid(inv.meta.kabupaten, "device")}` : undefined;
  const link = deviceBoard
    ? `{{ if .Labels.${M.LABEL_DEVICE} }}\n  ${w("dashboard")}: ${deviceBoard}?var-site={{ .Labels.${M.LABEL_SITE} }}&var-device={{ .Labels.${M.LABEL_DEVICE} }}{{ end }}`
    : "";
  return [
    `{{ define "${TEMPLATE.title}" }}[{{ if eq .Status "firing" }}${w("firing")}:{{ .Alerts.Firing | len }}{{ else }}${w("resolved")}{{ end }}] ${inv.meta.kabupaten}: {{ if .CommonLabels.${M.LABEL_SITE} }}${w("site")} {{ .CommonLabels.${M.LABEL_SITE} }} {{ end }}{{ if .CommonLabels.${M.LABEL_LINK} }}link {{ .CommonLabels.${M.LABEL_LINK} }} {{ end }}{{ .CommonLabels.alertname }}{{ end }}`,
    `{{ define "${TEMPLATE.text}" }}{{ range .Alerts }}- [{{ .Labels.severity }}] {{ .Annotations.summary${suffix} }}\n  {{ .Annotations.description${suffix} }}\n  ${w("action")}: {{ .Annotations.runbook${suffix} }}${link}\n{{ end }}{{ template "${TEMPLATE.behind}" . }}{{ end }}`,
    `{{ define "${TEMPLATE.html}" }}<pre>{{ template "${TEMPLATE.text}" . }}</pre>{{ end }}`,
    behindTemplate(inv, behind, w("behind")),
    "",
  ].join("\n");
}

/** For each firing alert that stands for a failure with something behind it, the list of what is. */
function behindTemplate(inv: Inventory, behind: readonly BehindFailure[], heading: string): string {
  const siteOf = new Map(inv.devices.map((d) => [d.id, d.site] as const));
  const names = (b: BehindFailure) => b.devices.map((d) => `${d} (${siteOf.get(d)})`).join(", ");
  const branch = (alert: string, label: string, byId: BehindFailure[]) =>
    byId.length === 0
      ? ""
      : `{{ if eq .Labels.alertname "${alert}" }}${byId
          .map((b, i) => `{{ ${i === 0 ? "if" : "else if"} eq .Labels.${label} ${JSON.stringify(b.failed.id)} }}\n${heading} ({{ .Labels.${label} }}): ${names(b)}`)
          .join("")}{{ end }}{{ end }}`;
  const links = behind.filter((b) => b.failed.kind === "link");
  const devices = behind.filter((b) => b.failed.kind === "device");
  return `{{ define "${TEMPLATE.behind}" }}{{ range .Alerts.Firing }}${branch(ALERT.backboneInterfaceDown, M.LABEL_LINK, links)}${branch(ALERT.deviceDown, M.LABEL_DEVICE, devices)}{{ end }}{{ end }}`;
}
