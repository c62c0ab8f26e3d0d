// Whether a zod schema's parse gives back a valid input as it is: no defaults filled in, no
// transforms, no key dropped or reordered into meaning, no value rewritten. For such a schema the
// loader checks an element with zod's `validate` (its generated code builds no output) and keeps
// the element itself, instead of a copy of every object: on the scale-1 inventory the 50,000
// public IP allocations are such elements, and their copies were ~20 ms of zod and the heap growth
// that set off a full garbage collection (docs/benchmarks.md, issue 15). zod has no API that
// answers this, so the schema's definition is read here, and only what is listed below counts: any
// other kind of schema or check (a default, a pipe, a `trim`, coercion, a date, a record...) answers false
// and the element is parsed as before.
import type { z } from "zod";
import { zodDef } from "./zod-def";

/** Checks that only accept or refuse a value (a refinement, a format, a length or a bound), never rewrite it. */
const REFUSING_CHECKS = new Set([
  "custom",
  "string_format",
  "min_length",
  "max_length",
  "length_equals",
  "greater_than",
  "less_than",
  "number_format",
  "multiple_of",
]);

/** Schema kinds whose output is their input when every check of theirs only refuses. */
const LEAF_KINDS = new Set(["string", "number", "boolean", "literal", "enum", "null", "unknown"]);

const answers = new WeakMap<z.ZodType, boolean>();

/** Whether every valid input of `schema` parses to a value equal to itself (so it may be kept as it is). */
export function outputIsInput(schema: z.ZodType): boolean {
  let answer = answers.get(schema);
  if (answer === undefined) answers.set(schema, (answer = walk(schema, 0)));
  return answer;
}

function walk(schema: z.ZodType, depth: number): boolean {
  // A schema nested this deep is not an inventory's; `lazy` (the only way to recursion) answers false anyway.
  if (depth > 32) return false;
  const def = zodDef(schema);
  if (def.coerce || !(def.checks ?? []).every((check) => REFUSING_CHECKS.has(check._zod.def.check))) return false;
  if (LEAF_KINDS.has(def.type)) return true;
  switch (def.type) {
    case "optional":
    case "nullable":
      return walk(def.innerType!, depth + 1);
    case "array":
      return walk(def.element!, depth + 1);
    case "union":
      return def.options!.every((option) => walk(option, depth + 1));
    case "object": {
      // A strict object refuses unknown keys and a loose one keeps them; the default strips them,
      // so its output may lack keys its input has.
      const rest = def.catchall === undefined ? undefined : zodDef(def.catchall).type;
      if (rest !== "never" && rest !== "unknown") return false;
      return Object.values(def.shape!).every((property) => walk(property, depth + 1));
    }
    default:
      return false;
  }
}
