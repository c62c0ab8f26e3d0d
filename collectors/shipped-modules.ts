// Where the shipped MIB module files are and which names they give, without parsing them: each file
// is named after its module (modules.ts enforces it when it reads them), so the inventory's
// module-name checks (module-catalog.ts, on every `spbe validate`) need only the folder's listing,
// not the parse of every file that modules.ts does at import.
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Beside this file: collectors/modules/ in the sources, dist/collectors/modules/ in the build. */
export const BUILTIN_MODULES_DIR = join(__dirname, "modules");

/** The shipped module files, sorted by name. */
export function shippedModuleFiles(): string[] {
  return readdirSync(BUILTIN_MODULES_DIR).filter((x) => x.endsWith(".yaml")).sort();
}

/** The names of the shipped modules, from their file names. */
export function shippedModuleNames(): string[] {
  return shippedModuleFiles().map((f) => f.slice(0, -".yaml".length));
}
