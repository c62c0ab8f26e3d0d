// The NOC board page, rendered on the server: the map as inline SVG in its current colours, the
// at-a-glance figures and the site and link tables. Without JavaScript it is complete as of the
// request (and reloads itself every 30 s through <noscript>); with it, client.ts keeps it moving.
import { t, type Lang, type MessageCode } from "../../i18n";
import { BOARD_CLIENT_JS } from "./client";
import type { BoardLayout } from "./layout";
import type { BoardState } from "./state";
import { LINK_UTILISATION_CRITICAL, LINK_UTILISATION_WARN } from "../thresholds";

export interface BoardPageOptions {
  lang: Lang;
  kabupaten: string;
  /** Milliseconds between two /board.json requests of the browser. */
  refreshMs: number;
  /** Links shown in the header when the routes exist. */
  reportUrl?: string;
  grafanaUrl?: string;
  /** The site whose devices the page lists (?site=): the no-JavaScript way to click a site. */
  site?: string;
}

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);
const pct = (u: number | null) => (u === null ? "–" : `${Math.round(u * 100)} %`);
const time = (iso: string | null, lang: Lang) => (iso ? `${iso.slice(11, 19)} UTC` : t(lang, "board.never"));
const capacity = (bps: number) => (bps >= 1e9 ? `${bps / 1e9} Gb/s` : `${bps / 1e6} Mb/s`);
const stateText = (lang: Lang, state: string) => t(lang, `board.state.${state}` as MessageCode);

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d232a;background:#f4f6f8}
header{display:flex;flex-wrap:wrap;gap:1em;align-items:baseline;padding:.6em 1em;background:#12324a;color:#fff}
header h1{font-size:1.25em;margin:0}header a{color:#cfe6ff}header nav{margin-left:auto;display:flex;gap:1em}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(16em,1fr);gap:1em;padding:1em}
section,aside{background:#fff;border-radius:6px;padding:.6em 1em}
h2{font-size:1.05em;margin:.2em 0 .5em}svg{width:100%;height:auto;max-height:80vh}
.link{fill:none;stroke-width:3}.lvl-none{stroke:#9aa5b1}.lvl-ok{stroke:#2f9e44}.lvl-warn{stroke:#f08c00}.lvl-crit{stroke:#e03131}
.site{cursor:pointer}.site circle{stroke:#12324a;stroke-width:1.5}.site text{font-size:11px;fill:#1d232a}
.st-up circle{fill:#51cf66}.st-down circle{fill:#fa5252}.st-degraded circle{fill:#fcc419}.st-unknown circle{fill:#ced4da}
.core circle{stroke-width:3}
.legend{display:flex;flex-wrap:wrap;gap:1em;font-size:12px}.legend svg{width:2em;height:1em;vertical-align:middle}
dl{display:grid;grid-template-columns:auto auto;gap:.2em 1em}dd{margin:0;font-weight:600}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e7eb;padding:.2em .4em;text-align:left;vertical-align:top}
.tables{grid-column:1/-1;content-visibility:auto;contain-intrinsic-size:auto 3000px}.tables table{table-layout:fixed}
`;

function mapSvg(layout: BoardLayout, state: BoardState, lang: Lang): string {
  const links = new Map(state.links.map((l) => [l.id, l]));
  const sites = new Map(state.sites.map((s) => [s.id, s]));
  const paths = layout.links.map((l) => {
    const s = links.get(l.id)!;
    return `<path class="link lvl-${s.level}" data-link="${esc(l.id)}" data-level="${s.level}" d="${l.path}"><title>${esc(l.id)}: ${esc(l.a)} – ${esc(l.b)}, ${capacity(l.capacityBps)}</title></path>`;
  });
  const nodes = layout.sites.map((p) => {
    const s = sites.get(p.id)!;
    const core = p.layer === "datacenter" || p.layer === "recovery";
    return (
      `<g class="site st-${s.state}${core ? " core" : ""}" data-site="${esc(p.id)}" data-state="${s.state}" tabindex="0">` +
      `<circle cx="${p.x}" cy="${p.y}" r="${core ? 14 : 8}"/><text x="${p.labelX}" y="${p.labelY}" text-anchor="${p.anchor}">${esc(p.id)}</text>` +
      `<title>${esc(p.name)} (${esc(t(lang, `board.kind.${p.layer}` as MessageCode))})</title></g>`
    );
  });
  return `<svg viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${esc(t(lang, "board.map"))}"><g>${paths.join("")}</g><g>${nodes.join("")}</g></svg>`;
}

function legend(lang: Lang): string {
  const warn = pct(LINK_UTILISATION_WARN);
  const crit = pct(LINK_UTILISATION_CRITICAL);
  const line = (lvl: string) => `<span><svg viewBox="0 0 20 10"><path class="link lvl-${lvl}" d="M0 5H20"/></svg> ${esc(t(lang, `board.level.${lvl}` as MessageCode, { warn, crit }))}</span>`;
  const dot = (st: string) => `<span class="st-${st}"><svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" style="stroke:#12324a"/></svg> ${esc(stateText(lang, st))}</span>`;
  return `<div class="legend">${["ok", "warn", "crit", "none"].map(line).join("")}${["up", "degraded", "down", "unknown"].map(dot).join("")}</div>`;
}

const list = (id: string, items: string[], lang: Lang) => `<ul id="${id}">${(items.length ? items : [t(lang, "board.none")]).map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;

function glance(state: BoardState, o: BoardPageOptions): string {
  const { lang } = o;
  const s = state.summary;
  const c = s.compliance;
  const compliance = c
    ? `<p><span id="score">${esc(t(lang, "board.score", { score: c.score }))}</span>${c.predicate ? ` · ${esc(t(lang, `law.predicate.${c.predicate}` as MessageCode))}` : ""}${o.reportUrl ? ` · <a href="${esc(o.reportUrl)}?lang=${lang}">${esc(t(lang, "board.report"))}</a>` : ""}</p>`
    : `<p>${esc(t(lang, "board.compliance-none"))}</p>`;
  return (
    `<aside><h2>${esc(t(lang, "board.glance"))}</h2><dl>` +
    `<dt>${esc(t(lang, "board.devices-up"))}</dt><dd id="n-up">${s.devicesUp}</dd>` +
    `<dt>${esc(t(lang, "board.devices-down"))}</dt><dd id="n-down">${s.devicesDown}</dd>` +
    `<dt>${esc(t(lang, "board.devices-unknown"))}</dt><dd id="n-unknown">${s.devicesUnknown}</dd></dl>` +
    `<h2>${esc(t(lang, "board.snmp-errors"))}</h2>${list("errors", Object.keys(s.errorsByReason).sort().map((r) => `${r}: ${s.errorsByReason[r]}`), lang)}` +
    `<h2>${esc(t(lang, "board.over-quota"))}</h2>${list("over-quota", s.opdsOverQuota, lang)}` +
    `<h2>${esc(t(lang, "board.compliance"))}</h2>${compliance}` +
    `<div id="site-panel"><p>${esc(t(lang, "board.click-site"))}</p></div></aside>`
  );
}

/**
 * Sites with their state; each names a link to `?site=` that lists the site's devices below the
 * table (the no-JavaScript way to "click a site"). Only the chosen site's devices are rendered:
 * 5,000 device rows would be most of the page for a reader who looks at one site.
 */
function siteTable(layout: BoardLayout, state: BoardState, lang: Lang, chosen: string | undefined): string {
  const states = new Map(state.sites.map((s) => [s.id, s]));
  const head = `<tr><th>${esc(t(lang, "board.site"))}</th><th>${esc(t(lang, "board.kind"))}</th><th>${esc(t(lang, "board.state"))}</th></tr>`;
  const rows = layout.sites.map((p) => {
    const s = states.get(p.id)!;
    return (
      `<tr><td><a href="?site=${encodeURIComponent(p.id)}&amp;lang=${lang}#devices">${esc(p.name)}</a> <small>(${esc(p.id)})</small></td><td>${esc(t(lang, `board.kind.${p.layer}` as MessageCode))}</td>` +
      `<td data-site="${esc(p.id)}">${esc(stateText(lang, s.state))} (${s.up}/${s.up + s.down + s.unknown})</td></tr>`
    );
  });
  const place = chosen === undefined ? undefined : layout.sites.find((p) => p.id === chosen);
  return `<h2>${esc(t(lang, "board.sites"))}</h2><table>${head}${rows.join("")}</table>${place ? deviceTable(place.id, place.name, state, lang) : ""}`;
}

function deviceTable(site: string, name: string, state: BoardState, lang: Lang): string {
  const deviceState = { up: esc(stateText(lang, "up")), down: esc(stateText(lang, "down")), unknown: esc(stateText(lang, "unknown")) };
  const head = `<tr><th>${esc(t(lang, "board.device"))}</th><th>${esc(t(lang, "board.state"))}</th><th>${esc(t(lang, "board.last-poll"))}</th><th>${esc(t(lang, "board.errors"))}</th></tr>`;
  const rows = state.devices
    .filter((d) => d.site === site)
    .map((d) => `<tr data-device="${esc(d.id)}"><td>${esc(d.id)}</td><td>${deviceState[d.up === null ? "unknown" : d.up ? "up" : "down"]}</td><td>${esc(time(d.lastPoll, lang))}</td><td>${esc(d.errors.join(", "))}</td></tr>`);
  return `<h2 id="devices">${esc(t(lang, "board.devices"))}: ${esc(name)}</h2><table>${head}${rows.join("")}</table>`;
}

/** Rows of the link table: the busiest first. A NOC reads the top of it; at 1,000 links a full table
 * was half the page's rendering time (bench/collectors/board.ts) for rows nobody scrolls to. */
const LINK_ROWS = 100;

function linkTable(layout: BoardLayout, state: BoardState, lang: Lang): string {
  const util = new Map(state.links.map((l) => [l.id, l.utilisation]));
  const head = `<tr><th>${esc(t(lang, "board.link"))}</th><th>${esc(t(lang, "board.from"))}</th><th>${esc(t(lang, "board.to"))}</th><th>${esc(t(lang, "board.capacity"))}</th><th>${esc(t(lang, "board.utilisation"))}</th></tr>`;
  const busiest = [...layout.links].sort((x, y) => (util.get(y.id) ?? -1) - (util.get(x.id) ?? -1)).slice(0, LINK_ROWS);
  const rows = busiest.map((l) => `<tr><td>${esc(l.id)}</td><td>${esc(l.a)}</td><td>${esc(l.b)}</td><td>${capacity(l.capacityBps)}</td><td data-link="${esc(l.id)}">${pct(util.get(l.id)!)}</td></tr>`);
  const more = layout.links.length - busiest.length;
  return `<h2>${esc(t(lang, "board.links"))}</h2><table>${head}${rows.join("")}</table>${more > 0 ? `<p>${esc(t(lang, "board.more-links", { n: more }))}</p>` : ""}`;
}

/** The texts client.ts needs, in the page's language. */
function clientTexts(lang: Lang): Record<string, string> {
  return {
    never: t(lang, "board.never"),
    none: t(lang, "board.none"),
    device: t(lang, "board.device"),
    state: t(lang, "board.state"),
    lastPoll: t(lang, "board.last-poll"),
    errors: t(lang, "board.errors"),
    updated: t(lang, "board.updated", {}),
    score: t(lang, "board.score", {}),
    state_up: stateText(lang, "up"),
    state_down: stateText(lang, "down"),
    state_degraded: stateText(lang, "degraded"),
    state_unknown: stateText(lang, "unknown"),
  };
}

/** JSON inside <script>: "</" and "<!--" must not end or confuse the element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

export function renderBoardPage(layout: BoardLayout, state: BoardState, o: BoardPageOptions): string {
  const { lang } = o;
  const other: Lang = lang === "id" ? "en" : "id";
  const config = { jsonUrl: "board.json", refreshMs: o.refreshMs, texts: clientTexts(lang), siteNames: Object.fromEntries(layout.sites.map((s) => [s.id, s.name])) };
  const nav = [
    o.reportUrl ? `<a href="${esc(o.reportUrl)}?lang=${lang}">${esc(t(lang, "board.report"))}</a>` : "",
    `<a href="metrics">${esc(t(lang, "board.metrics"))}</a>`,
    `<a href="targets">${esc(t(lang, "board.targets"))}</a>`,
    o.grafanaUrl ? `<a href="${esc(o.grafanaUrl)}">${esc(t(lang, "board.grafana"))}</a>` : "",
    `<a href="?lang=${other}${o.site ? `&amp;site=${encodeURIComponent(o.site)}` : ""}" hreflang="${other}" id="switch-lang">${esc(t(lang, "board.switch-lang"))}</a>`,
  ].filter(Boolean);
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${esc(t(lang, "board.title", { kabupaten: o.kabupaten }))}</title><style>${STYLE}</style>` +
    `<noscript><meta http-equiv="refresh" content="30"></noscript></head>` +
    `<body data-updated="${esc(state.generatedAt)}"><header><h1>${esc(t(lang, "board.title", { kabupaten: o.kabupaten }))}</h1>` +
    `<span id="updated">${esc(t(lang, "board.updated", { time: time(state.generatedAt, lang) }))}</span><nav>${nav.join("")}</nav></header>` +
    `<main><section><h2>${esc(t(lang, "board.map"))}</h2>${mapSvg(layout, state, lang)}${legend(lang)}</section>${glance(state, o)}` +
    `<section class="tables">${siteTable(layout, state, lang, o.site)}${linkTable(layout, state, lang)}</section></main>` +
    `<script id="board-config" type="application/json">${scriptJson(config)}</script><script>${BOARD_CLIENT_JS}</script></body></html>`
  );
}
