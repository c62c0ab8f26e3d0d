// Positions found by walking the lines of a block-subset file must be the ones yaml's Document of
// the whole file gives, for every kind of path a diagnostic has: into mappings and lists, to a key
// (pointAt "key"), to keys and indices that are not there, past a scalar.
import * as jsyaml from "js-yaml";
import { LineCounter, parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { blockFinder } from "../../inventory/block-positions";
import { OUTSIDE_SUBSET, readBlockYamlLines } from "../../inventory/block-yaml";
import type { Path } from "../../inventory/diagnostics";
import { wholeDocumentFinder } from "../../inventory/positions";
import { PLAIN_FIRST_IMPLICIT_TYPES } from "../../inventory/yaml-core-schema";
import { generateInventory, generateInventoryYaml } from "../../testkit/generate-inventory";

/** Every path into the value, and for each mapping and list one that is not there, and one past each scalar. */
function paths(value: unknown, base: Path = []): Path[] {
  const out: Path[] = [base];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...paths(item, [...base, i])));
    out.push([...base, value.length], [...base, "missing"]);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...base, key]));
    out.push([...base, "missing"], [...base, 0]);
  } else {
    out.push([...base, "deeper"], [...base, 0]);
  }
  return out;
}

function comparePositions(text: string, every = 1): number {
  const read = readBlockYamlLines(text, PLAIN_FIRST_IMPLICIT_TYPES);
  if (read === OUTSIDE_SUBSET) throw new Error("the text must be in the block subset");
  const lineCounter = new LineCounter();
  const whole = wholeDocumentFinder(parseDocument(text, { lineCounter, uniqueKeys: false }), lineCounter);
  const walked = blockFinder(text, read.lines);
  const all = paths(jsyaml.load(text)).filter((p) => p.length > 0 && typeof p[0] === "string" && p[0] !== "missing");
  let compared = 0;
  for (let i = 0; i < all.length; i += every) {
    const path = all[i]!;
    for (const pointAt of [undefined, "key"] as const) {
      expect(walked.position(path, pointAt), `${JSON.stringify(path)} ${pointAt ?? ""}`).toEqual(whole.position(path, pointAt));
      compared++;
    }
  }
  return compared;
}

describe("positions walked along the lines of a block-subset file", () => {
  it("are yaml's on a hand-written file with every block form", () => {
    const text = [
      "# a comment before everything",
      "meta:",
      "  kabupaten: Contoh   # trailing comment",
      "  empty:",
      "  emptyWithComment: # nothing here",
      "  emptyWithSpaces:   ",
      "  quoted: 'it''s'",
      "  double: \"x: y\"",
      "  list: []",
      "  map: {}",
      "",
      "  # a comment between keys",
      "  nested:",
      "",
      "    # a comment before the first nested key",
      "    deep: 1",
      "    deeper:",
      "      x: true",
      "opds:",
      "- code: a",
      "  subnets:",
      "  - 10.0.0.0/24",
      "  - 10.0.1.0/24",
      "- code: b",
      "  subnets: []",
      "-   code: c",
      "    name: wide",
      "-",
      "  code: d",
      "sites:",
      "  - id: s1",
      "    racks:",
      "      -",
      "        id: R1",
      "      - id: R2",
      "        heightU: 42",
      "  - plain scalar",
      "  - 7",
      "last: value",
    ].join("\n");
    expect(comparePositions(text)).toBeGreaterThan(150);
  });

  it("are yaml's on a generated inventory in yaml's block style", () => {
    expect(comparePositions(generateInventoryYaml(0.01), 7)).toBeGreaterThan(3_000);
  });

  it("are yaml's on a generated inventory in js-yaml's block style", () => {
    expect(comparePositions(jsyaml.dump(generateInventory(0.01), { lineWidth: -1, noRefs: true }), 7)).toBeGreaterThan(3_000);
  });
});
