// The provincial report in the formats `spbe report` speaks (html, md, json, csv, pdf) plus `prom`:
// every kabupaten's compliance gauges with its `kabupaten` label, for the central store.
import type { Lang, Report } from "../types";
import { complianceMetricsOfMany } from "../compliance-metrics";
import { LABEL_KABUPATEN } from "../metric-names";
import { escapeHtml } from "../report/html";
import { REPORT_FORMATS } from "../report/render";
import type { ProvinceReport } from "./model";
import { provinceContent, type ProvinceTable } from "./sections";

export const PROVINCE_FORMATS = [...REPORT_FORMATS, "prom"] as const;
export type ProvinceFormat = (typeof PROVINCE_FORMATS)[number];

const mdCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const mdTable = (t: ProvinceTable) =>
  [`| ${t.headers.map(mdCell).join(" | ")} |`, `| ${t.headers.map(() => "---").join(" | ")} |`, ...t.rows.map((r) => `| ${r.map(mdCell).join(" | ")} |`)].join("\n");

export function renderProvinceMarkdown(report: ProvinceReport, lang: Lang): string {
  const c = provinceContent(report, lang);
  return [
    `# ${c.title}`,
    "",
    ...c.meta.flatMap((m) => [m, ""]),
    `**${c.overall}**`,
    "",
    c.note,
    "",
    `## ${c.kabupaten.title}`,
    "",
    mdTable(c.kabupaten),
    "",
    `## ${c.profiles.title}`,
    "",
    ...c.profiles.lines.map((l) => `- ${l}`),
    "",
    `## ${c.trend.title}`,
    "",
    ...c.trend.lines.map((l) => `- ${l}`),
    "",
    `## ${c.opds.title}`,
    "",
    mdTable(c.opds),
    "",
  ].join("\n");
}

const CSS = `body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #222; margin: 0 auto; max-width: 1100px; padding: 12px; }
h1 { font-size: 17pt; } h2 { font-size: 13pt; border-bottom: 2px solid #1a4f8b; padding-bottom: 2px; margin-top: 22px; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; } th { background: #e8eef6; } td.num { text-align: right; }
.meta { color: #555; } .overall { font-weight: bold; }`;

function htmlTable(t: ProvinceTable): string {
  const th = t.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const rows = t.rows.map((r) => `<tr>${r.map((c, i) => `<td${t.numeric.includes(i) ? ' class="num"' : ""}>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

export function renderProvinceHtml(report: ProvinceReport, lang: Lang): string {
  const c = provinceContent(report, lang);
  const list = (lines: string[]) => `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`;
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(c.title)}</title><style>${CSS}</style></head><body>
<h1>${escapeHtml(c.title)}</h1>
${c.meta.map((m) => `<p class="meta">${escapeHtml(m)}</p>`).join("\n")}
<p class="overall">${escapeHtml(c.overall)}</p><p class="meta">${escapeHtml(c.note)}</p>
<h2 id="kabupaten">${escapeHtml(c.kabupaten.title)}</h2>
${htmlTable(c.kabupaten)}
<h2 id="profiles">${escapeHtml(c.profiles.title)}</h2>
${list(c.profiles.lines)}
<h2 id="trend">${escapeHtml(c.trend.title)}</h2>
${list(c.trend.lines)}
<h2 id="opds">${escapeHtml(c.opds.title)}</h2>
${htmlTable(c.opds)}
</body></html>
`;
}

const csvQuote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row per OPD (the finest grain), with its kabupaten's rank, profile and score beside it. */
export function renderProvinceCsv(report: ProvinceReport, lang: Lang): string {
  const c = provinceContent(report, lang);
  const byDomain = new Map(report.kabupaten.map((k) => [k.domain, k]));
  const header = ["kabupaten_rank", ...c.opds.headers, "domain", "profiles", "kabupaten_score"];
  const rows = report.opds.map((o, i) => {
    const k = byDomain.get(o.domain)!;
    return [String(k.rank), ...c.opds.rows[i]!, o.domain, k.profiles.join(" "), String(k.score)];
  });
  return [header, ...rows].map((r) => r.map(csvQuote).join(",")).join("\r\n") + "\r\n";
}

/** The current report of every kabupaten as compliance gauges, each series labelled with its kabupaten (domain). */
export function renderProvinceMetrics(current: readonly Report[]): string {
  return complianceMetricsOfMany(current.map((report) => ({ report, labels: { [LABEL_KABUPATEN]: report.domain } })));
}

export function renderProvinceText(report: ProvinceReport, current: readonly Report[], format: Exclude<ProvinceFormat, "pdf">, lang: Lang): string {
  switch (format) {
    case "html":
      return renderProvinceHtml(report, lang);
    case "md":
      return renderProvinceMarkdown(report, lang);
    case "csv":
      return renderProvinceCsv(report, lang);
    case "json":
      return JSON.stringify(report, null, 2) + "\n";
    case "prom":
      return renderProvinceMetrics(current);
  }
}

export async function renderProvince(report: ProvinceReport, current: readonly Report[], format: ProvinceFormat, lang: Lang): Promise<Buffer> {
  if (format === "pdf") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderPdf } = require("../report/pdf") as typeof import("../report/pdf");
    return renderPdf(renderProvinceHtml(report, lang));
  }
  return Buffer.from(renderProvinceText(report, current, format, lang), "utf8");
}
