// vitest's global set-up: the parsed-inventory cache of the `spbe` runs and loads under test goes to a
// temporary folder of the run (inherited by every test process), not the user's ~/.cache/spbe-infra.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function useTemporaryInventoryCache(): () => void {
  if (process.env.SPBE_CACHE_DIR) return () => undefined;
  const dir = mkdtempSync(join(tmpdir(), "spbe-test-cache-"));
  process.env.SPBE_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
