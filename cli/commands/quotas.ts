// `spbe quotas render <inventory> --gateway <device>`: the gateway script the BandwidthQuota
// component applies, for review before `pulumi up` (or to apply by hand on a gateway outside Pulumi).
import type { Command } from "commander";
import { Option } from "commander";
import { t, type Lang, type MessageCode } from "../../i18n";
import { QUOTA_BACKENDS, QuotaConfigError, renderChecks, renderGatewayConfig, type BackendName, type QuotaProblem } from "../../infra/quota";
import { renderResponsePolicyZone } from "../../infra/planning/site-control";
import { ExitCode, formatOption, langOf, langOption, loadForCommand } from "../context";

function problemText(p: QuotaProblem, lang: Lang): string {
  return t(lang, p.code as MessageCode, p.params);
}

export function configureQuotas(quotas: Command): void {
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
        // Linux: what BandwidthQuota runs, the shaping script and the install of the per-OPD counters its
        // snmpd reports (so `| ssh root@gw sh` by hand gives the collector its quota series too).
        // RouterOS: the script as an .rsc file for /import (the apply command is the same on one line).
        else process.stdout.write(cfg.counters ? cfg.apply : cfg.script);
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
  quotas
    .command("site-control")
    .description("print the resolver's response policy zone (RPZ) that blocks bandwidth.siteControl's sites, and the named.conf lines that load it / cetak zona RPZ pemblokir situs")
    .argument("<inventory>", "inventory YAML file")
    .option("--serial <n>", "SOA serial (default today's YYYYMMDD00)")
    .addOption(formatOption())
    .addOption(langOption())
    .action((file: string, opts: { serial?: string; format: string; lang?: string }) => {
      const lang = langOf(opts);
      const { inventory } = loadForCommand(file, opts);
      if (!inventory) return;
      const serial = opts.serial !== undefined ? Number(opts.serial) : Number(new Date().toISOString().slice(0, 10).replace(/-/g, "") + "00");
      if (!Number.isInteger(serial) || serial < 0 || serial > 4294967295) {
        process.stderr.write(t(lang, "quotas.bad-serial", { value: opts.serial ?? "" }) + "\n");
        process.exitCode = ExitCode.badInput;
        return;
      }
      const rpz = renderResponsePolicyZone(inventory, { serial });
      if (!rpz) {
        process.stderr.write(t(lang, "quotas.no-dns-site-control", { file }) + "\n");
        process.exitCode = ExitCode.failed;
        return;
      }
      if (opts.format === "json") process.stdout.write(JSON.stringify({ file, ...rpz }, null, 2) + "\n");
      else process.stdout.write(`${rpz.text}\n; named.conf:\n${rpz.namedConf.split("\n").map((l) => (l ? `; ${l}` : "")).join("\n")}\n`);
    });
}
