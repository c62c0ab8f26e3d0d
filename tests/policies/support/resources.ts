// Hand-made resources as the Pulumi program registers them (labels per inventory/labels.ts), for the
// CrossGuard tests that do not need the whole program.
import { LABEL, PLACEMENT_RECORD_TYPE } from "../../../inventory/labels";
import { CONTAINER_TYPE } from "../../../policies/crossguard/policies";
import type { AnalyzedResource } from "../../../testkit/pulumi/analyzer";

export const BLOCKS = "203.0.113.0/24,2001:db8:1000::/48";

export function dcLabels(app: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    [LABEL.application]: app,
    [LABEL.opd]: "dinkes",
    [LABEL.classification]: "publik",
    [LABEL.network]: "dinas",
    [LABEL.role]: "primary",
    [LABEL.placement]: "datacenter",
    [LABEL.dinasBlocks]: BLOCKS,
    [LABEL.site]: "dc",
    [LABEL.siteKind]: "datacenter",
    [LABEL.siteManager]: "dinas",
    [LABEL.server]: "dc-srv-01",
    ...extra,
  };
}

export function container(name: string, labels: Record<string, string>, ports: { internal: number; external?: number; ip?: string }[] = []): AnalyzedResource {
  return {
    type: CONTAINER_TYPE,
    name,
    urn: `urn:pulumi:test::spbe-infra::spbe:infra:ApplicationPlacement$docker:index/container:Container::${name}`,
    inputs: { name: `spbe-${name}`, image: "nginx:1.27-alpine", labels: Object.entries(labels).map(([label, value]) => ({ label, value })), ports },
  };
}

export function record(name: string, labels: Record<string, string>): AnalyzedResource {
  return {
    type: PLACEMENT_RECORD_TYPE,
    name: `${name}-placement-record`,
    urn: `urn:pulumi:test::spbe-infra::spbe:infra:ApplicationPlacement$command:local:Command::${name}-placement-record`,
    inputs: { environment: labels },
  };
}

export function externalLabels(app: string, extra: Record<string, string> = {}): Record<string, string> {
  const base = dcLabels(app, { [LABEL.placement]: "external", [LABEL.hostingProvider]: "PT Awan", [LABEL.hostingCountry]: "ID", [LABEL.providerEntityCountry]: "ID", [LABEL.network]: "internet" });
  delete base[LABEL.site];
  delete base[LABEL.siteKind];
  delete base[LABEL.siteManager];
  delete base[LABEL.server];
  return { ...base, ...extra };
}
