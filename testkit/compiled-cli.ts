// vitest's global set-up: the compiled CLI the tests spawn (bin/spbe.cjs runs dist/), built once
// before the test files start in parallel rather than by the first few spawns at the same time.
import { createRequire } from "node:module";
import { resolve } from "node:path";

export default function buildCompiledCli(): void {
  const { ensureBuilt } = createRequire(__filename)(resolve(__dirname, "../scripts/build-cli.cjs")) as { ensureBuilt: () => string };
  ensureBuilt();
}
