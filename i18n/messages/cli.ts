// What every command prints around its own output: validity, severities, usage errors.
import type { Messages } from "../text";

export const cliMessages = {
  "cli.valid": {
    id: "{file}: valid ({errors} kesalahan, {warnings} peringatan)",
    en: "{file}: valid ({errors} errors, {warnings} warnings)",
  },
  "cli.invalid": { id: "{file}: {errors} kesalahan, {warnings} peringatan", en: "{file}: {errors} errors, {warnings} warnings" },
  "cli.error": { id: "kesalahan", en: "error" },
  "cli.warning": { id: "peringatan", en: "warning" },
  "cli.usage-error": { id: "{message}", en: "{message}" },
} satisfies Messages;
