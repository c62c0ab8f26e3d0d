// Regenerates docs/inventory.md and docs/inventory.schema.json from inventory/schema.ts:
//   node bin/run-ts.cjs scripts/write-inventory-docs.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { inventoryJsonSchemaText } from "../inventory/json-schema";
import { inventoryReferenceMarkdown } from "../inventory/reference";

const docs = join(__dirname, "..", "docs");
writeFileSync(join(docs, "inventory.schema.json"), inventoryJsonSchemaText());
writeFileSync(join(docs, "inventory.md"), inventoryReferenceMarkdown());
