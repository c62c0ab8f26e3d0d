// The recovery site: docker hosts running the DR replicas (standby: created, not started).
import type * as pulumi from "@pulumi/pulumi";
import { DockerSite, type DockerSiteArgs } from "./docker-site";

export class RecoverySite extends DockerSite {
  constructor(name: string, args: DockerSiteArgs, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:RecoverySite", name, args, opts);
  }
}
