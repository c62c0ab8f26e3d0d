// The inventory's field reference has one home: the schema. Each field carries, as zod metadata, what
// it is for in both languages, what reads it (a rule and the Perda article it cites, a planner, the
// collectors) and an example. docs/inventory.md and docs/inventory.schema.json are generated from
// it (inventory/reference.ts), so a field cannot change without its reference changing too.

/** The metadata key holding the bilingual description and its readers (JSON Schema allows x- keys). */
export const FIELD_DOC_KEY = "x-spbe-doc";

export interface FieldDoc {
  id: string;
  en: string;
  /** Who reads the field: a rule id with its citation, a planner, the collectors. */
  usedBy?: string;
}

/**
 * Zod metadata for one field. `description` (what editors show on hover) holds both languages; the
 * reference generator reads the two separately from FIELD_DOC_KEY.
 */
export function doc(en: string, id: string, usedBy?: string, example?: unknown): Record<string, unknown> {
  const fieldDoc: FieldDoc = usedBy ? { id, en, usedBy } : { id, en };
  return {
    description: `${id}\n\n${en}`,
    [FIELD_DOC_KEY]: fieldDoc,
    ...(example === undefined ? {} : { examples: [example] }),
  };
}

/** The metadata key naming a shared value form (identifier, date, CIDR...) in both languages. */
export const FORM_KEY = "x-spbe-form";

/** Zod metadata for a value form shared by many fields; fields' own `doc` adds to it. */
export function form(en: string, id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { [FORM_KEY]: { id, en }, ...extra };
}
