// The CLI that answers at once: commands load their own modules only (cli/commands/index.ts), the
// `spbe` on the user's path runs compiled JavaScript without a TypeScript loader (bin/spbe.cjs), and
// every command's own --help still lists all its options.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import type { CommandEntry } from "../../cli/commands";
import { REPO_ROOT, runSpbe } from "../../testkit/spbe-cli";

// The compiled table (vitest's global set-up built dist/): its `load` requires the command modules
// as the user's spbe does, which the TypeScript sources cannot do under vitest's plain require.
const COMMANDS = (createRequire(__filename)(resolve(REPO_ROOT, "dist/cli/commands/index.js")) as { COMMANDS: readonly CommandEntry[] }).COMMANDS;

/** Runs bin/spbe.cjs and reports what the process loaded: every module path, and node's own flags. */
function loadedBy(args: string[], env: Record<string, string> = {}): { modules: string[]; execArgv: string[]; status: number | null } {
  const reportFile = join(mkdtempSync(join(tmpdir(), "spbe-loaded-")), "loaded.json");
  const script = [
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(reportFile)}, JSON.stringify({ modules: Object.keys(require.cache), execArgv: process.execArgv })));`,
    `process.argv.splice(1, 0, "spbe");`,
    `require(${JSON.stringify(resolve(REPO_ROOT, "bin/spbe.cjs"))});`,
  ].join("\n");
  const run = spawnSync(process.execPath, ["-e", script, "--", ...args], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, LANG: "C.UTF-8", ...env } });
  const found = JSON.parse(readFileSync(reportFile, "utf8")) as { modules: string[]; execArgv: string[] };
  return { ...found, status: run.status };
}

const HEAVY = ["/node_modules/zod/", "/node_modules/yaml/", "/node_modules/js-yaml/", "/node_modules/express/", "/node_modules/net-snmp/", "/node_modules/@grafana/", "/node_modules/prom-client/"];

describe("spbe loads only what the command needs", () => {
  it("--help loads no command module and none of the heavy packages, and no TypeScript loader", () => {
    const run = loadedBy(["--help"]);
    expect(run.status).toBe(0);
    const commandModules = run.modules.filter((m) => m.includes("/cli/commands/") && !m.endsWith("/cli/commands/index.js"));
    expect(commandModules).toEqual([]);
    expect(run.modules.filter((m) => HEAVY.some((h) => m.includes(h)))).toEqual([]);
    expect(run.modules.filter((m) => m.includes("/node_modules/tsx/") || m.endsWith(".ts"))).toEqual([]);
    // No loader flag either (tsx hooks in through --import/--require/--loader).
    expect(run.execArgv.filter((a) => /^(--import|--require|-r|--loader|--experimental-loader)/.test(a))).toEqual([]);
  });

  it("validate loads the inventory's parsers but not the collector's server, SNMP or Grafana packages", () => {
    const run = loadedBy(["validate", "examples/barito-timur/inventory.yaml"], { SPBE_NO_CACHE: "1" });
    expect(run.status).toBe(0);
    expect(run.modules.some((m) => m.includes("/node_modules/zod/"))).toBe(true);
    for (const pkg of ["/node_modules/express/", "/node_modules/net-snmp/", "/node_modules/@grafana/", "/node_modules/tsx/"]) {
      expect(run.modules.filter((m) => m.includes(pkg))).toEqual([]);
    }
    // The compiled program from dist/, not the sources.
    expect(run.modules.some((m) => m.endsWith("/dist/cli/commands/validate.js"))).toBe(true);
    expect(run.modules.filter((m) => m.endsWith(".ts"))).toEqual([]);
  });

  it("validate loads zod, js-yaml and commander as one bundled file each (scripts/build-vendor.cjs), not the packages' many files", () => {
    const run = loadedBy(["validate", "examples/barito-timur/inventory.yaml"], { SPBE_NO_CACHE: "1" });
    expect(run.status).toBe(0);
    for (const pkg of ["zod", "js-yaml", "commander"]) {
      const files = run.modules.filter((m) => m.includes(`/node_modules/${pkg}/`));
      expect(files).toEqual([resolve(REPO_ROOT, `dist/node_modules/${pkg}/index.js`)]);
    }
    // zod's locales other than English and Indonesian are not in the bundle at all.
    const bundle = readFileSync(resolve(REPO_ROOT, "dist/node_modules/zod/index.js"), "utf8");
    expect(bundle).toContain("diharapkan");
    expect(bundle).not.toContain("Entrada inválida");
  });

  it("validate from the parsed-inventory cache loads no parser: neither js-yaml, yaml nor zod (nor the schemas)", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "spbe-lazy-cache-"));
    const args = ["validate", "examples/barito-timur/inventory.yaml"];
    const miss = loadedBy(args, { SPBE_CACHE_DIR: cacheDir });
    expect(miss.status).toBe(0);
    expect(miss.modules.some((m) => m.endsWith("/dist/inventory/parse.js"))).toBe(true);
    const hit = loadedBy(args, { SPBE_CACHE_DIR: cacheDir });
    expect(hit.status).toBe(0);
    const parsers = ["/node_modules/zod/", "/node_modules/yaml/", "/node_modules/js-yaml/", "/dist/inventory/parse.js", "/dist/inventory/schema.js"];
    expect(hit.modules.filter((m) => parsers.some((p) => m.includes(p)))).toEqual([]);
  });

  it("report from the cache, without --facts, --previous or --province, loads no parser or schema either", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "spbe-lazy-cache-"));
    const out = join(cacheDir, "report.json");
    const args = ["report", "examples/barito-timur/inventory.yaml", "--format", "json", "--out", out];
    expect(loadedBy(args, { SPBE_CACHE_DIR: cacheDir }).status).toBe(0);
    const hit = loadedBy(args, { SPBE_CACHE_DIR: cacheDir });
    expect(hit.status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).rules.length).toBeGreaterThan(0);
    const parsers = ["/node_modules/zod/", "/node_modules/yaml/", "/node_modules/js-yaml/", "/dist/inventory/parse.js", "/dist/facts/schema.js"];
    expect(hit.modules.filter((m) => parsers.some((p) => m.includes(p)))).toEqual([]);
  });

  it("lists every command in spbe --help", () => {
    const help = runSpbe(["--help"]);
    expect(help.status).toBe(0);
    for (const entry of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${entry.name} `, "m"));
  });
});

/** Every command and subcommand path with the options it declares, from the table's own configure functions. */
function commandPaths(): { path: string[]; options: string[] }[] {
  const out: { path: string[]; options: string[] }[] = [];
  const walk = (command: Command, path: string[]) => {
    out.push({ path, options: command.options.map((o) => o.long ?? o.flags) });
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  for (const entry of COMMANDS) {
    const command = new Command(entry.name).description(entry.description);
    entry.load()(command);
    walk(command, [entry.name]);
  }
  return out;
}

describe("each command's --help lists its options", () => {
  const paths = commandPaths();
  it("finds the subcommands (the table configures them)", () => {
    expect(paths.map((p) => p.path.join(" "))).toEqual(expect.arrayContaining(["validate", "alerts build", "alerts silence create", "dashboards build", "report"]));
    expect(paths.find((p) => p.path.join(" ") === "validate")!.options).toEqual(["--format", "--lang"]);
  });
  it.each(paths.map((p) => [p.path.join(" "), p] as const))("spbe %s --help", (_, { path, options }) => {
    const help = runSpbe([...path, "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`Usage: spbe ${path.join(" ")}`);
    for (const option of options) expect(help.stdout).toContain(option);
  });
});
