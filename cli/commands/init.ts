// `spbe init [file]`: writes a starter inventory that validates. Every answer can be given as a flag;
// at a terminal the missing ones are asked, elsewhere (a script, CI) a missing one is exit 2.
import { existsSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { Option, type Command } from "commander";
import { t, type Lang } from "../../i18n";
import { formatPath, renderDiagnostic } from "../../inventory/diagnostics";
import { loadInventoryText } from "../../inventory/load";
import { PROFILES, type Profile } from "../../inventory/schema";
import { STARTER_PATHS, starterInventory, type StarterAnswers } from "../../inventory/starter";
import { buildFromSheets } from "../../import/sheets/build";
import { cellName } from "../../import/sheets/convert";
import { SHEETS } from "../../import/sheets/columns";
import { readSheetDir } from "../../import/sheets/read";
import { ExitCode, formatOption, langOf, langOption, UsageError } from "../context";

interface InitOptions {
  kabupaten?: string;
  domain?: string;
  profile?: string[];
  dinas: string;
  dinasName: string;
  block?: string[];
  force?: boolean;
  from?: string;
  format: string;
  lang?: string;
}

const FLAGS: Record<keyof typeof STARTER_PATHS, string> = {
  kabupaten: "--kabupaten",
  domain: "--domain",
  profiles: "--profile",
  dinas: "--dinas",
  blocks: "--block",
};

const SCHEMA_FILE = resolve(__dirname, "..", "..", "docs", "inventory.schema.json");
const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(",").map((s) => s.trim()).filter(Boolean)];

export function configureInit(command: Command): void {
  command
    .argument("[file]", "inventory YAML file to write", "inventory.yaml")
    .option("--kabupaten <name>", "name of the kabupaten / nama kabupaten")
    .option("--domain <domain>", "domain of the kabupaten / domain kabupaten")
    .addOption(new Option("--profile <profile>", `Perda profile (${PROFILES.join(", ")}), repeatable / profil Perda`).argParser(collect))
    .option("--dinas <code>", "OPD code of the Dinas Kominfo / kode OPD Dinas", "diskominfo")
    .option("--dinas-name <name>", "name of the Dinas / nama Dinas", "Dinas Komunikasi dan Informatika")
    .addOption(new Option("--block <cidr>", "public IP block, repeatable / blok IP publik").argParser(collect))
    .option("--force", "overwrite an existing file / timpa file yang ada")
    .option("--from <dir>", "build the whole inventory from CSV/XLSX sheets in <dir> (docs/import.md) / bangun dari lembar CSV/XLSX")
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (file: string, opts: InitOptions) => {
      const lang = langOf(opts);
      if (existsSync(file) && !opts.force) throw new UsageError(t(lang, "init.exists", { file }));
      const answers = await gather(opts, lang, file);
      const text = starterInventory(answers);
      const problems = answerProblems(text, lang);
      if (problems.length === 0 && opts.from !== undefined) return initFromSheets(file, text, opts.from, opts, lang);
      if (problems.length > 0) {
        for (const line of problems) process.stderr.write(`spbe init: ${line}\n`);
        process.exitCode = ExitCode.badInput;
        return;
      }
      writeFileSync(file, text);
      if (opts.format === "json") process.stdout.write(JSON.stringify({ file, written: true, valid: true }) + "\n");
      else process.stdout.write(t(lang, "init.written", { file }) + "\n");
    });
}

/** The answers from the flags, the missing ones asked at a terminal (or a usage error without one). */
async function gather(opts: InitOptions, lang: Lang, file: string): Promise<StarterAnswers> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const ask = async (flag: string, question: string, fallback?: string): Promise<string> => {
    if (!rl) {
      if (fallback !== undefined) return fallback;
      throw new UsageError(t(lang, "init.missing", { flag }));
    }
    const answer = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ""}: `)).trim();
    return answer || fallback || "";
  };
  try {
    const kabupaten = opts.kabupaten ?? (await ask(FLAGS.kabupaten, t(lang, "init.ask-kabupaten")));
    const domain = opts.domain ?? (await ask(FLAGS.domain, t(lang, "init.ask-domain")));
    const profiles = opts.profile ?? collect(await ask(FLAGS.profiles, t(lang, "init.ask-profiles", { choices: PROFILES.join(", ") })));
    const blocks = opts.block ?? (rl ? collect(await ask(FLAGS.blocks, t(lang, "init.ask-blocks"), "")) : []);
    const dinas = rl && opts.dinas === "diskominfo" ? await ask(FLAGS.dinas, t(lang, "init.ask-dinas"), opts.dinas) : opts.dinas;
    // The schema named relative to the new file, so the editor finds it wherever the file is written.
    const schemaRef = relative(dirname(resolve(file)), SCHEMA_FILE);
    return { kabupaten, domain, profiles: profiles as Profile[], dinas, dinasName: opts.dinasName, blocks, schemaRef };
  } finally {
    rl?.close();
  }
}

/** `--from <dir>`: the starter filled from the sheets; every bad cell at once as `sheet!B12: ...`, exit 2. */
async function initFromSheets(file: string, starter: string, dir: string, opts: InitOptions, lang: Lang): Promise<void> {
  const { tables, problems } = await readSheetDir(dir);
  const lines = problems.map((p) => t(lang, "import.unreadable", { file: p.file, reason: p.reason }));
  if (tables.length === 0 && problems.length === 0) lines.push(t(lang, "import.no-sheets", { dir, known: SHEETS.map((s) => `${s.name}.csv`).join(", ") }));
  const build = buildFromSheets(starter, tables, file, lang);
  for (const f of build.findings) {
    const where = f.where ? cellName(f.where) : renderDiagnostic(f.diagnostic!, lang);
    const line = f.where ? t(lang, "import.cell", { where, message: f.message }) : where;
    if (f.severity === "error") lines.push(line);
    else process.stderr.write(`spbe init: ${line}\n`);
  }
  if (lines.length > 0) {
    for (const line of lines) process.stderr.write(`spbe init: ${line}\n`);
    process.stderr.write(`spbe init: ${t(lang, "import.errors", { count: lines.length })}\n`);
    if (opts.format === "json") process.stdout.write(JSON.stringify({ file, written: false, valid: false, errors: lines }) + "\n");
    process.exitCode = ExitCode.badInput;
    return;
  }
  writeFileSync(file, build.text);
  if (opts.format === "json") process.stdout.write(JSON.stringify({ file, written: true, valid: true, sheets: tables.map((t) => t.source) }) + "\n");
  else process.stdout.write(t(lang, "import.written", { file, sheets: tables.length }) + "\n");
}

/** The starter's own validation, each problem named by the flag that gave the value. */
function answerProblems(text: string, lang: Lang): string[] {
  const { diagnostics } = loadInventoryText(text, "<init>");
  return diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => {
      const path = formatPath(d.path);
      const key = (Object.keys(STARTER_PATHS) as (keyof typeof STARTER_PATHS)[]).find((k) => path.startsWith(STARTER_PATHS[k]));
      const flag = key ? FLAGS[key] : path.startsWith("opds") || path.startsWith("sites") ? FLAGS.dinas : undefined;
      const message = renderDiagnostic(d, lang).split(`${path}: `).slice(1).join(`${path}: `);
      return flag ? t(lang, "init.bad-answer", { flag, message }) : renderDiagnostic(d, lang);
    });
}
