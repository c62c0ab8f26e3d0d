// Availability history from Prometheus: the report's section and the CLI's messages about it.
import type { Messages } from "../text";

export const historyMessages = {
  "history.title": { id: "Ketersediaan (riwayat Prometheus)", en: "Availability (Prometheus history)" },
  "history.period": {
    id: "Periode {from} s.d. {to}, dibaca dari {source} pada {observedAt}. Informasi, bukan temuan: kedua Perda tidak menetapkan tingkat ketersediaan.",
    en: "Period {from} to {to}, read from {source} at {observedAt}. Information, not a finding: neither Perda sets an availability level.",
  },
  "history.unavailable": {
    id: "Riwayat ketersediaan tidak tersedia ({code}: {message}); bagian lain laporan tetap berlaku.",
    en: "Availability history was not available ({code}: {message}); the rest of the report stands.",
  },
  "history.longest": {
    id: "Gangguan terlama: {subject}, {start} s.d. {end} ({duration}).",
    en: "Longest outage: {subject}, {start} to {end} ({duration}).",
  },
  "history.no-outage": { id: "Tidak ada gangguan dalam periode ini.", en: "No outage in the period." },
  "history.sites": { id: "Pusat data dan pusat pemulihan data", en: "Data center and recovery site" },
  "history.datacenter": { id: "Pusat data", en: "Data center" },
  "history.recovery": { id: "Pusat pemulihan data", en: "Recovery site" },
  "history.by-opd": { id: "Per OPD", en: "Per OPD" },
  "history.by-link": { id: "Per jaringan backbone", en: "Per backbone link" },
  "history.probes": { id: "Uji aplikasi (blackbox)", en: "Application probes (blackbox)" },
  "history.not-observed": {
    id: "Perangkat SNMP tanpa riwayat dalam periode ini: {devices}.",
    en: "SNMP devices without history in the period: {devices}.",
  },
  "history.col.group": { id: "Kelompok", en: "Group" },
  "history.col.availability": { id: "Ketersediaan", en: "Availability" },
  "history.col.devices": { id: "Perangkat", en: "Devices" },
  "history.col.link": { id: "Jaringan", en: "Link" },
  "history.col.device-behind": { id: "Perangkat di ujung", en: "Device behind it" },
  "history.col.probe": { id: "Uji", en: "Probe" },
  "history.quota-use": { id: "Pemakaian internet per OPD (volume dan persentil ke-95 laju 5 menit, seperti tagihan ISP)", en: "Internet use per OPD (volume and 95th percentile of 5-minute rates, as ISPs bill)" },
  "history.col.direction": { id: "Arah", en: "Direction" },
  "history.col.volume": { id: "Volume", en: "Volume" },
  "history.col.p95": { id: "Persentil ke-95", en: "95th percentile" },
  "history.col.quota": { id: "Kuota (persentil ke-95 / kuota)", en: "Quota (95th percentile / quota)" },
  "history.col.longest": { id: "Gangguan terlama", en: "Longest outage" },
  "history.bad-period": {
    id: "--period harus berupa durasi seperti 30d, 12h atau 1y, bukan \"{value}\"",
    en: "--period must be a duration such as 30d, 12h or 1y, not \"{value}\"",
  },
  "history.bad-time": {
    id: "--{option} harus berupa tanggal atau waktu ISO 8601, bukan \"{value}\"",
    en: "--{option} must be an ISO 8601 date or timestamp, not \"{value}\"",
  },
  "history.bad-url": { id: "--prometheus-url harus berupa URL http(s), bukan \"{value}\"", en: "--prometheus-url must be an http(s) URL, not \"{value}\"" },
  "history.not-read": {
    id: "riwayat ketersediaan dari {url} tidak terbaca ({code}: {message}); laporan tetap dibuat tanpa riwayat",
    en: "availability history from {url} could not be read ({code}: {message}); the report is written without it",
  },
} satisfies Messages;
