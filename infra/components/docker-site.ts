// What a data center and a recovery site share: one docker provider per server that runs
// something, each image pulled once per server, and the application containers placed there.
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import * as path from "node:path";
import type { CollectorImagePlan } from "../planning/collector-image";
import type { PlannedContainer } from "../planning/placements";
import type { SitePlan } from "../planning/stack";
import { ApplicationPlacement } from "./application-placement";
import { MonitoringStack } from "./monitoring-stack";

export interface RegistryAuth {
  address: string;
  username: string;
  password: pulumi.Input<string>;
}

export interface DockerSiteArgs {
  plan: SitePlan;
  registryAuth?: RegistryAuth;
  /** Declare containers in waves of this many (large stacks); all at once when unset. */
  waveSize?: number;
  /** Secret environment values for the monitoring stack, by stack secret key. */
  secrets?: Map<string, pulumi.Output<string>>;
  /** Where the collector image comes from (infra/planning/collector-image.ts) and the repository to build it from. */
  collectorImage?: { plan: CollectorImagePlan; context: string };
}

export abstract class DockerSite extends pulumi.ComponentResource {
  readonly providers = new Map<string, docker.Provider>();
  readonly placements: ApplicationPlacement[] = [];
  readonly monitoring?: MonitoringStack;
  /** Resolves when every placement of the site has been declared (at once, or wave by wave). */
  readonly ready: Promise<void>;
  private readonly images = new Map<string, docker.RemoteImage>();

  constructor(type: string, name: string, args: DockerSiteArgs, opts?: pulumi.ComponentResourceOptions) {
    super(type, name, {}, opts);
    for (const server of args.plan.servers) {
      this.providers.set(
        server.id,
        new docker.Provider(
          `docker-${server.id}`,
          {
            host: server.dockerHost,
            // Never prompt during `pulumi up`: a host key or password prompt would hang the run.
            sshOpts: server.dockerHost.startsWith("ssh://") ? ["-o", "BatchMode=yes"] : undefined,
            registryAuth: args.registryAuth ? [args.registryAuth] : undefined,
          },
          { parent: this },
        ),
      );
    }
    const m = args.plan.monitoring;
    if (m) {
      const collector = args.collectorImage?.plan.build && m.services.some((s) => s.service === "collector") ? this.buildCollector(m.host, args.collectorImage, args.registryAuth) : undefined;
      const images = new Map<string, pulumi.Input<string>>(
        m.services.map((s) => [s.service, s.service === "collector" && collector ? collector.repoDigest : this.image(m.host, s.image).imageId]),
      );
      this.monitoring = new MonitoringStack(m.resourcePrefix ? `${m.resourcePrefix}monitoring` : "monitoring", { plan: m, images, provider: this.provider(m.host), secrets: args.secrets ?? new Map() }, { parent: this });
    }
    const place = (c: PlannedContainer) =>
      new ApplicationPlacement(c.resourceName, { kind: "container", container: c, image: this.image(c.server, c.image), provider: this.provider(c.server) }, { parent: this });
    const outputs = {
      site: args.plan.site.id,
      servers: args.plan.servers.map((s) => s.id),
      containers: args.plan.containers.map((c) => c.containerName),
    };
    if (!args.waveSize || args.plan.containers.length <= args.waveSize) {
      for (const c of args.plan.containers) this.placements.push(place(c));
      this.registerOutputs(outputs);
      this.ready = Promise.resolve();
      return;
    }
    // Waves: the next containers are declared once the previous wave is registered, so the SDK
    // holds one wave of registrations in flight rather than all of them (memory grows with
    // what is in flight: docs/benchmarks.md). The engine runs a bounded number of operations at
    // once anyway, so a wave of hundreds does not slow a real `pulumi up`.
    const waveSize = args.waveSize;
    this.ready = (async () => {
      for (let at = 0; at < args.plan.containers.length; at += waveSize) {
        const wave = args.plan.containers.slice(at, at + waveSize).map(place);
        this.placements.push(...wave);
        await Promise.all(wave.map((p) => new Promise((resolve) => p.container!.urn.apply(resolve))));
      }
      this.registerOutputs(outputs);
    })();
  }

  protected provider(server: string): docker.Provider {
    const p = this.providers.get(server);
    if (!p) throw new Error(`no docker provider for server ${server}`);
    return p;
  }

  /**
   * The collector image built from the repository by the monitoring host's own engine (the provider
   * sends the context), pushed when the stack names a registry. The container runs its repoDigest
   * (the pushed digest, or the local image id), so a rebuilt image replaces the container.
   */
  private buildCollector(server: string, image: { plan: CollectorImagePlan; context: string }, registryAuth?: RegistryAuth): docker.Image {
    const build = image.plan.build!;
    return new docker.Image(
      "collector-image",
      {
        imageName: image.plan.name,
        build: { context: image.context, dockerfile: path.join(image.context, "Dockerfile"), platform: "linux/amd64", args: { VERSION: build.version } },
        skipPush: build.pushTo === undefined,
        registry: build.pushTo !== undefined && registryAuth ? { server: build.pushTo, username: registryAuth.username, password: registryAuth.password } : undefined,
      },
      { parent: this, provider: this.provider(server) },
    );
  }

  /** One RemoteImage per (server, image): a host pulls an image once for all its containers. */
  protected image(server: string, image: string): docker.RemoteImage {
    const key = `${server}/${image}`;
    let img = this.images.get(key);
    if (!img) {
      img = new docker.RemoteImage(
        `${server}-${image.replace(/[^a-zA-Z0-9_.-]/g, "-")}`,
        { name: image, keepLocally: true },
        { parent: this, provider: this.provider(server) },
      );
      this.images.set(key, img);
    }
    return img;
  }
}
