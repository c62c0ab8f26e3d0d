// The compliance engine: evaluate(inventory, { asOf }) runs every rule of the selected profiles
// and returns a Report (findings, per-OPD scores, exceptions register). Pure and deterministic: the
// date is an input, the order is the inventory's OPD order, then the catalogue's rule order, then
// the subject id.
import { renderBoth, type Params, type Text } from "../i18n";
import type { Inventory, Profile } from "../inventory/schema";
import { DEFAULT_MAX_FACT_AGE_HOURS, splitStale } from "../facts/freshness";
import type { ObservedFacts } from "../facts/schema";
import { availabilitySection, latestAvailability } from "./availability";
import { coverageOf } from "./coverage";
import { plausibilityWarnings } from "./plausibility";
import { exceptionStatus } from "./placement";
import { predicateOf } from "./verdict";
import { addCheck, CLASSIFICATION_WEIGHT, weightedScore, type WeightedTally } from "./score";
import { RULES } from "./rules/catalogue";
import { compareTopology } from "./topology";
import { effectiveSeverity, formatCitation } from "./rules/helpers";
import type { Check, ExceptionEntry, Finding, InventoryIndex, OpdScore, Report, Rule, RuleSummary, Severity } from "./types";

export type { Report, Finding, Rule, Severity } from "./types";
export { RULES } from "./rules/catalogue";

export interface EvaluateOptions {
  asOf: Date;
  facts?: ObservedFacts;
  /** Facts observed longer ago than this (hours, as of `asOf`) are reported as stale and not judged by (facts/freshness.ts). */
  maxFactAgeHours?: number;
  /** Defaults to the inventory's meta.profiles. */
  profiles?: readonly Profile[];
  /** The report's letter number (`spbe report --number`). */
  reportNumber?: string;
  /** The previous report's evaluation date (YYYY-MM-DD), when one is given: dates the yearly evaluation's due date. */
  previousAsOf?: string;
  /** Defaults to the whole catalogue (tests pass a single rule). */
  rules?: readonly Rule[];
}

export function buildIndex(inv: Inventory): InventoryIndex {
  return {
    sites: new Map(inv.sites.map((s) => [s.id, s])),
    devices: new Map(inv.devices.map((d) => [d.id, d])),
    opds: new Map(inv.opds.map((o) => [o.code, o])),
    dinasBlocks: inv.publicIp.blocks.map((b) => b.cidr),
  };
}

export function appliesTo(rule: Rule, profiles: readonly Profile[]): boolean {
  return rule.citations.some((c) => profiles.includes(c.profile));
}

/** Machine values in evidence parameters that read better in words, in the language of the evidence. */
const TERMS: Record<string, Record<string, Text>> = {
  site: {
    datacenter: { id: "pusat data", en: "the data center" },
    recovery: { id: "pusat pemulihan data", en: "the recovery site" },
    "opd-office": { id: "kantor OPD", en: "an OPD office" },
    external: { id: "hosting luar", en: "external hosting" },
  },
  network: {
    dinas: { id: "Dinas", en: "Dinas" },
    opd: { id: "OPD", en: "OPD" },
    internet: { id: "internet", en: "internet" },
  },
};

const TERM_KEYS = Object.keys(TERMS);

function withTerms(params: Record<string, string | number>): Params {
  let out: Params | undefined;
  for (const key of TERM_KEYS) {
    if (!(key in params)) continue;
    const term = TERMS[key]![String(params[key])];
    if (term) (out ??= { ...params })[key] = term;
  }
  return out ?? params;
}

/** A rule's evidence for one violation, in both languages (reports, spbe check and the CrossGuard pack). */
export function evidenceOf(rule: Rule, variant: string, params: Record<string, string | number>): Text {
  const template = rule.evidence[variant];
  if (!template) return { id: variant, en: variant };
  return renderBoth(template, withTerms(params));
}

export function evaluate(inventory: Inventory, opts: EvaluateOptions): Report {
  const profiles = [...(opts.profiles ?? inventory.meta.profiles)];
  const index = buildIndex(inventory);
  const split = opts.facts ? splitStale(opts.facts, opts.asOf, opts.maxFactAgeHours) : undefined;
  const ctx = { inventory, asOf: opts.asOf, profiles, index, ...(split ? { facts: split.fresh } : {}), ...(opts.previousAsOf ? { previousAsOf: opts.previousAsOf } : {}) };
  const candidates = (opts.rules ?? RULES).filter((r) => appliesTo(r, profiles));
  const rules = candidates.filter((r) => !r.needsFacts || opts.facts);

  const opdOrder = new Map(inventory.opds.map((o, i) => [o.code, i]));
  const perOpd = new Map<string, { checks: number; mandatory: number; advisory: number; weights: WeightedTally }>();
  const tally = (opd: string) => {
    let t = perOpd.get(opd);
    if (!t) perOpd.set(opd, (t = { checks: 0, mandatory: 0, advisory: 0, weights: { checkWeight: 0, findingWeight: 0 } }));
    return t;
  };
  const overallWeights: WeightedTally = { checkWeight: 0, findingWeight: 0 };
  const classification = new Map(inventory.applications.map((a) => [a.id, a.classification]));
  // What is at stake in a check: the classification of the application it is about (others weigh 1).
  const stakesOf = (c: Check) => (c.subject.kind === "application" ? CLASSIFICATION_WEIGHT[classification.get(c.subject.id) ?? "publik"] : 1);
  for (const o of inventory.opds) tally(o.code);

  const findings: Finding[] = [];
  /** Each finding's rule's place in the catalogue (beside the findings: they are the report's objects as they are). */
  const ruleOrderOf: number[] = [];
  const summaries: RuleSummary[] = [];
  rules.forEach((rule, ruleOrder) => {
    const severity = effectiveSeverity(rule, profiles);
    const checks: Check[] = rule.evaluate(ctx);
    let failed = 0;
    for (const c of checks) {
      const t = tally(c.opd);
      t.checks++;
      const stakes = stakesOf(c);
      addCheck(t.weights, stakes, c.failure ? severity : undefined);
      addCheck(overallWeights, stakes, c.failure ? severity : undefined);
      if (!c.failure) continue;
      failed++;
      t[severity]++;
      findings.push({
        rule: rule.id,
        severity,
        opd: c.opd,
        subject: c.subject,
        variant: c.failure.variant,
        params: c.failure.params,
        evidence: evidenceOf(rule, c.failure.variant, c.failure.params),
      });
      ruleOrderOf.push(ruleOrder);
    }
    summaries.push({
      id: rule.id,
      title: rule.title,
      checks: rule.checks,
      severity,
      citations: rule.citations.filter((c) => profiles.includes(c.profile)).map(formatCitation),
      remediation: (profiles.length === 1 && rule.remediationUnder?.[profiles[0]!]) || rule.remediation,
      failed,
      checked: checks.length,
    });
  });

  const unknownRank = inventory.opds.length;
  const rank = (opd: string) => opdOrder.get(opd) ?? unknownRank;
  // By OPD (the inventory's order, unknown ones after by code), rule, subject kind and id. Each
  // finding's OPD rank is found once, not twice per comparison (most of the sort on 35,000 findings).
  const ranks = findings.map((f) => rank(f.opd));
  const sortedFindings = findings
    .map((_, i) => i)
    .sort((x, y) => {
      const a = findings[x]!;
      const b = findings[y]!;
      return (
        ranks[x]! - ranks[y]! ||
        (a.opd < b.opd ? -1 : a.opd > b.opd ? 1 : 0) ||
        ruleOrderOf[x]! - ruleOrderOf[y]! ||
        (a.subject.kind < b.subject.kind ? -1 : a.subject.kind > b.subject.kind ? 1 : 0) ||
        (a.subject.id < b.subject.id ? -1 : a.subject.id > b.subject.id ? 1 : 0)
      );
    })
    .map((i) => findings[i]!);

  const opdCodes = [...perOpd.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const opds: OpdScore[] = opdCodes.map((code) => {
    const { weights, ...t } = perOpd.get(code)!;
    return { opd: code, name: index.opds.get(code)?.name ?? code, ...t, score: weightedScore(weights), predicate: predicateOf(t.mandatory, t.advisory) };
  });
  const total = opds.reduce((s, o) => ({ checks: s.checks + o.checks, mandatory: s.mandatory + o.mandatory, advisory: s.advisory + o.advisory }), { checks: 0, mandatory: 0, advisory: 0 });

  return {
    schema: "spbe-compliance-report/1",
    kabupaten: inventory.meta.kabupaten,
    domain: inventory.meta.domain,
    profiles,
    asOf: opts.asOf.toISOString().slice(0, 10),
    factsUsed: opts.facts !== undefined,
    ...(split ? { staleFacts: split.stale, maxFactAgeHours: opts.maxFactAgeHours ?? DEFAULT_MAX_FACT_AGE_HOURS } : {}),
    rules: summaries,
    findings: sortedFindings,
    opds,
    overall: { ...total, score: weightedScore(overallWeights), predicate: predicateOf(total.mandatory, total.advisory) },
    letter: { ...(opts.reportNumber ? { number: opts.reportNumber } : {}), date: opts.asOf.toISOString().slice(0, 10), signatories: inventory.governance?.dewanTik ?? [] },
    ...plausibilityOf(inventory, opts.asOf),
    coverage: coverageOf(profiles, rules, candidates.filter((r) => !rules.includes(r))),
    exceptions: exceptionsRegister(inventory, opts.asOf),
    ...(split && split.fresh.topology.length > 0 ? { topology: compareTopology(inventory, split.fresh.topology) } : {}),
    ...availabilityOf(inventory, index, split?.fresh),
  };
}

function plausibilityOf(inventory: Inventory, asOf: Date): Pick<Report, "plausibility"> {
  const warnings = plausibilityWarnings(inventory, asOf);
  return warnings.length ? { plausibility: warnings } : {};
}

/** The availability section from the newest fresh availability fact, when there is one. */
function availabilityOf(inventory: Inventory, index: InventoryIndex, facts: ObservedFacts | undefined): Pick<Report, "availability"> {
  const fact = latestAvailability(facts?.availability);
  return fact ? { availability: availabilitySection(inventory, index, fact) } : {};
}

/** Every security-guarantee exception with its status on the evaluation date, soonest expiry first. */
export function exceptionsRegister(inventory: Inventory, asOf: Date): ExceptionEntry[] {
  const entries: ExceptionEntry[] = [];
  for (const a of inventory.applications) {
    const p = a.placement;
    const e = p.type === "external" || p.type === "opd-server" ? p.exception : undefined;
    if (!e) continue;
    const { status, daysLeft } = exceptionStatus(e, asOf);
    entries.push({
      application: a.id,
      opd: a.opd,
      ref: e.ref,
      ...(e.signedByOpd ? { signedByOpd: e.signedByOpd } : {}),
      ...(e.signedByProvider ? { signedByProvider: e.signedByProvider } : {}),
      expires: e.expires,
      daysLeft,
      status,
    });
  }
  return entries.sort((a, b) => (a.expires < b.expires ? -1 : a.expires > b.expires ? 1 : a.application < b.application ? -1 : 1));
}

export function mandatoryFindings(report: Report): Finding[] {
  return report.findings.filter((f) => f.severity === "mandatory");
}

export type { Severity as FindingSeverity };
