// The NOC's monitoring stack on one docker host: a private network, persistent volumes, and the
// InfluxDB, collector, Prometheus, Grafana and (when the inventory names receivers) Alertmanager containers with their generated configuration
// uploaded into them (so a config change replaces the container with the new file, reviewably).
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { fillSecretPlaceholders, secretKeysOf } from "../planning/secret-placeholders";
import type { MonitoringFile, MonitoringPlan } from "../planning/monitoring";
import { dockerLabels } from "./application-placement";

export interface MonitoringStackArgs {
  plan: MonitoringPlan;
  /** Image to run per service: a pulled RemoteImage's id, or the collector image built for this stack. */
  images: Map<string, pulumi.Input<string>>;
  provider: docker.Provider;
  /** Secret values by stack secret key (SNMP keys, Grafana admin password). */
  secrets: Map<string, pulumi.Output<string>>;
}

export class MonitoringStack extends pulumi.ComponentResource {
  readonly network: docker.Network;
  readonly volumes = new Map<string, docker.Volume>();
  readonly containers = new Map<string, docker.Container>();

  constructor(name: string, args: MonitoringStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:MonitoringStack", name, {}, opts);
    const { plan } = args;
    const childOpts = { parent: this, provider: args.provider };
    // The recovery site's pair has its own resource names: a URN names the parent's type, not its
    // name, so the two stacks' children would otherwise share URNs.
    const prefix = plan.resourcePrefix ?? "";
    this.network = new docker.Network(`${name}-net`, { name: plan.networkName, driver: "bridge" }, childOpts);
    for (const volumeName of plan.volumes) {
      // Data outlives containers: a replaced Grafana or Prometheus keeps its history.
      this.volumes.set(volumeName, new docker.Volume(`${prefix}${volumeName}`, { name: volumeName }, { ...childOpts, retainOnDelete: true }));
    }
    for (const s of plan.services) {
      const secretEnv = Object.entries(s.secretEnv).map(([variable, key]) => {
        const value = args.secrets.get(key);
        if (!value) throw new pulumi.RunError(`the monitoring stack needs the secret spbe-infra:${key}`);
        return pulumi.interpolate`${variable}=${value}`;
      });
      const image = args.images.get(s.service);
      if (!image) throw new Error(`no image for monitoring service ${s.service}`);
      this.containers.set(
        s.service,
        new docker.Container(
          `${prefix}${s.service}`,
          {
            name: s.containerName,
            image,
            labels: dockerLabels(s.labels),
            ports: s.ports.map((p) => ({ internal: p.internal, external: p.external, ip: p.ip, protocol: p.protocol ?? "tcp" })),
            volumes: s.volumes.map((v) => ({ volumeName: this.volumes.get(v.volumeName)!.name, containerPath: v.containerPath })),
            envs: [...Object.entries(s.env).map(([k, v]) => `${k}=${v}`), ...secretEnv],
            uploads: s.uploads.map((u) => ({ file: u.path, content: withSecrets(u, args.secrets) })),
            command: s.command,
            networksAdvanced: [{ name: this.network.name, aliases: [s.service] }],
            restart: "unless-stopped",
            healthcheck: s.healthcheck,
          },
          childOpts,
        ),
      );
    }
    this.registerOutputs({
      host: plan.host,
      grafanaUrl: `http://${plan.hostAddress}:3000`,
      prometheusUrl: `http://${plan.hostAddress}:9090`,
    });
  }
}

/**
 * A file's content with its secret placeholders (each a whole YAML scalar) replaced by the stack
 * secrets' values as double-quoted YAML strings (JSON's quoting is YAML's), so a token with ": " or
 * "#" stays one value. The result is a secret
 * output itself, so the values stay encrypted in the state and hidden in previews.
 */
function withSecrets(file: MonitoringFile, secrets: Map<string, pulumi.Output<string>>): pulumi.Input<string> {
  const keys = secretKeysOf(file);
  if (keys.length === 0) return file.content;
  const values = keys.map((key) => {
    const value = secrets.get(key);
    if (!value) throw new pulumi.RunError(`the monitoring stack needs the secret spbe-infra:${key}`);
    return value;
  });
  return pulumi.secret(pulumi.all(values).apply((vs) => fillSecretPlaceholders(file, (key) => vs[keys.indexOf(key)]!)));
}
