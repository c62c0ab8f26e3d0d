// `spbe quotas render <inventory> --gateway <device>`: the gateway script the BandwidthQuota
// component applies, for review before `pulumi up` (or to apply by hand on a gateway outside Pulumi).
import type { Command } from "commander";
import { Option } from "commander";
import { t, type Lang, type MessageCode } from "../../i18n";
import { QUOTA_BACKENDS, QuotaConfigError, renderChecks, renderGatewayConfig, type BackendName, type QuotaProblem } from "../../infra/quota";
import { ExitCode, formatOption, langOf, langOption, loadForCommand } from "../context";

function problemText(p: QuotaProblem, lang: Lang): string {
  return t(lang, p.code as MessageCode, p.params);
}

export function registerQuotas(program: Command): void {
  const quotas = program.command("quotas").description("bandwidth quotas per OPD on the gateway / kuota bandwidth per OPD pada gateway");
  quotas
    .command("render")
    .description("print the gateway configuration for the inventory's quotas; exit 2 on bad input / cetak konfigurasi gateway")
    .argument("<inventory>", "inventory YAML file")
    .option("--gateway <device>", "device id of the shaping gateway (default: bandwidth.gateway.device)")
    .addOption(new Option("--backend <backend>", "configuration backend (default: the one of bandwidth.gateway.kind; a backend of another kind is refused)").choices(Object.keys(QUOTA_BACKENDS)))
    .addOption(formatOption())
    .addOption(langOption())
    .action((file: string, opts: { gateway?: string; backend?: BackendName; format: string; lang?: string }) => {
      const lang = langOf(opts);
      // The backend's and --gateway's checks run with validation, so they come with file:line:column.
      const { inventory } = loadForCommand(file, opts, false, (inv) => renderChecks(inv, { gateway: opts.gateway, backend: opts.backend }));
      if (!inventory) return; // inventory errors printed, exit code 2 set
      try {
        const cfg = renderGatewayConfig(inventory, { gateway: opts.gateway, backend: opts.backend });
        if (opts.format === "json") process.stdout.write(JSON.stringify({ file, ...cfg }, null, 2) + "\n");
        else process.stdout.write(cfg.script);
      } catch (e) {
        if (!(e instanceof QuotaConfigError)) throw e;
        if (opts.format === "json") {
          const problems = e.problems.map((p) => ({ severity: "error", code: p.code, params: p.params, message: problemText(p, lang) }));
          process.stdout.write(JSON.stringify({ file, valid: false, problems }, null, 2) + "\n");
        } else {
          for (const p of e.problems) process.stderr.write(`${file} ${t(lang, "cli.error")}: ${problemText(p, lang)}\n`);
          process.stderr.write(t(lang, "quotas.refused", { file, errors: e.problems.length }) + "\n");
        }
        process.exitCode = ExitCode.badInput;
      }
    });
}
