// Regenerates docs/inventory.md and docs/inventory.schema.json from inventory/schema.ts (and docs/import.md):
//   node bin/run-ts.cjs scripts/write-inventory-docs.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { inventoryJsonSchemaText } from "../inventory/json-schema";
import { inventoryReferenceMarkdown } from "../inventory/reference";
import { importReference } from "../import/sheets/columns";

const docs = join(__dirname, "..", "docs");
writeFileSync(join(docs, "inventory.schema.json"), inventoryJsonSchemaText());
writeFileSync(join(docs, "inventory.md"), inventoryReferenceMarkdown());
// The columns `spbe init --from` reads, from import/sheets/columns.ts.
writeFileSync(join(docs, "import.md"), importReference());
