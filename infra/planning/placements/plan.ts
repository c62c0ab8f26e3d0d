// The shape of a placement plan: the containers the Pulumi program creates and the records it
// registers for applications the Dinas does not run.
import type { Site } from "../../../inventory/schema";

export type ContainerRole = "primary" | "dr-replica";

export interface PlannedPort {
  internal: number;
  external: number;
  protocol: "tcp" | "udp";
  /** The allocated public address the port is published on. */
  ip: string;
}

export interface PlannedContainer {
  application: string;
  opd: string;
  role: ContainerRole;
  server: string;
  site: string;
  siteKind: Site["kind"];
  /** Pulumi resource name (unique in the stack). */
  resourceName: string;
  /** Docker container name on its host. */
  containerName: string;
  networkName: string;
  image: string;
  ports: PlannedPort[];
  /** Ports the inventory lists but that have no public allocation: reachable on the container's network only. */
  unpublishedPorts: number[];
  labels: Record<string, string>;
  /** false for a standby DR replica: created, not started. */
  start: boolean;
  restart: "unless-stopped" | "no";
  healthcheck?: { tests: string[]; interval: string; timeout: string; retries: number; startPeriod: string };
}

/** An application the Dinas does not deploy: listed in outputs and registered as a record. */
export interface PlannedRecord {
  application: string;
  opd: string;
  placement: "external" | "opd-server";
  resourceName: string;
  /** Where it runs, in words: the provider or the OPD server. */
  where: string;
  labels: Record<string, string>;
}

export interface PlacementPlan {
  containers: PlannedContainer[];
  records: PlannedRecord[];
}

/** What one step planned, with the problems it found: they are gathered over the whole inventory
 * so one run reports all of them. */
export interface Planned<T> {
  planned: T[];
  problems: string[];
}
