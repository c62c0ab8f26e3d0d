// Schema messages as bilingual texts. Zod writes a message when it parses, in one language, but a
// diagnostic is rendered later in the language its reader asks for (one process may render both:
// a test, `spbe serve` reloading). So a value that fails is parsed once per language, each parse
// given that language's zod locale (per parse, never z.config: nothing global changes), and each
// issue keeps both messages as one Text. Valid values, the common case, are parsed once.
import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import { MESSAGES, render, renderBoth, type Params, type Text } from "../i18n";
import { schemaMessages } from "../i18n/messages/schema";
import { zodDef } from "./zod-def";

export type SchemaMessageCode = keyof typeof schemaMessages;

/**
 * A schema message of the catalogue, in English: what zod reports, so anyone parsing with the
 * schemas directly reads English, and `textOfSchemaMessage` finds the entry back.
 */
export function schemaText(code: SchemaMessageCode, params: Params = {}): string {
  return render(MESSAGES[code], "en", params);
}

/** Each schema entry's English template as a pattern capturing its placeholders. */
const SCHEMA_PATTERNS = Object.values(schemaMessages).map((text) => {
  const names: string[] = [];
  const source = text.en
    .split(/\{(\w+)\}/)
    .map((part, i) => (i % 2 ? (names.push(part), "(.+?)") : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return { text, names, pattern: new RegExp(`^${source}$`) };
});

/** The catalogue entry a message written by `schemaText` came from, rendered in both languages. */
export function textOfSchemaMessage(message: string): Text | undefined {
  for (const { text, names, pattern } of SCHEMA_PATTERNS) {
    const match = pattern.exec(message);
    if (match) return renderBoth(text, Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])));
  }
  return undefined;
}

const LOCALE_ERRORS = { id: z.locales.id().localeError };

export interface SchemaIssue {
  path: PropertyKey[];
  message: Text;
  /** Where the position belongs: an unknown field's key, not its value. */
  pointAt?: "key";
}

export type BilingualParse<T> = { success: true; data: T } | { success: false; issues: SchemaIssue[] };

export function safeParseBilingual<T>(schema: z.ZodType<T>, value: unknown): BilingualParse<T> {
  // zod's own locale is English and nothing here changes its global config: the first parse, which
  // is the only one for a valid value, takes no error map (passing one per parse costs a third more
  // on the 10k-application inventory).
  const en = schema.safeParse(value);
  // zod's own success object is already { success: true, data }: no second object per valid element.
  if (en.success) return en;
  // The same schema on the same value: the same issues in the same order, only the wording differs.
  // reportInput: the value the user wrote, for messages that say what to type instead (quote it).
  const id = schema.safeParse(value, { error: LOCALE_ERRORS.id, reportInput: true });
  const idIssues = id.success ? [] : id.error.issues;
  return {
    success: false,
    issues: en.error.issues.flatMap((issue, i): SchemaIssue[] => {
      // One diagnostic per unknown field, at the field's own key, with the nearest known field: a
      // typo (`bandwith:`) is found where it stands, not at the start of the mapping around it.
      if (issue.code === "unrecognized_keys") {
        const known = keysAt(schema, issue.path);
        return issue.keys.map((key) => ({ path: [...issue.path, key], message: unknownKeyText(key, known), pointAt: "key" as const }));
      }
      return [{ path: issue.path, message: messageOf(issue, idIssues[i]) }];
    }),
  };
}

function unknownKeyText(key: string, known: string[]): Text {
  const suggestion = nearest(key, known);
  return suggestion === undefined
    ? renderBoth(MESSAGES["schema.unknown-key"], { key })
    : renderBoth(MESSAGES["schema.unknown-key-suggest"], { key, suggestion });
}

/** The known field closest to a typo, when it is close enough to be what was meant. */
function nearest(key: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = key.toLowerCase();
  const best = closest(lower, known.map((k) => k.toLowerCase()));
  // Two edits (a swapped pair of letters) from longer names, one from names of three letters or less.
  const within = key.length <= 3 ? 1 : Math.max(2, Math.floor(key.length / 3));
  if (distance(lower, best) > within) return undefined;
  return known.find((k) => k.toLowerCase() === best);
}

/** The fields an object schema reached by `path` knows (every option's fields, under a union). */
function keysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  const keys = new Set<string>();
  const walk = (node: z.ZodType | undefined, at: number, depth: number): void => {
    if (!node || depth > 64) return;
    const def = zodDef(node);
    switch (def.type) {
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "readonly":
      case "catch":
      case "nonoptional":
        return walk(def.innerType, at, depth + 1);
      case "pipe":
        return walk(def.in, at, depth + 1);
      case "lazy":
        return walk(def.getter?.(), at, depth + 1);
      case "union":
        for (const option of def.options ?? []) walk(option, at, depth + 1);
        return;
      case "array":
        if (at < path.length) walk(def.element, at + 1, depth + 1);
        return;
      case "object":
        if (at === path.length) for (const k of Object.keys(def.shape ?? {})) keys.add(k);
        else walk(def.shape?.[String(path[at])], at + 1, depth + 1);
        return;
    }
  };
  walk(schema, 0, 0);
  return [...keys];
}

function messageOf(en: z.core.$ZodIssue, id: z.core.$ZodIssue | undefined): Text {
  // Some of zod's messages read better reworded for an inventory's author: they say what to type.
  if (en.code === "invalid_type" && /received undefined/.test(en.message)) return MESSAGES["schema.required"];
  const input = id?.input;
  if (en.code === "invalid_type" && en.expected === "string") return quoteIt(input) ?? fallback(en, id);
  if (en.code === "invalid_union" && "discriminator" in en && Array.isArray((en as { options?: unknown }).options)) {
    // A discriminator (`version`, `type`) the user wrote unquoted: `version: 3` is the number 3.
    const options = (en as { options: unknown[] }).options.map(String);
    const written = input !== null && typeof input === "object" ? (input as Record<string, unknown>)[String(en.discriminator)] : undefined;
    if (written !== undefined && options.includes(String(written))) return quoteIt(written) ?? fallback(en, id);
    return renderBoth(MESSAGES["schema.one-of"], { options: options.map((o) => `"${o}"`).join(", ") });
  }
  if (en.code === "invalid_union" && Array.isArray(en.errors) && en.errors.length > 0) {
    // Every option refused the value for the same reason (an address with a zone is neither an
    // address nor a prefix): that reason says more than zod's "Invalid input".
    const firsts = en.errors.map((errors) => errors[0]?.message);
    const shared = firsts.every((m) => m !== undefined && m === firsts[0]) ? textOfSchemaMessage(firsts[0]!) : undefined;
    if (shared) return shared;
  }
  return fallback(en, id);
}

/** The message for a number or boolean where a string belongs: the string, quoted. */
function quoteIt(input: unknown): Text | undefined {
  if (typeof input === "number") return renderBoth(MESSAGES["schema.quote-number"], { value: String(input) });
  if (typeof input === "boolean") return renderBoth(MESSAGES["schema.quote-boolean"], { value: String(input) });
  return undefined;
}

function fallback(en: z.core.$ZodIssue, id: z.core.$ZodIssue | undefined): Text {
  return textOfSchemaMessage(en.message) ?? { id: id?.message ?? en.message, en: en.message };
}
