// The block-subset reader must give exactly what js-yaml gives (same values, same key order, same
// types) for every text it reads, and leave every other text to js-yaml: table-driven cases on both
// sides, generated inventories in two writers' styles, and random texts built from YAML's
// significant characters, where any text the reader accepts must be one js-yaml reads the same way.
import { isDeepStrictEqual } from "node:util";
import * as jsyaml from "js-yaml";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { OUTSIDE_SUBSET, readBlockYaml } from "../../inventory/block-yaml";
import { CORE_SCHEMA_PLAIN_FIRST, PLAIN_FIRST_IMPLICIT_TYPES } from "../../inventory/yaml-core-schema";
import { generateInventory, generateInventoryYaml } from "../../testkit/generate-inventory";

const read = (text: string) => readBlockYaml(text, PLAIN_FIRST_IMPLICIT_TYPES);
const jsyamlRead = (text: string) => jsyaml.load(text, { schema: CORE_SCHEMA_PLAIN_FIRST });

/** Equal values, types and key order (isDeepStrictEqual alone ignores the order of keys). */
function expectSameAsJsyaml(text: string): void {
  const ours = read(text);
  expect(ours, `outside the subset: ${JSON.stringify(text)}`).not.toBe(OUTSIDE_SUBSET);
  const theirs = jsyamlRead(text);
  expect(isDeepStrictEqual(ours, theirs), JSON.stringify(text)).toBe(true);
  expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
}

describe("texts in the block subset read as js-yaml reads them", () => {
  const cases: Array<[string, string]> = [
    ["mapping of plain scalars", "a: 1\nb: text\nc: true\nd: ~\ne: 1.5\nf: .inf\ng: 0x1F\nh: 2025-01-06\n"],
    ["empty values are null", "a:\nb:   \nc: # only a comment\n"],
    ["nested mappings", "meta:\n  kabupaten: Sintetis\n  deep:\n    deeper:\n      x: y\ntop: 1\n"],
    ["sequence of scalars", "- a\n- 1\n- -1\n- -x\n- null\n- ~\n- 'q'\n"],
    ["sequence of mappings, compact", "- id: a\n  name: A\n- id: b\n  name: B\n  extra: 1\n- id: c\n"],
    ["indentless sequence under a key", "list:\n- a\n- b\nnext: 1\n"],
    ["sequence of mappings under a key", "devices:\n  - id: d1\n    interfaces:\n      - name: eth0\n        ifIndex: 1\n      - name: eth1\n        ifIndex: 2\n  - id: d2\n    interfaces: []\n"],
    ["wider entry indent", "-   a: 1\n    b: 2\n-   c: 3\n"],
    ["entry with its node on the next lines", "-\n  a: 1\n-\n  - x\n"],
    ["comments everywhere", "# head\na: 1 # after\n  # indented comment\nb: text with # inside\nc: x#y\n\n\nd: 'q' # after a quote\n"],
    ["quoted scalars", "a: 'it''s'\nb: \"plain: colon, # hash\"\nc: ''\nd: \"\"\ne: '123'\nf: \"true\"\n"],
    ["plain scalars with indicators inside", "url: http://example.go.id:8080/a?b=c\nlist: a, b, [c]\nsnmp: 1.3.6.1.2.1\nv6: fe80::1\nkey with spaces: value with spaces\n"],
    ["empty flow collections", "a: []\nb: {}\nc:\n  - []\n  - {}\n"],
    ["document start marker", "---\na: 1\n"],
    ["document start with a comment", "--- # the one document\na: 1\n"],
    ["no final newline", "a: 1\nb: 2"],
    ["spaces before the colon", "a  : 1\nb : x\n"],
    ["indented root", "  a: 1\n  b: 2\n"],
    ["a key that looks typed but is text", "name: n\nnull_ish: 1\ntrue_ish: 2\n1a: 3\n.x: 4\n"],
    ["mappings with the same keys and then others", "- a: 1\n  b: 2\n- a: 3\n  b: 4\n- b: 5\n  a: 6\n- a: 7\n- a: 8\n  b: 9\n  c: 10\n- a: 11\n  b: 12\n  c: 13\n"],
    ["same keys at one indent under different parents", "x:\n  a: 1\n  b: 2\ny:\n  a: 3\n  b: 4\nz:\n  b: 5\n"],
    ["keys named like Object's own properties", "constructor: 1\ntoString: 2\nhasOwnProperty: 3\nvalueOf: 4\n"],
    ["a mapping with more keys than a shape keeps", Array.from({ length: 100 }, (_, i) => `k${i}: ${i}`).join("\n")],
    ["mappings with more next keys than a shape keeps", Array.from({ length: 20 }, (_, i) => `- id: ${i}\n  k${i}: x\n  z: 1`).join("\n")],
    ["nesting as deep as the reader goes", Array.from({ length: 64 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1\n"],
    [
      "more key lists than the reader keeps shapes for",
      // 8 names at each of 5 places: up to 8^5 lists, far past the 4,096 shapes kept.
      Array.from({ length: 6_000 }, (_, i) => [0, 1, 2, 3, 4].map((place) => `${place === 0 ? "- " : "  "}${"abcde"[place]}${Math.floor(i / 8 ** place) % 8}${(i * 7919) % 8}: ${i}`).join("\n")).join("\n"),
    ],
    ["unicode", "nama: Dinas Komunikasi dan Informatika — Kab. Ťest\nkota: 東京\n"],
  ];
  it.each(cases)("%s", (_, text) => expectSameAsJsyaml(text));
});

describe("texts outside the subset are left to js-yaml", () => {
  const cases: Array<[string, string]> = [
    ["sequence on an entry's line (js-yaml reads \"- -\\n- -\" otherwise than the spec)", "- - a\n  - b\n"],
    ["empty sequence entry (js-yaml reads \"-\\n -\\n- x\" otherwise than the spec)", "- a\n-\n- b\n"],
    ["flow mapping with content", "a: {b: 1}\n"],
    ["flow sequence with content", "a: [1, 2]\n"],
    ["anchor", "a: &x 1\nb: 2\n"],
    ["alias", "a: 1\nb: *x\n"],
    ["tag", "a: !!str 1\n"],
    ["literal block scalar", "a: |\n  text\n"],
    ["folded block scalar", "a: >\n  text\n"],
    ["multi-line plain scalar", "a: one\n  two\n"],
    ["value on the next line", "a:\n  text\n"],
    ["multi-line quoted scalar", "a: 'one\n  two'\n"],
    ["escape in a double-quoted scalar", 'a: "x\\ty"\n'],
    ["text after a quoted scalar", "a: 'x' y\n"],
    ["quoted key", "'a': 1\n"],
    ["explicit key", "? a\n: 1\n"],
    ["duplicate key", "a: 1\nb: 2\na: 3\n"],
    ["duplicate key after a shared shape", "- a: 1\n  b: 2\n- a: 1\n  b: 2\n  a: 3\n"],
    ["merge key", "<<: {}\n"],
    ["duplicate key past the keys a shape keeps", Array.from({ length: 70 }, (_, i) => `k${i}: ${i}`).join("\n") + "\nk66: again\n"],
    ["duplicate key past the next keys a shape keeps", Array.from({ length: 12 }, (_, i) => `- id: ${i}\n  k${i}: x`).join("\n") + "\n  id: again\n"],
    ["__proto__ key", "__proto__: 1\n"],
    ["numeric key", "1: a\n"],
    ["bool key", "true: a\n"],
    ["null key", "null: a\n"],
    ["key starting with a dash", "-a: 1\n"],
    ["colon in a value", "a: b: c\n"],
    ["value ending in a colon", "a: b:\n"],
    ["tab", "a:\t1\n"],
    ["carriage return", "a: 1\r\n"],
    ["byte-order mark", "\uFEFFa: 1\n"],
    ["control character", "a: \u0001\n"],
    ["lone surrogate", "a: \uD800\n"],
    ["directive", "%YAML 1.2\n---\na: 1\n"],
    ["second document", "a: 1\n---\nb: 2\n"],
    ["document end", "a: 1\n...\n"],
    ["marker with content", "--- a\n"],
    ["scalar document", "just text\n"],
    ["empty file", ""],
    ["comments only", "# nothing\n"],
    ["bad indentation", "a:\n    b: 1\n  c: 2\n"],
    ["deeper line after a scalar value", "a: 1\n  b: 2\n"],
    ["sequence entry inside a mapping", "a: 1\n- b\n"],
    ["dash alone as a value", "a: -\n"],
    ["indicator first", "a: @x\n"],
    ["long implicit key", `${"k".repeat(1100)}: 1\n`],
    ["nesting deeper than js-yaml's limit", Array.from({ length: 20_000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")],
  ];
  it.each(cases)("%s", (_, text) => expect(read(text)).toBe(OUTSIDE_SUBSET));
});

describe("generated inventories", () => {
  it("reads yaml's block style (the bench fixture's writer) as js-yaml does", () => {
    const text = generateInventoryYaml(0.05);
    expect(text.length).toBeGreaterThan(400_000);
    expectSameAsJsyaml(text);
  });

  it("reads js-yaml's own block style (indented sequences, quoted strings) as js-yaml does", () => {
    const inventory = generateInventory(0.05);
    // A string that would read as another type is quoted by the writers: a test of the quoted path.
    inventory.meta.note = "123";
    inventory.meta.flag = "true";
    expectSameAsJsyaml(jsyaml.dump(inventory, { lineWidth: -1, noRefs: true }));
    expectSameAsJsyaml(stringify(inventory, { lineWidth: 0, aliasDuplicateObjects: false, indentSeq: false }));
  });
});

describe("random texts", () => {
  // Random documents of nested mappings and sequences with scalars of every kind, half of them then
  // damaged at one random place (a significant character put in or taken out, a line moved): most
  // damaged ones are not YAML, or not in the subset. Whatever the reader accepts, js-yaml must read
  // the same way (it must not even throw).
  const KEYS = ["a", "b", "id", "name", "x y", "k.v", "n", "1a", "1", "true", "~", "-k", "__proto__", "<<", "'q'", "k#"];
  const VALUES = ["", "1", "-1", "1.5", "v", "x y", "'s'", "'it''s'", "\"d\"", "\"a\\nb\"", "[]", "{}", "[1]", "{a: 1}", "&x v", "*x", "!!str 1", "|", "a: b", "b:", "v # c", "v#c", "-", "null", "TRUE", ".nan", "0o17", "1_0", "'open", "x'", "@", "http://h:1/p", "2025-01-06"];
  const MUTATIONS = [" ", "  ", "-", "- ", ":", ": ", "#", " #", "'", "\"", "\n", "[", "]", "{", "}", "&", "*", "!", "|", ">", "?", ",", "\t", "---\n"];

  /** A small seeded generator (mulberry32): the same texts on every run. */
  function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
  }

  function randomText(next: () => number): string {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const lines: string[] = [];
    const node = (indent: string, depth: number): void => {
      const count = 1 + Math.floor(next() * 3);
      if (next() < 0.5) {
        for (let i = 0; i < count; i++) {
          const key = next() < 0.85 ? pick(KEYS.slice(0, 7)) : pick(KEYS);
          if (depth < 3 && next() < 0.4) {
            lines.push(`${indent}${key}:`);
            node(next() < 0.2 ? indent : indent + " ".repeat(1 + Math.floor(next() * 3)), depth + 1);
          } else lines.push(`${indent}${key}: ${pick(VALUES)}`);
        }
      } else {
        for (let i = 0; i < count; i++) {
          if (depth < 3 && next() < 0.4) {
            lines.push(`${indent}- ${pick(KEYS.slice(0, 7))}: ${pick(VALUES)}`);
            node(indent + "  ", depth + 1);
          } else lines.push(`${indent}- ${pick(VALUES)}`);
        }
      }
    };
    node(next() < 0.9 ? "" : " ", 0);
    let text = lines.join("\n") + "\n";
    if (next() < 0.5) {
      const at = Math.floor(next() * text.length);
      text = next() < 0.7 ? text.slice(0, at) + pick(MUTATIONS) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    }
    return text;
  }

  it("agree on 30,000 texts", () => {
    const next = mulberry32(20261203);
    let inside = 0;
    for (let i = 0; i < 30_000; i++) {
      const text = randomText(next);
      const ours = read(text);
      if (ours === OUTSIDE_SUBSET) continue;
      inside++;
      let theirs: unknown;
      try {
        theirs = jsyamlRead(text);
      } catch (err) {
        throw new Error(`the reader accepted a text js-yaml refuses (${(err as Error).message}): ${JSON.stringify(text)}`);
      }
      if (!isDeepStrictEqual(ours, theirs) || JSON.stringify(ours) !== JSON.stringify(theirs)) {
        throw new Error(`different values for ${JSON.stringify(text)}: ${JSON.stringify(ours)} against ${JSON.stringify(theirs)}`);
      }
    }
    // The comparison means something only if a fair share of the texts is inside the subset.
    expect(inside).toBeGreaterThan(4_000);
  });
});
