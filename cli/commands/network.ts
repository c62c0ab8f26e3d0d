// `spbe network render <inventory> --device <id>`: what `pulumi up` would configure on one network
// device, as named parts (`nft-nat`: the edge gateway's public addresses, infra/nat), for review before
// the stack applies them or to apply by hand (`... --part nft-nat | ssh root@gw sh`). Each part is a
// pure renderer over the inventory; a device with none of the asked parts is bad input (exit 2).
import type { Command } from "commander";
import { Option } from "commander";
import { t } from "../../i18n";
import { renderPublicNat } from "../../infra/nat";
import type { Inventory } from "../../inventory/schema";
import { ExitCode, formatOption, langOf, langOption, loadForCommand } from "../context";

interface RenderedPart {
  name: string;
  /** What to apply (a shell script for nft-nat). */
  text: string;
  /** Part-specific data for --format json. */
  data?: unknown;
}

/** Every part a device can have, in the order they are printed. */
const PARTS: { name: string; render: (inv: Inventory, device: string) => RenderedPart | undefined }[] = [
  {
    name: "nft-nat",
    render: (inv, device) => {
      const cfg = renderPublicNat(inv);
      if (!cfg || cfg.gateway !== device) return undefined;
      return { name: "nft-nat", text: cfg.script, data: { sha256: cfg.sha256, rollback: cfg.rollback, plan: cfg.plan } };
    },
  },
];

export function registerNetwork(program: Command): void {
  const network = program.command("network").description("configuration of the network devices / konfigurasi perangkat jaringan");
  network
    .command("render")
    .description("print what the stack configures on a device, by part; exit 2 on bad input / cetak konfigurasi perangkat per bagian")
    .argument("<inventory>", "inventory YAML file")
    .requiredOption("--device <id>", "device id (devices[].id)")
    .addOption(new Option("--part <name...>", "only these parts").choices(PARTS.map((p) => p.name)))
    .addOption(formatOption())
    .addOption(langOption())
    .action((file: string, opts: { device: string; part?: string[]; format: string; lang?: string }) => {
      const lang = langOf(opts);
      const { inventory } = loadForCommand(file, opts);
      if (!inventory) return; // inventory errors printed, exit code 2 set
      if (!inventory.devices.some((d) => d.id === opts.device)) {
        process.stderr.write(t(lang, "network.device-unknown", { file, device: opts.device }) + "\n");
        process.exitCode = ExitCode.badInput;
        return;
      }
      const asked = PARTS.filter((p) => !opts.part || opts.part.includes(p.name));
      const parts = asked.map((p) => p.render(inventory, opts.device)).filter((p): p is RenderedPart => p !== undefined);
      if (parts.length === 0) {
        const known = PARTS.map((p) => p.render(inventory, opts.device)).filter(Boolean).map((p) => p!.name);
        process.stderr.write(t(lang, "network.device-no-part", { file, device: opts.device, parts: asked.map((p) => p.name).join(", "), known: known.join(", ") || "-" }) + "\n");
        process.exitCode = ExitCode.badInput;
        return;
      }
      if (opts.format === "json") {
        process.stdout.write(JSON.stringify({ file, device: opts.device, parts: parts.map((p) => ({ name: p.name, text: p.text, ...(p.data ? { data: p.data } : {}) })) }, null, 2) + "\n");
      } else if (parts.length === 1) {
        process.stdout.write(parts[0]!.text); // pipeable as it is
      } else {
        for (const p of parts) process.stdout.write(`# ===== part ${p.name} (${opts.device}) =====\n${p.text}\n`);
      }
    });
}
