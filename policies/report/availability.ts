// The availability section's content, once for every format: the lines and tables the Markdown and
// HTML reports lay out in their own markup (the JSON report carries report.availability as is).
import type { AvailabilityFigure, AvailabilitySection, GroupOutage, Lang } from "../types";
import { formatNumber, tr } from "./text";

export interface SectionTable {
  title: string;
  headers: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned in HTML). */
  numeric: number[];
}

export interface AvailabilityContent {
  title: string;
  lines: string[];
  tables: SectionTable[];
}

/** 0.99912 → "99,912 %" (id) / "99.912 %" (en): three decimals show a few minutes in a month. */
export function formatRatio(lang: Lang, ratio: number): string {
  return `${formatNumber(lang, ratio * 100, { fractionDigits: 3 })} %`;
}

/** 93784 s → "1 d 2 h 3 m 4 s" (d/h/m/s read the same in both languages). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.round(totalSeconds);
  const parts: [number, string][] = [[Math.floor(s / 86400), "d"], [Math.floor((s % 86400) / 3600), "h"], [Math.floor((s % 3600) / 60), "m"], [s % 60, "s"]];
  const shown = parts.filter(([n]) => n > 0).map(([n, u]) => `${n} ${u}`);
  return shown.length ? shown.join(" ") : "0 s";
}

const minute = (iso: string) => iso.replace("T", " ").replace(/:\d{2}(\.\d+)?Z$/, " UTC");

function outageCell(o: GroupOutage | undefined): string {
  return o ? `${o.subject.id}: ${minute(o.start)} – ${minute(o.end)} (${formatDuration(o.seconds)})` : "-";
}

const figureCells = (lang: Lang, f: AvailabilityFigure) => [formatRatio(lang, f.ratio), String(f.devices), outageCell(f.longestOutage)];

export function availabilityContent(a: AvailabilitySection, lang: Lang): AvailabilityContent {
  const title = tr(lang, "history.title");
  const period = tr(lang, "history.period", { from: a.from, to: a.to, source: a.source, observedAt: a.observedAt });
  if (a.error) return { title, lines: [period, tr(lang, "history.unavailable", { code: a.error.code, message: a.error.message })], tables: [] };
  const o = a.longestOutage;
  const lines = [
    period,
    o ? tr(lang, "history.longest", { subject: o.subject.id, start: minute(o.start), end: minute(o.end), duration: formatDuration(o.seconds) }) : tr(lang, "history.no-outage"),
    ...(a.notObserved.length ? [tr(lang, "history.not-observed", { devices: a.notObserved.join(", ") })] : []),
  ];
  const groupHeaders = [tr(lang, "history.col.group"), tr(lang, "history.col.availability"), tr(lang, "history.col.devices"), tr(lang, "history.col.longest")];
  const sites: string[][] = [];
  if (a.datacenter) sites.push([tr(lang, "history.datacenter"), ...figureCells(lang, a.datacenter)]);
  if (a.recovery) sites.push([tr(lang, "history.recovery"), ...figureCells(lang, a.recovery)]);
  const tables: SectionTable[] = [
    { title: tr(lang, "history.sites"), headers: groupHeaders, rows: sites, numeric: [1, 2] },
    { title: tr(lang, "history.by-opd"), headers: groupHeaders, rows: a.opds.map((x) => [`${x.name} (${x.opd})`, ...figureCells(lang, x)]), numeric: [1, 2] },
    {
      title: tr(lang, "history.by-link"),
      headers: [tr(lang, "history.col.link"), tr(lang, "history.col.device-behind"), tr(lang, "history.col.availability"), tr(lang, "history.col.longest")],
      rows: a.links.map((l) => [l.link, l.device, formatRatio(lang, l.ratio), outageCell(l.longestOutage)]),
      numeric: [2],
    },
    {
      title: tr(lang, "history.probes"),
      headers: [tr(lang, "history.col.probe"), tr(lang, "history.col.availability"), tr(lang, "history.col.longest")],
      rows: a.probes.map((p) => [p.name, formatRatio(lang, p.ratio), outageCell(p.longestOutage)]),
      numeric: [1],
    },
    {
      title: tr(lang, "history.quota-use"),
      headers: [tr(lang, "history.col.group"), tr(lang, "history.col.direction"), tr(lang, "history.col.volume"), tr(lang, "history.col.p95"), tr(lang, "history.col.quota")],
      rows: (a.quotaUse ?? []).map((u) => [
        `${u.name} (${u.opd})`,
        u.direction,
        `${formatNumber(lang, u.volumeBytes / 1e9, { fractionDigits: 1 })} GB`,
        `${formatNumber(lang, u.p95Bps / 1e6, { fractionDigits: 1 })} Mbit/s`,
        u.quotaBps !== undefined ? `${formatNumber(lang, u.quotaBps / 1e6, { fractionDigits: 1 })} Mbit/s (${formatNumber(lang, (u.p95Bps / u.quotaBps) * 100, { fractionDigits: 0 })} %)` : "-",
      ]),
      numeric: [2, 3, 4],
    },
  ];
  return { title, lines, tables: tables.filter((t) => t.rows.length > 0) };
}
