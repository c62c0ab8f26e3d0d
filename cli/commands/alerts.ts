// `spbe alerts build <inventory> --out <dir> [--explain]`: writes Alertmanager's configuration,
// notification templates and routing cases generated from the inventory's alerting section (the
// same files the MonitoringStack uploads next to Prometheus); --explain prints the routing tree.
import { resolve } from "node:path";
import type { Command } from "commander";
import { parse } from "yaml";
import { ALERTMANAGER_CONFIG_PATH, buildAlertmanagerFiles, explainRoutes } from "../../dashboards/alertmanager/build";
import type { AmConfig } from "../../dashboards/alertmanager/model";
import { t } from "../../i18n";
import { writeOutputFiles } from "../output-files";
import { ExitCode, formatOption, langOf, langOption, loadForCommand } from "../context";
import { registerAlertsSilence } from "./alerts-silence";

interface BuildOpts {
  out: string;
  format: string;
  lang?: string;
  explain?: boolean;
}

export function configureAlerts(group: Command): void {
  group
    .command("build")
    .description("write the Alertmanager configuration, templates and routing cases / tulis konfigurasi Alertmanager")
    .argument("<inventory>", "inventory YAML file")
    .requiredOption("--out <dir>", "output directory / direktori keluaran")
    .option("--explain", "print the routing tree for review / cetak pohon rute untuk ditinjau")
    .addOption(formatOption())
    .addOption(langOption())
    .action((file: string, opts: BuildOpts) => {
      const lang = langOf(opts);
      const { inventory } = loadForCommand(file, opts);
      if (!inventory) return;
      if (!inventory.alerting) {
        process.stderr.write(t(lang, "alerts.no-alerting", { file }) + "\n");
        process.exitCode = ExitCode.badInput;
        return;
      }
      const files = buildAlertmanagerFiles(inventory);
      const out = resolve(opts.out);
      if (!writeOutputFiles(out, files, lang)) return;
      const config = parse(files.find((f) => f.path === ALERTMANAGER_CONFIG_PATH)!.content) as AmConfig;
      const summary = { receivers: config.receivers.length, inhibit: config.inhibit_rules.length, windows: inventory.alerting.maintenance.length };
      if (opts.format === "json") {
        process.stdout.write(JSON.stringify({ file, out, files: files.map((f) => f.path), ...summary, ...(opts.explain ? { routes: config.route } : {}) }, null, 2) + "\n");
        return;
      }
      process.stdout.write(t(lang, "alerts.written", { dir: out, files: files.length, ...summary }) + "\n");
      if (opts.explain) process.stdout.write(`\n${t(lang, "alerts.explain-heading")}\n${explainRoutes(config)}`);
    });
  registerAlertsSilence(group);
}
