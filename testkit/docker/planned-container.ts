// A planned monitoring service (infra/planning/monitoring.ts) as the Docker Engine API's create
// body: the same command, environment, ports, volumes, network alias, labels and healthcheck the
// MonitoringStack component gives @pulumi/docker's Container. Only where this machine differs
// from the monitoring host is anything replaced, and the caller says how: the host address ports
// are published on (the plan's is the monitoring host's management address), the secret values
// (the plan names variables and stack keys, never values) and the image.
import { fillSecretPlaceholders } from "../../infra/planning/secret-placeholders";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { PlannedService } from "../../infra/planning/monitoring";
import { tempDir } from "../servers/common";

export interface HostSide {
  image: string;
  /** Secret environment values by variable name (every variable of `secretEnv`). */
  secretValues: Record<string, string>;
  /** Where a planned published port lands here: planned external port → host address and port. */
  publish: (port: { internal: number; external: number; ip: string }) => { ip: string; port: number };
  /** Extra arguments after the planned command (e.g. `--simulate`): shown, never hidden in the plan. */
  extraArgs?: string[];
}

/** Go durations as the plan writes them ("30s", "5s", "1m") → nanoseconds, as the API wants. */
function nanos(duration: string): number {
  const m = /^(\d+)(ms|s|m|h)$/.exec(duration);
  if (!m) throw new Error(`unsupported duration ${duration}`);
  const unit = { ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 }[m[2] as "ms" | "s" | "m" | "h"];
  return Number(m[1]) * unit;
}

export function createBody(s: PlannedService, network: string, host: HostSide): object {
  const missing = Object.keys(s.secretEnv).filter((v) => host.secretValues[v] === undefined);
  if (missing.length > 0) throw new Error(`${s.service}: no test value for the secret variables ${missing.join(", ")}`);
  const env = [...Object.entries(s.env).map(([k, v]) => `${k}=${v}`), ...Object.keys(s.secretEnv).map((k) => `${k}=${host.secretValues[k]}`)];
  const exposed = Object.fromEntries(s.ports.map((p) => [`${p.internal}/tcp`, {}]));
  const bindings = Object.fromEntries(
    s.ports.map((p) => {
      const at = host.publish(p);
      return [`${p.internal}/tcp`, [{ HostIp: at.ip, HostPort: String(at.port) }]];
    }),
  );
  const command = s.command || host.extraArgs ? [...(s.command ?? []), ...(host.extraArgs ?? [])] : undefined;
  return {
    Image: host.image,
    ...(command ? { Cmd: command } : {}),
    Env: env,
    Labels: s.labels,
    ExposedPorts: exposed,
    Healthcheck: {
      Test: s.healthcheck.tests,
      Interval: nanos(s.healthcheck.interval),
      Timeout: nanos(s.healthcheck.timeout),
      Retries: s.healthcheck.retries,
      StartPeriod: nanos(s.healthcheck.startPeriod),
    },
    HostConfig: {
      PortBindings: bindings,
      Mounts: s.volumes.map((v) => ({ Type: "volume", Source: v.volumeName, Target: v.containerPath })),
      RestartPolicy: { Name: "unless-stopped" },
    },
    NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: [s.service] } } },
  };
}

/**
 * The service's uploads as one tar archive rooted at /, files only (docker makes missing parent
 * directories), owned by root and world-readable, as the provider writes them.
 */
export function uploadsTar(s: PlannedService, secretValue: (key: string) => string = (key) => `test-${key}-not-real`): Buffer | undefined {
  if (s.uploads.length === 0) return undefined;
  const root = tempDir(`uploads-${s.service}`);
  try {
    const files = s.uploads.map((u) => {
      const rel = u.path.replace(/^\/+/, "");
      fs.mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
      // Placeholders filled as the MonitoringStack component fills them from the stack's secrets.
      fs.writeFileSync(path.join(root, rel), fillSecretPlaceholders(u, secretValue));
      return rel;
    });
    return execFileSync("tar", ["-C", root, "--owner=0", "--group=0", "--mode=a+r", "--no-recursion", "-cf", "-", ...files], { maxBuffer: 256 << 20 });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
