// The parsed-inventory cache: a loaded inventory (model and positioned diagnostics) kept by the hash
// of the file's bytes and of the loader's own code, so repeating a command on an unchanged file skips
// parsing and validation (v8.deserialize of the result is several times faster than parsing the YAML).
// In the user's cache directory: $SPBE_CACHE_DIR, else $XDG_CACHE_HOME/spbe-infra, else
// ~/.cache/spbe-infra; SPBE_NO_CACHE=1 turns it off. Safe to delete at any time; an entry that does
// not read back (truncated, another format) is ignored and written again.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";

/** Bumped when what is stored changes shape. */
const FORMAT = 1;
/** Entries kept: the newest by mtime; older ones are removed after a write. */
const KEEP_ENTRIES = 16;

export function inventoryCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SPBE_NO_CACHE === "1") return undefined;
  if (env.SPBE_CACHE_DIR) return env.SPBE_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "spbe-infra");
}

let codeFingerprint: string | undefined;

/**
 * What the cached results depend on besides the file: the loader, schema and validation (this
 * folder) and the messages rendered into diagnostics at parse time (i18n/), by name, size and mtime
 * of their files (compiled or source alike), and Node's version (v8.serialize's format).
 */
function loaderFingerprint(): string {
  if (codeFingerprint === undefined) {
    const parts: string[] = [process.version];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else {
          const st = statSync(full);
          parts.push(`${full} ${st.size} ${st.mtimeMs}`);
        }
      }
    };
    walk(__dirname);
    walk(join(__dirname, "..", "i18n"));
    codeFingerprint = parts.join("\n");
  }
  return codeFingerprint;
}

export function cacheKey(bytes: Uint8Array): string {
  return createHash("sha256").update(`spbe-inventory-cache ${FORMAT}\n${loaderFingerprint()}\n`).update(bytes).digest("hex");
}

const entryFile = (dir: string, key: string) => join(dir, `inventory-${key}.v8`);

export function readCached<T>(dir: string, key: string): T | undefined {
  try {
    const stored = deserialize(readFileSync(entryFile(dir, key))) as { format?: unknown; key?: unknown; value?: T };
    return stored && stored.format === FORMAT && stored.key === key ? stored.value : undefined;
  } catch {
    return undefined; // missing, truncated or not ours: a miss
  }
}

/** Stores a result; a cache that cannot be written (read-only home, full disk) is skipped silently. */
export function writeCached(dir: string, key: string, value: unknown): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = entryFile(dir, key);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize({ format: FORMAT, key, value }), { mode: 0o600 });
    renameSync(tmp, file);
    prune(dir);
  } catch {
    // The cache only saves time.
  }
}

function prune(dir: string): void {
  const entries = readdirSync(dir)
    .filter((f) => f.startsWith("inventory-") && f.endsWith(".v8"))
    .map((f) => ({ f, mtime: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { f } of entries.slice(KEEP_ENTRIES)) unlinkSync(join(dir, f));
}
