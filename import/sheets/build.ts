// The whole of `spbe init --from`, without I/O: the starter's text and the sheets' tables in, the
// inventory's text and every finding out, each finding placed on the cell it came from. The
// inventory's own loader judges the result, so a sheet is held to exactly what a YAML file is.
import { parse, stringify } from "yaml";
import { t, type Lang } from "../../i18n";
import { type Diagnostic } from "../../inventory/diagnostics";
import { loadInventoryText } from "../../inventory/load";
import { cellName, sheetsToInventory, type CellRef, type SheetTable } from "./convert";

export interface SheetFinding {
  severity: "error" | "warning";
  /** The cell (or row) it is about; absent for a finding about what the flags gave. */
  where?: CellRef;
  /** The loader's diagnostic, for findings not about a cell. */
  diagnostic?: Diagnostic;
  message: string;
}

export interface SheetBuild {
  text: string;
  findings: SheetFinding[];
  valid: boolean;
}

const order = (a: SheetFinding, b: SheetFinding) =>
  (a.where ? 0 : 1) - (b.where ? 0 : 1) ||
  (a.where && b.where ? a.where.source.localeCompare(b.where.source) || a.where.row - b.where.row || (a.where.column ?? -1) - (b.where.column ?? -1) : 0);

/** `starter` is the text `spbe init` writes from its flags; its leading comment lines are kept. */
export function buildFromSheets(starter: string, tables: readonly SheetTable[], file: string, lang: Lang): SheetBuild {
  const header = starter.split("\n").filter((l, i, all) => l.startsWith("#") && all.slice(0, i).every((p) => p.startsWith("#")));
  const imp = sheetsToInventory(parse(starter) as Record<string, unknown>, tables);
  const text = `${header.join("\n")}\n# Dibangun dari lembar / built from the sheets: ${imp.sources.join(", ")}\n${stringify(imp.document, { lineWidth: 0 })}`;

  const findings: SheetFinding[] = imp.problems.map((p) => ({ severity: "error", where: p.where, message: t(lang, p.code, p.params) }));
  const cellsWithProblem = new Set(findings.map((f) => cellName(f.where!)));
  for (const d of loadInventoryText(text, file).diagnostics) {
    const where = imp.locate(d.path);
    // A cell that failed conversion was left out; the schema's "required" for it says nothing new.
    if (where && cellsWithProblem.has(cellName(where))) continue;
    findings.push({ severity: d.severity, where, diagnostic: where ? undefined : d, message: t(lang, d.code, d.params) });
  }
  findings.sort(order);
  return { text, findings, valid: !findings.some((f) => f.severity === "error") };
}
