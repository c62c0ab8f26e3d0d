// The provincial report's content once, as headed tables and lines in the report's language; the
// formats (render.ts) only lay it out.
import type { Lang } from "../types";
import { formatNumber, formatScore, tr } from "../report/text";
import type { ProvinceReport } from "./model";

export interface ProvinceTable {
  title: string;
  headers: string[];
  /** Columns right-aligned in HTML. */
  numeric: number[];
  rows: string[][];
}

export interface ProvinceContent {
  title: string;
  meta: string[];
  overall: string;
  note: string;
  kabupaten: ProvinceTable;
  profiles: { title: string; lines: string[] };
  trend: { title: string; lines: string[] };
  opds: ProvinceTable;
}

const predicateText = (lang: Lang, p: string | undefined) => (p ? tr(lang, `law.predicate.${p}` as Parameters<typeof tr>[1]) : "-");
const profileText = (lang: Lang, p: string) => tr(lang, `report.profile.${p}` as Parameters<typeof tr>[1]);

function change(lang: Lang, now: number, before: number | undefined): string {
  if (before === undefined) return "-";
  const d = Math.round((now - before) * 10) / 10;
  return `${d > 0 ? "+" : ""}${formatScore(lang, d)}`;
}

export function provinceContent(report: ProvinceReport, lang: Lang): ProvinceContent {
  const o = report.overall;
  const col = (k: string) => tr(lang, k as Parameters<typeof tr>[1]);
  const withTrend = report.kabupaten.filter((k) => k.trend.length > 1);
  // Counts as the language writes them (1.942 / 1,942): i18n/number.ts.
  const n = (x: number) => formatNumber(lang, x);
  return {
    title: tr(lang, "province.title", { count: o.kabupaten }),
    meta: [tr(lang, "province.as-of", { date: report.asOf })],
    overall: tr(lang, "province.overall", { score: formatScore(lang, o.meanScore), mandatory: n(o.mandatory), advisory: n(o.advisory), checks: n(o.checks), kabupaten: n(o.kabupaten), opds: n(o.opds) }),
    note: tr(lang, "province.note"),
    kabupaten: {
      title: tr(lang, "province.ranking-kabupaten"),
      headers: ["province.col.rank", "province.col.kabupaten", "province.col.domain", "province.col.profile", "report.col.score", "province.col.change", "report.col.mandatory", "report.col.advisory", "report.col.checks", "province.col.opds", "province.col.predicate", "province.col.as-of"].map(col),
      numeric: [0, 4, 5, 6, 7, 8, 9],
      rows: report.kabupaten.map((k) => [
        String(k.rank),
        k.kabupaten,
        k.domain,
        k.profiles.join(", "),
        formatScore(lang, k.score),
        change(lang, k.score, k.trend.at(-2)?.score),
        n(k.mandatory),
        n(k.advisory),
        n(k.checks),
        n(k.opds),
        predicateText(lang, k.predicate),
        k.asOf,
      ]),
    },
    profiles: {
      title: tr(lang, "province.profiles"),
      lines: report.profiles.map((p) => tr(lang, "province.profile-line", { profile: profileText(lang, p.profile), kabupaten: p.kabupaten.join(", ") })),
    },
    trend: {
      title: tr(lang, "province.trend"),
      lines: withTrend.length
        ? withTrend.map((k) => tr(lang, "province.trend-line", { kabupaten: k.kabupaten, scores: k.trend.map((p) => formatScore(lang, p.score)).join(" → "), dates: k.trend.map((p) => p.asOf).join(" → ") }))
        : [tr(lang, "province.no-trend")],
    },
    opds: {
      title: tr(lang, "province.ranking-opd"),
      headers: ["province.col.rank", "province.col.kabupaten", "report.col.opd", "report.col.name", "report.col.score", "province.col.change", "report.col.mandatory", "report.col.advisory", "report.col.checks"].map(col),
      numeric: [0, 4, 5, 6, 7, 8],
      rows: report.opds.map((x) => [String(x.rank), x.kabupaten, x.opd, x.name, formatScore(lang, x.score), change(lang, x.score, x.previousScore), n(x.mandatory), n(x.advisory), n(x.checks)]),
    },
  };
}
