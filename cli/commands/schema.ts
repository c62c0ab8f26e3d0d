// `spbe schema`: prints the inventory's JSON Schema (the one in docs/inventory.schema.json), for an
// editor setup that wants it on stdout or in another place than the repository.
import type { Command } from "commander";
import { inventoryJsonSchemaText } from "../../inventory/json-schema";

export function configureSchema(command: Command): void {
  command
    .action(() => {
      process.stdout.write(inventoryJsonSchemaText());
    });
}
