// Applies one FRR router's rendered configuration (infra/routing) over SSH: the install script
// writes /etc/frr/frr.conf when it differs, checks it with vtysh's dry run and reloads FRR. The
// script carries the configuration and its content hash, so the same inventory changes nothing and a
// changed cost or a new link shows in `pulumi preview` as an update of this router only (an update,
// not `triggers`: a replacement would run the old resource's rollback after the new configuration
// and leave the router empty); the rendered configuration is an output of the component, readable
// in the preview. Destroying it leaves FRR with an empty configuration.
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import type { RouterConfig } from "../routing";

export interface BackboneRoutingArgs {
  config: RouterConfig;
  connection: { user: string; privateKey: pulumi.Input<string> };
}

export class BackboneRouting extends pulumi.ComponentResource {
  readonly apply: command.remote.Command;
  constructor(name: string, args: BackboneRoutingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:BackboneRouting", name, {}, opts);
    const { router, scripts, hash, frrConf } = args.config;
    this.apply = new command.remote.Command(
      `${name}-frr`,
      {
        connection: { host: router.host, user: args.connection.user, privateKey: args.connection.privateKey },
        create: scripts.apply,
        update: scripts.apply,
        delete: scripts.rollback,
      },
      { parent: this },
    );
    this.registerOutputs({
      device: router.device,
      routerId: router.routerId,
      interfaces: router.interfaces.map((i) => ({ name: i.name, link: i.link, address: `${i.address}/${i.network.split("/")[1]}`, cost: i.cost, peer: `${i.peer.device}:${i.peer.interface}` })),
      announce: router.announce,
      frrConf,
      frrConfSha256: hash,
    });
  }
}
