// `spbe probes build <inventory> --out <dir>`: the NOC's HTTP(S) probes as files, for a blackbox
// exporter and a Prometheus outside the Pulumi stack: blackbox.yml (the exporter's modules) and
// prometheus-probes.yml (the scrape jobs, to paste under scrape_configs), the same the MonitoringStack
// deploys.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { stringify } from "yaml";
import { t } from "../../i18n";
import { BLACKBOX_ADDRESS } from "../../infra/planning/monitoring";
import { inventoryProbeTargets, probeScrapeJobs, renderBlackboxConfig } from "../../observe/blackbox-config";
import { ExitCode, formatOption, langOf, langOption, loadForCommand } from "../context";

interface BuildOpts {
  out: string;
  exporter: string;
  caFile?: string;
  timeout?: string;
  format: string;
  lang?: string;
}

export const BLACKBOX_FILE = "blackbox.yml";
export const PROBE_JOBS_FILE = "prometheus-probes.yml";

export function configureProbes(group: Command): void {
  group
    .command("build")
    .description("write the blackbox exporter's modules and the Prometheus probe jobs / tulis modul blackbox exporter dan job probe Prometheus")
    .argument("<inventory>", "inventory YAML file")
    .requiredOption("--out <dir>", "output directory / direktori keluaran")
    .option("--exporter <host:port>", "how Prometheus reaches the blackbox exporter", BLACKBOX_ADDRESS)
    .option("--ca-file <file>", "a CA bundle the https modules trust besides the system's (tls_config.ca_file)")
    .option("--timeout <seconds>", "per-probe timeout (default 10)")
    .addOption(formatOption())
    .addOption(langOption())
    .action((file: string, opts: BuildOpts) => {
      const lang = langOf(opts);
      const timeout = opts.timeout === undefined ? undefined : Number(opts.timeout);
      if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
        process.stderr.write(t(lang, "probes.bad-timeout", { value: String(opts.timeout) }) + "\n");
        process.exitCode = ExitCode.badInput;
        return;
      }
      const { inventory } = loadForCommand(file, opts);
      if (!inventory) return;
      const targets = inventoryProbeTargets(inventory);
      const jobs = probeScrapeJobs(targets, { exporter: opts.exporter });
      const files = [
        { path: BLACKBOX_FILE, content: renderBlackboxConfig({ caFile: opts.caFile, timeoutSeconds: timeout }) },
        { path: PROBE_JOBS_FILE, content: stringify({ scrape_configs: jobs }) },
      ];
      const out = resolve(opts.out);
      try {
        mkdirSync(out, { recursive: true });
        for (const f of files) writeFileSync(join(out, f.path), f.content);
      } catch (err) {
        process.stderr.write(t(lang, "probes.write-failed", { dir: out, message: (err as Error).message }) + "\n");
        process.exitCode = ExitCode.badInput;
        return;
      }
      if (opts.format === "json") process.stdout.write(JSON.stringify({ file, out, files: files.map((f) => f.path), targets }, null, 2) + "\n");
      else process.stdout.write(t(lang, "probes.written", { dir: out, files: files.length, jobs: jobs.length, targets: targets.length }) + "\n");
    });
}
