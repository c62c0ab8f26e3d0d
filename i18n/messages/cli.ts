// What every command prints around its own output: validity, severities, usage errors.
import type { Messages } from "../text";

export const cliMessages = {
  "cli.valid": {
    id: "{file}: valid ({errors} kesalahan, {warnings} peringatan)",
    en: "{file}: valid ({errors} {errors|error|errors}, {warnings} {warnings|warning|warnings})",
  },
  "cli.invalid": { id: "{file}: {errors} kesalahan, {warnings} peringatan", en: "{file}: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}" },
  "cli.error": { id: "kesalahan", en: "error" },
  "cli.write-failed": { id: "{file} tidak dapat ditulis: {reason}", en: "cannot write {file}: {reason}" },
  "cli.no-directory": { id: "direktori {dir} tidak ada", en: "the directory {dir} does not exist" },
  "cli.permission-denied": { id: "izin ditolak di {dir}", en: "permission denied in {dir}" },
  "cli.warning": { id: "peringatan", en: "warning" },
  "cli.usage-error": { id: "{message}", en: "{message}" },
} satisfies Messages;
