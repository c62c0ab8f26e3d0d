// Runs the `spbe` command as a user does (a child process from the repository root), in a
// predictable language: English unless the caller's env says otherwise.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const REPO_ROOT = resolve(__dirname, "..");

export function runSpbe(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [resolve(REPO_ROOT, "bin/spbe.cjs"), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "", ...env },
  });
}
