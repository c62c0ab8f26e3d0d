#!/usr/bin/env node
// The `spbe` command: always compiled JavaScript, never a TypeScript loader at run time. Beside the
// compiled program (dist/bin/spbe.cjs, as in the collector image) it runs dist/cli/main.js; in the
// repository it runs the build in dist/ (npm install's `prepare` made it) and rebuilds it first when
// the sources are newer (scripts/build-cli.cjs: a stamp of the newest source mtime, a few ms to check).
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const besideCompiled = existsSync(join(__dirname, "..", "cli", "main.js"));
const programDir = besideCompiled ? join(__dirname, "..") : require("../scripts/build-cli.cjs").ensureBuilt();
require(join(programDir, "cli", "main.js")).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err instanceof Error ? err.message : String(err)); process.exitCode = 1; },
);
