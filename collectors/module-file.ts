// One module file (YAML, in the spirit of snmp_exporter's generator: what to walk, the lookups, each
// object's metric type, SNMP syntax, enumeration values and index labels) → the ModuleDef the
// poller reads, or diagnostics with file:line:column and the path in the file. The shipped modules
// (collectors/modules/*.yaml) and the user's files named in the inventory are read alike.
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Diagnostic } from "../inventory/diagnostics";
import { positionOf } from "../inventory/positions";
import { yamlPackage } from "../inventory/yaml-package";
import { safeParseBilingual, schemaText } from "../inventory/schema-text";
import { DERIVATION_CONSUMES, DERIVATION_NAMES, DERIVATIONS, type DerivationName } from "./module-derive";
import { SNMP_SYNTAXES, type ModuleDef } from "./module-def";

const oid = z.string().regex(/^1(\.\d+)+$/, schemaText("schema.oid"));
// Prometheus' metric and label name grammars (a label may not contain ':').
const metricName = z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, schemaText("schema.metric-name"));
const labelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, schemaText("schema.label-name"));
const syntax = z.enum(SNMP_SYNTAXES);
const help = z.string().min(1);
const enumValues = z
  .record(z.string().regex(/^-?\d+$/, schemaText("schema.enum-number")), z.string().min(1))
  .transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [Number(k), v])) as Record<number, string>);

const object = {
  name: metricName,
  oid,
  type: z.enum(["gauge", "counter"]),
  syntax,
  help,
  enumValues: enumValues.optional(),
};
const lookup = z.object({ label: labelName, oid, syntax }).strict();

const moduleFileSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, schemaText("schema.module-name")),
    /** For people: the MIB the objects come from, e.g. "MIKROTIK-MIB (RouterOS 7.x)". */
    mib: z.string().min(1).optional(),
    optional: z.boolean().default(false),
    derive: z.enum(DERIVATION_NAMES as [DerivationName, ...DerivationName[]]).optional(),
    scalars: z.array(z.object({ ...object, optional: z.boolean().optional() }).strict()).default([]),
    info: z.object({ name: metricName, help, labels: z.array(lookup).min(1) }).strict().optional(),
    tables: z
      .array(
        z
          .object({
            index: z.union([labelName, z.array(labelName).min(1)]),
            optional: z.boolean().optional(),
            lookups: z.array(lookup).default([]),
            columns: z.array(z.object(object).strict()).min(1),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    // One series name per object: two objects of one name would be one metric with two meanings.
    const seen = new Set<string>();
    const check = (name: string, path: (string | number)[]) => {
      if (seen.has(name)) ctx.addIssue({ code: "custom", path, message: schemaText("schema.module-twice", { name }) });
      seen.add(name);
    };
    m.scalars.forEach((s, i) => check(s.name, ["scalars", i, "name"]));
    m.tables.forEach((t, ti) => t.columns.forEach((c, ci) => check(c.name, ["tables", ti, "columns", ci, "name"])));
    if (m.scalars.length === 0 && m.tables.length === 0 && !m.info) ctx.addIssue({ code: "custom", path: [], message: schemaText("schema.module-empty") });
  });

export type ModuleFileResult = { module: ModuleDef; diagnostics: [] } | { module?: undefined; diagnostics: Diagnostic[] };

/** The file's model: the table fields renamed to the in-memory ones, derive() made for it. */
function toModule(m: z.output<typeof moduleFileSchema>): ModuleDef {
  const tables = m.tables.map((t) => {
    const [first, ...inner] = typeof t.index === "string" ? [t.index] : t.index;
    return { indexLabel: first!, ...(inner.length > 0 ? { innerIndexLabels: inner } : {}), columns: t.columns, lookups: t.lookups, ...(t.optional ? { optional: true } : {}) };
  });
  const def: Omit<ModuleDef, "derive"> = { name: m.name, scalars: m.scalars, ...(m.info ? { info: m.info } : {}), tables, ...(m.optional ? { optional: true } : {}) };
  if (!m.derive) return def;
  const consumed = DERIVATION_CONSUMES[m.derive];
  return { ...def, derive: DERIVATIONS[m.derive](def), ...(consumed ? { consumed } : {}) };
}

/** Parses a module file's text; every finding carries `file` and, where the YAML has it, a position. */
export function parseModuleText(text: string, file: string): ModuleFileResult {
  const { LineCounter, parseDocument } = yamlPackage();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((err) => {
        const pos = lc.linePos(err.pos[0]);
        return { severity: "error", code: "yaml.syntax", path: [], params: { message: err.message.split("\n")[0]! }, file, line: pos.line, column: pos.col };
      }),
    };
  }
  const parsed = safeParseBilingual(moduleFileSchema, doc.toJS({ maxAliasCount: 100 }) ?? {});
  if (parsed.success) return { module: toModule(parsed.data), diagnostics: [] };
  return {
    diagnostics: parsed.issues.map((issue) => {
      const path = issue.path as (string | number)[];
      const pos = positionOf(doc, path, lc, issue.pointAt) ?? { line: 1, col: 1 };
      return { severity: "error", code: "schema", path, params: { message: issue.message }, file, line: pos.line, column: pos.col };
    }),
  };
}

/** Reads and parses one module file. */
export function readModuleFile(file: string): ModuleFileResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const message = (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message;
    return { diagnostics: [{ severity: "error", code: "module.file-unreadable", path: [], params: { file, message }, file }] };
  }
  return parseModuleText(text, file);
}
