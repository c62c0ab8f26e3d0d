// `spbe network render <inventory> --device X [--part name]`: every configuration the program applies
// to one network device (its FRR routing, the edge gateway's public-address nftables script: the parts
// in infra/network/parts.ts), for review before `pulumi up` or to apply by hand. With one --part the
// part's text is printed as it is, so it pipes (`--part nft-nat | ssh root@gw sh`).
import type { Command } from "commander";
import { Option } from "commander";
import { t } from "../../i18n";
import { DEVICE_PARTS, renderDeviceParts } from "../../infra/network/parts";
import { ExitCode, formatOption, langOf, langOption, loadForCommand } from "../context";

export function configureNetwork(network: Command): void {
  network
    .command("render")
    .description("print every configuration part the program applies to a device (frr, nft-nat); exit 2 on bad input / cetak setiap bagian konfigurasi perangkat")
    .argument("<inventory>", "inventory YAML file")
    .requiredOption("--device <device>", "device id (devices[].id)")
    .addOption(new Option("--part <name...>", "only these parts; one part is printed bare, to pipe").choices(DEVICE_PARTS.map((p) => p.name)))
    .addOption(formatOption())
    .addOption(langOption())
    .action((file: string, opts: { device: string; part?: string[]; format: string; lang?: string }) => {
      const lang = langOf(opts);
      // The routing and NAT planners' refusals are validation's findings: they come with file:line:column here.
      const { inventory } = loadForCommand(file, opts, true);
      if (!inventory) return; // inventory errors printed, exit code 2 set
      const refuse = (code: "network.unknown-device" | "network.nothing") => {
        const message = t(lang, code, { device: opts.device, parts: (opts.part ?? DEVICE_PARTS.map((p) => p.name)).join(", ") });
        if (opts.format === "json") process.stdout.write(JSON.stringify({ file, device: opts.device, valid: false, message }, null, 2) + "\n");
        else process.stderr.write(`${file} ${t(lang, "cli.error")}: ${message}\n`);
        process.exitCode = ExitCode.badInput;
      };
      if (!inventory.devices.some((d) => d.id === opts.device)) return refuse("network.unknown-device");
      const parts = renderDeviceParts(inventory, opts.device, file, opts.part);
      if (parts.length === 0) return refuse("network.nothing");
      if (opts.format === "json") process.stdout.write(JSON.stringify({ file, device: opts.device, parts }, null, 2) + "\n");
      else if (opts.part?.length === 1) process.stdout.write(parts[0]!.text);
      else process.stdout.write(parts.map((p) => `==> ${p.name}: ${p.path} <==\n${p.text}`).join("\n"));
    });
}
