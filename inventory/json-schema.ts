// The JSON Schema of the inventory, generated from the zod schema (one home for the format) for
// editors: VS Code's YAML extension completes and checks fields as the engineer types when the file
// starts with `# yaml-language-server: $schema=<path>/inventory.schema.json`. docs/inventory.schema.json
// is this output, checked by tests/inventory/reference.test.ts.
//
// What it cannot see, and `spbe validate` checks: cross-references (an OPD, site, device, rack,
// block or allocation named elsewhere must exist), overlaps and containment of addresses and rack
// units, CIDR host bits, real calendar dates, IP address syntax, and SNMPv3 keys required by the level.
import { z } from "zod";
import { inventorySchema } from "./schema";

export const INVENTORY_SCHEMA_ID = "https://spbe-infra.example/schemas/inventory.json";

export function inventoryJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(inventorySchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    ...generated,
    $id: INVENTORY_SCHEMA_ID,
    title: "spbe-infra inventory",
    description:
      "Inventaris infrastruktur TIK kabupaten (SPBE) / A kabupaten's ICT infrastructure inventory: sites, OPDs, devices, links, public IP blocks, applications.",
  };
}

export function inventoryJsonSchemaText(): string {
  return JSON.stringify(inventoryJsonSchema(), null, 2) + "\n";
}
