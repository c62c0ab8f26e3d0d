// Packages the compiled CLI loads on every inventory command, each bundled into ONE file under
// dist/node_modules/<name>/ by esbuild: Node's resolution finds dist/node_modules before the
// checkout's node_modules, so every module of dist/ (and only those) gets the bundled copy, one
// instance for all of them. Why: zod is ~70 CommonJS files whose `locales` index alone loads ~50
// more (every language zod speaks, ~40 ms of a cold `spbe validate`, docs/benchmarks.md); the CLI
// speaks English (zod's default) and Indonesian (inventory/schema-text.ts), so the bundle carries
// those two locales only. Nothing else of the package changes: the bundle is zod's own ESM build.
// js-yaml and commander, loaded by most commands, are one file each the same way (no subset).
// The tests (vitest, the TypeScript sources), tsc's build for the image and the Pulumi program
// use the package in node_modules as it is.
//
// esbuild's plugins (the locale subset) need its asynchronous API, so this runs as its own process:
// scripts/build-cli.cjs starts it in each build, for the packages whose bundle is missing or was made
// from another version; the build's stamp counts this script and the installed versions, so an upgrade
// of one of them rebuilds.
//   node scripts/build-vendor.cjs
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const vendorDir = path.join(root, "dist", "node_modules");

/** zod's locales the program uses: "en" is zod's default, "id" is inventory/schema-text.ts's. */
const ZOD_LOCALES = ["en", "id"];

/** What is bundled: the package, and what its bundle leaves out (an esbuild plugin), if anything. */
const VENDORED = [
  {
    name: "zod",
    plugins: [
      {
        name: "zod-locale-subset",
        setup(build) {
          // zod's own `export * as locales from "../locales/index.js"` (classic and core alike).
          build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => ({ path: path.join(args.resolveDir, args.path), namespace: "zod-locales" }));
          build.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
            contents: ZOD_LOCALES.map((l) => `export { default as ${l} } from ${JSON.stringify(`./${l}.js`)};`).join("\n"),
            resolveDir: path.dirname(args.path),
          }));
        },
      },
    ],
  },
  // One file in place of ~25 (js-yaml) and ~6 (commander): ~10 ms of module resolution and loading.
  { name: "js-yaml", plugins: [] },
  { name: "commander", plugins: [] },
];

/** The version of `name` in the checkout's node_modules (its package.json, read as a file: zod's exports map leaves it out). */
function installedVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version;
}

/** What a bundle was made from: the package's version and this script (its mtime: a new locale list rebuilds). */
function madeFrom(name) {
  return `${installedVersion(name)} ${fs.statSync(__filename).mtimeMs}`;
}

function vendoredFrom(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(vendorDir, name, "package.json"), "utf8")).madeFrom;
  } catch {
    return undefined;
  }
}

/** The packages whose bundle is missing or was made from another version (or by another script) than now. */
function staleVendored() {
  return VENDORED.filter((v) => vendoredFrom(v.name) !== madeFrom(v.name)).map((v) => v.name);
}

async function buildVendored(name) {
  const spec = VENDORED.find((v) => v.name === name);
  const out = path.join(vendorDir, name);
  const tmp = `${out}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await require("esbuild").build({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: "js" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // The package's ESM build: what esbuild can see through (and leave the unused locales out of).
    conditions: ["import"],
    mainFields: ["module", "main"],
    outfile: path.join(tmp, "index.js"),
    plugins: spec.plugins,
    logLevel: "error",
    legalComments: "inline",
  });
  fs.writeFileSync(
    path.join(tmp, "package.json"),
    JSON.stringify({ name, version: installedVersion(name), main: "index.js", madeFrom: madeFrom(name), description: "bundled by scripts/build-vendor.cjs for the compiled CLI" }, null, 2) + "\n",
  );
  // Renamed into place whole: a test run may build in several processes at once.
  fs.rmSync(out, { recursive: true, force: true });
  try {
    fs.renameSync(tmp, out);
  } catch (err) {
    // Another process put its (identical) bundle there first.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (vendoredFrom(name) !== madeFrom(name)) throw err;
  }
}

module.exports = { staleVendored, VENDORED };

if (require.main === module) {
  (async () => {
    fs.mkdirSync(vendorDir, { recursive: true });
    for (const name of process.argv.length > 2 ? process.argv.slice(2) : VENDORED.map((v) => v.name)) await buildVendored(name);
  })().catch((err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
