// What every command shares: exit codes, --format/--lang parsing, and printing inventory diagnostics
// (rendered by inventory/diagnostics.ts, which the Pulumi program uses too).
import { Option } from "commander";
import { parseLang, t, type Lang } from "../i18n";
import { diagnosticJson, renderDiagnostic } from "../inventory/diagnostics";
import { loadInventoryFile, type ExtraChecks, type LoadResult } from "../inventory/load";
import type { Inventory } from "../inventory/schema";
import { ExitCode } from "./exit-codes";

export { ExitCode, UsageError } from "./exit-codes";

export type Format = "text" | "json";

export const formatOption = () =>
  new Option("--format <format>", "output format / format keluaran").choices(["text", "json"]).default("text");
export const langOption = () =>
  new Option("--lang <lang>", "language of the text (id|en); default from LANG / bahasa teks").choices(["id", "en"]);

export function langOf(opts: { lang?: string }): Lang {
  return parseLang(opts.lang);
}

/**
 * Loads an inventory for a command. On errors prints every diagnostic (stderr, or JSON on stdout)
 * and returns undefined with process.exitCode = 2; warnings go to stderr and loading continues.
 */
export function loadForCommand(file: string, opts: { lang?: string; format?: string }, quietWarnings = false, extra?: ExtraChecks): { inventory?: Inventory; result: LoadResult } {
  const lang = langOf(opts);
  const result = loadInventoryFile(file, extra);
  if (!result.inventory) {
    if (opts.format === "json") {
      process.stdout.write(JSON.stringify({ file, valid: false, diagnostics: result.diagnostics.map((d) => diagnosticJson(d, lang)) }, null, 2) + "\n");
    } else {
      for (const d of result.diagnostics) process.stderr.write(renderDiagnostic(d, lang) + "\n");
      const errors = result.diagnostics.filter((d) => d.severity === "error").length;
      process.stderr.write(t(lang, "cli.invalid", { file, errors, warnings: result.diagnostics.length - errors }) + "\n");
    }
    process.exitCode = ExitCode.badInput;
    return { result };
  }
  if (!quietWarnings && opts.format !== "json") {
    for (const d of result.diagnostics) process.stderr.write(renderDiagnostic(d, lang) + "\n");
  }
  return { inventory: result.inventory, result };
}
