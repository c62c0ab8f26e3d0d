#!/usr/bin/env node
// The `spbe` command. Beside compiled JavaScript (dist/bin/spbe.cjs after `npm run build`, as in
// the collector image) it runs that directly; in the repository it registers tsx so the TypeScript
// sources run as they are (no build step for operators).
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const compiled = existsSync(join(__dirname, "..", "cli", "main.js"));
if (!compiled) require("tsx/cjs/api").register();
require(compiled ? "../cli/main.js" : "../cli/main.ts").main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err instanceof Error ? err.message : String(err)); process.exitCode = 1; },
);
