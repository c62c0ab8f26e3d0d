// `spbe import netbox <inventory>`: sites, racks, devices, interfaces, cables, prefixes and addresses
// from NetBox (its REST API: NETBOX_URL and NETBOX_TOKEN from the environment; or its answers saved
// to files, --from <dir>) merged into an inventory, typically the one `spbe init` just wrote. What
// NetBox holds but the inventory has no place for is listed, one line each, never dropped silently.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { parse, stringify } from "yaml";
import { t } from "../../i18n";
import { diagnosticJson, renderDiagnostic } from "../../inventory/diagnostics";
import { loadInventoryText } from "../../inventory/load";
import { netboxToInventory } from "../../import/netbox/convert";
import { fetchAnswers, NetboxSourceError, readSavedAnswers } from "../../import/netbox/source";
import { ExitCode, formatOption, langOf, langOption, UsageError } from "../context";
import { writeFileWhole } from "../output-files";

interface ImportOptions {
  from?: string;
  out?: string;
  format: string;
  lang?: string;
}

export function configureImport(importCmd: Command): void {
  importCmd
    .command("netbox")
    .description("merge sites, racks, devices, cables, prefixes and addresses from NetBox into an inventory / gabungkan data NetBox ke inventaris")
    .argument("<inventory>", "the inventory YAML to merge into (e.g. written by spbe init)")
    .option("--from <dir>", "saved NetBox API answers (dcim-sites.json, ...; see README) instead of NETBOX_URL/NETBOX_TOKEN")
    .option("--out <file>", "write the merged inventory here (default: standard output)")
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (file: string, opts: ImportOptions) => {
      const lang = langOf(opts);
      const url = process.env.NETBOX_URL;
      const token = process.env.NETBOX_TOKEN;
      if (opts.from === undefined && !(url && token)) throw new UsageError(t(lang, "netbox.no-source"));
      const text = readFileSync(file, "utf8");
      let answers;
      try {
        answers = opts.from !== undefined ? readSavedAnswers(opts.from) : await fetchAnswers(url!, token!);
      } catch (err) {
        if (!(err instanceof NetboxSourceError)) throw err;
        process.stderr.write(`spbe import netbox: ${t(lang, err.code, err.params)}\n`);
        process.exitCode = opts.from !== undefined ? ExitCode.badInput : ExitCode.failed;
        return;
      }

      const result = netboxToInventory(parse(text) as Record<string, unknown>, answers);
      // The inventory's leading comments (the schema line spbe init writes) stay at the top.
      const header = text.split("\n").filter((l, i, all) => l.startsWith("#") && all.slice(0, i).every((p) => p.startsWith("#")));
      const merged = `${header.join("\n")}${header.length ? "\n" : ""}${stringify(result.document, { lineWidth: 0 })}`;
      const unmapped = result.unmapped.map((u) => t(lang, "netbox.unmapped", { kind: u.kind, name: u.name, id: u.id, reason: t(lang, u.code, u.params) }));
      const target = opts.out ?? "<stdout>";
      const { diagnostics } = loadInventoryText(merged, target);
      const errors = diagnostics.filter((d) => d.severity === "error");

      if (opts.format === "json") {
        process.stdout.write(JSON.stringify({ file: target, written: errors.length === 0 && opts.out !== undefined, counts: result.counts, unmapped: result.unmapped.map((u, i) => ({ kind: u.kind, id: u.id, name: u.name, reason: unmapped[i] })), diagnostics: diagnostics.map((d) => diagnosticJson(d, lang)) }, null, 2) + "\n");
      } else {
        for (const line of unmapped) process.stderr.write(`spbe import netbox: ${line}\n`);
        for (const d of diagnostics) process.stderr.write(renderDiagnostic(d, lang) + "\n");
      }
      if (errors.length > 0) {
        process.exitCode = ExitCode.badInput;
        return;
      }
      if (opts.out !== undefined) writeFileWhole(opts.out, merged);
      else if (opts.format !== "json") process.stdout.write(merged);
      if (opts.format !== "json") process.stderr.write(`spbe import netbox: ${t(lang, "netbox.summary", { file: target, ...result.counts, unmapped: result.unmapped.length })}\n`);
    });
}
