// Schema messages as bilingual texts. Zod writes a message when it parses, in one language, but a
// diagnostic is rendered later in the language its reader asks for (one process may render both:
// a test, `spbe serve` reloading). So a value that fails is parsed once per language, each parse
// given that language's zod locale (per parse, never z.config: nothing global changes), and each
// issue keeps both messages as one Text. Valid values, the common case, are parsed once.
import { z } from "zod";
import { MESSAGES, render, renderBoth, type Params, type Text } from "../i18n";
import { schemaMessages } from "../i18n/messages/schema";

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
}

export type BilingualParse<T> = { success: true; data: T } | { success: false; issues: SchemaIssue[] };

export function safeParseBilingual<T>(schema: z.ZodType<T>, value: unknown): BilingualParse<T> {
  // zod's own locale is English and nothing here changes its global config: the first parse, which
  // is the only one for a valid value, takes no error map (passing one per parse costs a third more
  // on the 10k-application inventory).
  const en = schema.safeParse(value);
  if (en.success) return { success: true, data: en.data };
  // The same schema on the same value: the same issues in the same order, only the wording differs.
  // reportInput: the value the user wrote, for messages that say what to type instead (quote it).
  const id = schema.safeParse(value, { error: LOCALE_ERRORS.id, reportInput: true });
  const idIssues = id.success ? [] : id.error.issues;
  return { success: false, issues: en.error.issues.map((issue, i) => ({ path: issue.path, message: messageOf(issue, idIssues[i]) })) };
}

function messageOf(en: z.core.$ZodIssue, id: z.core.$ZodIssue | undefined): Text {
  // Some of zod's messages read better reworded for an inventory's author: they say what to type.
  if (en.code === "unrecognized_keys") return renderBoth(MESSAGES["schema.unknown-keys"], { keys: en.keys.join(", ") });
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
