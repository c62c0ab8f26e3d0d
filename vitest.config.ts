import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Pulumi's runtime keeps global state per process: every test file gets its own fork.
    pool: "forks",
    include: ["**/*.test.ts"],
    // bin/spbe.cjs runs the compiled program in dist/: brought up to date once for the whole run;
    // the parsed-inventory cache in a temporary folder of the run.
    globalSetup: ["testkit/compiled-cli.ts", "testkit/inventory-cache-dir.ts"],
    // The modules the compiled program requires on first use, provided (vitest cannot require TypeScript).
    setupFiles: ["testkit/lazy-modules.ts"],
    exclude: ["node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: ".test-results/vitest.json" },
  },
});
