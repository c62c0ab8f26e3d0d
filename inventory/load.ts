// Reads an inventory file: from the parsed-inventory cache when its bytes are there (cache.ts), else
// through the parser (parse.ts: YAML, schema and semantic checks), which is required only then, so a
// load from the cache loads neither js-yaml nor zod nor the schemas. The caller's extra checks and
// the file:line:column of diagnostics: load-result.ts.
import { readFileSync } from "node:fs";
import { cacheKey, inventoryCacheDir, readCached, writeCached } from "./cache";
import { decodeInventory } from "./decode";
import type { Diagnostic } from "./diagnostics";
import { lazyModule } from "./lazy-module";
import { withExtraChecks, type ExtraChecks, type LoadResult } from "./load-result";
import { lazyFinder } from "./positions";
import { readInventoryBytes } from "./read-file";
import type { Inventory } from "./schema";

export type { ExtraChecks, LoadResult } from "./load-result";

/** The parser (js-yaml, zod and the schemas), required when a file is not in the cache. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const inventoryParser = lazyModule(() => require("./parse") as typeof import("./parse"));

export class InventoryError extends Error {
  constructor(readonly result: LoadResult) {
    const errors = result.diagnostics.filter((x) => x.severity === "error").length;
    super(`${result.file}: ${errors} error(s) in the inventory`);
    this.name = "InventoryError";
  }
}

export function loadInventoryFile(file: string, extra?: ExtraChecks): LoadResult {
  const read = readInventoryBytes(file);
  if ("diagnostic" in read) return { file, diagnostics: [read.diagnostic] };
  const { bytes } = read;
  let text: string | undefined;
  const decodedText = () => (text ??= (decodeInventory(bytes, file) as { text: string }).text);
  const cacheDir = inventoryCacheDir();
  const key = cacheDir ? cacheKey(bytes) : undefined;
  // A miss parses and stores; so does a damaged entry found only when a section is read (cache.ts).
  const parse = (): LoadResult => {
    const decoded = decodeInventory(bytes, file);
    if ("diagnostic" in decoded) return { file, diagnostics: [decoded.diagnostic] };
    text = decoded.text;
    const result = inventoryParser.get().loadCore(text, file);
    if (cacheDir && key) writeCached(cacheDir, key, result, "inventory");
    return result;
  };
  const cached = cacheDir && key ? readCached<LoadResult>(cacheDir, key, "inventory", parse) : undefined;
  // The same bytes may sit under another name: the diagnostics name this one.
  const core = cached ? { ...cached, file, diagnostics: cached.diagnostics.map((d) => ({ ...d, file })) } : parse();
  return withExtraChecks(core, decodedText, file, extra);
}

/** Loads and throws InventoryError (with every diagnostic) when the inventory has errors. */
export function loadInventoryOrThrow(file: string): Inventory {
  const result = loadInventoryFile(file);
  if (!result.inventory) throw new InventoryError(result);
  return result.inventory;
}

export function loadInventoryText(text: string, file = "<inline>", extra?: ExtraChecks): LoadResult {
  return withExtraChecks(inventoryParser.get().loadCore(text, file), () => text, file, extra);
}

/**
 * Gives diagnostics made after loading (e.g. the report's plausibility warnings, which need the
 * evaluation date) the file:line:column of their path, by reading the file again (only the parts
 * they point into are parsed). Diagnostics whose path is not found keep no position; an unreadable
 * file leaves them as they are.
 */
export function locateDiagnostics(file: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  if (diagnostics.length === 0) return [];
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return diagnostics.map((d) => ({ ...d, file }));
  }
  const finder = lazyFinder(text);
  return diagnostics.map((d) => {
    const pos = finder.position(d.path);
    return { ...d, file, ...(pos ? { line: pos.line, column: pos.col } : {}) };
  });
}
