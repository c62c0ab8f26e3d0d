// Makes the public allocations answer on the edge gateway: runs the script rendered by infra/nat (routes
// of the forwarded application addresses, the firewall of their declared ports, the OPDs' source NAT,
// in the table `inet spbe_nat` beside the quota's) over SSH. The script is the create and the update
// command, so a changed allocation or port changes it and `pulumi preview` shows the new script;
// idempotent, so re-running is safe. The rollback is the delete command. Its sha256 is exported: two
// stacks, or a gateway and a stack, are compared at a glance.
//
// No `triggers`: a trigger replaces the command, and a replacement creates the new one before deleting
// the old, whose delete (the rollback) would then remove what the new one just applied. An update runs
// the new script in place, which is what a changed inventory needs.
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import type { NatConfig } from "../nat";

export interface PublicAddressNatArgs {
  config: NatConfig;
  connection: { host: string; user: string; privateKey: pulumi.Input<string> };
}

export class PublicAddressNat extends pulumi.ComponentResource {
  readonly apply: command.remote.Command;
  constructor(name: string, args: PublicAddressNatArgs, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:PublicAddressNat", name, {}, opts);
    const { config } = args;
    this.apply = new command.remote.Command(
      `${name}-nat`,
      {
        connection: { host: args.connection.host, user: args.connection.user, privateKey: args.connection.privateKey },
        create: config.script,
        update: config.script,
        delete: config.rollback,
      },
      { parent: this },
    );
    this.registerOutputs({
      gateway: config.gateway,
      sha256: config.sha256,
      forwarded: Object.fromEntries(config.plan.forwards.map((f) => [f.address, { application: f.application, server: f.server, ports: f.ports.map((p) => `${p.port}/${p.protocol}`) }])),
      sourceNat: Object.fromEntries(config.plan.sourceNats.map((s) => [s.opd, s.address])),
    });
  }
}
