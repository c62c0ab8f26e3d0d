// The compiled CLI on the user's path: every TypeScript file of the program's rooms transpiled to
// CommonJS in dist/ by esbuild, one file each (no bundle: the module structure stays, so each
// command still loads only its own modules), then the assets of scripts/build-assets.cjs and the
// bundled packages of scripts/build-vendor.cjs (dist/node_modules: zod without its 50 locales). Types
// are not checked here (that is `npm run typecheck`, and `npm run build`'s tsc for the image).
// Run by npm's `prepare` (npm install / npm ci), by scripts/test.sh and the tests' global set-up,
// and by bin/spbe.cjs when the sources are newer than the build (a developer editing).
//   node scripts/build-cli.cjs            build now
//   node scripts/build-cli.cjs --if-stale build when the stamp does not match the sources
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
const STAMP = path.join(dist, ".build-stamp");

/**
 * What is not product, as tsconfig.build.json's "exclude" says it (read from there, one home):
 * plain names are top-level folders, `*.config.ts` files at the root, `**\/*.test.ts` anywhere.
 * Read by hand rather than with TypeScript's config parser: typescript is a dev dependency and
 * loading it would cost the rebuild more than the whole transpile.
 */
function excludedFolders() {
  const text = fs.readFileSync(path.join(root, "tsconfig.build.json"), "utf8").replace(/^\s*\/\/.*$/gm, "");
  return new Set(JSON.parse(text).exclude.filter((p) => !p.includes("*")));
}

/** Every file of the program's rooms (sources and the data files they read), with its mtime. */
function sourceFiles() {
  const excluded = excludedFolders();
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === root && (excluded.has(entry.name) || entry.name === "docs" || entry.name === "bin")) continue;
        walk(full);
      } else if (dir !== root && /\.(ts|json|ya?ml)$/.test(entry.name) && !entry.name.endsWith(".test.ts") && !entry.name.endsWith(".d.ts")) {
        files.push(full);
      }
    }
  };
  walk(root);
  return files;
}

/** What the stamp records: the newest mtime of the sources and assets, and how many there are (a deletion shows). */
function fingerprint(files) {
  const assets = [path.join(root, "package.json"), path.join(root, "bin", "spbe.cjs"), __filename, path.join(root, "scripts", "build-assets.cjs")];
  // The bundled packages: their script and the installed versions they are made from (an upgrade rebuilds).
  assets.push(path.join(__dirname, "build-vendor.cjs"), ...require("./build-vendor.cjs").VENDORED.map((v) => path.join(root, "node_modules", v.name, "package.json")));
  for (const f of fs.readdirSync(path.join(root, "docs"))) if (f.endsWith(".schema.json")) assets.push(path.join(root, "docs", f));
  let newest = 0;
  for (const f of [...files, ...assets]) newest = Math.max(newest, fs.statSync(f).mtimeMs);
  return `${newest} ${files.length}`;
}

function isFresh(stamp) {
  try {
    return fs.readFileSync(STAMP, "utf8") === stamp;
  } catch {
    return false;
  }
}

/** Writes through a temporary name: a test run may rebuild in several processes at once. */
function writeAtomic(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

function build(files = sourceFiles()) {
  const stamp = fingerprint(files);
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    entryPoints: files.filter((f) => f.endsWith(".ts")),
    outdir: dist,
    outbase: root,
    bundle: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "error",
  });
  for (const out of result.outputFiles) writeAtomic(out.path, out.contents);
  // JSON the sources import (policies/perda/*.structure.json), as tsc copies them.
  for (const f of files.filter((f) => f.endsWith(".json"))) writeAtomic(path.join(dist, path.relative(root, f)), fs.readFileSync(f));
  require("./build-assets.cjs");
  buildVendored();
  writeAtomic(STAMP, stamp);
}

/** dist/node_modules: the packages scripts/build-vendor.cjs bundles, when missing or made from another version. */
function buildVendored() {
  const stale = require("./build-vendor.cjs").staleVendored();
  if (stale.length === 0) return;
  // A process of its own: esbuild's plugins need its asynchronous API, and this build is synchronous.
  require("node:child_process").execFileSync(process.execPath, [path.join(__dirname, "build-vendor.cjs"), ...stale], { stdio: "inherit" });
}

/** Builds when the sources changed since the last build; returns the directory of the compiled program. */
function ensureBuilt() {
  const files = sourceFiles();
  if (!isFresh(fingerprint(files))) build(files);
  return dist;
}

module.exports = { build, ensureBuilt, dist };

if (require.main === module) {
  if (process.argv.includes("--if-stale")) ensureBuilt();
  else build();
}
