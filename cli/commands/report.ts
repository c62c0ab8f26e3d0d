// spbe report <inventory> [--facts f]... [--max-fact-age h] [--previous report.json] --format html|md|json|csv|pdf
// spbe report --province <dir> --format html|md|json|csv|pdf|prom (report-province.ts)
//   --lang id|en (default id: the Dewan TIK reads Indonesian) [--as-of YYYY-MM-DD] [--out file]
// Everything is read and rendered before anything is written, and --out is written to a temporary
// file then renamed: a bad input or a failed PDF never leaves a partial report behind.
import { Command, InvalidArgumentError, Option } from "commander";
import { t, type Lang } from "../../i18n";
import { DEFAULT_MAX_FACT_AGE_HOURS } from "../../facts/freshness";
import { mergeFacts } from "../../facts/merge";
import type { ObservedFacts } from "../../facts/schema";
import { evaluate } from "../../policies";
import { renderDiagnostic } from "../../inventory/diagnostics";
import { locateDiagnostics } from "../../inventory/load";
import { InputFileError } from "../../facts/json-file";
import type { PreviousReport } from "../../policies/report/previous";
import { CHROMIUM_PATH } from "../../policies/report/chromium";
import { renderReport, type ReportFormat } from "../../policies/report/render";
import { PROVINCE_FORMATS, type ProvinceFormat } from "../../policies/province/render";
import { ExitCode, langOf, langOption, loadForCommand, UsageError } from "../context";
import { writeFileWhole } from "../output-files";
import { historyOptions, historyRequest, withHistory, type HistoryCliOptions } from "../history-options";

/** --as-of YYYY-MM-DD as a UTC date; default today. */
export function parseAsOf(value: string | undefined, lang: Lang, now: Date = new Date()): Date {
  if (value === undefined) return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new UsageError(t(lang, "report.bad-date", { value }));
  }
  return d;
}

export const asOfOption = () => new Option("--as-of <date>", "evaluation date YYYY-MM-DD (default today) / tanggal evaluasi");
export const factsOption = () =>
  new Option("--facts <file>", "observed facts (spbe-observed-facts/2 JSON from spbe observe / the collectors); repeat to merge several / fakta teramati").argParser(
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );
export const maxFactAgeOption = () =>
  new Option("--max-fact-age <hours>", `facts observed longer ago are listed as stale, not judged by / batas umur fakta (default ${DEFAULT_MAX_FACT_AGE_HOURS})`).argParser((value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`must be a positive number of hours, not "${value}"`);
    return n;
  });

/** Reads and merges the facts files, or prints the error naming the file and sets exit code 2. */
export function readFactsForCommand(files: string[] | undefined, lang: Lang): { ok: boolean; facts?: ObservedFacts } {
  if (!files?.length) return { ok: true };
  try {
    // Required here, not at start-up: the facts schema (zod) only for a report that reads facts.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadFactsFile } = require("../../facts/load") as typeof import("../../facts/load");
    const documents = files.map((f) => loadFactsFile(f));
    return { ok: true, facts: documents.length === 1 ? documents[0]! : mergeFacts(documents) };
  } catch (err) {
    if (!(err instanceof InputFileError)) throw err;
    process.stderr.write(`spbe: ${t(lang, "report.input-error", { message: err.message })}\n`);
    process.exitCode = ExitCode.badInput;
    return { ok: false };
  }
}

interface ReportOpts extends HistoryCliOptions {
  facts?: string[];
  maxFactAge?: number;
  previous?: string[];
  format: ProvinceFormat;
  province?: string;
  lang?: string;
  asOf?: string;
  out?: string;
  number?: string;
}

export function configureReport(command: Command): void {
  command
    .argument("[inventory]", "inventory YAML file (or --province <dir>)")
    .addOption(new Option("--province <dir>", "provincial report: rank the kabupaten/kota of a directory of inventories (each under its own Perda) or report JSONs, with the trend / laporan provinsi"))
    .addOption(factsOption())
    .addOption(maxFactAgeOption())
    .addOption(
      new Option("--previous <file>", "previous report (JSON): new, persisting, worsened and resolved findings; repeat for the per-OPD trend / laporan sebelumnya").argParser(
        (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
      ),
    )
    .addOption(new Option("--format <format>", "report format / format laporan").choices([...PROVINCE_FORMATS]).default("html"))
    .addOption(langOption())
    .addOption(asOfOption())
    .addOption(new Option("--number <number>", "the report's letter number, shown with its date and the addressee / nomor surat laporan"))
    .addOption(new Option("--out <file>", "write the report to this file (default stdout) / tulis ke berkas"));
  for (const o of historyOptions()) command.addOption(o);
  command.action(async (file: string | undefined, opts: ReportOpts) => {
      const messageLang = langOf(opts);
      const reportLang: Lang = opts.lang === "en" ? "en" : "id";
      const asOf = parseAsOf(opts.asOf, messageLang);
      if (opts.province !== undefined) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { refuseWithProvince, runProvinceReport } = require("./report-province") as typeof import("./report-province");
        refuseWithProvince({ "<inventory>": file, "--facts": opts.facts, "--previous": opts.previous, "--max-fact-age": opts.maxFactAge, "--number": opts.number, "--prometheus-url": opts.prometheusUrl, "--period": opts.period, "--from": opts.from, "--to": opts.to }, messageLang);
        return runProvinceReport({ dir: opts.province, asOf, format: opts.format, reportLang, messageLang, ...(opts.out ? { out: opts.out } : {}) });
      }
      if (file === undefined) throw new UsageError(t(messageLang, "province.need-input"));
      if (opts.format === "prom") throw new UsageError(t(messageLang, "province.prom-needs-province"));
      historyRequest(opts, messageLang);
      const { inventory } = loadForCommand(file, { lang: messageLang });
      if (!inventory) return;
      const read = readFactsForCommand(opts.facts, messageLang);
      if (!read.ok) return;
      const facts = await withHistory(read.facts, opts, messageLang);
      let previous: PreviousReport[] = [];
      // The previous reports' reader (zod) only when there are some.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const previousReports = () => require("../../policies/report/previous") as typeof import("../../policies/report/previous");
      try {
        previous = (opts.previous ?? []).map((f) => previousReports().loadPreviousReport(f));
      } catch (err) {
        if (!(err instanceof InputFileError)) throw err;
        process.stderr.write(`spbe: ${t(messageLang, "report.input-error", { message: err.message })}\n`);
        process.exitCode = ExitCode.badInput;
        return;
      }
      // The newest previous report dates the yearly evaluation's due date (bt-7-2019 Pasal 10 (1)).
      const previousAsOf = previous.map((p) => p.asOf).sort().at(-1);
      let report = evaluate(inventory, { asOf, ...(facts ? { facts } : {}), ...(opts.maxFactAge ? { maxFactAgeHours: opts.maxFactAge } : {}), ...(previousAsOf ? { previousAsOf } : {}), ...(opts.number ? { reportNumber: opts.number } : {}) });
      if (previous.length) report = previousReports().withChanges(report, previous);
      if (report.plausibility) {
        // Positions need the file again: the warnings depend on the evaluation date, known only now.
        const located = locateDiagnostics(file, report.plausibility);
        report = { ...report, plausibility: located };
        for (const d of located) process.stderr.write(renderDiagnostic(d, messageLang) + "\n");
      }
      let bytes: Buffer;
      if (opts.format === "pdf") process.stderr.write(t(messageLang, "report.rendering-pdf", { browser: CHROMIUM_PATH }) + "\n");
      try {
        bytes = await renderReport(report, opts.format as ReportFormat, reportLang);
      } catch (err) {
        process.stderr.write(`spbe: ${t(messageLang, "report.pdf-failed", { message: (err as Error).message.split("\n")[0]! })}\n`);
        process.exitCode = ExitCode.failed;
        return;
      }
      if (!opts.out) {
        process.stdout.write(bytes);
        return;
      }
      writeFileWhole(opts.out, bytes, messageLang);
      process.stderr.write(t(messageLang, "report.written", { file: opts.out, format: opts.format, findings: report.findings.length }) + "\n");
    });
}
