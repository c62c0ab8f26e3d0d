// spbe probes build: the blackbox exporter's configuration and the Prometheus probe jobs.
import type { Messages } from "../text";

export const probesMessages = {
  "probes.written": {
    id: "{dir}: {files} berkas ditulis (modul blackbox exporter, {jobs} job probe Prometheus untuk {targets} nama)",
    en: "{dir}: wrote {files} files (blackbox exporter modules, {jobs} Prometheus probe jobs for {targets} names)",
  },
  "probes.write-failed": { id: "tidak dapat menulis ke {dir}: {message}", en: "cannot write to {dir}: {message}" },
  "probes.bad-timeout": {
    id: "--timeout harus berupa jumlah detik positif, bukan \"{value}\"",
    en: "--timeout must be a positive number of seconds, not \"{value}\"",
  },
} satisfies Messages;
