// The vocabulary of the compliance engine: rules with their Perda citations, the findings they
// produce, and the report that gathers them. Plain data only, so reports serialise to JSON as is.
import type { Lang, Text } from "../i18n";
import type { Inventory, Profile } from "../inventory/schema";
import type { Diagnostic } from "../inventory/diagnostics";
import type { StaleFact } from "../facts/freshness";
import type { ObservedFacts } from "../facts/schema";
import type { TopologyComparison } from "./topology";
import type { Predicate } from "./verdict";

export type Severity = "mandatory" | "advisory";
export type { Lang, Text };

/** One article of one Perda: `klaten-18-2018 Pasal 9 (2) a`. */
export interface Citation {
  profile: Profile;
  pasal: number;
  /** ayat, e.g. "1" or "1-2"; omitted when the article has no numbered paragraphs. */
  ayat?: string;
  /** huruf, e.g. "a". */
  huruf?: string;
  /** Severity under this regulation when it differs from the rule's own (e.g. good practice elsewhere). */
  severity?: Severity;
  /** Why this article supports the rule, when that is not obvious from the article itself. */
  note?: Text;
}

/** `name`: a DNS name under the kabupaten domain (observed, not in the inventory). */
export type SubjectKind = "application" | "opd" | "device" | "link" | "cable" | "kabupaten" | "name" | "incident" | "outage";

/** The part of the inventory a finding is about. */
export interface Subject {
  kind: SubjectKind;
  id: string;
}

/** What a rule sees: the inventory, the evaluation date, observed facts and prebuilt indexes. */
export interface RuleContext {
  inventory: Inventory;
  asOf: Date;
  /** The Perda the evaluation reads (a rule whose articles differ between them, e.g. placement, asks). */
  profiles: readonly Profile[];
  facts?: ObservedFacts;
  index: InventoryIndex;
  /** The evaluation date of the previous report given (`--previous`), YYYY-MM-DD: the yearly evaluation is due a year after it. */
  previousAsOf?: string;
}

export interface InventoryIndex {
  sites: Map<string, Inventory["sites"][number]>;
  devices: Map<string, Inventory["devices"][number]>;
  opds: Map<string, Inventory["opds"][number]>;
  /** The Dinas public blocks as CIDR text. */
  dinasBlocks: string[];
}

/** One evaluation of a rule against one subject: passed, or failed with evidence parameters. */
export interface Check {
  subject: Subject;
  /** Owner OPD code (the Dinas for kabupaten-wide subjects). */
  opd: string;
  /** Undefined when the check passed; otherwise which evidence template applies and its values. */
  failure?: { variant: string; params: Record<string, string | number> };
}

export interface Rule {
  id: string;
  title: Text;
  /** What the rule checks, one sentence. */
  checks: Text;
  severity: Severity;
  citations: Citation[];
  /** Evidence templates by variant, with {param} placeholders (rendered by i18n render). */
  evidence: Record<string, Text>;
  remediation: Text;
  /**
   * The remediation when the evaluation is under that Perda alone, where the general one would name
   * a route the other Perda has (a Klaten report offers no Barito Timur exception).
   */
  remediationUnder?: Partial<Record<Profile, Text>>;
  /** Whether the rule needs observed facts (skipped, not passed, when none are given). */
  needsFacts?: boolean;
  evaluate(ctx: RuleContext): Check[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  opd: string;
  subject: Subject;
  variant: string;
  params: Record<string, string | number>;
  /** Evidence text in both languages, rendered from the rule's template. */
  evidence: Text;
}

export interface OpdScore {
  opd: string;
  name: string;
  checks: number;
  mandatory: number;
  advisory: number;
  /** 0..100 */
  score: number;
  /** Read from the counts of findings (policies/verdict.ts), not from the score. */
  predicate?: Predicate;
}

export interface ExceptionEntry {
  application: string;
  opd: string;
  ref: string;
  signedByOpd?: string;
  signedByProvider?: string;
  expires: string;
  daysLeft: number;
  status: "valid" | "expiring" | "expired" | "unsigned";
}

export interface RuleSummary {
  id: string;
  title: Text;
  checks: Text;
  severity: Severity;
  citations: string[];
  remediation: Text;
  failed: number;
  checked: number;
}

export interface Changes {
  previousAsOf: string;
  /** Findings of the previous report with no successor on their subject. */
  resolved: FindingKey[];
  /** New findings (no finding on that rule and subject before, and not a worsening). */
  added: FindingKey[];
  /** The same rule and subject, no more severe than before. */
  persisting?: FindingKey[];
  /** Now mandatory where the subject had only an advisory finding before (same or another rule). */
  worsened?: (FindingKey & { from: string })[];
  /** Findings per OPD in each report, oldest first (this one last): the trend. */
  trend?: { asOf: string[]; opds: { opd: string; mandatory: number[]; advisory: number[] }[] };
}

export interface FindingKey {
  rule: string;
  opd: string;
  subject: Subject;
  severity?: Severity;
}

export interface Report {
  schema: "spbe-compliance-report/1";
  kabupaten: string;
  domain: string;
  profiles: Profile[];
  asOf: string;
  factsUsed: boolean;
  /** Facts given but too old to judge by (facts/freshness.ts): listed, never silently used. */
  staleFacts?: StaleFact[];
  /** The age limit the stale facts were judged against, in hours. */
  maxFactAgeHours?: number;
  rules: RuleSummary[];
  findings: Finding[];
  opds: OpdScore[];
  overall: { checks: number; mandatory: number; advisory: number; score: number; predicate?: Predicate };
  /** The letter around the report: its number and date, the Dewan TIK members who sign it. */
  letter?: { number?: string; date: string; signatories: { name: string; role: string }[] };
  /** Evidence that looks wrong as of the evaluation date (policies/plausibility.ts): warnings with the field's path, and its position once the CLI located it. */
  plausibility?: Diagnostic[];
  /** Which articles were assessed, which were not and why. */
  coverage?: ProfileCoverage[];
  exceptions: ExceptionEntry[];
  /** Declared vs observed: each link's state from the LLDP/CDP facts, when the facts have any (policies/topology.ts). */
  topology?: TopologyComparison;
  changes?: Changes;
  /** Availability over the period from Prometheus' history (policies/availability.ts): information, not a finding. */
  availability?: AvailabilitySection;
}

/** The longest outage of a group: which subject, when, how long. */
export interface GroupOutage {
  subject: { kind: "device" | "probe"; id: string };
  start: string;
  end: string;
  seconds: number;
}

/** Availability of a group of devices: the mean of its devices' ratios and its longest outage. */
export interface AvailabilityFigure {
  /** 0..1, the mean over the group's devices that have history. */
  ratio: number;
  /** Devices of the group with history. */
  devices: number;
  longestOutage?: GroupOutage;
}

export interface AvailabilitySection {
  from: string;
  to: string;
  source: string;
  observedAt: string;
  /** Set when the history could not be read: the report then says so and shows no figures. */
  error?: { code: string; message: string };
  opds: ({ opd: string; name: string } & AvailabilityFigure)[];
  /** Per backbone link, the device reached through it (`device`; the worse endpoint when neither is in the data center). */
  links: ({ link: string; device: string } & AvailabilityFigure)[];
  datacenter?: AvailabilityFigure;
  recovery?: AvailabilityFigure;
  probes: { name: string; ratio: number; longestOutage?: GroupOutage }[];
  /** The longest outage of any device or probe in the period. */
  longestOutage?: GroupOutage;
  /** Inventory devices polled over SNMP that have no history in the period. */
  notObserved: string[];
  /** Each OPD's internet use over the period (volume, 95th percentile), with its quota when it has one. */
  quotaUse: { opd: string; name: string; direction: "down" | "up"; volumeBytes: number; p95Bps: number; quotaBps?: number }[];
}

/** Which articles of one Perda an evaluation assessed (policies/coverage.ts). */
export interface ProfileCoverage {
  profile: Profile;
  /** Articles at least one rule assessed. */
  assessed: number[];
  /** Articles whose only rules need observed facts, and none were given. */
  noFacts: number[];
  /** Articles no rule of the catalogue checks (not checkable by software; see docs/compliance-matrix.md). */
  notCheckable: number[];
  total: number;
}
