// An inventory file's bytes, refused before reading when they cannot be an inventory: a directory,
// a FIFO or a device (`/dev/zero` never ends, a FIFO waits for a writer) or a file above the size
// limit (parsing grows memory several times the file's size; a mistaken path to a disk image or a
// log must end with a message, not with V8's heap limit minutes later).
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from "node:fs";
import type { Diagnostic } from "./diagnostics";

export const DEFAULT_MAX_INVENTORY_MB = 64;

/** The size limit in bytes: `SPBE_MAX_INVENTORY_MB` (a positive number of MiB), else 64 MiB. */
export function maxInventoryBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.SPBE_MAX_INVENTORY_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_INVENTORY_MB) * 1024 * 1024;
}

export function readInventoryBytes(file: string): { bytes: Buffer } | { diagnostic: Diagnostic } {
  const refuse = (code: Diagnostic["code"], params: Diagnostic["params"]) => ({ diagnostic: { severity: "error" as const, code, path: [], params, file } });
  try {
    // stat first: it answers at once for a FIFO, where open() would wait for a writer.
    if (!statSync(file).isFile()) return refuse("file.not-regular", {});
    // O_NONBLOCK: should the path have turned into a FIFO since, open() still returns at once.
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return refuse("file.not-regular", {});
      const limit = maxInventoryBytes();
      if (stat.size > limit) return refuse("file.too-large", { sizeMb: (stat.size / 2 ** 20).toFixed(1), limitMb: limit / 2 ** 20 });
      return { bytes: readFileSync(fd) };
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    const message = (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message;
    return refuse("file.unreadable", { message });
  }
}
