// Inventory loading that scales (issue 15.1): positions found only in the parts of the file the
// diagnostics point into, the parsed-inventory cache, the size limit, special files refused.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as yaml from "yaml";
import { cacheKey, writeCached } from "../../inventory/cache";
import { loadInventoryFile, loadInventoryText } from "../../inventory/load";
import { positionOf } from "../../inventory/positions";
import { generateInventory } from "../../testkit/generate-inventory";
import { runSpbe } from "../../testkit/spbe-cli";

// Every call of yaml's Document parser, to see how much of the file it was given. The loader requires
// yaml when it first needs it (inventory/yaml-package.ts): the property is wrapped on the module it gets.
const documentParses: number[] = [];
const yamlAsRequired = createRequire(__filename)("yaml") as { parseDocument: (...a: unknown[]) => unknown };
const realParseDocument = yamlAsRequired.parseDocument;
beforeAll(() => {
  yamlAsRequired.parseDocument = (text: unknown, ...rest: unknown[]) => {
    documentParses.push((text as string).length);
    return realParseDocument(text, ...rest);
  };
});
afterAll(() => {
  yamlAsRequired.parseDocument = realParseDocument;
});

const dir = mkdtempSync(join(tmpdir(), "spbe-loading-"));

/** A synthetic inventory with two warnings: quotas above the upstream, and one application's evidence year. */
function inventoryWithWarnings(scale = 0.05): { text: string; app: number } {
  const inv = generateInventory(scale);
  inv.bandwidth.upstreamMbps = 100;
  const app = Math.floor(inv.applications.length * 0.7);
  inv.applications[app].securityAssessment = { date: "2026-06-01", ref: "BSSN/PKS/2019/17" };
  return { text: yaml.stringify(inv, { lineWidth: 0, aliasDuplicateObjects: false }), app };
}

describe("positions for the few diagnostics, without a Document of the whole file", () => {
  it("a warning-only inventory is valid, its warnings placed where a whole-file parse places them, with nothing parsed again", () => {
    const { text, app } = inventoryWithWarnings();
    documentParses.length = 0;
    const r = loadInventoryText(text, "warn.yaml");
    expect(r.inventory).toBeDefined();
    expect([...new Set(r.diagnostics.map((d) => d.code))].sort()).toEqual(["evidence.year-mismatch", "quota.over-upstream"]);
    // Nothing was parsed with positions: the file is in the block subset, so the warnings' paths
    // are walked along its lines (block-positions.ts); a file outside it has only parts parsed (below).
    expect(documentParses).toEqual([]);

    const lc = new yaml.LineCounter();
    const whole = yaml.parseDocument(text, { lineCounter: lc });
    for (const d of r.diagnostics) {
      const expected = positionOf(whole, d.path, lc)!;
      expect([d.file, d.line, d.column]).toEqual(["warn.yaml", expected.line, expected.col]);
    }
    expect(r.diagnostics.find((d) => d.code === "evidence.year-mismatch")!.path).toEqual(["applications", app, "securityAssessment", "ref"]);
  });

  it("places them in a file written with list items at column 0 and CRLF line ends", () => {
    const inv = generateInventory(0.02);
    inv.devices[7].rack = "no-such-rack";
    const text = yaml.stringify(inv, { lineWidth: 0, aliasDuplicateObjects: false, indentSeq: false }).replace(/\n/g, "\r\n");
    expect(text).toMatch(/\r\ndevices:\r\n- id: dev-0\r\n/);
    documentParses.length = 0;
    const r = loadInventoryText(text, "crlf.yaml");
    expect(r.diagnostics).toHaveLength(1);
    // CRLF is outside the block subset: js-yaml read it, and only a part is parsed for the position.
    expect(documentParses.length).toBeGreaterThan(0);
    expect(Math.max(...documentParses)).toBeLessThan(text.length / 10);
    expect(text.split("\r\n")[r.diagnostics[0]!.line! - 1]!.trim()).toBe("rack: no-such-rack");
  });

  it.each([
    ["an unknown reference deep in a list item", (inv: any) => (inv.devices[7].rack = "no-such-rack"), "", "rack: no-such-rack"],
    ["an unknown top-level key, at its own line", () => undefined, "bandwith:\n  upstreamMbps: 1\n", "bandwith:"],
    // publicIp is a mapping, not a list: before the walk along the lines, its whole section was parsed.
    ["a bad address deep in publicIp's allocations", (inv: any) => (inv.publicIp.allocations[300].address = "10.0.0.999"), "", "address: 10.0.0.999"],
  ])("places %s, parsing nothing again", (_, mutate, tail, line) => {
    const inv = generateInventory(0.02);
    mutate(inv);
    const text = yaml.stringify(inv, { lineWidth: 0, aliasDuplicateObjects: false }) + tail;
    documentParses.length = 0;
    const r = loadInventoryText(text, "err.yaml");
    expect(r.inventory).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(documentParses).toEqual([]);
    expect(text.split("\n")[r.diagnostics[0]!.line! - 1]!.trim()).toBe(line);
  });
});

describe("the parsed-inventory cache", () => {
  const cacheDir = join(dir, "cache");
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.SPBE_CACHE_DIR = cacheDir;
    delete process.env.SPBE_NO_CACHE;
  });
  afterEach(() => {
    process.env = { ...saved };
  });
  const entries = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith(".json")) : []);

  it("stores a miss, answers a hit from the entry (not by parsing), and names the file asked for", () => {
    const file = join(dir, "cached.yaml");
    const { text } = inventoryWithWarnings(0.01);
    writeFileSync(file, text);
    const first = loadInventoryFile(file);
    expect(first.inventory).toBeDefined();
    expect(entries()).toHaveLength(1);
    // Evidence of a hit that no timing gives: an entry changed on purpose is what comes back.
    const key = cacheKey(Buffer.from(text));
    writeCached(cacheDir, key, { ...first, inventory: { ...first.inventory!, meta: { ...first.inventory!.meta, kabupaten: "From the cache" } } }, "inventory");
    documentParses.length = 0;
    const second = loadInventoryFile(file);
    expect(second.inventory!.meta.kabupaten).toBe("From the cache");
    expect(documentParses).toEqual([]);
    const copy = join(dir, "copy.yaml");
    writeFileSync(copy, text);
    const third = loadInventoryFile(copy);
    expect(third.diagnostics.length).toBeGreaterThan(0);
    expect(third.diagnostics.every((d) => d.file === copy)).toBe(true);
  });

  it("ignores a corrupt entry and writes it again", () => {
    const file = join(dir, "corrupt.yaml");
    const { text } = inventoryWithWarnings(0.01);
    writeFileSync(file, text.replace("Sintetis", "Korup"));
    const fresh = loadInventoryFile(file);
    const entry = join(cacheDir, `inventory-${cacheKey(Buffer.from(text.replace("Sintetis", "Korup")))}.json`);
    expect(existsSync(entry)).toBe(true);
    writeFileSync(entry, "not a cache entry at all");
    const again = loadInventoryFile(file);
    expect(again.inventory!.meta.kabupaten).toBe(fresh.inventory!.meta.kabupaten);
    expect(again.diagnostics).toEqual(fresh.diagnostics);
    const third = loadInventoryFile(file);
    expect(third.inventory!.meta.kabupaten).toBe(fresh.inventory!.meta.kabupaten);
  });

  it("a section damaged with its length intact is a miss when it is read: the load made again, the entry written again", () => {
    const file = join(dir, "damaged.yaml");
    const text = inventoryWithWarnings(0.01).text.replace("Sintetis", "Rusak");
    writeFileSync(file, text);
    const fresh = loadInventoryFile(file);
    const entry = join(cacheDir, `inventory-${cacheKey(Buffer.from(text))}.json`);
    const stored = readFileSync(entry);
    const newline = stored.indexOf(0x0a);
    const sections = (JSON.parse(stored.toString("utf8", 0, newline)) as { sections: [string, number][] }).sections;
    let at = newline + 1;
    for (const [name, length] of sections) {
      if (name === "applications") break;
      at += length;
    }
    // The section's opening bracket and two bytes inside it overwritten: same length, no longer JSON.
    const damaged = Buffer.from(stored);
    damaged.write("#!#", at, "latin1");
    writeFileSync(entry, damaged);
    const hit = loadInventoryFile(file);
    expect(hit.diagnostics).toEqual(fresh.diagnostics);
    expect(hit.inventory!.applications).toEqual(fresh.inventory!.applications);
    expect(JSON.parse(JSON.stringify(hit.inventory))).toEqual(JSON.parse(JSON.stringify(fresh.inventory)));
    expect(readFileSync(entry).equals(stored)).toBe(true);
  });

  it("a hit parses a section of the model only when it is read, and gives back what the parse gave", () => {
    const file = join(dir, "lazy.yaml");
    writeFileSync(file, inventoryWithWarnings(0.01).text.replace("Sintetis", "Malas"));
    const fresh = loadInventoryFile(file);
    const hit = loadInventoryFile(file);
    // The load itself read no application: the section is still its stored text behind a getter.
    expect(Object.getOwnPropertyDescriptor(hit.inventory, "applications")?.get).toBeTypeOf("function");
    expect(hit.inventory!.applications).toEqual(fresh.inventory!.applications);
    expect(Object.getOwnPropertyDescriptor(hit.inventory, "applications")?.get).toBeUndefined();
    expect(JSON.parse(JSON.stringify(hit.inventory))).toEqual(fresh.inventory);
    expect(hit.diagnostics).toEqual(fresh.diagnostics);
  });

  it("does not store a result that JSON would not give back the same (an undefined field)", () => {
    const key = "0".repeat(64);
    writeCached(cacheDir, key, { file: "x.yaml", diagnostics: [], inventory: { meta: { kabupaten: undefined } } }, "inventory");
    expect(existsSync(join(cacheDir, `inventory-${key}.json`))).toBe(false);
  });

  it("writes nothing with SPBE_NO_CACHE=1", () => {
    process.env.SPBE_CACHE_DIR = join(dir, "disabled");
    process.env.SPBE_NO_CACHE = "1";
    const file = join(dir, "nocache.yaml");
    writeFileSync(file, inventoryWithWarnings(0.01).text);
    expect(loadInventoryFile(file).inventory).toBeDefined();
    expect(existsSync(join(dir, "disabled"))).toBe(false);
  });
});

describe("files that cannot be an inventory are refused at once", () => {
  it("a file above SPBE_MAX_INVENTORY_MB: the size and the limit, exit 2", () => {
    const file = join(dir, "big.yaml");
    writeFileSync(file, inventoryWithWarnings(0.01).text);
    const r = runSpbe(["validate", file], { SPBE_MAX_INVENTORY_MB: "0.01" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/big\.yaml error: \(document\): the file is [\d.]+ MiB, above the limit of 0\.01 MiB; raise SPBE_MAX_INVENTORY_MB/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each([
    ["/dev/zero", () => "/dev/zero"],
    ["a FIFO", () => {
      const fifo = join(dir, "inventory.fifo");
      expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
      return fifo;
    }],
    ["a directory", () => {
      const d = join(dir, "a-directory.yaml");
      mkdirSync(d);
      return d;
    }],
  ])("%s: not a regular file, exit 2 (no hang: the run has 20 s)", (_, path) => {
    const target = path();
    const r = spawnSync(process.execPath, ["bin/spbe.cjs", "validate", target], { encoding: "utf8", timeout: 20_000, env: { ...process.env, LANG: "C.UTF-8" } });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${target} error: (document): not a regular file (a directory, FIFO or device)`);
  });
});
