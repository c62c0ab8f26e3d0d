// A kabupaten's report as the province receives it: the JSON `spbe report --format json` writes.
// Only the fields the provincial report reads are checked; a file that is not such a report is an
// InputFileError naming the file and the fields at fault.
import { z } from "zod";
import { PROFILES } from "../../inventory/schema";
import { InputFileError, readJsonFile, zodProblems } from "../../facts/json-file";
import type { Report } from "../types";

const counts = { checks: z.number().int().nonnegative(), mandatory: z.number().int().nonnegative(), advisory: z.number().int().nonnegative(), score: z.number().min(0).max(100) };

const reportFileSchema = z.looseObject({
  schema: z.literal("spbe-compliance-report/1", { error: 'must be "spbe-compliance-report/1" (a report written by spbe report --format json)' }),
  kabupaten: z.string().min(1),
  domain: z.string().min(1),
  profiles: z.array(z.enum(PROFILES)).min(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
  overall: z.looseObject(counts),
  opds: z.array(z.looseObject({ opd: z.string().min(1), name: z.string(), ...counts })),
  rules: z.array(z.looseObject({ id: z.string().min(1), severity: z.enum(["mandatory", "advisory"]) })),
  findings: z.array(z.looseObject({ rule: z.string().min(1), opd: z.string(), severity: z.enum(["mandatory", "advisory"]), subject: z.object({ kind: z.string().min(1), id: z.string().min(1) }) })),
});

export function parseReportFile(value: unknown, file: string): Report {
  const parsed = reportFileSchema.safeParse(value);
  if (!parsed.success) throw new InputFileError(file, `not a compliance report (JSON of spbe report --format json): ${zodProblems(parsed.error)}`);
  return parsed.data as unknown as Report;
}

export function readReportFile(file: string): Report {
  return parseReportFile(readJsonFile(file), file);
}
