// The HTML report: one self-contained, print-ready page (inline CSS and SVG, no scripts, no network)
// that headless Chromium also turns into the PDF.
import type { Finding, FindingKey, Lang, Report } from "../types";
import { availabilityContent } from "./availability";
import { renderDiagnostic } from "../../inventory/diagnostics";
import { complianceChartSvg } from "./chart";
import { topologyLinkHeaders, topologyLinkRows, topologyUnknownHeaders, topologyUnknownRows } from "./topology";
import { coverageLines, indicatorLines, letterHead, obstructionLines, opdSummaryTable, sanctionLines, signoff, trendLines, verdictLines } from "./law-sections";
import { formatScore, opdName, pick, ruleIndex, scoreNote, severityLabel, statusLabel, subjectLabel, tr } from "./text";

const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIALS = /[&<>"']/g;
const HTML_ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML: one pass over the string, and none at all for the common text with nothing to escape. */
export const escapeHtml = (s: string | number) => {
  const text = String(s);
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (c) => HTML_ENTITY[c]!) : text;
};

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #222; margin: 0 auto; max-width: 1100px; padding: 12px; }
h1 { font-size: 17pt; margin: 0 0 4px; } h2 { font-size: 13pt; border-bottom: 2px solid #1a4f8b; padding-bottom: 2px; margin-top: 22px; }
h3 { font-size: 11pt; margin: 14px 0 4px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; } th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #e8eef6; } tr { page-break-inside: avoid; } td.num, th.num { text-align: right; }
.mandatory { color: #b71c1c; font-weight: bold; } .advisory { color: #8d6e00; }
.link-miswired, .link-missing { color: #b71c1c; font-weight: bold; }
.status-expired, .status-unsigned { color: #b71c1c; font-weight: bold; } .status-expiring { color: #8d6e00; font-weight: bold; }
.meta { color: #555; margin: 2px 0; } .overall { font-size: 12pt; font-weight: bold; }
.chart { margin: 8px 0; page-break-inside: avoid; } code { font-size: 9.5pt; }
@media print { body { max-width: none; padding: 0; } h2 { page-break-after: avoid; } }
`;

function table(headers: string[], rows: string[][], numeric: number[] = []): string {
  const th = headers.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ""}>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const sev = (lang: Lang, f: { severity: Finding["severity"] }) => `<span class="${f.severity}">${escapeHtml(severityLabel(lang, f.severity))}</span>`;

function keyLine(lang: Lang, report: Report, k: FindingKey): string {
  const rule = ruleIndex(report).get(k.rule);
  return `<li><code>${escapeHtml(k.rule)}</code> ${escapeHtml(rule ? pick(lang, rule.title) : "")}: ${escapeHtml(subjectLabel(lang, k.subject))} (${escapeHtml(k.opd)})</li>`;
}

export function renderHtml(report: Report, lang: Lang): string {
  const rules = ruleIndex(report);
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(tr(lang, "report.title", { kabupaten: report.kabupaten }))}</h1>`);
  const head = letterHead(report, lang);
  parts.push(`<p class="meta letter-number">${escapeHtml(head.number)}</p>`, `<p class="addressee">${escapeHtml(head.addressee)}</p>`);
  for (const p of report.profiles) parts.push(`<p class="meta">${escapeHtml(tr(lang, `report.framing.${p}`))}</p>`);
  parts.push(`<p class="meta">${escapeHtml(tr(lang, "report.as-of", { date: report.asOf }))} · ${escapeHtml(report.domain)}</p>`);
  parts.push(`<p class="meta">${escapeHtml(tr(lang, "report.regulations"))}: ${report.profiles.map((p) => escapeHtml(tr(lang, `report.profile.${p}`))).join("; ")}</p>`);

  parts.push(`<h2 id="summary">${escapeHtml(tr(lang, "report.summary"))}</h2>`);
  const verdict = verdictLines(report, lang);
  parts.push(`<p class="overall verdict">${escapeHtml(verdict.headline)}</p>`, `<p class="meta">${escapeHtml(verdict.thresholds)}</p>`, `<p class="meta">${escapeHtml(verdict.scope)}</p>`);
  const o = report.overall;
  parts.push(`<p class="overall">${escapeHtml(tr(lang, "report.overall", { score: formatScore(lang, o.score), mandatory: o.mandatory, advisory: o.advisory, checks: o.checks }))}</p>`);
  parts.push(`<p class="meta">${escapeHtml(scoreNote(lang))} ${escapeHtml(tr(lang, report.factsUsed ? "report.facts-used" : "report.facts-not-used"))}</p>`);
  parts.push(`<div class="chart">${complianceChartSvg(report.opds, lang, tr(lang, "report.chart"))}</div>`);
  const opdTable = opdSummaryTable(report, lang);
  parts.push(table(opdTable.headers, opdTable.rows.map((r) => r.map(escapeHtml)), opdTable.numeric));

  if (report.plausibility?.length) {
    parts.push(`<h2 id="plausibility">${escapeHtml(tr(lang, "law.plausibility"))}</h2>`, `<p class="meta">${escapeHtml(tr(lang, "law.plausibility.note"))}</p>`);
    parts.push(`<ul>${report.plausibility.map((d) => `<li><code>${escapeHtml(renderDiagnostic(d, lang))}</code></li>`).join("")}</ul>`);
  }

  if (report.coverage) {
    parts.push(`<h2 id="coverage">${escapeHtml(tr(lang, "law.coverage"))}</h2>`);
    parts.push(`<ul>${coverageLines(report, lang).map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul><p class="meta">${escapeHtml(tr(lang, "law.coverage.note"))}</p>`);
  }

  parts.push(`<h2 id="by-opd">${escapeHtml(tr(lang, "report.by-opd"))}</h2>`);
  if (report.findings.length === 0) parts.push(`<p>${escapeHtml(tr(lang, "report.no-findings"))}</p>`);
  // A rule's cells are the same in every row it fails: rendered once per rule, not once per finding.
  const cellsByRule = new Map<string, { title: string; citations: string; remediation: string }>();
  const ruleCells = (id: string) => {
    let cells = cellsByRule.get(id);
    if (!cells) {
      const r = rules.get(id)!;
      cells = { title: `${escapeHtml(pick(lang, r.title))}<br><code>${escapeHtml(id)}</code>`, citations: escapeHtml(r.citations.join("; ")), remediation: escapeHtml(pick(lang, r.remediation)) };
      cellsByRule.set(id, cells);
    }
    return cells;
  };
  const byOpd = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byOpd.get(f.opd);
    if (list) list.push(f);
    else byOpd.set(f.opd, [f]);
  }
  const scoreOf = new Map(report.opds.map((o) => [o.opd, o.score]));
  for (const [opd, findings] of byOpd) {
    const score = scoreOf.get(opd) ?? 100;
    parts.push(`<h3 class="opd" data-opd="${escapeHtml(opd)}">${escapeHtml(opdName(report, opd))} (${escapeHtml(opd)}) · ${formatScore(lang, score)}</h3>`);
    parts.push(
      table(
        [tr(lang, "report.col.severity"), tr(lang, "report.col.rule"), tr(lang, "report.col.citation"), tr(lang, "report.col.subject"), tr(lang, "report.col.evidence"), tr(lang, "report.col.remediation")],
        findings.map((f) => {
          const r = ruleCells(f.rule);
          return [sev(lang, f), r.title, r.citations, escapeHtml(subjectLabel(lang, f.subject)), escapeHtml(pick(lang, f.evidence)), r.remediation];
        }),
      ),
    );
  }

  parts.push(`<h2 id="by-article">${escapeHtml(tr(lang, "report.by-article"))}</h2>`);
  const failing = report.rules.filter((r) => r.failed > 0);
  if (failing.length === 0) parts.push(`<p>${escapeHtml(tr(lang, "report.no-findings"))}</p>`);
  const findingsOfRule = new Map<string, Finding[]>(failing.map((r) => [r.id, []]));
  for (const f of report.findings) findingsOfRule.get(f.rule)?.push(f);
  for (const r of failing) {
    const items = findingsOfRule.get(r.id)!;
    parts.push(`<h3>${escapeHtml(r.citations.join("; "))}: ${escapeHtml(pick(lang, r.title))} <span class="${r.severity}">(${escapeHtml(severityLabel(lang, r.severity))}, ${r.failed}/${r.checked})</span></h3>`);
    parts.push(`<ul>${items.map((f) => `<li>${escapeHtml(opdName(report, f.opd))}: ${escapeHtml(subjectLabel(lang, f.subject))}: ${escapeHtml(pick(lang, f.evidence))}</li>`).join("")}</ul>`);
  }

  const sanctions = sanctionLines(report, lang);
  if (sanctions) {
    parts.push(`<h2 id="sanctions">${escapeHtml(tr(lang, "law.sanctions"))}</h2>`);
    parts.push(sanctions.length ? `<ul>${sanctions.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>` : `<p>${escapeHtml(tr(lang, "report.none"))}</p>`, `<p class="meta">${escapeHtml(tr(lang, "law.sanctions.note"))}</p>`);
  }
  const obstruction = obstructionLines(report, lang);
  if (obstruction) parts.push(`<h2 id="obstruction">${escapeHtml(tr(lang, "law.obstruction"))}</h2>`, `<ul>${obstruction.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`);

  parts.push(`<h2 id="exceptions">${escapeHtml(tr(lang, "report.exceptions"))}</h2>`);
  parts.push(
    report.exceptions.length === 0
      ? `<p>${escapeHtml(tr(lang, "report.none"))}</p>`
      : table(
          [tr(lang, "report.col.application"), tr(lang, "report.col.opd"), tr(lang, "report.col.ref"), tr(lang, "report.col.signed-by-opd"), tr(lang, "report.col.signed-by-provider"), tr(lang, "report.col.expires"), tr(lang, "report.col.days-left"), tr(lang, "report.col.status")],
          report.exceptions.map((e) => [escapeHtml(e.application), escapeHtml(e.opd), escapeHtml(e.ref), escapeHtml(e.signedByOpd ?? "-"), escapeHtml(e.signedByProvider ?? "-"), escapeHtml(e.expires), String(e.daysLeft), `<span class="status-${e.status}">${escapeHtml(statusLabel(lang, e.status))}</span>`]),
          [6],
        ),
  );

  if (report.availability) {
    const a = availabilityContent(report.availability, lang);
    parts.push(`<h2 id="availability">${escapeHtml(a.title)}</h2>`);
    for (const l of a.lines) parts.push(`<p class="meta">${escapeHtml(l)}</p>`);
    for (const t of a.tables) parts.push(`<h3>${escapeHtml(t.title)}</h3>`, table(t.headers, t.rows.map((r) => r.map(escapeHtml)), t.numeric));
  }

  if (report.staleFacts?.length) {
    parts.push(`<h2 id="stale-facts">${escapeHtml(tr(lang, "report.stale-facts"))}</h2>`);
    parts.push(`<p>${escapeHtml(tr(lang, "report.stale-facts-note", { hours: report.maxFactAgeHours ?? "-" }))}</p>`);
    parts.push(
      table(
        [tr(lang, "report.col.section"), tr(lang, "report.col.subject"), tr(lang, "report.col.source"), tr(lang, "report.col.observed-at"), tr(lang, "report.col.age-hours")],
        report.staleFacts.map((f) => [escapeHtml(f.section), escapeHtml(f.subject), escapeHtml(f.source), escapeHtml(f.observedAt), String(f.ageHours)]),
        [4],
      ),
    );
  }

  if (report.topology) {
    const t = report.topology;
    parts.push(`<h2 id="topology">${escapeHtml(tr(lang, "report.topology"))}</h2>`, `<p class="meta">${escapeHtml(tr(lang, "report.topology-note"))}</p>`);
    parts.push(table(topologyLinkHeaders(lang), topologyLinkRows(lang, t).map((r) => r.cells.map((c, i) => (i === 3 ? `<span class="link-${r.state}">${escapeHtml(c)}</span>` : escapeHtml(c))))));
    parts.push(`<h3>${escapeHtml(tr(lang, "report.topology-unknown"))} (${t.unknownNeighbours.length})</h3>`);
    parts.push(t.unknownNeighbours.length ? table(topologyUnknownHeaders(lang), topologyUnknownRows(t).map((r) => r.map(escapeHtml))) : `<p>${escapeHtml(tr(lang, "report.none"))}</p>`);
  }

  if (report.changes) {
    const c = report.changes;
    parts.push(`<h2 id="changes">${escapeHtml(tr(lang, "report.changes", { date: c.previousAsOf }))}</h2>`);
    parts.push(`<h3>${escapeHtml(tr(lang, "report.resolved"))} (${c.resolved.length})</h3>`);
    parts.push(c.resolved.length ? `<ul class="resolved">${c.resolved.map((k) => keyLine(lang, report, k)).join("")}</ul>` : `<p>${escapeHtml(tr(lang, "report.none"))}</p>`);
    parts.push(`<h3>${escapeHtml(tr(lang, "report.new"))} (${c.added.length})</h3>`);
    parts.push(c.added.length ? `<ul class="added">${c.added.map((k) => keyLine(lang, report, k)).join("")}</ul>` : `<p>${escapeHtml(tr(lang, "report.none"))}</p>`);
    const worsened = c.worsened ?? [];
    const persisting = c.persisting ?? [];
    parts.push(`<h3>${escapeHtml(tr(lang, "law.worsened"))} (${worsened.length})</h3>`);
    parts.push(worsened.length ? `<ul class="worsened">${worsened.map((k) => keyLine(lang, report, k).replace("</li>", ` · ${escapeHtml(tr(lang, "law.worsened-from", { from: k.from }))}</li>`)).join("")}</ul>` : `<p>${escapeHtml(tr(lang, "report.none"))}</p>`);
    parts.push(`<h3>${escapeHtml(tr(lang, "law.persisting"))} (${persisting.length})</h3>`);
    parts.push(persisting.length ? `<ul class="persisting">${persisting.map((k) => keyLine(lang, report, k)).join("")}</ul>` : `<p>${escapeHtml(tr(lang, "report.none"))}</p>`);
    const trend = trendLines(report);
    if (trend.length) parts.push(`<h3>${escapeHtml(tr(lang, "law.trend"))}</h3><ul>${trend.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`);
  }

  const indicators = indicatorLines(report, lang);
  if (indicators) {
    parts.push(`<h2 id="spbe-indicators">${escapeHtml(tr(lang, "law.indicators"))}</h2>`);
    parts.push(`<ul>${indicators.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`, `<p class="meta">${escapeHtml(tr(lang, "law.indicators.note"))}</p>`);
  }

  parts.push(`<h2 id="rules">${escapeHtml(tr(lang, "report.rules"))}</h2>`);
  parts.push(
    table(
      [tr(lang, "report.col.rule"), tr(lang, "report.col.citation"), tr(lang, "report.col.severity"), tr(lang, "report.col.checks"), tr(lang, "report.col.failed")],
      report.rules.map((r) => [`${escapeHtml(pick(lang, r.title))}<br><code>${escapeHtml(r.id)}</code>`, escapeHtml(r.citations.join("; ")), escapeHtml(severityLabel(lang, r.severity)), String(r.checked), String(r.failed)]),
      [3, 4],
    ),
  );

  const sign = signoff(report, lang);
  parts.push(`<h2 id="signoff">${escapeHtml(sign.title)}</h2>`);
  parts.push(sign.none ? `<p>${escapeHtml(sign.none)}</p>` : table(sign.headers, sign.rows.map((r) => r.map((c) => (c ? escapeHtml(c) : "&nbsp;".repeat(30))))));
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(tr(lang, "report.title", { kabupaten: report.kabupaten }))} · ${escapeHtml(report.asOf)}</title>
<style>${CSS}</style>
</head>
<body>
${parts.join("\n")}
</body>
</html>
`;
}
