// What one module's walk came back with, judged against the module's own tables: ok, empty,
// partial or failed. Pure. An agent that answers endOfMibView at once (or only OIDs outside the
// module) gives an answered poll with nothing in it: without this it looked like `up=1, errors=[]`.
import type { ModuleResult } from "./convert";
import type { ModuleStatusValue } from "./metric-names";
import type { ModuleDef } from "./module-def";
import { isExceptionType } from "./varbind";

export interface ModuleStatus {
  module: string;
  status: ModuleStatusValue;
  /** Why, when not ok: a poll error reason (failed), "no_objects" (empty) or "missing" (partial). */
  reason?: string;
  /** For people (/targets, logs): the error, or which tables and scalars did not answer. */
  message?: string;
}

/**
 * The status of a module that answered: each table (rows in any of its columns or lookups) and each
 * scalar (a value that is not noSuchObject/noSuchInstance) is one part; none answered is empty, some
 * is partial. A table whose rows only lack some columns is still answered: agents without ifXTable
 * have ifTable rows and that is the if_mib module working as designed (counter fallback).
 */
export function moduleStatus(m: ModuleDef, r: ModuleResult): ModuleStatus {
  const missing: string[] = [];
  let parts = 0;
  // Optional parts (a health scalar this board lacks, a router without simple queues) count only
  // when nothing else answered: then the module is empty.
  let optionalAnswered = false;
  const scalarObjects = [...m.scalars.map((s) => ({ name: s.name, oid: s.oid, optional: s.optional })), ...(m.info?.labels.map((l) => ({ name: l.label, oid: l.oid, optional: false })) ?? [])];
  for (const s of scalarObjects) {
    const vb = r.scalars.get(`${s.oid}.0`);
    const answered = vb !== undefined && !isExceptionType(vb.type);
    if (s.optional) {
      optionalAnswered ||= answered;
      continue;
    }
    parts++;
    if (!answered) missing.push(s.name);
  }
  for (const t of m.tables) {
    const oids = [...t.lookups.map((l) => l.oid), ...t.columns.map((c) => c.oid)];
    const answered = oids.some((o) => (r.columns.get(o)?.length ?? 0) > 0);
    if (t.optional) {
      optionalAnswered ||= answered;
      continue;
    }
    parts++;
    if (!answered) missing.push(`${t.indexLabel} table (${t.columns[0]?.name ?? t.lookups[0]?.label} ...)`);
  }
  if (missing.length === 0 && (parts > 0 || optionalAnswered)) return { module: m.name, status: "ok" };
  if (missing.length === parts && !optionalAnswered) {
    return { module: m.name, status: "empty", reason: "no_objects", message: `the agent answered but has none of the module's objects (${missing.join(", ")})` };
  }
  return { module: m.name, status: "partial", reason: "missing", message: `not answered: ${missing.join(", ")}` };
}
