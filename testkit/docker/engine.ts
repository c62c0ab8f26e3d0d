// A Docker engine of the test's own: Debian's dockerd (docker.io) as root with its own socket, data
// root, exec root and pid file under a temporary directory, so it never touches (or needs) the
// machine's docker service, and everything it made goes when it stops. Fails loudly, never skips,
// when the engine cannot start. Measured here: overlay2 storage; bridge networking with dockerd's
// own iptables rules works (a user-defined bridge network, containers reaching each other by alias,
// ports published on 127.0.0.1); `--bridge=none` leaves the default docker0 alone, so no address
// of the machine's own docker service is taken.
import * as fs from "node:fs";
import * as path from "node:path";
import { FatalError, requireBinary, run, spawnLogged, tempDir, waitFor, type Spawned } from "../servers/common";

export interface DockerEngine {
  /** The engine's address for `docker --host` (unix://…/docker.sock). */
  host: string;
  dir: string;
  /** Runs the docker client against this engine; throws with its stderr when it fails. */
  docker(args: string[], opts?: { timeoutMs?: number }): Promise<string>;
  log(): string;
  stop(): Promise<void>;
}

export class DockerEngineError extends Error {}

export async function startDockerEngine(opts: { startTimeoutMs?: number } = {}): Promise<DockerEngine> {
  const dockerd = requireBinary("dockerd", "docker.io");
  // The client of the same package (another `docker` may come first on PATH).
  const client = fs.existsSync("/usr/bin/docker") ? "/usr/bin/docker" : requireBinary("docker", "docker.io");
  if (process.getuid?.() !== 0) throw new DockerEngineError("dockerd needs root here (the tests run as root on these machines)");
  const dir = tempDir("dockerd");
  const socket = path.join(dir, "docker.sock");
  const host = `unix://${socket}`;
  const spawned: Spawned = spawnLogged(dockerd, [
    `--host=${host}`,
    `--data-root=${path.join(dir, "data")}`,
    `--exec-root=${path.join(dir, "exec")}`,
    `--pidfile=${path.join(dir, "docker.pid")}`,
    "--bridge=none",
    "--log-level=warn",
  ]);
  const docker = async (args: string[], o: { timeoutMs?: number } = {}) => {
    const r = await run(client, ["--host", host, ...args], o.timeoutMs ?? 120_000);
    if (r.code !== 0) throw new Error(`docker ${args.join(" ")} failed (${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
    return r.stdout;
  };
  try {
    await waitFor(
      "dockerd to answer",
      async () => {
        if (spawned.child.exitCode !== null) throw new FatalError(`dockerd exited with ${spawned.child.exitCode}`);
        const r = await run(client, ["--host", host, "version", "--format", "{{.Server.Version}}"], 10_000);
        return r.code === 0 && r.stdout.trim();
      },
      opts.startTimeoutMs ?? 60_000,
      250,
    );
  } catch (err) {
    await spawned.stop();
    throw new DockerEngineError(`the Docker engine did not start: ${(err as Error).message}\n--- dockerd log ---\n${spawned.log().slice(-4000)}`);
  }
  return {
    host,
    dir,
    docker,
    log: spawned.log,
    async stop() {
      // Containers first, so dockerd's shutdown does not wait on their grace periods one by one.
      const ids = (await run(client, ["--host", host, "ps", "-aq"], 30_000)).stdout.split("\n").filter(Boolean);
      if (ids.length > 0) await run(client, ["--host", host, "rm", "-f", ...ids], 60_000);
      await spawned.stop();
      // dockerd leaves its network namespace's bind mount (exec/netns/default) behind, and a killed
      // one its overlay mounts: unmounted first, deepest first, so the files can go.
      for (const target of mountsUnder(dir)) await run("umount", ["--lazy", target], 30_000);
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Mount points at or under dir (from /proc/self/mounts), deepest first. */
function mountsUnder(dir: string): string[] {
  const targets = fs
    .readFileSync("/proc/self/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1]?.replace(/\\040/g, " "))
    .filter((t): t is string => t !== undefined && (t === dir || t.startsWith(`${dir}/`)));
  return [...new Set(targets)].sort((a, b) => b.length - a.length);
}
