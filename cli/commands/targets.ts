// `spbe targets <inventory>`: the devices the collector polls, in Prometheus' file_sd format (the
// same groups /sd/targets serves as http_sd), for scrapers that read a file: vmagent members in
// cluster mode, a Prometheus. The file lists management addresses' devices: keep it off public paths.
import * as fs from "node:fs";
import type { Command } from "commander";
import { sdTargetGroups } from "../../collectors/scrape-sd";
import { planTargets } from "../../collectors/targets";
import { langOption, loadForCommand, UsageError } from "../context";

export function configureTargets(command: Command): void {
  command
    .argument("<inventory>", "inventory YAML file")
    .option("--format <format>", "file_sd (a JSON list of {targets, labels})", "file_sd")
    .option("--interval <seconds>", "one poll interval for every role (default: per role, 15-60 s) / satu interval untuk semua peran")
    .option("--out <file>", "write here instead of stdout (replaced in one rename: scrapers never read half a file) / tulis ke berkas")
    .addOption(langOption())
    .action((file: string, opts: { format: string; interval?: string; out?: string; lang?: string }) => {
      if (opts.format !== "file_sd") throw new UsageError(`--format must be file_sd, not "${opts.format}"`);
      const interval = opts.interval === undefined ? undefined : Number(opts.interval);
      if (interval !== undefined && (!Number.isInteger(interval) || interval < 1)) throw new UsageError(`--interval must be an integer >= 1, not "${opts.interval}"`);
      const { inventory } = loadForCommand(file, opts);
      if (!inventory) return;
      const groups = sdTargetGroups(planTargets(inventory, { intervalSeconds: interval }).targets, inventory.meta.kabupaten);
      const text = JSON.stringify(groups, null, 2) + "\n";
      if (!opts.out) return void process.stdout.write(text);
      const tmp = `${opts.out}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, opts.out);
    });
}
