// Keeps docs/architecture.md true: the floor plan's import rules, checked against every source
// file's imports as TypeScript itself reads them (ts.preProcessFile: static imports, re-exports,
// import() and require()). A forbidden import or an import circle fails here with the file named.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { FLOOR_PLAN, ONLY_IMPORTED_BY, PACKAGES_ONLY_IN, type Room } from "./floor-plan";

const ROOT = resolve(__dirname, "../..");

interface Edge {
  from: string;
  to: string;
}

function sourceFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "*.ts", "*.cjs"], { cwd: ROOT, encoding: "utf8" });
  return listed.split("\n").filter((f) => f && existsSync(join(ROOT, f)));
}

/** The project file a relative specifier names, as the module resolver finds it. */
function resolveSpecifier(from: string, spec: string): string | undefined {
  const base = normalize(join(dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.cjs`, `${base}/index.ts`]) {
    const abs = join(ROOT, candidate);
    if (existsSync(abs) && statSync(abs).isFile()) return candidate;
  }
  return undefined;
}

function readImports(files: string[]): { local: Edge[]; packages: Edge[] } {
  const local: Edge[] = [];
  const packages: Edge[] = [];
  for (const from of files) {
    const info = ts.preProcessFile(readFileSync(join(ROOT, from), "utf8"), true, true);
    for (const { fileName: spec } of info.importedFiles) {
      if (spec.startsWith(".")) {
        const to = resolveSpecifier(from, spec);
        if (to) local.push({ from, to });
      } else packages.push({ from, to: spec });
    }
  }
  return { local, packages };
}

const roomOf = (file: string): Room | undefined => {
  const top = file.split("/")[0]!;
  return top in FLOOR_PLAN ? (top as Room) : undefined;
};

function floorPlanViolations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = roomOf(e.from);
    const to = roomOf(e.to);
    if (!from || !to || from === to) continue;
    if (!FLOOR_PLAN[from].includes(to)) out.push(`${e.from} imports ${e.to}: ${from}/ may import only ${FLOOR_PLAN[from].join(", ") || "nothing of the project"}`);
  }
  return out;
}

function restrictedFileViolations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const allowed = ONLY_IMPORTED_BY[e.to];
    if (allowed && !allowed.some((prefix) => e.from.startsWith(prefix))) out.push(`${e.from} imports ${e.to} (${allowed.length ? `only ${allowed.join(", ")} may` : "nothing may"})`);
  }
  return out;
}

function packageViolations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    for (const [prefix, allowed] of Object.entries(PACKAGES_ONLY_IN)) {
      if (e.to.startsWith(prefix) && !allowed.some((p) => e.from.startsWith(p))) out.push(`${e.from} imports ${e.to} (only ${allowed.join(", ")} may)`);
    }
  }
  return out;
}

/**
 * Strongly connected components of more than one file (Tarjan). Type-only imports count: a circle
 * of types is still two files that cannot be read one after the other.
 */
function importCircles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) circles.push(scc.sort());
    }
  };
  for (const v of new Set(edges.flatMap((e) => [e.from, e.to]))) if (!index.has(v)) visit(v);
  return circles;
}

describe("the checks themselves catch what they are for", () => {
  it("flags an import against the floor plan, a restricted file, a misplaced package and a circle", () => {
    expect(floorPlanViolations([{ from: "collectors/poller.ts", to: "policies/index.ts" }])).toHaveLength(1);
    expect(floorPlanViolations([{ from: "infra/planning/dns.ts", to: "inventory/ip.ts" }])).toEqual([]);
    expect(restrictedFileViolations([{ from: "cli/commands/plan.ts", to: "stack/program.ts" }])).toHaveLength(1);
    expect(restrictedFileViolations([{ from: "tests/stack/x.test.ts", to: "stack/index.ts" }])).toHaveLength(1);
    expect(packageViolations([{ from: "collectors/serve.ts", to: "@pulumi/pulumi" }])).toHaveLength(1);
    expect(importCircles([{ from: "a.ts", to: "b.ts" }, { from: "b.ts", to: "c.ts" }, { from: "c.ts", to: "a.ts" }])).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});

describe("the project's imports follow docs/architecture.md", () => {
  const files = sourceFiles();
  const { local, packages } = readImports(files);

  it("sees the project: every room has files and every consumer imports the model", () => {
    for (const room of Object.keys(FLOOR_PLAN)) expect(files.some((f) => f.startsWith(`${room}/`)), room).toBe(true);
    for (const consumer of ["infra", "collectors", "dashboards", "policies", "cli", "stack"]) {
      expect(local.some((e) => e.from.startsWith(`${consumer}/`) && e.to.startsWith("inventory/")), consumer).toBe(true);
    }
  });

  it("no import runs against the floor plan", () => {
    expect(floorPlanViolations(local)).toEqual([]);
  });

  it("nothing imports the Pulumi entry; only the entry, the test kit, tests and benchmarks import the program", () => {
    expect(restrictedFileViolations(local)).toEqual([]);
  });

  it("packages stay in their rooms (no Pulumi SDK in the collector, the model or the planners)", () => {
    expect(packageViolations(packages)).toEqual([]);
  });

  it("no import circle between files", () => {
    expect(importCircles(local)).toEqual([]);
  });
});
