// Kabupaten reports → the provincial report: pure. Reports of the same kabupaten (same meta.domain)
// at different dates make its trend; the newest is the one ranked. Two reports of one kabupaten on
// the same date are refused: which one counts would be a guess.
import type { Profile } from "../../inventory/schema";
import type { Report } from "../types";
import type { ProvinceKabupaten, ProvinceOpd, ProvinceReport } from "./model";

/** A kabupaten report and the file it came from. */
export interface SourcedReport {
  source: string;
  report: Report;
}

export class DuplicateEvaluationError extends Error {
  constructor(readonly domain: string, readonly asOf: string, readonly sources: [string, string]) {
    super(`${sources[1]}: ${domain} is evaluated on ${asOf} twice (also by ${sources[0]}); give one of them`);
    this.name = "DuplicateEvaluationError";
  }
}

/** Higher score first, then fewer mandatory findings, then fewer advisories, then the name. */
function byStanding<T extends { score: number; mandatory: number; advisory: number }>(name: (x: T) => string) {
  return (a: T, b: T) => b.score - a.score || a.mandatory - b.mandatory || a.advisory - b.advisory || name(a).localeCompare(name(b));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function aggregateProvince(inputs: readonly SourcedReport[]): ProvinceReport {
  const byDomain = new Map<string, SourcedReport[]>();
  for (const input of inputs) {
    const list = byDomain.get(input.report.domain) ?? [];
    const same = list.find((x) => x.report.asOf === input.report.asOf);
    if (same) throw new DuplicateEvaluationError(input.report.domain, input.report.asOf, [same.source, input.source]);
    byDomain.set(input.report.domain, [...list, input]);
  }

  const kabupaten: Omit<ProvinceKabupaten, "rank">[] = [];
  const opds: Omit<ProvinceOpd, "rank">[] = [];
  for (const [domain, list] of byDomain) {
    const history = [...list].sort((a, b) => a.report.asOf.localeCompare(b.report.asOf));
    const { report: current, source } = history.at(-1)!;
    const previous = history.at(-2)?.report;
    const o = current.overall;
    kabupaten.push({
      kabupaten: current.kabupaten,
      domain,
      profiles: [...current.profiles],
      asOf: current.asOf,
      score: o.score,
      checks: o.checks,
      mandatory: o.mandatory,
      advisory: o.advisory,
      ...(o.predicate ? { predicate: o.predicate } : {}),
      opds: current.opds.length,
      source,
      trend: history.map(({ report: r }) => ({ asOf: r.asOf, score: r.overall.score, mandatory: r.overall.mandatory, advisory: r.overall.advisory })),
    });
    for (const opd of current.opds) {
      const before = previous?.opds.find((p) => p.opd === opd.opd);
      opds.push({
        kabupaten: current.kabupaten,
        domain,
        opd: opd.opd,
        name: opd.name,
        score: opd.score,
        checks: opd.checks,
        mandatory: opd.mandatory,
        advisory: opd.advisory,
        ...(before ? { previousScore: before.score } : {}),
      });
    }
  }
  kabupaten.sort(byStanding((k) => k.kabupaten));
  opds.sort(byStanding((o) => `${o.kabupaten}\u0000${o.opd}`));

  const profiles = new Map<Profile, string[]>();
  for (const k of kabupaten) for (const p of k.profiles) profiles.set(p, [...(profiles.get(p) ?? []), k.kabupaten]);
  const sum = (f: (k: (typeof kabupaten)[number]) => number) => kabupaten.reduce((n, k) => n + f(k), 0);
  return {
    schema: "spbe-province-report/1",
    asOf: kabupaten.map((k) => k.asOf).sort().at(-1) ?? "",
    kabupaten: kabupaten.map((k, i) => ({ rank: i + 1, ...k })),
    opds: opds.map((o, i) => ({ rank: i + 1, ...o })),
    overall: {
      kabupaten: kabupaten.length,
      opds: opds.length,
      checks: sum((k) => k.checks),
      mandatory: sum((k) => k.mandatory),
      advisory: sum((k) => k.advisory),
      meanScore: kabupaten.length ? round1(sum((k) => k.score) / kabupaten.length) : 0,
    },
    profiles: [...profiles].map(([profile, names]) => ({ profile, kabupaten: names })),
  };
}

/** The current (newest) report of each kabupaten: what `--format prom` exports. */
export function currentReports(inputs: readonly SourcedReport[]): Report[] {
  const newest = new Map<string, Report>();
  for (const { report } of inputs) {
    const seen = newest.get(report.domain);
    if (!seen || seen.asOf < report.asOf) newest.set(report.domain, report);
  }
  return [...newest.values()].sort((a, b) => a.domain.localeCompare(b.domain));
}
