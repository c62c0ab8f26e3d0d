// The Pulumi engine under pulumi.runtime.setMocks, recording every resource a program registers
// (type, name, URN, inputs, parent, provider): shared by the kabupaten and the provincial program's
// harnesses. Pulumi's runtime state is per process: one program run per test file (vitest pool "forks").
import * as pulumi from "@pulumi/pulumi";

export interface RegisteredResource {
  type: string;
  name: string;
  urn: string;
  inputs: Record<string, unknown>;
  parent?: string;
  provider?: string;
}

export interface MockEngine {
  /** Filled as the program registers resources, by URN. */
  registered: Map<string, RegisteredResource>;
  settings: { waitForRPCs?: () => Promise<void> };
}

function mockState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  // What the providers would report back: enough for dependants (a container's image) to resolve.
  if (type === "docker:index/remoteImage:RemoteImage") return { ...inputs, imageId: inputs.name, repoDigest: `${String(inputs.name)}@sha256:mock` };
  // A built image: pushed, its registry digest; kept on the building host, its image id (Image's docs).
  if (type === "docker:index/image:Image") return { ...inputs, repoDigest: inputs.skipPush ? "sha256:mock-collector-build" : `${String(inputs.imageName)}@sha256:mock` };
  if (type === "docker:index/network:Network" || type === "docker:index/volume:Volume" || type === "docker:index/container:Container") {
    return { ...inputs, name: inputs.name ?? name };
  }
  return inputs;
}

/** Installs the mocks for `project`/`stack` and starts recording registrations. */
export async function startMockEngine(project: string, stack: string, preview: boolean): Promise<MockEngine> {
  const registered = new Map<string, RegisteredResource>();
  // newResource sees inputs, the RPC wrapper below sees parent and URN: joined by type and name.
  const pending = new Map<string, Record<string, unknown>[]>();
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const inputs = args.inputs as Record<string, unknown>;
        const key = `${args.type}\u0000${args.name}`;
        pending.set(key, [...(pending.get(key) ?? []), inputs]);
        return { id: args.custom ? `${args.name}-id` : "", state: mockState(args.type, args.name, inputs) };
      },
      call(args) {
        return args.inputs;
      },
    },
    project,
    stack,
    preview,
  );
  // The mock monitor does not tell newResource the parent or the URN: wrap its RPC to record both.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const settings = require("@pulumi/pulumi/runtime/settings") as {
    getMonitor(): {
      registerResource(req: unknown, cb: (err: unknown, resp: unknown) => void): void;
      registerResourceOutputs(req: unknown, cb: (err: unknown, resp: unknown) => void): void;
      resources: Map<string, { state: unknown }>;
    };
    waitForRPCs?: () => Promise<void>;
  };
  const monitor = settings.getMonitor();
  // The mock monitor keeps a protobuf copy of every resource's state for `getResource`, which the
  // program never calls; on the 10,000-application benchmark that copy was most of the retained
  // heap. Keep the entry (registerOutputs needs it), drop the copy.
  const dropState = (urn: string) => {
    const entry = monitor.resources.get(urn);
    if (entry) entry.state = {};
  };
  const originalOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req: unknown, cb: (err: unknown, resp: unknown) => void) => {
    originalOutputs(req, (err, resp) => {
      dropState((req as { getUrn(): string }).getUrn());
      cb(err, resp);
    });
  };
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req: unknown, cb: (err: unknown, resp: unknown) => void) => {
    const r = req as { getType(): string; getName(): string; getParent(): string; getProvider(): string };
    original(req, (err, resp) => {
      if (!err) {
        const urn = (resp as { getUrn(): string }).getUrn();
        dropState(urn);
        const waiting = pending.get(`${r.getType()}\u0000${r.getName()}`);
        const inputs = waiting?.shift() ?? {};
        registered.set(urn, {
          type: r.getType(),
          name: r.getName(),
          urn,
          inputs,
          ...(r.getParent() ? { parent: r.getParent() } : {}),
          ...(r.getProvider() ? { provider: r.getProvider() } : {}),
        });
      }
      cb(err, resp);
    });
  };

  return { registered, settings };
}
