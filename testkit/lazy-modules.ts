// vitest set-up for every test file: the modules the compiled program requires on first use
// (inventory/lazy-module.ts) are imported here and provided, since vitest's `require` cannot load
// TypeScript. The compiled `spbe` (what the CLI tests run) requires them itself.
import { readModuleFile } from "../collectors/module-file";
import { userModuleFiles } from "../collectors/module-catalog";
import { inventoryParser } from "../inventory/load";
import * as inventoryParse from "../inventory/parse";

inventoryParser.provide(inventoryParse);
userModuleFiles.provide({ readModuleFile });
