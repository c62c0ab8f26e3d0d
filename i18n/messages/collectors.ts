// The collectors: spbe serve and spbe simulate.
import type { Messages } from "../text";

export const collectorsMessages = {
  "serve.listening": {
    id: "memantau {devices} perangkat. Metrik: {metrics}  Target: {targets}",
    en: "polling {devices} {devices|device|devices}. Metrics: {metrics}  Targets: {targets}",
  },
  "serve.simulating": {
    id: "simulator: {devices} agen SNMP di 127.0.0.1 (net-snmp)",
    en: "simulator: {devices} SNMP agents on 127.0.0.1 (net-snmp)",
  },
  "serve.generated-secrets": {
    id: "catatan: {names} tidak diisi: simulator membuat kredensialnya sendiri untuk sesi ini dan memberikannya ke poller (nilai tidak ditampilkan)",
    en: "note: {names} not set: the simulator generated its own credentials for this run and gave them to the poller (values not shown)",
  },
  "serve.report": { id: "Laporan kepatuhan: {url}", en: "Compliance report: {url}" },
  "serve.board": { id: "Papan NOC (buka di peramban): {url}", en: "NOC board (open in a browser): {url}" },
  "serve.no-compliance": { id: "laporan kepatuhan tidak dipasang: {message}", en: "compliance report not mounted: {message}" },
  "serve.reloaded": { id: "{file}: inventaris dimuat ulang, {devices} perangkat", en: "{file}: inventory reloaded, {devices} {devices|device|devices}" },
  "serve.reload-failed": {
    id: "{file}: gagal memuat ulang, inventaris sebelumnya tetap dipakai",
    en: "{file}: reload failed, keeping the previous inventory",
  },
  "serve.port-in-use": {
    id: "{host}:{port} sudah dipakai (kolektor lain, atau snmp_exporter di port bawaannya?): pilih port lain dengan --port, atau --port 0 untuk port bebas mana pun",
    en: "{host}:{port} is already in use (another collector, or snmp_exporter on its default port?): choose another with --port, or --port 0 for any free port",
  },
  "serve.insecure-listen": {
    id: "{host} bukan alamat loopback: tanpa --web.config.file (TLS dan basic auth) /report dan /targets terbuka bagi siapa pun yang mencapai port ini. Berikan --web.config.file, atau --insecure-listen bila memang disengaja",
    en: "{host} is not a loopback address: without --web.config.file (TLS and basic auth) /report and /targets are open to anyone who reaches the port. Give --web.config.file, or --insecure-listen if that is deliberate",
  },
  "serve.bad-web-config": { id: "konfigurasi web {file} tidak sah: {problems}", en: "invalid web configuration {file}: {problems}" },
  "serve.guarded": {
    id: "akses: {scheme}, basic auth untuk {users} pengguna; /metrics {metrics}",
    en: "access: {scheme}, basic auth for {users} user(s); /metrics {metrics}",
  },
  "serve.metrics-open": { id: "terbuka (--web.open-metrics)", en: "open (--web.open-metrics)" },
  "serve.metrics-guarded": { id: "dijaga", en: "guarded" },
  "serve.stopping": { id: "berhenti: mengosongkan buffer", en: "stopping: flushing buffers" },
  "simulate.device": { id: "{device}: udp {host}:{port} (SNMP v{version})", en: "{device}: udp {host}:{port} (SNMP v{version})" },
  "simulate.generated-secrets": {
    id: "catatan: {names} tidak diisi: kredensial karangan untuk simulasi ini saja (agen di loopback, bukan rahasia perangkat mana pun); tanyakan agen dengan:",
    en: "note: {names} not set: made-up credentials for this simulation only (agents on loopback, no device's secret); ask the agents with:",
  },
  "simulate.bad-port-ref": {
    id: "--unknown-neighbour memerlukan perangkat:antarmuka, bukan \"{value}\"",
    en: "--unknown-neighbour wants device:interface, not \"{value}\"",
  },
  "simulate.bad-wiring": { id: "{file}: {message}", en: "{file}: {message}" },
  "simulate.ready": { id: "mensimulasikan {devices} perangkat; Ctrl-C untuk berhenti", en: "simulating {devices} {devices|device|devices}; Ctrl-C to stop" },
  "module.file-unreadable": { id: "berkas modul {file} tidak dapat dibaca: {message}", en: "cannot read the module file {file}: {message}" },
  "module.unknown": {
    id: "modul SNMP {module} tidak dikenal; yang ada: {known}",
    en: "unknown SNMP module {module}; known: {known}",
  },
  "module.duplicate": {
    id: "modul {module} sudah ada ({other}): setiap modul perlu nama sendiri",
    en: "module {module} is already defined ({other}): each module needs a name of its own",
  },
} satisfies Messages;
