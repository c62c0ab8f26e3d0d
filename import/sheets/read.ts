// Reads a directory of sheets into tables: the thin adapter over the two libraries. CSV through
// csv-parse (quoting, embedded commas and newlines, a UTF-8 BOM as Excel writes it), XLSX through
// read-excel-file (maintained, reads only; SheetJS's npm `xlsx` stopped at 0.18.5 with known
// advisories). Every XLSX tab is a sheet, named by its tab; a CSV file is a sheet named by its file.
import { readdirSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parse } from "csv-parse/sync";
import readXlsxFile from "read-excel-file/node";
import type { CellValue, SheetTable } from "./convert";

export interface ReadProblem {
  file: string;
  reason: string;
}

export async function readSheetDir(dir: string): Promise<{ tables: SheetTable[]; problems: ReadProblem[] }> {
  const tables: SheetTable[] = [];
  const problems: ReadProblem[] = [];
  const files = readdirSync(dir).filter((f) => /\.(csv|xlsx)$/i.test(f) && !f.startsWith("~$")).sort();
  for (const file of files) {
    const path = join(dir, file);
    try {
      if (/\.csv$/i.test(file)) {
        // relax_column_count: a short row is the user's, reported per cell, not a parse failure.
        const rows = parse(readFileSync(path), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
        tables.push({ name: basename(file, extname(file)), source: file, rows });
      } else {
        // trim: false keeps cells as typed; the converter trims what it reads.
        for (const sheet of await readXlsxFile(readFileSync(path), { trim: false })) {
          tables.push({ name: sheet.sheet, source: `[${file}]${sheet.sheet}`, rows: sheet.data as CellValue[][] });
        }
      }
    } catch (e) {
      problems.push({ file: path, reason: (e as Error).message });
    }
  }
  return { tables, problems };
}
