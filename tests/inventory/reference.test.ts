// The field reference and the editors' JSON Schema are generated from inventory/schema.ts: the files
// in docs/ must be exactly what the generator writes now, every field must carry its description in
// both languages, and the examples must pass the JSON Schema as they pass `spbe validate`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { inventoryJsonSchema, inventoryJsonSchemaText } from "../../inventory/json-schema";
import { formatPath } from "../../inventory/diagnostics";
import { loadInventoryText } from "../../inventory/load";
import { fieldRows, inventoryReferenceMarkdown } from "../../inventory/reference";
import { minimalInventory } from "../fixtures/minimal-inventory";
import { runSpbe } from "../../testkit/spbe-cli";

const ROOT = join(__dirname, "..", "..");
const EXAMPLES = ["examples/barito-timur/inventory.yaml", "examples/klaten/inventory.yaml"];
const REGENERATE = "node bin/run-ts.cjs scripts/write-inventory-docs.ts";

/**
 * No JSON Schema validator is installed (no ajv or similar in node_modules), so this checks the
 * keywords zod's output uses: type, enum, const, required, properties, additionalProperties,
 * items, minItems, pattern, oneOf/anyOf, minimum/maximum. Returns the paths of the violations.
 */
function schemaViolations(schema: any, value: unknown, path: (string | number)[] = []): string[] {
  const here = formatPath(path);
  const options = schema.oneOf ?? schema.anyOf;
  if (options) {
    const matching = options.filter((o: any) => schemaViolations({ ...o, description: undefined }, value, path).length === 0);
    if (matching.length === 0) return [here];
  }
  if (schema.const !== undefined && value !== schema.const) return [here];
  if (schema.enum && !schema.enum.includes(value)) return [here];
  const type = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  switch (schema.type) {
    case "object": {
      if (type !== "object") return [here];
      const obj = value as Record<string, unknown>;
      const out: string[] = [];
      for (const key of schema.required ?? []) if (!(key in obj)) out.push(formatPath([...path, key]));
      for (const [key, v] of Object.entries(obj)) {
        const child = schema.properties?.[key];
        if (child) out.push(...schemaViolations(child, v, [...path, key]));
        else if (schema.additionalProperties === false) out.push(formatPath([...path, key]));
      }
      return out;
    }
    case "array":
      if (type !== "array") return [here];
      if (schema.minItems && (value as unknown[]).length < schema.minItems) return [here];
      return (value as unknown[]).flatMap((v, i) => schemaViolations(schema.items ?? {}, v, [...path, i]));
    case "string":
      if (type !== "string") return [here];
      return schema.pattern && !new RegExp(schema.pattern).test(value as string) ? [here] : [];
    case "integer":
    case "number": {
      if (type !== "number" || (schema.type === "integer" && !Number.isInteger(value))) return [here];
      const n = value as number;
      if ((schema.minimum !== undefined && n < schema.minimum) || (schema.maximum !== undefined && n > schema.maximum)) return [here];
      if (schema.exclusiveMinimum !== undefined && n <= schema.exclusiveMinimum) return [here];
      return [];
    }
    case "boolean":
      return type === "boolean" ? [] : [here];
    default:
      return [];
  }
}

describe("the inventory reference (docs/inventory.md)", () => {
  it(`is what the generator writes (else run ${REGENERATE})`, () => {
    expect(readFileSync(join(ROOT, "docs/inventory.md"), "utf8")).toBe(inventoryReferenceMarkdown());
  });

  it("describes every field in Indonesian and English, with an example for every value field", () => {
    const rows = fieldRows();
    expect(rows.length).toBeGreaterThan(100);
    const undescribed = rows.filter((r) => !r.doc?.id || !r.doc?.en).map((r) => r.path);
    expect(undescribed).toEqual([]);
    const valueFields = rows.filter((r) => !/peta|mapping|daftar|one of the forms/.test(r.type));
    expect(valueFields.filter((r) => !r.example).map((r) => r.path)).toEqual([]);
  });

  it("lists allowed values, defaults and the Perda articles that read a field", () => {
    const byPath = new Map(fieldRows().map((r) => [r.path, r]));
    expect(byPath.get("devices[].role")!.allowed).toContain("`access-point`");
    expect(byPath.get("applications[].license")!.default).toBe("`unknown`");
    expect(byPath.get("applications[].license")!.doc!.usedBy).toMatch(/bt-7-2019 Pasal 13 \(5\)/);
    expect(byPath.get("devices[].snmp<version=3>.version")!.allowed).toBe('`"3"`');
    expect(byPath.get("meta.dinas")!.required).toBe(true);
    expect(byPath.get("meta.sourceRepositoryBase")!.required).toBe(false);
  });
});

describe("the JSON Schema for editors (docs/inventory.schema.json)", () => {
  const schema = inventoryJsonSchema();

  it(`is what the generator writes (else run ${REGENERATE})`, () => {
    expect(readFileSync(join(ROOT, "docs/inventory.schema.json"), "utf8")).toBe(inventoryJsonSchemaText());
  });

  it.each(EXAMPLES)("%s names it on its first line and passes it", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../docs/inventory.schema.json");
    expect(schemaViolations(schema, parse(text))).toEqual([]);
  });

  // The same kinds of mistakes `spbe validate` rejects, seen by the JSON Schema at the same path.
  const mistakes: [name: string, mutate: (inv: any) => void, path: string][] = [
    ["unknown field", (i) => (i.devices[0].colour = "red"), "devices[0].colour"],
    ["missing required field", (i) => delete i.sites[0].kind, "sites[0].kind"],
    ["missing meta.dinas", (i) => delete i.meta.dinas, "meta.dinas"],
    ["bad enum", (i) => (i.devices[1].role = "mainframe"), "devices[1].role"],
    ["unquoted SNMP version", (i) => (i.devices[0].snmp.version = 3), "devices[0].snmp"],
    ["inline secret", (i) => (i.devices[0].snmp.community = "public"), "devices[0].snmp"],
    ["bad identifier", (i) => (i.opds[1].code = "dinas kesehatan"), "opds[1].code"],
    ["port out of range", (i) => (i.devices[0].snmp.port = 70000), "devices[0].snmp"],
    ["no OPD", (i) => (i.opds = []), "opds"],
  ];
  it.each(mistakes)("rejects %s as spbe validate does", (_name, mutate, path) => {
    const inv = minimalInventory();
    mutate(inv);
    expect(schemaViolations(schema, inv)).toContain(path);
    const loaded = loadInventoryText(stringify(inv), "case.yaml");
    expect(loaded.inventory).toBeUndefined();
    // validate names the field or the mapping holding it (an unknown field is reported on its mapping).
    const paths = loaded.diagnostics.map((d) => formatPath(d.path));
    expect(paths.some((p) => p.startsWith(path) || path.startsWith(p)), paths.join(", ")).toBe(true);
  });

  it("leaves cross-references to spbe validate (an unknown site passes the JSON Schema)", () => {
    const inv = minimalInventory();
    inv.devices[1].site = "nowhere";
    expect(schemaViolations(schema, inv)).toEqual([]);
    expect(loadInventoryText(stringify(inv), "case.yaml").diagnostics.map((d) => d.code)).toContain("ref.unknown");
  });
});

describe("spbe schema", () => {
  it("prints the JSON Schema of docs/inventory.schema.json (exit 0)", () => {
    const r = runSpbe(["schema"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, "docs/inventory.schema.json"), "utf8"));
  });
});
