// The loader's schema (js-yaml's core schema with plain text resolved first, by its first character)
// must read every scalar as CORE_SCHEMA itself does: as a value and as a key, on the YAML 1.2 core
// schema's own examples, on the near misses, on random texts, and on a generated inventory.
import * as jsyaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { CORE_SCHEMA_PLAIN_FIRST } from "../../inventory/yaml-core-schema";
import { generateInventoryYaml } from "../../testkit/generate-inventory";

const both = (text: string) => {
  const read = (schema: jsyaml.Schema) => {
    try {
      return { value: jsyaml.load(text, { schema }) };
    } catch (err) {
      return { error: (err as Error).message };
    }
  };
  return { core: read(jsyaml.CORE_SCHEMA), guarded: read(CORE_SCHEMA_PLAIN_FIRST) };
};

const SCALARS = [
  ...["~", "null", "Null", "NULL", "nULL", "nil", "None", "n", "N", "~~", "null_"],
  ...["true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "fALSE", "yes", "no", "on", "off", "y", "Y", "t", "f"],
  ...["0", "-0", "+0", "00", "01", "08", "0b101", "0b", "0b2", "0x1F", "0xg", "0x", "0o17", "0o8", "0o", "1_000", "0_1", "-1", "+1", "12345678901234567890"],
  ...[".5", "-.5", "+.5", "1.", "1.5e3", "1e3", "1E-3", "-1.5e+3", ".inf", "-.inf", "+.Inf", ".INF", ".nan", ".NaN", ".NAN", "+.nan", ".", "..", "-", "+", "-.", "1..2", "1e", "e3"],
  ...["2024-01-01", "12:30:00", "1:2", "v1.2.3", "10.0.0.1", "fe80::1", "192.168.1.0/24", "app-00001", "-x", "+x", ".x", "_1", "٣", "１", "ñull", "Ťrue"],
];

/** Texts made of one to three pieces that each type's syntax is built from, and some that no type takes. */
function randomScalars(count: number, seed: number): string[] {
  const pieces = ["~", "null", "Null", "NULL", "true", "True", "FALSE", "false", "0", "1", "9", "0x", "0b", "0o", "1f", "_", "e", "E", "-", "+", ".", ".inf", ".NaN", "x", "n", "t", "F", ":", "/", "é"];
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(next() * 3);
    let text = "";
    for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)];
    out.push(text);
  }
  return out;
}

describe("js-yaml's core schema with plain text first", () => {
  it.each(SCALARS)("reads %j as CORE_SCHEMA does, as a value, a key and a list item", (scalar) => {
    for (const text of [`v: ${scalar}\n`, `${scalar}: 1\n`, `- ${scalar}\n`, `[${scalar}]\n`, `!<?> ${scalar}\n`, `!!str ${scalar}\n`, `{${scalar}: ${scalar}}\n`]) {
      const { core, guarded } = both(text);
      expect(guarded, text).toEqual(core);
    }
  });

  it("reads 20,000 random scalars as CORE_SCHEMA does (and the test's corpus has every type in it)", () => {
    const kinds = new Set<string>();
    for (const scalar of randomScalars(20_000, 7)) {
      const { core, guarded } = both(`v: ${scalar}\n`);
      expect(guarded, scalar).toEqual(core);
      if ("value" in core) {
        const v = (core.value as { v: unknown }).v;
        kinds.add(v === null ? "null" : typeof v);
      }
    }
    expect([...kinds].sort()).toEqual(["boolean", "null", "number", "string"]);
  });

  it("reads a generated inventory as CORE_SCHEMA does", () => {
    const { core, guarded } = both(generateInventoryYaml(0.05));
    expect(core.value).toBeTruthy();
    expect(guarded).toEqual(core);
  });

  it("an empty node with an explicit '?' tag still goes to js-yaml's own resolvers", () => {
    const { core, guarded } = both("v: !<?>\n");
    expect(guarded).toEqual(core);
  });
});
