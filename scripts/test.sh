#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need, runs every test with vitest
# against real servers, and ends with the plain line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
# The compiled CLI the tests spawn (bin/spbe.cjs), built once before the test files start in parallel.
node scripts/build-cli.cjs --if-stale || { echo "0 passed, 1 failed"; exit 1; }
rm -f .test-results/vitest.json
npx vitest run "$@"
status=$?
node -e '
  // Suites that fail before any test runs (import errors) count as one failure each.
  const fs = require("fs");
  let passed = 0, failed = 1;
  try {
    const r = JSON.parse(fs.readFileSync(".test-results/vitest.json", "utf8"));
    const brokenSuites = r.testResults.filter((s) => s.status === "failed" && !s.assertionResults.some((a) => a.status === "failed")).length;
    passed = r.numPassedTests;
    failed = r.numFailedTests + brokenSuites;
  } catch {}
  console.log(`${passed} passed, ${failed} failed`);
'
exit $status
