// The loader keeps a valid element as it is, without zod's copy, only where the schema's parse would
// give back the same value (inventory/output-is-input.ts): every schema that fills in, drops or
// rewrites something must answer false, and where the answer is true the parse must indeed give the
// input back, on the inventory's own elements.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadInventoryText } from "../../inventory/load";
import { outputIsInput } from "../../inventory/output-is-input";
import {
  allocationSchema,
  applicationSchema,
  cableSchema,
  deviceSchema,
  incidentSchema,
  linkSchema,
  opdSchema,
  publicIpSchema,
  quotaSchema,
  siteSchema,
} from "../../inventory/schema";
import { generateInventory, generateInventoryYaml } from "../../testkit/generate-inventory";

const strictWith = (value: z.ZodType) => z.object({ a: value }).strict();

describe("outputIsInput", () => {
  it.each<[string, z.ZodType, boolean]>([
    ["a strict object of plain values", z.object({ id: z.string().regex(/^[a-z]+$/), n: z.number().int().positive(), on: z.boolean() }).strict(), true],
    ["a loose object (unknown keys kept)", z.object({ id: z.string() }).loose(), true],
    ["optional, nullable, arrays, unions, enums, literals", strictWith(z.array(z.union([z.literal("x"), z.enum(["a", "b"]), z.string().min(2).optional()]).nullable())), true],
    ["a refinement", strictWith(z.string().refine((s) => s !== "no")), true],
    ["an object stripping unknown keys (zod's default)", z.object({ id: z.string() }), false],
    ["a default", strictWith(z.boolean().default(false)), false],
    ["a default deep inside", strictWith(z.array(z.object({ b: z.number().default(1) }).strict())), false],
    ["a transform", strictWith(z.string().transform((s) => s.length)), false],
    ["a pipe", strictWith(z.string().pipe(z.string())), false],
    ["a trim (a check that rewrites)", strictWith(z.string().trim()), false],
    ["a lower-casing check", strictWith(z.string().toLowerCase()), false],
    ["coercion", strictWith(z.coerce.number()), false],
    ["a catch", strictWith(z.string().catch("x")), false],
    ["a date", strictWith(z.date()), false],
    ["a record", strictWith(z.record(z.string(), z.string())), false],
    ["readonly (the output is frozen)", strictWith(z.array(z.string()).readonly()), false],
    ["lazy", strictWith(z.lazy(() => z.string())), false],
    ["one bad option of a union", strictWith(z.union([z.string(), z.number().default(1)])), false],
  ])("%s: %s", (_, schema, expected) => {
    expect(outputIsInput(schema)).toBe(expected);
  });

  // Which of the inventory's lists take the shortcut: a default added to one of these moves it to
  // the copying parse (and this list), which is right but slower on large inventories.
  it("answers for the inventory's lists", () => {
    const answers = Object.fromEntries(
      Object.entries({
        opds: opdSchema,
        sites: siteSchema,
        devices: deviceSchema,
        links: linkSchema,
        cables: cableSchema,
        applications: applicationSchema,
        incidents: incidentSchema,
        blocks: publicIpSchema.shape.blocks.unwrap().element,
        allocations: allocationSchema,
        quotas: quotaSchema,
      }).map(([name, schema]) => [name, outputIsInput(schema as z.ZodType)]),
    );
    expect(answers).toEqual({
      opds: false,
      sites: false,
      devices: false,
      links: true,
      cables: true,
      applications: false,
      incidents: true,
      blocks: false,
      allocations: true,
      quotas: true,
    });
  });

  it("where it answers true, zod's parse gives each of a generated inventory's elements back unchanged", () => {
    const inv = generateInventory(0.05);
    const lists: [z.ZodType, unknown[]][] = [
      [linkSchema, inv.links],
      [allocationSchema, inv.publicIp.allocations],
      [quotaSchema, inv.bandwidth.quotas],
    ];
    let compared = 0;
    for (const [schema, items] of lists) {
      expect(outputIsInput(schema)).toBe(true);
      for (const item of items) {
        expect(schema.parse(structuredClone(item))).toStrictEqual(item);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("the loader's model is the same as with zod's copies, and a broken allocation is still reported", () => {
    const text = generateInventoryYaml(0.05);
    const loaded = loadInventoryText(text);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(loaded.inventory!.publicIp.allocations).toStrictEqual(loaded.inventory!.publicIp.allocations.map((a) => allocationSchema.parse(a)));
    const broken = text.replace(/(- id: alloc-7\n(?: {6}.*\n)*? {6}address: )\S+/, "$1203.0.113.300");
    expect(broken).not.toBe(text);
    const result = loadInventoryText(broken);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.path.slice(0, 2))).toEqual([["publicIp", "allocations"]]);
  });
});
