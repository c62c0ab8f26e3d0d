// Applies the gateway's shaping configuration (rendered from every OPD's quota by the shared
// renderer in infra/quota/, the backend of the gateway's kind) over SSH. The apply command is both
// the create and the update command: a changed quota changes it, and `pulumi up` runs the new one
// on the gateway; it is idempotent, so re-running it is safe. The rollback is the delete command:
// `pulumi destroy` (or removing the gateway from the inventory) removes the shaping. All three are
// plain inputs, so `pulumi preview` shows exactly what would run. For a RouterOS gateway the apply
// command was never run against a real router here (see README, "Bandwidth quotas").
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import type { GatewayConfig } from "../quota";

export interface BandwidthQuotaArgs {
  gateway: string;
  config: Pick<GatewayConfig, "backend" | "apply" | "rollback">;
  /** The OPD codes the configuration covers (exported, for review). */
  opds: string[];
  connection: { host: string; user: string; privateKey: pulumi.Input<string> };
}

export class BandwidthQuota extends pulumi.ComponentResource {
  readonly apply: command.remote.Command;
  constructor(name: string, args: BandwidthQuotaArgs, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:BandwidthQuota", name, {}, opts);
    this.apply = new command.remote.Command(
      `${name}-apply`,
      {
        connection: { host: args.connection.host, user: args.connection.user, privateKey: args.connection.privateKey },
        create: args.config.apply,
        update: args.config.apply,
        delete: args.config.rollback,
      },
      { parent: this },
    );
    this.registerOutputs({ gateway: args.gateway, backend: args.config.backend, opds: args.opds });
  }
}
