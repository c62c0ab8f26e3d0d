// Which collector image the monitoring stack runs, and where it comes from. Pure: the stack's
// settings in, a decision out (the Docker provider's image build is the component's job).
//  - `spbe-infra:collectorImage` set: that image, pulled like any other (a host that cannot build).
//  - else a registry named (`spbe-infra:registry`): built from this repository's Dockerfile and
//    pushed there, under <server>/spbe-infra/collector:<version>; the monitoring host pulls it.
//  - else: built from this repository on the monitoring host's own engine (the Docker provider
//    sends the build context over its SSH connection) and run from there, never pushed.
// No default names an image somebody would have to publish first.

export const COLLECTOR_REPOSITORY = "spbe-infra/collector";

export interface CollectorImagePlan {
  /** The image reference the plan and the container labels carry. */
  name: string;
  /** Build it from the repository (absent: pull `name`). */
  build?: {
    /** Push to this registry server (the stack's `spbe-infra:registry`); absent: keep it on the building host. */
    pushTo?: string;
    /** The image's version label (package.json's version). */
    version: string;
  };
}

export function planCollectorImage(opts: { configured?: string; registryServer?: string; version: string }): CollectorImagePlan {
  if (opts.configured !== undefined && opts.configured !== "") return { name: opts.configured };
  const tag = `${COLLECTOR_REPOSITORY}:${opts.version}`;
  if (opts.registryServer) return { name: `${opts.registryServer.replace(/\/+$/, "")}/${tag}`, build: { pushTo: opts.registryServer, version: opts.version } };
  return { name: tag, build: { version: opts.version } };
}
