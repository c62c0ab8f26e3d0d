// Observed facts: what the running system shows, as opposed to what the inventory declares. The
// collectors write this JSON file (see docs/compliance-matrix.md, "Observed facts"); the rules in
// rules/observed.ts compare it with the inventory. Every field but the ids is optional so a
// collector can report only what it measured.
//
// {
//   "schema": "spbe-observed-facts/1",
//   "observedAt": "2026-11-23T06:00:00Z",
//   "devices": [
//     { "id": "dc-rtr-01", "lastSeen": "2026-11-23T05:59:30Z" },
//     { "id": "kec-awang-rtr-01", "lastSeen": "2026-10-01T08:00:00Z", "unreachableSince": "2026-10-01T08:05:00Z" }
//   ],
//   "applications": [
//     { "id": "portal", "hostname": "www.baritotimurkab.go.id", "answeringFrom": ["203.0.113.10"], "observedAt": "2026-11-23T06:00:00Z" }
//   ]
// }
import * as ipaddr from "ipaddr.js";
import { z } from "zod";
import { InputFileError, readJsonFile, zodProblems } from "./input-file";

export { InputFileError } from "./input-file";

const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 date or timestamp");

export const observedFactsSchema = z
  .object({
    schema: z.literal("spbe-observed-facts/1").optional(),
    observedAt: timestamp.optional(),
    devices: z
      .array(
        z
          .object({
            id: z.string().min(1),
            /** Last successful SNMP poll. */
            lastSeen: timestamp.optional(),
            /** First failed poll of the current outage; absent or null when reachable. */
            unreachableSince: timestamp.nullable().optional(),
          })
          .strict(),
      )
      .default([]),
    applications: z
      .array(
        z
          .object({
            id: z.string().min(1),
            hostname: z.string().optional(),
            /** Addresses the hostname resolved to and answered from (DNS + HTTP/TCP probe). */
            answeringFrom: z.array(z.string().refine((s) => ipaddr.isValid(s), "must be an IP address")).default([]),
            observedAt: timestamp.optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type ObservedFacts = z.infer<typeof observedFactsSchema>;

export function parseFacts(value: unknown, file = "<facts>"): ObservedFacts {
  const parsed = observedFactsSchema.safeParse(value);
  if (!parsed.success) throw new InputFileError(file, `not an observed-facts file: ${zodProblems(parsed.error)}`);
  return parsed.data;
}

export function loadFactsFile(file: string): ObservedFacts {
  return parseFacts(readJsonFile(file), file);
}
