// `spbe dashboards build <inventory> --out <dir>`: writes the Grafana dashboards, Grafana
// provisioning and Prometheus rule files generated from an inventory (the same files the
// MonitoringStack mounts).
import { resolve } from "node:path";
import type { Command } from "commander";
import { buildAlertRules, buildGrafanaFiles, type OutputFile } from "../../dashboards/build";
import { DEFAULT_POLL_INTERVAL_SECONDS } from "../../dashboards/rules/alerts";
import { t } from "../../i18n";
import { writeOutputFiles } from "../output-files";
import { ExitCode, formatOption, langOf, langOption, loadForCommand } from "../context";

interface BuildOpts {
  out: string;
  format: string;
  lang?: string;
  pollInterval?: string;
  prometheusUrl?: string;
  influxUrl?: string;
  influxDatabase?: string;
}

export function configureDashboards(group: Command): void {
  group
    .command("build")
    .description("write dashboards, Grafana provisioning and Prometheus rules into a directory / tulis dasbor, provisioning dan aturan")
    .argument("<inventory>", "inventory YAML file")
    .requiredOption("--out <dir>", "output directory / direktori keluaran")
    .option("--poll-interval <seconds>", `the collector's poll interval, for staleness alerts (default ${DEFAULT_POLL_INTERVAL_SECONDS}) / interval poll collector`)
    .option("--prometheus-url <url>", "how Grafana reaches Prometheus (default http://prometheus:9090)")
    .option("--influx-url <url>", "how Grafana reaches InfluxDB (default http://influxdb:8086)")
    .option("--influx-database <name>", "InfluxDB database (default spbe)")
    .addOption(formatOption())
    .addOption(langOption())
    .action((file: string, opts: BuildOpts) => {
      const lang = langOf(opts);
      const poll = opts.pollInterval === undefined ? DEFAULT_POLL_INTERVAL_SECONDS : Number(opts.pollInterval);
      if (!Number.isFinite(poll) || poll <= 0) {
        process.stderr.write(t(lang, "dashboards.bad-interval", { value: String(opts.pollInterval) }) + "\n");
        process.exitCode = ExitCode.badInput;
        return;
      }
      const { inventory } = loadForCommand(file, opts);
      if (!inventory) return;
      const files: OutputFile[] = [
        ...buildGrafanaFiles(inventory, { prometheusUrl: opts.prometheusUrl, influxUrl: opts.influxUrl, influxDatabase: opts.influxDatabase }),
        ...buildAlertRules(inventory, { pollIntervalSeconds: poll }),
      ];
      const out = resolve(opts.out);
      if (!writeOutputFiles(out, files, lang)) return;
      const dashboards = files.filter((f) => f.path.endsWith(".json")).length;
      if (opts.format === "json") {
        process.stdout.write(JSON.stringify({ file, out, files: files.map((f) => f.path) }, null, 2) + "\n");
      } else {
        process.stdout.write(t(lang, "dashboards.written", { dir: out, files: files.length, dashboards }) + "\n");
      }
    });
}
