// Runs the `spbe` command as a user does (a child process from the repository root), in a
// predictable language: English unless the caller's env says otherwise.
import { spawn, spawnSync } from "node:child_process";
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

/**
 * `runSpbe` without blocking the test's event loop: for a command that talks to a server the test
 * itself runs (spawnSync would stop that server from answering).
 */
export function runSpbeAsync(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(REPO_ROOT, "bin/spbe.cjs"), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout, stderr });
    });
  });
}
