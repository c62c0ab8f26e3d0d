// The Dinas data center (and, in the same shape, any non-recovery site the plan deploys to): its
// docker hosts, the OPD applications placed there and the NOC's monitoring stack.
import type * as pulumi from "@pulumi/pulumi";
import { DockerSite, type DockerSiteArgs } from "./docker-site";

export class DataCenter extends DockerSite {
  constructor(name: string, args: DockerSiteArgs, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:DataCenter", name, args, opts);
  }
}
