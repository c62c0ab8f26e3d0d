// The modules an inventory polls with: the shipped ones (modules.ts) and the user's files named in
// `monitoring.moduleFiles` (paths relative to the inventory file), and the check that every module a
// device or a role names exists. Findings are inventory diagnostics: a bad module file's carry that
// file's line and column, the others the inventory path of the name or file entry (the inventory
// loader places them), so `spbe validate` and `spbe serve` report them as any inventory error (exit 2).
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../inventory/diagnostics";
import type { ExtraChecks } from "../inventory/load";
import type { Inventory } from "../inventory/schema";
import { lazyModule } from "../inventory/lazy-module";
import type { ModuleDef } from "./module-def";
import { shippedModuleNames } from "./shipped-modules";

/** The module-file reader (yaml, zod), required only for an inventory that names module files. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const userModuleFiles = lazyModule(() => require("./module-file") as Pick<typeof import("./module-file"), "readModuleFile">);

export interface ModuleCatalog {
  /** The modules read from the user's files, in the order the inventory lists them. */
  user: ModuleDef[];
  diagnostics: Diagnostic[];
}

/** Reads the inventory's module files and checks every module name it uses. */
export function loadModuleCatalog(inv: Inventory, inventoryFile: string | undefined): ModuleCatalog {
  const diagnostics: Diagnostic[] = [];
  const user: ModuleDef[] = [];
  const from = new Map<string, string>(shippedModuleNames().map((n) => [n, "shipped"]));
  const base = inventoryFile === undefined ? process.cwd() : dirname(resolve(inventoryFile));
  (inv.monitoring?.moduleFiles ?? []).forEach((entry, i) => {
    const path = ["monitoring", "moduleFiles", i];
    const file = resolve(base, entry);
    const r = userModuleFiles.get().readModuleFile(file);
    if (!r.module) {
      // An unreadable file is a finding at the inventory's entry; a broken one, at its own lines.
      for (const d of r.diagnostics) diagnostics.push(d.code === "module.file-unreadable" ? { ...d, path, file: undefined, params: { ...d.params, file: entry } } : d);
      return;
    }
    const other = from.get(r.module.name);
    if (other !== undefined) {
      diagnostics.push({ severity: "error", code: "module.duplicate", path, params: { module: r.module.name, other } });
      return;
    }
    from.set(r.module.name, entry);
    user.push(r.module);
  });
  const known = [...from.keys()].sort().join(", ");
  const check = (names: readonly string[], path: (string | number)[]) =>
    names.forEach((module, j) => {
      if (!from.has(module)) diagnostics.push({ severity: "error", code: "module.unknown", path: [...path, j], params: { module, known } });
    });
  inv.devices.forEach((d, i) => d.modules && check(d.modules, ["devices", i, "modules"]));
  for (const [role, names] of Object.entries(inv.monitoring?.roleModules ?? {})) check(names ?? [], ["monitoring", "roleModules", role]);
  return { user, diagnostics };
}

/** The module checks as the inventory loader's extra checks (their findings get the inventory's positions). */
export function moduleChecks(inventoryFile: string): ExtraChecks {
  return (inv) => loadModuleCatalog(inv, inventoryFile).diagnostics;
}
