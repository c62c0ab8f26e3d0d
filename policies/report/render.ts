// One entry point for every report format; the CLI writes what this returns.
import type { Lang, Report } from "../types";
import { renderCsv } from "./csv";
import { renderHtml } from "./html";
import { renderMarkdown } from "./markdown";

export const REPORT_FORMATS = ["html", "md", "json", "csv", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderText(report: Report, format: Exclude<ReportFormat, "pdf">, lang: Lang): string {
  switch (format) {
    case "html":
      return renderHtml(report, lang);
    case "md":
      return renderMarkdown(report, lang);
    case "csv":
      return renderCsv(report, lang);
    case "json":
      return JSON.stringify(report, null, 2) + "\n";
  }
}

export async function renderReport(report: Report, format: ReportFormat, lang: Lang): Promise<Buffer> {
  if (format === "pdf") {
    // Loaded only for PDFs: playwright-core is not needed by any other format (nor by spbe check).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderPdf } = require("./pdf") as typeof import("./pdf");
    return renderPdf(renderHtml(report, lang));
  }
  return Buffer.from(renderText(report, format, lang), "utf8");
}
