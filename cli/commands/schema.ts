// `spbe schema`: prints the inventory's JSON Schema (the one in docs/inventory.schema.json), for an
// editor setup that wants it on stdout or in another place than the repository.
import type { Command } from "commander";
import { inventoryJsonSchemaText } from "../../inventory/json-schema";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the inventory's JSON Schema for editors (yaml-language-server) / cetak JSON Schema inventaris untuk editor")
    .action(() => {
      process.stdout.write(inventoryJsonSchemaText());
    });
}
