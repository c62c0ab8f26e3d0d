#!/usr/bin/env node
// The `spbe` command: registers tsx so the TypeScript sources run as they are (no build step
// for operators), then hands over to the CLI module.
require("tsx/cjs/api").register();
require("../cli/main.ts").main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err instanceof Error ? err.message : String(err)); process.exitCode = 1; },
);
