// The compliance-per-OPD chart as inline SVG: the HTML report must be self-contained (no CDN, no
// script) and print as vectors. Written by hand because it is one horizontal bar chart; a charting
// library would need a DOM or a script at view time.
import type { Lang, OpdScore } from "../types";
import { formatScore } from "./text";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function colourFor(score: number): string {
  if (score >= 95) return "#2e7d32";
  if (score >= 80) return "#f9a825";
  return "#c62828";
}

export function complianceChartSvg(opds: readonly OpdScore[], lang: Lang, title: string): string {
  const rowHeight = 18;
  const labelWidth = 190;
  const barWidth = 420;
  const top = 28;
  const height = top + opds.length * rowHeight + 24;
  const width = labelWidth + barWidth + 60;
  const rows = opds.map((o, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(1, Math.round((o.score / 100) * barWidth));
    return (
      `<g class="bar" data-opd="${escapeXml(o.opd)}">` +
      `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escapeXml(o.opd)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 6}" fill="${colourFor(o.score)}"><title>${escapeXml(o.name)}: ${formatScore(lang, o.score)}</title></rect>` +
      `<text x="${labelWidth + w + 4}" y="${y + 13}">${formatScore(lang, o.score)}</text>` +
      `</g>`
    );
  });
  const axisY = top + opds.length * rowHeight + 4;
  const ticks = [0, 25, 50, 75, 100]
    .map((v) => {
      const x = labelWidth + (v / 100) * barWidth;
      return `<line x1="${x}" y1="${top}" x2="${x}" y2="${axisY}" stroke="#ccc" stroke-width="0.5"/><text x="${x}" y="${axisY + 14}" text-anchor="middle">${v}</text>`;
    })
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">` +
    `<text x="0" y="16" font-size="13" font-weight="bold">${escapeXml(title)}</text>` +
    ticks +
    rows.join("") +
    `</svg>`
  );
}
