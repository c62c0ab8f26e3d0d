// Rows of sheets -> an inventory document, pure: the tables come in already read (CSV or XLSX, see
// read.ts), the document goes out with the cell each value came from, so that every later finding
// (the zod schema, cross-references in inventory/validate.ts) can be reported as `sheet!B12`.
// The conversion checks only what a cell alone can tell (a number, yes/no); everything else is left
// to the inventory's own validation, so the rules live in one place.
import type { MessageCode, Params } from "../../i18n";
import type { Path } from "../../inventory/diagnostics";
import { columnFor, sheetFor, SHEETS, type CellType, type Column, type SheetSpec } from "./columns";

export type CellValue = string | number | boolean | Date | null | undefined;

export interface SheetTable {
  /** The sheet's name: a CSV file's base name or an XLSX tab's name. */
  name: string;
  /** How positions name it: "devices.csv" or "[inventaris.xlsx]devices". */
  source: string;
  /** Row 0 is the header row (row 1 of the sheet). */
  rows: CellValue[][];
}

/** A cell (or a whole row when `column` is undefined): row 1-based as the spreadsheet shows it. */
export interface CellRef {
  source: string;
  row: number;
  column?: number;
}

export interface SheetProblem {
  where: CellRef;
  code: MessageCode;
  params: Params;
}

export interface SheetImport {
  document: Record<string, unknown>;
  problems: SheetProblem[];
  /** The cell a document path came from, when it came from a sheet. */
  locate(path: Path): CellRef | undefined;
  /** The sheets read, by source. */
  sources: string[];
}

/** A0-style column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `devices.csv!B12`, or `devices.csv!12` for a whole row. */
export const cellName = (ref: CellRef) => `${ref.source}!${ref.column !== undefined ? columnLetters(ref.column) : ""}${ref.row}`;

interface Origin {
  source: string;
  row: number;
  /** Every column the sheet has, by key (an empty cell still has a place to point at). */
  headers: Map<string, number>;
}

interface Entry {
  value: Record<string, unknown>;
  origin?: Origin;
}

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

type Converted = { value: unknown } | { code: MessageCode; params: Params };

function convert(type: CellType, raw: CellValue): Converted {
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
  switch (type) {
    case "text":
      // A spreadsheet's number 3 in "snmp.version" is the string "3" the schema asks for.
      return { value: text };
    case "number":
    case "integer": {
      const n = typeof raw === "number" ? raw : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      if (Number.isNaN(n)) return { code: "import.not-a-number", params: { value: text } };
      if (type === "integer" && !Number.isInteger(n)) return { code: "import.not-an-integer", params: { value: text } };
      return { value: n };
    }
    case "boolean": {
      if (typeof raw === "boolean") return { value: raw };
      const t = text.toLowerCase();
      if (["yes", "ya", "y", "true", "1", "benar"].includes(t)) return { value: true };
      if (["no", "tidak", "n", "false", "0", "salah"].includes(t)) return { value: false };
      return { code: "import.not-a-boolean", params: { value: text } };
    }
    case "list":
    case "interfaces": {
      const parts = text.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
      return { value: type === "list" ? parts : parts.map((name) => ({ name })) };
    }
  }
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let obj = target;
  for (const part of parts.slice(0, -1)) obj = (obj[part] ??= {}) as Record<string, unknown>;
  obj[parts[parts.length - 1]!] = value;
}

function getPath(target: Record<string, unknown>, path: readonly string[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), target);
}

/** Reads one table's header row: the column of each key, and a problem for each header it does not know. */
function readHeaders(spec: SheetSpec, table: SheetTable, problems: SheetProblem[]): Map<number, Column> {
  const columns = new Map<number, Column>();
  const seen = new Map<string, number>();
  (table.rows[0] ?? []).forEach((header, i) => {
    if (isBlank(header)) return;
    const where = { source: table.source, row: 1, column: i };
    const col = columnFor(spec, String(header));
    if (!col) {
      problems.push({ where, code: "import.unknown-column", params: { column: String(header), sheet: spec.name, known: spec.columns.map((k) => k.key).join(", ") } });
    } else if (seen.has(col.key)) {
      problems.push({ where, code: "import.duplicate-column", params: { column: String(header) } });
    } else {
      seen.set(col.key, i);
      columns.set(i, col);
    }
  });
  return columns;
}

/**
 * Merges the sheets' rows into `base` (the starter `spbe init` writes from its flags). A row whose
 * identity matches an item of the base replaces it; a `sites` sheet replaces the starter's
 * placeholder site. Rows of the same sheet are never merged with each other: a repeated id stays
 * repeated so validation reports it at its row.
 */
export function sheetsToInventory(base: Record<string, unknown>, tables: readonly SheetTable[]): SheetImport {
  const document = structuredClone(base);
  const problems: SheetProblem[] = [];
  const sections = new Map<SheetSpec, Entry[]>();
  const entriesOf = (spec: SheetSpec): Entry[] => {
    let entries = sections.get(spec);
    if (!entries) {
      const existing = spec.name === "sites" ? [] : ((getPath(document, spec.section) as Record<string, unknown>[] | undefined) ?? []);
      entries = existing.map((value) => ({ value }));
      sections.set(spec, entries);
    }
    return entries;
  };

  for (const table of tables) {
    const spec = sheetFor(table.name);
    if (!spec) {
      problems.push({ where: { source: table.source, row: 1, column: 0 }, code: "import.unknown-sheet", params: { sheet: table.name, known: SHEETS.map((s) => `${s.name}/${s.id}`).join(", ") } });
      continue;
    }
    const columns = readHeaders(spec, table, problems);
    const headers = new Map([...columns].map(([i, col]) => [col.key, i]));
    const entries = entriesOf(spec);
    table.rows.slice(1).forEach((row, r) => {
      if (row.every(isBlank)) return;
      const value: Record<string, unknown> = {};
      for (const [i, col] of columns) {
        const raw = row[i];
        if (isBlank(raw)) continue;
        const converted = convert(col.type, raw);
        if ("value" in converted) setPath(value, col.key, converted.value);
        else problems.push({ where: { source: table.source, row: r + 2, column: i }, code: converted.code, params: converted.params });
      }
      const origin = { source: table.source, row: r + 2, headers };
      const id = value[spec.identity];
      const replaced = entries.findIndex((e) => e.origin === undefined && id !== undefined && e.value[spec.identity] === id);
      if (replaced >= 0) entries[replaced] = { value, origin };
      else entries.push({ value, origin });
    });
  }

  const origins = new Map<string, Origin>();
  for (const [spec, entries] of sections) {
    const parent = spec.section.length > 1 ? ((getPath(document, spec.section.slice(0, -1)) as Record<string, unknown> | undefined) ?? {}) : document;
    if (spec.section.length > 1) setPath(document, spec.section.slice(0, -1).join("."), parent);
    parent[spec.section[spec.section.length - 1]!] = entries.map((e) => e.value);
    entries.forEach((e, i) => e.origin && origins.set(`${spec.section.join(".")}#${i}`, e.origin));
  }

  const locate = (path: Path): CellRef | undefined => {
    for (const spec of SHEETS) {
      const n = spec.section.length;
      if (path.length <= n || spec.section.some((p, i) => path[i] !== p) || typeof path[n] !== "number") continue;
      const origin = origins.get(`${spec.section.join(".")}#${path[n]}`);
      if (!origin) return undefined;
      const rest = path.slice(n + 1).filter((p): p is string => typeof p === "string").join(".");
      if (!rest) return { source: origin.source, row: origin.row };
      // The column of the field, of a field under it (to -> to.opd), or of the list it sits in (interfaces[0].name).
      const keys = [...origin.headers.keys()];
      const key = keys.find((k) => k === rest) ?? keys.find((k) => k.startsWith(`${rest}.`)) ?? keys.find((k) => rest.startsWith(`${k}.`));
      return { source: origin.source, row: origin.row, column: key !== undefined ? origin.headers.get(key) : undefined };
    }
    return undefined;
  };

  return { document, problems, locate, sources: tables.map((t) => t.source) };
}
