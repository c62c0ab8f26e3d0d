// Regenerates docs/observed-facts.schema.json from facts/schema.ts:
//   node bin/run-ts.cjs scripts/write-facts-schema.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { factsJsonSchemaText } from "../facts/json-schema";

writeFileSync(join(__dirname, "..", "docs", "observed-facts.schema.json"), factsJsonSchemaText());
