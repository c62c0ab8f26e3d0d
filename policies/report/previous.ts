// Changes since the previous report: a finding is identified by rule + subject (its OPD may change
// when an asset moves), so "resolved" and "new" survive re-ordering and re-wording of evidence.
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
const toKey = (f: { rule: string; opd: string; subject: { kind: string; id: string } }): FindingKey => ({ rule: f.rule, opd: f.opd, subject: { kind: f.subject.kind as FindingKey["subject"]["kind"], id: f.subject.id } });

export function compareReports(current: Report, previous: PreviousReport): Changes {
  const now = new Set(current.findings.map(keyOf));
  const before = new Set(previous.findings.map(keyOf));
  return {
    previousAsOf: previous.asOf,
    resolved: previous.findings.filter((f) => !now.has(keyOf(f))).map(toKey),
    added: current.findings.filter((f) => !before.has(keyOf(f))).map(toKey),
  };
}

export function withChanges(current: Report, previous: PreviousReport): Report {
  return { ...current, changes: compareReports(current, previous) };
}
