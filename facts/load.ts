// Reading a facts file: version 2, or version 1 upgraded. A file that is not a facts document is an
// InputFileError naming the file and the path of every problem, so the CLI exits 2 with one clear line.
import { InputFileError, readJsonFile, zodProblems } from "./json-file";
import { FACTS_SCHEMA_V2, observedFactsSchema, observedFactsV1Schema, upgradeV1, type ObservedFacts } from "./schema";

export { InputFileError } from "./json-file";

export function parseFacts(value: unknown, file = "<facts>", now = new Date()): ObservedFacts {
  const declared = value && typeof value === "object" ? (value as { schema?: unknown }).schema : undefined;
  if (declared === FACTS_SCHEMA_V2) {
    const parsed = observedFactsSchema.safeParse(value);
    if (!parsed.success) throw new InputFileError(file, `not an observed-facts file: ${zodProblems(parsed.error)}`);
    return parsed.data;
  }
  const v1 = observedFactsV1Schema.safeParse(value);
  if (!v1.success) {
    const hint = declared === undefined || declared === "spbe-observed-facts/1" ? "" : ` (schema "${String(declared)}" is not known; expected "${FACTS_SCHEMA_V2}")`;
    throw new InputFileError(file, `not an observed-facts file${hint}: ${zodProblems(v1.error)}`);
  }
  return upgradeV1(v1.data, now);
}

/** Parses without throwing: undefined when the value is not a facts document. */
export function tryParseFacts(value: unknown, now = new Date()): ObservedFacts | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return parseFacts(value, "<facts>", now);
  } catch {
    return undefined;
  }
}

export function loadFactsFile(file: string, now = new Date()): ObservedFacts {
  return parseFacts(readJsonFile(file), file, now);
}
