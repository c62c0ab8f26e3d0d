// The parsed-inventory cache: a loaded inventory (model and positioned diagnostics) kept by the hash
// of the file's bytes and of the loader's own code, so repeating a command on an unchanged file skips
// parsing and validation (reading the stored JSON back is many times faster than parsing the YAML).
// In the user's cache directory: $SPBE_CACHE_DIR, else $XDG_CACHE_HOME/spbe-infra, else
// ~/.cache/spbe-infra; SPBE_NO_CACHE=1 turns it off. Safe to delete at any time; an entry that does
// not read back (truncated, another format) is ignored and written again.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** Bumped when what is stored changes shape. */
const FORMAT = 2;
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
 * of their files (compiled or source alike), and Node's version.
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

const entryFile = (dir: string, key: string) => join(dir, `inventory-${key}.json`);

/**
 * An entry is one line of JSON (the format, the key, the result without its model, and the byte
 * length of each model section) followed by each section's JSON. JSON, not v8.serialize: on the
 * scale-1 inventory JSON.parse of the model took ~120 ms against v8.deserialize's ~280 ms, with less
 * garbage (docs/benchmarks.md). Sections are parsed when first read: `spbe validate` reads the
 * devices and monitoring but never the 10k applications, so a hit parses only what a command uses.
 */
interface EntryHead {
  format: number;
  key: string;
  value: Record<string, unknown>;
  sections?: [name: string, bytes: number][];
}

/**
 * A cached result whose `model` field (when stored) reads its sections on first access. A section
 * that does not parse then (damaged on disk with its length intact, so the length check above
 * cannot see it) is a miss: `recompute` makes the result again and the section comes from it.
 */
export function readCached<T extends object>(dir: string, key: string, model: keyof T & string, recompute: () => T | undefined): T | undefined {
  try {
    const bytes = readFileSync(entryFile(dir, key));
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return undefined;
    const head = JSON.parse(bytes.toString("utf8", 0, newline)) as EntryHead;
    if (head.format !== FORMAT || head.key !== key || typeof head.value !== "object") return undefined;
    const value = { ...head.value } as Record<string, unknown>;
    if (head.sections) {
      let at = newline + 1;
      const parts: [string, number, number][] = head.sections.map(([name, length]) => [name, at, (at += length)]);
      if (at !== bytes.length) return undefined; // truncated
      let fresh: Record<string, unknown> | undefined;
      const freshSection = (name: string) => {
        fresh ??= (recompute() as Record<string, Record<string, unknown>> | undefined)?.[model] ?? {};
        return fresh[name];
      };
      value[model] = lazySections(bytes, parts, freshSection);
    }
    return value as T;
  } catch {
    return undefined; // missing, truncated or not ours: a miss
  }
}

/**
 * An object whose properties are JSON text until read: each getter parses its slice once and then
 * stands as a plain data property, so spreads, JSON.stringify and deep equality see ordinary data.
 * A slice that is not JSON takes the value `damaged` gives for its name.
 */
function lazySections(bytes: Buffer, parts: [name: string, start: number, end: number][], damaged: (name: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, start, end] of parts) {
    Object.defineProperty(out, name, {
      enumerable: true,
      configurable: true,
      get() {
        let parsed: unknown;
        try {
          parsed = JSON.parse(bytes.toString("utf8", start, end));
        } catch {
          parsed = damaged(name);
        }
        Object.defineProperty(out, name, { value: parsed, enumerable: true, configurable: true, writable: true });
        return parsed;
      },
      set(v: unknown) {
        Object.defineProperty(out, name, { value: v, enumerable: true, configurable: true, writable: true });
      },
    });
  }
  return out;
}

/**
 * JSON of a value, or undefined when JSON would not give the same value back (undefined fields,
 * non-finite numbers, Dates, Maps, class instances): such a result is not cached.
 */
function exactJson(value: unknown): string | undefined {
  let lossy = false;
  const text = JSON.stringify(value, function (this: Record<string, unknown>, k: string, x: unknown) {
    const raw = k === "" ? value : this[k];
    if (raw === undefined || typeof raw === "bigint" || typeof raw === "function" || typeof raw === "symbol") lossy = true;
    else if (typeof raw === "number" && !Number.isFinite(raw)) lossy = true;
    else if (raw !== null && typeof raw === "object") {
      const proto = Object.getPrototypeOf(raw);
      if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) lossy = true;
    }
    return x;
  });
  return lossy ? undefined : text;
}

/** Stores a result; a cache that cannot be written (read-only home, full disk) is skipped silently. */
export function writeCached<T extends object>(dir: string, key: string, value: T, model: keyof T & string): void {
  try {
    const { [model]: sectioned, ...rest } = value as Record<string, unknown>;
    const chunks: string[] = [];
    const sections: [string, number][] = [];
    if (sectioned !== undefined) {
      for (const [name, part] of Object.entries(sectioned as Record<string, unknown>)) {
        const json = exactJson(part);
        if (json === undefined) return;
        chunks.push(json);
        sections.push([name, Buffer.byteLength(json)]);
      }
    }
    const head = exactJson({ format: FORMAT, key, value: rest, ...(sectioned !== undefined ? { sections } : {}) });
    if (head === undefined) return;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = entryFile(dir, key);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, [head, "\n", ...chunks].join(""), { mode: 0o600 });
    renameSync(tmp, file);
    prune(dir);
  } catch {
    // The cache only saves time.
  }
}

function prune(dir: string): void {
  const entries = readdirSync(dir)
    .filter((f) => f.startsWith("inventory-") && f.endsWith(".json"))
    .map((f) => ({ f, mtime: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { f } of entries.slice(KEEP_ENTRIES)) unlinkSync(join(dir, f));
}
