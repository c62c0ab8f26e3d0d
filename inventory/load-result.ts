// What loading an inventory gives, and how its diagnostics get their file:line:column: shared by
// the loader (load.ts: the cache, the caller's extra checks) and its parser (parse.ts), so that a
// load from the cache needs neither the parser nor zod.
import type { Scalar } from "yaml";
import { MESSAGES, renderBoth } from "../i18n";
import type { Diagnostic } from "./diagnostics";
import { lazyFinder, type PositionFinder } from "./positions";
import type { Inventory } from "./schema";
import { yamlPackage } from "./yaml-package";

export interface LoadResult {
  /** The model, when there is no error (warnings allowed). */
  inventory?: Inventory;
  diagnostics: Diagnostic[];
  file: string;
}

/**
 * Checks a caller adds to validation (e.g. `quotas render --backend`: the backend refuses a gateway
 * of another kind): run on the model like validateInventory's, so their findings get positions too.
 */
export type ExtraChecks = (inventory: Inventory) => Diagnostic[];

/** Diagnostics in file order; those without a position first. */
export const byPosition = (a: Diagnostic, b: Diagnostic) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** Gives diagnostics their file and position, sorted; the model only when none is an error. */
export function place(found: Diagnostic[], inventory: Inventory | undefined, finder: PositionFinder, file: string): LoadResult {
  if (found.length === 0) return { file, diagnostics: [], inventory };
  const diagnostics = found.map((diag) => {
    if (diag.line !== undefined) return diag;
    const placed: Diagnostic = { ...diag, file };
    hintFlowComma(finder, placed);
    const pos = finder.position(placed.path, placed.pointAt);
    if (pos) {
      placed.line = pos.line;
      placed.column = pos.col;
    }
    return placed;
  });
  diagnostics.sort(byPosition);
  const hasError = diagnostics.some((x) => x.severity === "error");
  return { file, diagnostics, inventory: hasError ? undefined : inventory };
}

/**
 * The caller's extra checks, on a model without errors only (on a broken one they would repeat its
 * errors); their findings are placed like the loader's, the text read only when there are some.
 */
export function withExtraChecks(result: LoadResult, text: () => string, file: string, extra?: ExtraChecks): LoadResult {
  if (!extra || !result.inventory) return result;
  const found = extra(result.inventory);
  if (found.length === 0) return result;
  const placed = place(found, result.inventory, lazyFinder(text()), file);
  const diagnostics = [...result.diagnostics, ...placed.diagnostics];
  diagnostics.sort(byPosition);
  return { file, diagnostics, inventory: placed.inventory };
}

/**
 * `{ name: x, description: port 1, belum berlabel }` is valid YAML: the comma ends the description
 * and `belum berlabel` becomes a field with no value. When an unknown field of a `{ }` mapping has
 * no value, the message says so and shows the entry quoted.
 */
function hintFlowComma(finder: PositionFinder, diag: Diagnostic): void {
  if (diag.code !== "schema" || diag.pointAt !== "key") return;
  const part = finder.partFor(diag.path);
  if (!part) return;
  const { isMap, isScalar } = yamlPackage();
  const node = part.doc.getIn(part.path.slice(0, -1), true);
  if (!isMap(node) || !node.flow) return;
  const unknown = diag.path[diag.path.length - 1];
  const items = node.items;
  const valueless = (p: (typeof items)[number]) => p.value === null || (isScalar(p.value) && p.value.value === null);
  const stray = items.findIndex((p, i) => i > 0 && isScalar(p.key) && valueless(p) && p.key.value === unknown);
  if (stray < 0) return;
  const before = items[stray - 1]!;
  const strayKey = String((items[stray]!.key as Scalar).value);
  const beforeKey = isScalar(before.key) ? String(before.key.value) : "";
  const beforeValue = isScalar(before.value) ? String(before.value.value) : "";
  diag.params = {
    message: renderBoth(MESSAGES["schema.unknown-keys-flow"], { keys: strayKey, suggestion: `${beforeKey}: "${beforeValue}, ${strayKey}"` }),
  };
}
