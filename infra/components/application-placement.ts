// One application at one place: its own network and its container (primary or DR replica), or,
// for an application the Dinas does not run, a no-op record carrying the same labels.
import * as command from "@pulumi/command";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { LABEL } from "../../inventory/labels";
import { LeanContainer, LeanNetwork } from "./lean-docker";
import type { PlannedContainer, PlannedRecord } from "../planning/placements";

export type ApplicationPlacementArgs =
  | { kind: "container"; container: PlannedContainer; image: docker.RemoteImage; provider: docker.Provider }
  | { kind: "record"; record: PlannedRecord };

export function dockerLabels(labels: Record<string, string>): { label: string; value: string }[] {
  return Object.entries(labels).map(([label, value]) => ({ label, value }));
}

export class ApplicationPlacement extends pulumi.ComponentResource {
  readonly container?: LeanContainer;
  readonly network?: LeanNetwork;
  readonly record?: command.local.Command;

  constructor(name: string, args: ApplicationPlacementArgs, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:ApplicationPlacement", name, {}, opts);
    if (args.kind === "record") {
      // No create command: registering it changes nothing anywhere, it only shows the placement
      // (and its labels) to `pulumi preview` and to the policy pack.
      this.record = new command.local.Command(args.record.resourceName, { environment: args.record.labels }, { parent: this });
      this.registerOutputs({ application: args.record.application, placement: args.record.placement, where: args.record.where });
      return;
    }
    const c = args.container;
    const childOpts = { parent: this, provider: args.provider };
    this.network = new LeanNetwork(
      `${c.resourceName}-net`,
      { name: c.networkName, driver: "bridge", labels: dockerLabels({ [LABEL.application]: c.application, [LABEL.opd]: c.opd, [LABEL.role]: c.role }) },
      childOpts,
    );
    this.container = new LeanContainer(
      c.resourceName,
      {
        name: c.containerName,
        image: args.image.imageId,
        labels: dockerLabels(c.labels),
        ports: c.ports.map((p) => ({ internal: p.internal, external: p.external, ip: p.ip, protocol: p.protocol })),
        networksAdvanced: [{ name: this.network.name, aliases: [c.application] }],
        restart: c.restart,
        start: c.start,
        mustRun: c.start,
        healthcheck: c.healthcheck,
      },
      childOpts,
    );
    this.registerOutputs({ application: c.application, role: c.role, server: c.server, container: this.container.name });
  }
}
