import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Pulumi's runtime keeps global state per process: every test file gets its own fork.
    pool: "forks",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: ".test-results/vitest.json" },
  },
});
