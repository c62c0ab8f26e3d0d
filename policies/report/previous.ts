// Changes since the previous report: a finding is identified by rule + subject (its OPD may change
// when an asset moves), so the classes survive re-ordering and re-wording of evidence. Each finding
// is new, persisting or worsened (mandatory now where its subject had only an advisory finding, under
// this rule or another: an expiring exception that expired is worse, not "resolved" plus "new"); a
// previous finding is resolved only when nothing on its subject took its place. Several previous
// reports give the per-OPD trend.
import { z } from "zod";
import { InputFileError, readJsonFile, zodProblems } from "../../facts/json-file";
import type { Changes, FindingKey, Report } from "../types";

const previousSchema = z.object({
  schema: z.literal("spbe-compliance-report/1", { error: 'must be "spbe-compliance-report/1" (a report written by spbe report --format json)' }),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
  findings: z.array(
    z.object({
      rule: z.string().min(1),
      opd: z.string(),
      severity: z.enum(["mandatory", "advisory"]).optional(),
      subject: z.object({ kind: z.string().min(1), id: z.string().min(1) }),
    }),
  ),
});

export type PreviousReport = z.infer<typeof previousSchema>;

export function parsePreviousReport(value: unknown, file = "<previous>"): PreviousReport {
  const parsed = previousSchema.safeParse(value);
  if (!parsed.success) throw new InputFileError(file, `not a previous compliance report (JSON): ${zodProblems(parsed.error)}`);
  return parsed.data;
}

export function loadPreviousReport(file: string): PreviousReport {
  return parsePreviousReport(readJsonFile(file), file);
}

const keyOf = (f: { rule: string; subject: { kind: string; id: string } }) => `${f.rule}\u0000${f.subject.kind}\u0000${f.subject.id}`;
const subjectOf = (f: { subject: { kind: string; id: string } }) => `${f.subject.kind}\u0000${f.subject.id}`;
const toKey = (f: { rule: string; opd: string; severity?: "mandatory" | "advisory"; subject: { kind: string; id: string } }): FindingKey => ({
  rule: f.rule,
  opd: f.opd,
  subject: { kind: f.subject.kind as FindingKey["subject"]["kind"], id: f.subject.id },
  ...(f.severity ? { severity: f.severity } : {}),
});

export function compareReports(current: Report, previous: PreviousReport): Changes {
  const before = new Map(previous.findings.map((f) => [keyOf(f), f]));
  const now = new Set(current.findings.map(keyOf));
  /** Previous findings a worsened finding took the place of (not resolved). */
  const replaced = new Set<string>();
  const added: FindingKey[] = [];
  const persisting: FindingKey[] = [];
  const worsened: (FindingKey & { from: string })[] = [];
  for (const f of current.findings) {
    const same = before.get(keyOf(f));
    if (same) {
      if (same.severity === "advisory" && f.severity === "mandatory") worsened.push({ ...toKey(f), from: same.rule });
      else persisting.push(toKey(f));
      continue;
    }
    // Another rule on the same subject, only advisory before, gone now: this finding is its successor.
    const onSubject = previous.findings.filter((p) => subjectOf(p) === subjectOf(f) && !now.has(keyOf(p)));
    if (f.severity === "mandatory" && onSubject.length > 0 && onSubject.every((p) => p.severity === "advisory")) {
      onSubject.forEach((p) => replaced.add(keyOf(p)));
      worsened.push({ ...toKey(f), from: onSubject.map((p) => p.rule).join(", ") });
    } else {
      added.push(toKey(f));
    }
  }
  return {
    previousAsOf: previous.asOf,
    resolved: previous.findings.filter((f) => !now.has(keyOf(f)) && !replaced.has(keyOf(f))).map(toKey),
    added,
    persisting,
    worsened,
  };
}

/** Mandatory and advisory findings per OPD in each report, oldest first. */
function trendOf(current: Report, previous: readonly PreviousReport[]): NonNullable<Changes["trend"]> {
  const reports = [...previous, current];
  const opds = current.opds.map((o) => o.opd);
  for (const r of previous) for (const f of r.findings) if (!opds.includes(f.opd)) opds.push(f.opd);
  const count = (r: PreviousReport | Report, opd: string, severity: string) => r.findings.filter((f) => f.opd === opd && (f.severity ?? "mandatory") === severity).length;
  return {
    asOf: reports.map((r) => r.asOf),
    opds: opds.map((opd) => ({ opd, mandatory: reports.map((r) => count(r, opd, "mandatory")), advisory: reports.map((r) => count(r, opd, "advisory")) })),
  };
}

/** Changes against the latest previous report; with more than one, the per-OPD trend over all of them. */
export function withChanges(current: Report, previous: PreviousReport | readonly PreviousReport[]): Report {
  const list = (Array.isArray(previous) ? [...previous] : [previous as PreviousReport]).sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const latest = list.at(-1)!;
  return { ...current, changes: { ...compareReports(current, latest), ...(list.length > 1 ? { trend: trendOf(current, list) } : {}) } };
}
