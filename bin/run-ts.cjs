#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts) the same way bin/spbe.cjs runs the CLI.
require("tsx/cjs/api").register();
const path = require("node:path");
const file = process.argv[2];
if (!file) { console.error("usage: run-ts.cjs <file.ts> [args...]"); process.exit(2); }
process.argv.splice(1, 1);
require(path.resolve(file));
