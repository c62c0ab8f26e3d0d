// The inventory's text → its model and diagnostics: YAML (block-yaml.ts for the block subset, else
// js-yaml, or yaml's Document for what js-yaml refuses) → per-element schema checks → semantic
// checks. Elements that fail the schema are left out of the model but their ids stay "known", so one
// typo gives one error rather than a cascade of unknown refs. Required by load.ts on first use (a
// load from the cache never needs it).
import * as jsyaml from "js-yaml";
import type { Document, LineCounter } from "yaml";
import { z } from "zod";
import type { MessageCode } from "../i18n";
import type { Diagnostic, Path } from "./diagnostics";
import { place, type LoadResult } from "./load-result";
import { lazyFinder, wholeDocumentFinder } from "./positions";
import {
  allocationSchema,
  applicationSchema,
  cableSchema,
  deviceSchema,
  alertingSchema,
  backboneSchema,
  governanceSchema,
  monitoringSchema,
  incidentSchema,
  inventorySchema,
  linkSchema,
  opdSchema,
  publicIpSchema,
  quotaSchema,
  siteSchema,
  bandwidthSchema,
  type Inventory,
} from "./schema";
import { outputIsInput } from "./output-is-input";
import { safeParseBilingual, type SchemaIssue } from "./schema-text";
import { emptyKnownIds, validateInventory, type KnownIds } from "./validate";
import { blockFinder } from "./block-positions";
import { type ContentLines, OUTSIDE_SUBSET, readBlockYamlLines } from "./block-yaml";
import { CORE_SCHEMA_PLAIN_FIRST, PLAIN_FIRST_IMPLICIT_TYPES } from "./yaml-core-schema";
import { yamlPackage } from "./yaml-package";

/**
 * Two parsers, on purpose. js-yaml builds plain objects many times faster than yaml's Document API
 * (10k-application inventory: ~0.6 s CPU against ~20 s and ~1 GB for a Document), but keeps no
 * positions; yaml keeps every node's position. So every file that parses takes js-yaml (or, first,
 * block-yaml.ts, which reads the plain block style of generated inventories twice as fast), and the
 * positions of the few diagnostics there are come afterwards from the parts of the text they point
 * into (inventory/positions.ts). js-yaml 4, not 5: 5 builds a list of events before the objects,
 * which on the 50 MB inventory took 3.6 s CPU and a 975 MB peak against 4's 2.3 s and 290 MB
 * (docs/benchmarks.md). The core schema is YAML 1.2's, as yaml's default: `2025-01-06` stays the
 * string the schema expects, not a Date.
 * yaml's Document is for what js-yaml refuses (syntax errors, duplicate keys: every one named and
 * placed) and for files using aliases: yaml limits alias expansion (maxAliasCount), while js-yaml
 * shares aliased objects and the schema walk over an alias bomb would be exponential. Above
 * WHOLE_DOCUMENT_MAX_CHARS a syntax error is js-yaml's own, at its line and column: a Document of a
 * very large file takes ~80x its size in memory.
 */
const USES_ALIASES = /(^|[\s[{,:-])\*[^\s,\]}]/m;
const WHOLE_DOCUMENT_MAX_CHARS = 4 * 2 ** 20;

/** The load without the caller's extra checks: what the parsed-inventory cache keeps. */
export function loadCore(text: string, file: string): LoadResult {
  const large = text.length > WHOLE_DOCUMENT_MAX_CHARS;
  // An alias needs a "*": looking for one first spares the expression's ~10 ms over a 12 MB file without any.
  if (large || !text.includes("*") || !USES_ALIASES.test(text)) {
    let raw: unknown;
    let blockLines: ContentLines | undefined;
    try {
      const block = readBlockYamlLines(text, PLAIN_FIRST_IMPLICIT_TYPES);
      if (block !== OUTSIDE_SUBSET) ({ value: raw, lines: blockLines } = block);
      else raw = jsyaml.load(text, { schema: CORE_SCHEMA_PLAIN_FIRST });
    } catch (err) {
      if (large) return { file, diagnostics: [jsyamlSyntaxError(err, file)] };
      // Syntax errors and duplicate keys are reported by the yaml path, every one with its position.
      return loadWithPositions(text, file);
    }
    if (raw === null || raw === undefined) return emptyFile(file);
    const analysed = analyse(raw);
    return place(analysed.diagnostics, analysed.inventory, blockLines ? blockFinder(text, blockLines) : lazyFinder(text), file);
  }
  return loadWithPositions(text, file);
}

/** js-yaml's first error at its own line and column (1-based here). */
function jsyamlSyntaxError(err: unknown, file: string): Diagnostic {
  const e = err as { reason?: string; message?: string; mark?: { line: number; column: number } };
  return {
    severity: "error",
    code: "yaml.syntax",
    path: [],
    params: { message: e.reason ?? String(e.message).split("\n")[0] },
    file,
    ...(e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : {}),
  };
}

/** A file with nothing in it (or only comments): one error at 1:1, not one per missing section. */
function emptyFile(file: string): LoadResult {
  return { file, diagnostics: [{ severity: "error", code: "file.empty", path: [], params: {}, file, line: 1, column: 1 }] };
}

function analyse(raw: unknown): { inventory?: Inventory; diagnostics: Diagnostic[] } {
  const indexMaps = new Map<string, number[]>();
  const { inventory, schemaDiagnostics, skip } = parseStructure(raw, indexMaps);
  const diagnostics = [...schemaDiagnostics];
  if (inventory) {
    for (const diag of validateInventory(inventory, skip)) diagnostics.push({ ...diag, path: remapPath(diag.path, indexMaps) });
  }
  return { inventory, diagnostics };
}

function loadWithPositions(text: string, file: string): LoadResult {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  // uniqueKeys off: yaml would stop at the first duplicate without naming it; duplicateKeys() names
  // each one and the other checks still run in the same round.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  const diagnostics: Diagnostic[] = duplicateKeys(doc, lineCounter, file);
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    diagnostics.push({
      severity: "error",
      code: YAML_ERROR_CODES[err.code] ?? "yaml.syntax",
      path: [],
      params: { message: err.message.split("\n")[0]! },
      file,
      line: pos.line,
      column: pos.col,
    });
  }
  if (doc.errors.length > 0) return { file, diagnostics };
  if (doc.contents === null) return diagnostics.length > 0 ? { file, diagnostics } : emptyFile(file);

  let raw: unknown;
  try {
    // maxAliasCount guards against alias bombs ("billion laughs"); yaml throws when it is exceeded.
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    diagnostics.push({ severity: "error", code: "yaml.syntax", path: [], params: { message: (err as Error).message }, file, line: 1, column: 1 });
    return { file, diagnostics };
  }
  const analysed = analyse(raw);
  return place([...diagnostics, ...analysed.diagnostics], analysed.inventory, wholeDocumentFinder(doc, lineCounter), file);
}

/** yaml's error codes whose message gets a hint of what to type (a colon in a value, a tab). */
const YAML_ERROR_CODES: Partial<Record<string, MessageCode>> = {
  DUPLICATE_KEY: "yaml.duplicate-key",
  BLOCK_AS_IMPLICIT_KEY: "yaml.colon-in-value",
  TAB_AS_INDENT: "yaml.tab-indent",
};

const topLevel = z
  .object({
    meta: z.unknown(),
    opds: z.array(z.unknown()).min(1),
    sites: z.array(z.unknown()).min(1),
    devices: z.array(z.unknown()).default([]),
    links: z.array(z.unknown()).default([]),
    cables: z.array(z.unknown()).default([]),
    publicIp: z.unknown().optional(),
    bandwidth: z.unknown().optional(),
    applications: z.array(z.unknown()).default([]),
    incidents: z.array(z.unknown()).default([]),
    alerting: z.unknown().optional(),
    governance: z.unknown().optional(),
    monitoring: z.unknown().optional(),
    backbone: z.unknown().optional(),
  })
  .strict();

const listSchemas = {
  opds: { schema: opdSchema, key: "code", known: "opds" },
  sites: { schema: siteSchema, key: "id", known: "sites" },
  devices: { schema: deviceSchema, key: "id", known: "devices" },
  links: { schema: linkSchema, key: "id", known: undefined },
  cables: { schema: cableSchema, key: "id", known: undefined },
  applications: { schema: applicationSchema, key: "id", known: "applications" },
  incidents: { schema: incidentSchema, key: "id", known: undefined },
} as const;

/**
 * Sections parsed as one, in this order: an alerting receiver or window that fails leaves no
 * half-routed tree, a router list with a broken entry renders no routing at all.
 */
const wholeSections = { alerting: alertingSchema, governance: governanceSchema, monitoring: monitoringSchema, backbone: backboneSchema } as const;

function zodDiagnostics(issues: SchemaIssue[], base: Path): Diagnostic[] {
  return issues.map((issue) => ({
    severity: "error" as const,
    code: "schema" as const,
    path: [...base, ...(issue.path as Path)],
    params: { message: issue.message },
    ...(issue.pointAt ? { pointAt: issue.pointAt } : {}),
  }));
}

/** Every key written twice in one mapping, named, at the second one (first line in the message). */
function duplicateKeys(doc: Document, lc: LineCounter, file: string): Diagnostic[] {
  const { isNode, isScalar, visit } = yamlPackage();
  const out: Diagnostic[] = [];
  visit(doc, {
    Map(_, map, ancestry) {
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        const at = isNode(pair.key) && pair.key.range ? pair.key.range[0] : undefined;
        if (at === undefined) continue;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, at);
          continue;
        }
        const pos = lc.linePos(at);
        out.push({
          severity: "error",
          code: "yaml.duplicate-key-named",
          path: [...pathOf(ancestry, map), String(key)],
          params: { key: String(key), firstLine: lc.linePos(first).line },
          file,
          line: pos.line,
          column: pos.col,
        });
      }
    },
  });
  return out;
}

/** The inventory path of a node from yaml's visitor ancestry (map keys and list indexes). */
function pathOf(ancestry: readonly unknown[], node: unknown): Path {
  const { isPair, isScalar, isSeq } = yamlPackage();
  const path: Path = [];
  const chain = [...ancestry.slice(1), node];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isSeq(parent)) path.push(parent.items.indexOf(child as never));
    else if (isPair(parent) && isScalar(parent.key) && child === parent.value) path.push(String(parent.key.value));
  }
  return path;
}

/**
 * Splits the document into elements and checks each against its schema. Returns the model built
 * from the valid elements (undefined when the top level itself is unusable).
 */
function parseStructure(
  raw: unknown,
  indexMaps: Map<string, number[]>,
): { inventory?: Inventory; schemaDiagnostics: Diagnostic[]; skip: KnownIds } {
  const diagnostics: Diagnostic[] = [];
  const skip = emptyKnownIds();
  const top = safeParseBilingual(topLevel, raw ?? {});
  // Damage at the top (a missing or empty list, an unknown section) is reported, and every section
  // that is there is still checked in the same round: a missing `opds` must not hide a missing
  // `meta.dinas` until the next run. Cross-references wait until the top is whole, or each reference
  // to the missing section would be one more error.
  if (!top.success) diagnostics.push(...zodDiagnostics(top.issues, []));
  const t = top.success ? top.data : sectionsPresent(raw);
  const out: Record<string, unknown> = {};

  const meta = safeParseBilingual(inventorySchema.shape.meta, t.meta);
  if (!meta.success) diagnostics.push(...zodDiagnostics(meta.issues, ["meta"]));
  else out.meta = meta.data;

  for (const [key, spec] of Object.entries(listSchemas)) {
    const items = (t as Record<string, unknown[]>)[key]!;
    out[key] = parseList(items, spec.schema as z.ZodType, [key], spec.key, spec.known ? skip[spec.known] : undefined, diagnostics, indexMaps);
  }

  let publicIpBroken = false;
  if (t.publicIp !== undefined) {
    const shell = safeParseBilingual(z.object({ blocks: z.array(z.unknown()).default([]), allocations: z.array(z.unknown()).default([]) }).strict(), t.publicIp);
    // A publicIp that is not even {blocks, allocations} leaves nothing to cross-check (every
    // reference to an allocation would be one more error): its errors are reported, the
    // cross-references wait, as for a damaged top level.
    if (!shell.success) {
      diagnostics.push(...zodDiagnostics(shell.issues, ["publicIp"]));
      publicIpBroken = true;
    } else {
      out.publicIp = {
        blocks: parseList(shell.data.blocks, publicIpSchema.shape.blocks.unwrap().element, ["publicIp", "blocks"], "id", skip.blocks, diagnostics, indexMaps),
        allocations: parseList(shell.data.allocations, allocationSchema, ["publicIp", "allocations"], "id", skip.allocations, diagnostics, indexMaps),
      };
    }
  } else {
    out.publicIp = { blocks: [], allocations: [] };
  }

  if (t.bandwidth !== undefined) {
    const shell = safeParseBilingual(bandwidthSchema.extend({ quotas: z.array(z.unknown()).default([]) }), t.bandwidth);
    if (!shell.success) diagnostics.push(...zodDiagnostics(shell.issues, ["bandwidth"]));
    else out.bandwidth = { ...shell.data, quotas: parseList(shell.data.quotas, quotaSchema, ["bandwidth", "quotas"], "opd", undefined, diagnostics, indexMaps) };
  }

  for (const [key, schema] of Object.entries(wholeSections)) {
    const value = (t as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const section = safeParseBilingual(schema as z.ZodType, value);
    if (!section.success) diagnostics.push(...zodDiagnostics(section.issues, [key]));
    else out[key] = section.data;
  }

  if (!out.meta || !top.success || publicIpBroken) return { schemaDiagnostics: diagnostics, skip };
  return { inventory: out as Inventory, schemaDiagnostics: diagnostics, skip };
}

/** The sections a document with a damaged top level does have, in the shapes parseStructure reads. */
function sectionsPresent(raw: unknown): z.output<typeof topLevel> {
  const doc = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const list = (key: string) => (Array.isArray(doc[key]) ? (doc[key] as unknown[]) : []);
  return {
    meta: doc.meta,
    opds: list("opds"),
    sites: list("sites"),
    devices: list("devices"),
    links: list("links"),
    cables: list("cables"),
    publicIp: doc.publicIp,
    bandwidth: doc.bandwidth,
    applications: list("applications"),
    incidents: list("incidents"),
    alerting: doc.alerting,
    governance: doc.governance,
    monitoring: doc.monitoring,
    backbone: doc.backbone,
  };
}

/**
 * zod's compile(): a clone of the schema whose parse is generated code, with the runtime parser run
 * for whatever the generated one refuses, so every issue is still the runtime's. On the scale-1
 * inventory the long lists parse in ~2/3 of the time (docs/benchmarks.md), but generating one costs
 * 1-13 ms, which a short list never earns back: only lists of COMPILE_FROM_ITEMS or more use it.
 */
const COMPILE_FROM_ITEMS = 1000;
const compiledSchemas = new Map<z.ZodType, z.ZodType>();

function parserFor(schema: z.ZodType, items: number): z.ZodType {
  if (items < COMPILE_FROM_ITEMS) return schema;
  let compiled = compiledSchemas.get(schema);
  if (!compiled) compiledSchemas.set(schema, (compiled = z.compile(schema)));
  return compiled;
}

function parseList(
  items: unknown[],
  schema: z.ZodType,
  base: Path,
  key: string,
  known: Set<string> | undefined,
  diagnostics: Diagnostic[],
  indexMaps: Map<string, number[]>,
): unknown[] {
  const valid: unknown[] = [];
  const originalIndex: number[] = [];
  const parser = parserFor(schema, items.length);
  // A schema whose output is its input (output-is-input.ts) only checks: the element is kept as it is.
  const keepValid = outputIsInput(schema);
  items.forEach((item, i) => {
    if (keepValid && parser.validate(item)) {
      valid.push(item);
      originalIndex.push(i);
      return;
    }
    const r = safeParseBilingual(parser, item);
    if (r.success) {
      valid.push(r.data);
      originalIndex.push(i);
      return;
    }
    diagnostics.push(...zodDiagnostics(r.issues, [...base, i]));
    const idValue = item && typeof item === "object" ? (item as Record<string, unknown>)[key] : undefined;
    if (known && typeof idValue === "string") known.add(idValue);
  });
  // Semantic checks see only the valid elements; remember where each one stands in the file.
  if (valid.length !== items.length) indexMaps.set(base.join("."), originalIndex);
  return valid;
}

/** Rewrites a semantic diagnostic's list index from the model's position to the file's. */
function remapPath(path: Path, indexMaps: Map<string, number[]>): Path {
  for (const depth of [1, 2]) {
    const map = indexMaps.get(path.slice(0, depth).join("."));
    const at = path[depth];
    if (map && typeof at === "number" && map[at] !== undefined) {
      return [...path.slice(0, depth), map[at]!, ...path.slice(depth + 1)];
    }
  }
  return path;
}
