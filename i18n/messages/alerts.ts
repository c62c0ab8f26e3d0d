// spbe alerts build and spbe alerts silence (the notification texts themselves live with the templates in dashboards/alertmanager/).
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
  "alerts.silence.created": {
    id: "Senyap {id} dibuat: {matchers} sampai {until} (oleh {author})",
    en: "Silence {id} created: {matchers} until {until} (by {author})",
  },
  "alerts.silence.expired": { id: "Senyap {id} diakhiri", en: "Silence {id} expired" },
  "alerts.silence.none": { id: "Tidak ada senyap di {url}", en: "No silences at {url}" },
  "alerts.silence.heading": { id: "Senyap di {url}:", en: "Silences at {url}:" },
  "alerts.silence.row": { id: "{id}  {state}  {matchers}  {from} s.d. {until}  {author}: {comment}", en: "{id}  {state}  {matchers}  {from} to {until}  {author}: {comment}" },
  "alerts.silence.state.active": { id: "aktif", en: "active" },
  "alerts.silence.state.pending": { id: "menunggu", en: "pending" },
  "alerts.silence.state.expired": { id: "berakhir", en: "expired" },
  "alerts.silence.unknown-name": {
    id: "{file}: {kind} {value} tidak ada di inventaris",
    en: "{file}: {kind} {value} is not in the inventory",
  },
  "alerts.silence.no-scope": {
    id: "sebutkan apa yang disenyapkan: --device, --site atau --opd",
    en: "say what to silence: --device, --site or --opd",
  },
  "alerts.silence.mixed-scope": {
    id: "satu jenis per senyap: --device, --site atau --opd (jenis berbeda akan harus cocok sekaligus); buat satu senyap per jenis",
    en: "one kind per silence: --device, --site or --opd (different kinds would all have to match at once); create one silence per kind",
  },
  "alerts.silence.no-window": { id: "sebutkan sampai kapan: --duration (mis. 2h) atau --until", en: "say for how long: --duration (e.g. 2h) or --until" },
  "alerts.silence.both-windows": { id: "--duration dan --until tidak bisa dipakai bersamaan", en: "--duration and --until cannot be used together" },
  "alerts.silence.bad-duration": { id: "--duration {value}: bukan durasi (contoh 90m, 2h, 1d)", en: "--duration {value}: not a duration (e.g. 90m, 2h, 1d)" },
  "alerts.silence.bad-until": { id: "--until {value}: bukan waktu ISO 8601 (contoh 2026-12-12T22:00+07:00)", en: "--until {value}: not an ISO 8601 time (e.g. 2026-12-12T22:00+07:00)" },
  "alerts.silence.past-until": { id: "--until {value}: waktu itu sudah lewat", en: "--until {value}: that time has passed" },
  "alerts.silence.empty-comment": { id: "--comment: tuliskan alasannya (dibaca NOC)", en: "--comment: say why (the NOC reads it)" },
  "alerts.silence.bad-url": { id: "--alertmanager-url {value}: bukan URL http(s)", en: "--alertmanager-url {value}: not an http(s) URL" },
  "alerts.silence.unreachable": {
    id: "Alertmanager di {url} tidak dapat dihubungi: {error}",
    en: "cannot reach Alertmanager at {url}: {error}",
  },
  "alerts.silence.refused": { id: "Alertmanager di {url} menolak: {error}", en: "Alertmanager at {url} refused: {error}" },
} satisfies Messages;
