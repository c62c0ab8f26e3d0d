// spbe report --province <dir>: every kabupaten's inventory (evaluated under its own Perda profile)
// or report JSON in the directory, ranked side by side (policies/province/). Every unusable file is
// named at once (inventory diagnostics with file:line:column), exit code 2, nothing written.
import { t, type Lang } from "../../i18n";
import { InputFileError } from "../../facts/json-file";
import { renderDiagnostic } from "../../inventory/diagnostics";
import { aggregateProvince, currentReports, DuplicateEvaluationError } from "../../policies/province/aggregate";
import { loadProvince } from "../../policies/province/load";
import { renderProvince, type ProvinceFormat } from "../../policies/province/render";
import { CHROMIUM_PATH } from "../../policies/report/chromium";
import { ExitCode, UsageError } from "../context";
import { writeFileWhole } from "../output-files";

export interface ProvinceReportRequest {
  dir: string;
  asOf: Date;
  format: ProvinceFormat;
  reportLang: Lang;
  messageLang: Lang;
  out?: string;
}

/** Options of the single-kabupaten report that have no meaning over a directory. */
export function refuseWithProvince(given: Record<string, unknown>, lang: Lang): void {
  const clash = Object.entries(given).find(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (clash) throw new UsageError(t(lang, "province.usage", { option: clash[0] }));
}

function fail(message: string, lang: Lang): void {
  process.stderr.write(`spbe: ${t(lang, "report.input-error", { message })}\n`);
  process.exitCode = ExitCode.badInput;
}

export async function runProvinceReport(req: ProvinceReportRequest): Promise<void> {
  const lang = req.messageLang;
  let load: ReturnType<typeof loadProvince>;
  try {
    load = loadProvince(req.dir, req.asOf);
  } catch (err) {
    if (!(err instanceof InputFileError)) throw err;
    return fail(err.message, lang);
  }
  for (const d of load.diagnostics) process.stderr.write(renderDiagnostic(d, lang) + "\n");
  const badInventories = new Set(load.diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
  for (const e of load.errors) process.stderr.write(`spbe: ${e.message}\n`);
  const unusable = badInventories.size + load.errors.length;
  if (unusable > 0) {
    process.stderr.write(`spbe: ${t(lang, "province.invalid-inputs", { count: unusable })}\n`);
    process.exitCode = ExitCode.badInput;
    return;
  }
  let report: ReturnType<typeof aggregateProvince>;
  try {
    report = aggregateProvince(load.reports);
  } catch (err) {
    if (!(err instanceof DuplicateEvaluationError)) throw err;
    return fail(err.message, lang);
  }
  if (req.format === "pdf") process.stderr.write(t(lang, "report.rendering-pdf", { browser: CHROMIUM_PATH }) + "\n");
  let bytes: Buffer;
  try {
    bytes = await renderProvince(report, currentReports(load.reports), req.format, req.reportLang);
  } catch (err) {
    process.stderr.write(`spbe: ${t(lang, "report.pdf-failed", { message: (err as Error).message.split("\n")[0]! })}\n`);
    process.exitCode = ExitCode.failed;
    return;
  }
  if (!req.out) {
    process.stdout.write(bytes);
    return;
  }
  writeFileWhole(req.out, bytes, lang);
  process.stderr.write(t(lang, "province.written", { file: req.out, format: req.format, kabupaten: report.kabupaten.length }) + "\n");
}
