import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitStale } from "../../facts/freshness";
import { factsJsonSchemaText } from "../../facts/json-schema";
import { InputFileError, loadFactsFile, parseFacts } from "../../facts/load";
import { mergeFacts } from "../../facts/merge";
import { emptyFacts, FACTS_SCHEMA_V2 } from "../../facts/schema";

const at = "2026-11-30T06:00:00Z";

describe("observed facts format", () => {
  it("docs/observed-facts.schema.json is generated from facts/schema.ts (node bin/run-ts.cjs scripts/write-facts-schema.ts)", () => {
    expect(readFileSync(join(__dirname, "../../docs/observed-facts.schema.json"), "utf8")).toBe(factsJsonSchemaText());
  });

  it("reads version 1 files, giving each fact the file's time and the v1 source", () => {
    const f = parseFacts({ schema: "spbe-observed-facts/1", observedAt: at, devices: [{ id: "sw", lastSeen: at }], applications: [{ id: "web", answeringFrom: ["203.0.113.5"] }] });
    expect(f.schema).toBe(FACTS_SCHEMA_V2);
    expect(f.devices[0]).toMatchObject({ id: "sw", source: "spbe-observed-facts/1", observedAt: at });
    expect(f.applications[0]!.answeringFrom).toEqual(["203.0.113.5"]);
  });

  it("a malformed file names the file and the path of each problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "facts-"));
    const file = join(dir, "facts.json");
    writeFileSync(file, JSON.stringify({ schema: FACTS_SCHEMA_V2, observedAt: at, names: [{ name: "x", resolver: "127.0.0.1:53", discoveredBy: "guess", addresses: ["999.1.1.1"], source: "dns", observedAt: at }] }));
    let err: unknown;
    try {
      loadFactsFile(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputFileError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toContain("names.0.discoveredBy");
    expect((err as Error).message).toContain("names.0.addresses.0");
    expect(() => parseFacts({ schema: "spbe-observed-facts/9" }, "f.json")).toThrow(/schema "spbe-observed-facts\/9" is not known/);
  });

  it("facts older than the allowed age are stale, kept out of judgement and listed", () => {
    const facts = {
      ...emptyFacts(new Date(at)),
      names: [
        { name: "old.example.go.id", resolver: "r", discoveredBy: "inventory" as const, addresses: [], source: "dns r", observedAt: "2026-11-20T00:00:00Z" },
        { name: "new.example.go.id", resolver: "r", discoveredBy: "inventory" as const, addresses: [], source: "dns r", observedAt: "2026-11-30T00:00:00Z" },
      ],
    };
    const { fresh, stale } = splitStale(facts, new Date(at), 48);
    expect(fresh.names.map((n) => n.name)).toEqual(["new.example.go.id"]);
    expect(stale).toEqual([{ section: "names", subject: "old.example.go.id", source: "dns r", observedAt: "2026-11-20T00:00:00Z", ageHours: 246 }]);
  });

  it("merging keeps the newer observation of the same thing", () => {
    const older = { ...emptyFacts(new Date("2026-11-29T00:00:00Z")), devices: [{ id: "sw", lastSeen: "2026-11-29T00:00:00Z", source: "poller", observedAt: "2026-11-29T00:00:00Z" }] };
    const newer = { ...emptyFacts(new Date(at)), devices: [{ id: "sw", unreachableSince: "2026-11-30T05:00:00Z", source: "poller", observedAt: at }, { id: "rtr", source: "poller", observedAt: at }] };
    const merged = mergeFacts([newer, older]);
    expect(Date.parse(merged.observedAt)).toBe(Date.parse(at));
    expect(merged.devices).toEqual(newer.devices);
  });
});
