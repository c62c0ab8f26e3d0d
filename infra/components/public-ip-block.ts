// A public address block with its allocations (fixed and assigned), as planned by
// infra/planning/public-ips.ts. Addresses are routed by the upstream, not created here: the component
// makes every allocation reviewable in `pulumi preview` and exports it.
import * as pulumi from "@pulumi/pulumi";
import type { PlannedAllocation } from "../planning/public-ips";

export interface AllocationOutput {
  address: string;
  source: "fixed" | "assigned";
  to: string;
}

export function describeTarget(to: PlannedAllocation["to"]): string {
  if ("application" in to) return `application:${to.application}`;
  if ("opd" in to) return `opd:${to.opd}`;
  return `service:${to.service}`;
}

export class PublicIpBlock extends pulumi.ComponentResource {
  readonly allocations: Record<string, AllocationOutput>;
  constructor(name: string, args: { cidr: string; allocations: PlannedAllocation[] }, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:PublicIpBlock", name, {}, opts);
    this.allocations = Object.fromEntries(
      args.allocations.map((a) => [a.id, { address: a.address, source: a.source, to: describeTarget(a.to) }]),
    );
    this.registerOutputs({ cidr: args.cidr, allocations: this.allocations });
  }
}
