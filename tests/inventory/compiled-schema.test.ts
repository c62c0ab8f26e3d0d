// The loader parses long lists with zod's compile() (generated code, the runtime parser behind it for
// whatever the generated one refuses): the model and every diagnostic must be what the runtime
// parser gives, for valid elements and for each kind of broken one.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { z } from "zod";
import { loadInventoryText } from "../../inventory/load";
import { allocationSchema, applicationSchema, deviceSchema, linkSchema, opdSchema, publicIpSchema, siteSchema } from "../../inventory/schema";
import { safeParseBilingual } from "../../inventory/schema-text";
import { generateInventory } from "../../testkit/generate-inventory";

/** Breakages of one element each: a typo'd key, a wrong type, a bad address, a missing field, an unquoted version. */
const breakages: [string, (item: any) => void][] = [
  ["unknown key", (x) => (x.colour = "red")],
  ["number for a string", (x) => (x.id = 7)],
  ["missing id", (x) => delete x.id],
  ["address with a zone", (x) => (x.address = "fe80::1%eth0")],
  ["address with host bits", (x) => (x.address = "2001:db8::1/48")],
  ["management address out of range", (x) => (x.mgmtAddress = "10.0.0.300")],
  ["unquoted SNMP version", (x) => x.snmp && (x.snmp.version = 2)],
  ["unknown placement type", (x) => x.placement && (x.placement.type = "cloud")],
  ["bad repository URL", (x) => x.documentation && (x.documentation.sourceRepository = "not a url")],
  ["target of two kinds", (x) => x.to && (x.to.opd = "dinkes")],
];

describe("long lists parsed by zod's compiled schemas", () => {
  const inv = generateInventory(0.02);
  const lists: [string, z.ZodType, unknown[]][] = [
    ["opds", opdSchema, inv.opds],
    ["sites", siteSchema, inv.sites],
    ["devices", deviceSchema, inv.devices],
    ["links", linkSchema, inv.links],
    ["applications", applicationSchema, inv.applications],
    ["blocks", publicIpSchema.shape.blocks.unwrap().element, inv.publicIp.blocks],
    ["allocations", allocationSchema, inv.publicIp.allocations],
  ];

  it.each(lists)("%s: the same data and the same issues as the runtime parser", (_, schema, items) => {
    const compiled = z.compile(schema);
    const samples = items.slice(0, 20).map((x) => structuredClone(x));
    for (const [, breakIt] of breakages) {
      for (const item of items.slice(0, 3)) {
        const broken = structuredClone(item);
        breakIt(broken);
        samples.push(broken);
      }
    }
    let failures = 0;
    for (const sample of samples) {
      const runtime = safeParseBilingual(schema, structuredClone(sample));
      const generated = safeParseBilingual(compiled, structuredClone(sample));
      expect(generated).toEqual(runtime);
      // The loader keeps elements that zod's validate accepts where the output is the input (output-is-input.ts).
      expect(compiled.validate(structuredClone(sample))).toBe(runtime.success);
      if (!runtime.success) failures++;
    }
    expect(failures).toBeGreaterThan(0);
  });

  it("a broken allocation in a list long enough to be compiled gets the diagnostics it gets in a short one", () => {
    const long = generateInventory(0.05);
    expect(long.publicIp.allocations.length).toBeGreaterThanOrEqual(1000);
    const at = 1200;
    const broken = long.publicIp.allocations[at];
    broken.adress = "2001:db8::5";
    broken.to = { service: "" };
    const short = structuredClone(long);
    short.publicIp.allocations = short.publicIp.allocations.slice(at - 2, at + 1);
    const about = (text: string, index: number) =>
      loadInventoryText(text, "x.yaml")
        .diagnostics.filter((d) => d.path[0] === "publicIp" && d.path[2] === index)
        .map((d) => ({ ...d, path: d.path.slice(3), line: undefined }));
    const inLong = about(stringify(long, { lineWidth: 0, aliasDuplicateObjects: false }), at);
    const inShort = about(stringify(short, { lineWidth: 0, aliasDuplicateObjects: false }), 2);
    expect(inLong.map((d) => d.code)).toEqual(["schema", "schema"]);
    expect(inLong).toEqual(inShort);
  });
});
