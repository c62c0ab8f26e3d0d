// What `spbe report --province <dir>` reads: every inventory (.yaml/.yml) and every kabupaten report
// (.json) in the directory and in its subdirectories one level down (examples/<kabupaten>/inventory.yaml).
// Each inventory is evaluated under its own meta.profiles; each report is taken as evaluated. Every
// problem is gathered (inventory diagnostics with their positions, unreadable or foreign files), so the
// command reports them all at once and writes nothing.
import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { InputFileError } from "../../facts/json-file";
import type { Diagnostic } from "../../inventory/diagnostics";
import { loadInventoryFile } from "../../inventory/load";
import { evaluate } from "../index";
import type { SourcedReport } from "./aggregate";
import { readReportFile } from "./report-file";

export type ProvinceSourceKind = "inventory" | "report";

export interface ProvinceSource {
  file: string;
  kind: ProvinceSourceKind;
}

const KIND_BY_EXTENSION: Record<string, ProvinceSourceKind> = { ".yaml": "inventory", ".yml": "inventory", ".json": "report" };

function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputFileError(dir, code === "ENOENT" ? "no such directory" : code === "ENOTDIR" ? "not a directory (give the directory of the kabupaten inventories or reports)" : (err as Error).message);
  }
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a dangling link: listed as a file, and its read fails with its own message
  }
};

/** The inventories and reports in `dir` and one level below, in name order. */
export function listProvinceSources(dir: string): ProvinceSource[] {
  const out: ProvinceSource[] = [];
  const take = (path: string) => {
    const kind = KIND_BY_EXTENSION[extname(path).toLowerCase()];
    if (kind) out.push({ file: path, kind });
  };
  for (const name of entries(dir)) {
    const path = join(dir, name);
    if (!isDirectory(path)) {
      take(path);
      continue;
    }
    for (const inner of entries(path)) if (!isDirectory(join(path, inner))) take(join(path, inner));
  }
  if (out.length === 0) throw new InputFileError(dir, "no kabupaten inventory (.yaml, .yml) or report (.json, from spbe report --format json) in this directory or the ones under it");
  return out;
}

export interface ProvinceLoad {
  reports: SourcedReport[];
  /** Inventory diagnostics (errors and warnings) with their file and position. */
  diagnostics: Diagnostic[];
  /** Files that could not be used at all. */
  errors: InputFileError[];
}

/** Loads every source; an inventory is evaluated as of `asOf` under its own profiles. */
export function loadProvince(dir: string, asOf: Date): ProvinceLoad {
  const load: ProvinceLoad = { reports: [], diagnostics: [], errors: [] };
  for (const source of listProvinceSources(dir)) {
    if (source.kind === "report") {
      try {
        load.reports.push({ source: source.file, report: readReportFile(source.file) });
      } catch (err) {
        if (!(err instanceof InputFileError)) throw err;
        load.errors.push(err);
      }
      continue;
    }
    const result = loadInventoryFile(source.file);
    load.diagnostics.push(...result.diagnostics);
    if (result.inventory) load.reports.push({ source: source.file, report: evaluate(result.inventory, { asOf }) });
  }
  return load;
}
