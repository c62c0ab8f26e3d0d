// The JSON Schema of the facts file, generated from the zod schema (one home for the format);
// docs/observed-facts.schema.json is this output, checked by tests/facts/schema.test.ts.
import { z } from "zod";
import { FACTS_SCHEMA_V2, observedFactsSchema } from "./schema";

export function factsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(observedFactsSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    ...generated,
    $id: "https://spbe-infra.example/schemas/spbe-observed-facts-2.json",
    title: FACTS_SCHEMA_V2,
    description: "Observed facts of spbe-infra: what was seen running (DNS answers, HTTP(S) probes, LLDP neighbours, availability history), each with its source and observation time.",
  };
}

export function factsJsonSchemaText(): string {
  return JSON.stringify(factsJsonSchema(), null, 2) + "\n";
}
