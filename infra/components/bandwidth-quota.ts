// Applies the gateway's shaping configuration (rendered from every OPD's quota by the shared
// renderer in infra/quota/) over SSH. The script is both the create and the update command: a
// changed quota changes the script, and `pulumi up` runs the new one on the gateway. The script
// itself is idempotent (it replaces the whole configuration), so re-running it is safe.
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import type { GatewayConfig } from "../quota";

export interface BandwidthQuotaArgs {
  gateway: string;
  config: Pick<GatewayConfig, "backend" | "script">;
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
        create: args.config.script,
        update: args.config.script,
      },
      { parent: this },
    );
    this.registerOutputs({ gateway: args.gateway, backend: args.config.backend, opds: args.opds });
  }
}
