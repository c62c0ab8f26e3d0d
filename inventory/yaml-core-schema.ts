// js-yaml's core schema with one implicit type in front of its own: plain text. js-yaml tries
// null, bool, int and float in turn on every plain scalar, keys included (float's test is a regular
// expression): ~1.2 million resolver calls on the scale-1 inventory, nearly all of them on ids,
// names and keys that none of the four can take. A scalar whose first character none of them accepts
// is taken here as the string it is, in one call; every other goes on to js-yaml's own resolvers, so
// what each scalar becomes is what CORE_SCHEMA makes it (tests/inventory/yaml-core-schema.test.ts).
import * as jsyaml from "js-yaml";
import type { ImplicitType } from "./block-yaml";

/**
 * Every first character a core implicit type can accept, from js-yaml 4's resolvers: null "~",
 * "null", "Null", "NULL"; bool "true"/"false" in three cases; int an optional sign, then a digit;
 * float an optional sign, then a digit or "." (".5", ".inf", ".nan").
 */
const TYPED_FIRST_CHARACTERS = "~nNtTfF-+.0123456789";
const typedFirst = new Uint8Array(128);
for (const c of TYPED_FIRST_CHARACTERS) typedFirst[c.charCodeAt(0)] = 1;

const plainText = new jsyaml.Type("tag:yaml.org,2002:str", {
  kind: "scalar",
  // Only a non-empty string whose first character no core type accepts; anything else (an empty
  // node with an explicit "!<?>" tag, a possible number) is left to the core types behind.
  resolve: (data: unknown) => typeof data === "string" && data.length > 0 && typedFirst[data.charCodeAt(0)] !== 1,
  construct: (data: string) => data,
});

const coreImplicit = (jsyaml.CORE_SCHEMA as unknown as { implicit: jsyaml.Type[] }).implicit;

/** CORE_SCHEMA with plain text resolved first. An explicit `!!str` still takes js-yaml's own type (explicit types win the tag map). */
export const CORE_SCHEMA_PLAIN_FIRST = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [plainText, ...coreImplicit] });

/** The implicit types js-yaml's loader tries on a plain scalar under CORE_SCHEMA_PLAIN_FIRST, in its order. */
export const PLAIN_FIRST_IMPLICIT_TYPES = (CORE_SCHEMA_PLAIN_FIRST as unknown as { compiledImplicit: readonly jsyaml.Type[] })
  .compiledImplicit as readonly ImplicitType[];
