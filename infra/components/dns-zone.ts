// Serves the kabupaten's zone on the BIND servers meta.dns.authoritative names, by running the scripts
// the planner renders (infra/planning/dns-serving.ts) over SSH: the primary first, then each secondary,
// which copies the zone from it. A changed zone changes the primary's script, so `pulumi preview` shows
// the update and `pulumi up` runs it; the scripts are idempotent and set the serial themselves.
// Destroying the component runs each server's remove script.
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import type { DnsServerPlan, DnsServingPlan } from "../planning/dns-serving";

export interface DnsZoneArgs {
  plan: DnsServingPlan;
  connection: { user: string; privateKey: pulumi.Input<string> };
}

export class DnsZone extends pulumi.ComponentResource {
  readonly primary: command.remote.Command;
  readonly secondaries: command.remote.Command[];
  constructor(name: string, args: DnsZoneArgs, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:DnsZone", name, {}, opts);
    const install = (server: DnsServerPlan, dependsOn: pulumi.Resource[]) =>
      new command.remote.Command(
        `${name}-${server.role}-${server.device}`,
        {
          connection: { host: server.host, user: args.connection.user, privateKey: args.connection.privateKey },
          create: server.apply,
          update: server.apply,
          delete: server.remove,
        },
        { parent: this, dependsOn },
      );
    this.primary = install(args.plan.primary, []);
    this.secondaries = args.plan.secondaries.map((s) => install(s, [this.primary]));
    this.registerOutputs({
      origin: args.plan.origin,
      primary: args.plan.primary.device,
      secondaries: args.plan.secondaries.map((s) => s.device),
    });
  }
}
