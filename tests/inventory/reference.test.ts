// The field reference and the editors' JSON Schema are generated from inventory/schema.ts: the files
// in docs/ must be exactly what the generator writes now, every field must carry its description in
// both languages, and the examples must pass the JSON Schema (checked by Ajv) as they pass `spbe
// validate`; the mistakes it cannot see are listed with the check that catches them instead.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
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
 * The JSON Schema checked by Ajv (a maintained, widely used validator of draft 2020-12, the draft
 * zod emits), as an editor would check it. Formats are not asserted (editors differ on them) and the
 * schema's own `x-spbe-doc` annotations are allowed. Returns the paths of the violations as
 * `spbe validate` writes paths: a missing or unknown property is named at the property.
 */
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>();
function schemaViolations(schema: object, value: unknown): string[] {
  const validate = compiled.get(schema) ?? ajv.compile(schema);
  compiled.set(schema, validate);
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map((e) => {
    const path: (string | number)[] = e.instancePath.split("/").slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, "/").replace(/~0/g, "~")));
    const extra = (e.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ?? (e.params as { additionalProperty?: string }).additionalProperty;
    return formatPath(extra !== undefined ? [...path, extra] : path);
  }))];
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

  // What a JSON Schema cannot see (a value against another part of the document, or arithmetic on
  // addresses and rack units) is left to spbe validate: these pass the schema and fail validation.
  const leftToValidate: [name: string, mutate: (inv: any) => void, path: string][] = [
    ["an unknown site (cross-reference)", (i) => (i.devices[1].site = "nowhere"), "devices[1].site"],
    ["a duplicate device id", (i) => (i.devices[2].id = "srv1"), "devices[2].id"],
    ["rack units overlapping", (i) => (i.devices[3].position = 10), "devices[3]"],
    ["an allocation outside its block", (i) => (i.publicIp.allocations[0].address = "198.51.100.2"), "publicIp.allocations[0].address"],
    ["overlapping OPD subnets", (i) => (i.opds[1].subnets = ["10.1.10.0/25"]), "opds[1].subnets[0]"],
    ["a link to an interface the device does not have", (i) => (i.links[0].a.interface = "te9"), "links[0].a.interface"],
  ];
  it.each(leftToValidate)("leaves %s to spbe validate", (_name, mutate, path) => {
    const inv = minimalInventory();
    mutate(inv);
    expect(schemaViolations(schema, inv)).toEqual([]);
    const loaded = loadInventoryText(stringify(inv), "case.yaml");
    const paths = loaded.diagnostics.filter((d) => d.severity === "error").map((d) => formatPath(d.path));
    expect(paths.some((p) => p.startsWith(path) || path.startsWith(p)), paths.join(", ")).toBe(true);
  });
});

describe("spbe schema", () => {
  it("prints the JSON Schema of docs/inventory.schema.json (exit 0)", () => {
    const r = runSpbe(["schema"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, "docs/inventory.schema.json"), "utf8"));
  });
});
