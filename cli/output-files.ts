// Writing a build's files (paths relative to an output directory) for the commands that generate
// configuration: `dashboards build`, `alerts build`. One place reports a failure the same way.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { t, type Lang } from "../i18n";
import { ExitCode, UsageError } from "./context";

/**
 * Writes one file whole or not at all (a temporary file renamed over it): a report or a facts file
 * is never read half written. On failure the temporary file is removed and the error rethrown.
 */
export function writeFileWhole(file: string, content: string | Buffer, lang: Lang = "en"): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    // Node's message names the temporary file, which the user never asked for: say it of theirs.
    const code = (err as NodeJS.ErrnoException).code;
    const dir = dirname(file);
    const reason =
      code === "ENOENT" ? t(lang, "cli.no-directory", { dir })
      : code === "EACCES" || code === "EPERM" ? t(lang, "cli.permission-denied", { dir })
      : (err as Error).message.split(tmp).join(file);
    throw new UsageError(t(lang, "cli.write-failed", { file, reason }));
  }
}

/** Writes every file below `dir`; on failure says why on stderr, sets exit code 2 and returns false. */
export function writeOutputFiles(dir: string, files: readonly { path: string; content: string }[], lang: Lang): boolean {
  try {
    for (const f of files) {
      const target = join(dir, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.content);
    }
    return true;
  } catch (err) {
    process.stderr.write(t(lang, "dashboards.write-failed", { dir, message: (err as Error).message }) + "\n");
    process.exitCode = ExitCode.badInput;
    return false;
  }
}
