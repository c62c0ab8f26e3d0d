import type { Command } from "commander";
import { moduleChecks } from "../../collectors/module-catalog";
import { t } from "../../i18n";
import { diagnosticJson, renderDiagnostic } from "../../inventory/diagnostics";
import { formatOption, langOf, langOption, loadForCommand } from "../context";

export function configureValidate(command: Command): void {
  command
    .argument("<inventory>", "inventory YAML file")
    .addOption(formatOption())
    .addOption(langOption())
    .action((file: string, opts: { format: string; lang?: string }) => {
      const lang = langOf(opts);
      const { inventory, result } = loadForCommand(file, opts, true, moduleChecks(file));
      if (!inventory) return; // errors printed, exit code 2 set
      const warnings = result.diagnostics.length;
      if (opts.format === "json") {
        process.stdout.write(JSON.stringify({ file, valid: true, diagnostics: result.diagnostics.map((d) => diagnosticJson(d, lang)) }, null, 2) + "\n");
        return;
      }
      for (const d of result.diagnostics) process.stderr.write(renderDiagnostic(d, lang) + "\n");
      process.stdout.write(t(lang, "cli.valid", { file, errors: 0, warnings }) + "\n");
    });
}
