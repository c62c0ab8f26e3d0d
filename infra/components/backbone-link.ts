// A backbone link between two devices. It is cable and radio, not something `pulumi up` can make:
// the component puts the link into the stack (so adding, re-routing or re-labelling one shows in
// `pulumi preview` beside the resources that depend on it) and exports its facts.
import * as pulumi from "@pulumi/pulumi";
import type { Link } from "../../inventory/schema";
import type { PlannedTransfer } from "../routing";

export class BackboneLink extends pulumi.ComponentResource {
  readonly facts: Record<string, unknown>;
  /** `transfer`: the link's transfer network and OSPF cost, when it is routed (backbone.routers). */
  constructor(name: string, args: { link: Link; transfer?: PlannedTransfer }, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:BackboneLink", name, {}, opts);
    const l = args.link;
    this.facts = {
      a: `${l.a.device}:${l.a.interface}`,
      b: `${l.b.device}:${l.b.interface}`,
      medium: l.medium,
      capacityMbps: l.capacityMbps,
      labelCode: l.labelCode ?? null,
      transferNetwork: args.transfer?.network ?? null,
      ospfCost: args.transfer?.cost ?? null,
    };
    this.registerOutputs(this.facts);
  }
}
