// The CrossGuard policies: each reads the placement facts from the labels the Pulumi program
// writes (inventory/labels.ts) and calls the SAME rule function the inventory report uses
// (policies/placement.ts). Docker containers carry the labels in `labels` ([{ label, value }]);
// applications the Dinas does not run are `command:local:Command` records with the labels in
// `environment` ({ key: value }).
import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { render, renderSideBySide } from "../../i18n";
import { LABEL, PLACEMENT_RECORD_TYPE, PROVINCE_TIER } from "../../inventory/labels";
import { PROFILES, type Profile } from "../../inventory/schema";
import { checkAddressInBlocks, checkClusterLocation, checkConfidentialOnDinas, checkExceptionExpiring, checkPlacement, checkWebsiteHosting, type PlacementFacts, type SiteKind, type Violation } from "../placement";
import { appConfidentialDinas, appExceptionExpiring, appPlacementDc, websiteHostingIndonesia } from "../rules/placement";
import { cite, formatCitation } from "../rules/helpers";
import { appliesTo, evidenceOf } from "../index";
import type { Rule } from "../types";

export const CONTAINER_TYPE = "docker:index/container:Container";

/** The evaluation date: SPBE_POLICY_AS_OF=YYYY-MM-DD pins it (tests, re-runs of a past preview). */
export function policyDate(env: NodeJS.ProcessEnv = process.env): Date {
  const pinned = env.SPBE_POLICY_AS_OF;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return new Date(`${pinned}T00:00:00Z`);
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The spbe labels of an OPD application resource, or undefined for anything else (other types, the
 * Dinas's own service containers). Reading a label goes through the policy server's unknown-value
 * proxy: a label unknown during preview throws there and the server reports the policy as not
 * runnable in preview, rather than the policy guessing.
 */
export function applicationLabels(args: Pick<ResourceValidationArgs, "type" | "props">): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (args.type === CONTAINER_TYPE) {
    const labels = (args.props.labels ?? []) as { label: string; value: string }[];
    for (const l of labels) {
      const key = l.label;
      if (typeof key === "string" && key.startsWith("id.go.spbe.")) out[key] = l.value;
    }
  } else if (args.type === PLACEMENT_RECORD_TYPE) {
    const env = (args.props.environment ?? {}) as Record<string, string>;
    for (const key of Object.keys(env)) if (key.startsWith("id.go.spbe.")) out[key] = env[key]!;
  } else {
    return undefined;
  }
  return out[LABEL.application] !== undefined && out[LABEL.service] === undefined ? out : undefined;
}

/** The placement facts the shared rule functions take, from the labels. */
export function factsFromLabels(labels: Record<string, string>): PlacementFacts {
  const placement = labels[LABEL.placement];
  const siteKind = (placement === "external" ? "external" : (labels[LABEL.siteKind] ?? "opd-office")) as SiteKind;
  const exceptionRef = labels[LABEL.exceptionRef];
  const external = placement === "external";
  return {
    application: labels[LABEL.application]!,
    opd: labels[LABEL.opd] ?? "",
    siteKind,
    siteManager: placement === "external" ? (labels[LABEL.hostingProvider] ?? "external") : (labels[LABEL.siteManager] ?? "unknown"),
    classification: (labels[LABEL.classification] ?? "internal") as PlacementFacts["classification"],
    network: (labels[LABEL.network] ?? "dinas") as PlacementFacts["network"],
    website: labels[LABEL.website] === "true",
    ...(labels[LABEL.national] ? { national: true } : {}),
    // A missing country is "unknown", which is not Indonesia: rented hosting fails closed.
    ...(external
      ? {
          hosting: {
            provider: labels[LABEL.hostingProvider] ?? "unknown",
            country: labels[LABEL.hostingCountry] ?? "unknown",
            entity: labels[LABEL.providerEntity] ?? "unknown",
            entityCountry: labels[LABEL.providerEntityCountry] ?? "unknown",
          },
        }
      : {}),
    ...(exceptionRef
      ? {
          exception: {
            ref: exceptionRef,
            expires: labels[LABEL.exceptionExpires] ?? "0000-01-01",
            ...(labels[LABEL.exceptionSignedByOpd] ? { signedByOpd: labels[LABEL.exceptionSignedByOpd] } : {}),
            ...(labels[LABEL.exceptionSignedByProvider] ? { signedByProvider: labels[LABEL.exceptionSignedByProvider] } : {}),
          },
        }
      : {}),
  };
}

/**
 * The Perda profiles a resource was planned under (its inventory's meta.profiles). Without the
 * label (or with an empty one) every rule applies: judging too much beats skipping a mandatory rule.
 */
export function profilesOf(labels: Record<string, string>): Profile[] | undefined {
  const raw = labels[LABEL.profiles];
  if (raw === undefined) return undefined;
  const profiles = raw.split(",").map((p) => p.trim()).filter(Boolean) as Profile[];
  return profiles.length > 0 ? profiles : undefined;
}

/** A violation message: the rule's English evidence, its application, and the articles (both Perda). */
function message(rule: Rule, app: string, v: Violation): string {
  return `${app}: ${render(evidenceOf(rule, v.variant, v.params), "en")} [${rule.citations.map(formatCitation).join("; ")}]`;
}

function policyFromRule(
  name: string,
  rule: Rule,
  enforcementLevel: "mandatory" | "advisory",
  judge: (facts: PlacementFacts, asOf: Date, profiles: readonly Profile[]) => Violation | undefined,
): ResourceValidationPolicy {
  return {
    name,
    description: `${renderSideBySide(rule.title)} (${rule.citations.map(formatCitation).join("; ")})`,
    enforcementLevel,
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
      const labels = applicationLabels(args);
      if (!labels) return;
      // As in the inventory report: a rule runs only under a profile one of its citations belongs to.
      const profiles = profilesOf(labels);
      if (profiles && !appliesTo(rule, profiles)) return;
      const facts = factsFromLabels(labels);
      const v = judge(facts, policyDate(), profiles ?? PROFILES);
      if (v) reportViolation(message(rule, facts.application, v));
    },
  };
}

export const opdAppInDinasDataCenter = policyFromRule("opd-app-in-dinas-data-center", appPlacementDc, "mandatory", checkPlacement);
export const confidentialOnDinasNetwork = policyFromRule("confidential-on-dinas-network", appConfidentialDinas, "mandatory", (f) => checkConfidentialOnDinas(f));
export const exceptionExpiringSoon = policyFromRule("exception-expiring-soon", appExceptionExpiring, "advisory", checkExceptionExpiring);
/** bt-7-2019 Pasal 19 (4) only: under klaten-18-2018 alone the rule does not apply (see profilesOf). */
export const websiteHostedInIndonesia = policyFromRule("website-hosted-in-indonesia", websiteHostingIndonesia, "mandatory", (f) => checkWebsiteHosting(f));

/** No port published on an address outside the Dinas public blocks (a port with no address binds every address). */
export const publishedOnDinasAddress: ResourceValidationPolicy = {
  name: "published-on-dinas-address",
  description: "Container ports are published only on addresses of the Dinas public blocks / port hanya dipublikasikan pada alamat blok publik Dinas (klaten-18-2018 Pasal 9 (2) c; bt-7-2019 Pasal 12 (3)-(4))",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== CONTAINER_TYPE) return;
    const labels = applicationLabels(args);
    if (!labels) return;
    const blocks = (labels[LABEL.dinasBlocks] ?? "").split(",").map((b) => b.trim()).filter(Boolean);
    const ports = (args.props.ports ?? []) as { internal: number; external?: number; ip?: string }[];
    for (const port of ports) {
      const ip = port.ip;
      if (!ip || ip === "0.0.0.0" || ip === "::") {
        reportViolation(`${labels[LABEL.application]}: port ${port.external ?? port.internal} is published on every host address, not on a Dinas public address (${blocks.join(", ") || "no blocks"})`);
        continue;
      }
      const v = checkAddressInBlocks(ip, blocks);
      if (v) reportViolation(`${labels[LABEL.application]}: port ${port.external ?? port.internal} published on ${ip}, outside the Dinas public blocks (${blocks.join(", ") || "none"})`);
    }
  },
};

/**
 * The provincial tier's location facts (stack/province/): a Kubernetes object's metadata (the tier
 * label, the location annotations), or the location record's environment. Undefined for resources
 * that are not the tier's.
 */
export function provinceLocation(args: Pick<ResourceValidationArgs, "type" | "props">): Record<string, string | undefined> | undefined {
  if (args.type === PLACEMENT_RECORD_TYPE) {
    const env = (args.props.environment ?? {}) as Record<string, string>;
    return env[LABEL.tier] === PROVINCE_TIER ? env : undefined;
  }
  if (!args.type.startsWith("kubernetes:") || args.type.startsWith("kubernetes:helm.sh/")) return undefined;
  return ((args.props.metadata ?? {}) as { annotations?: Record<string, string> }).annotations ?? {};
}

const HOSTING_ARTICLE = formatCitation(cite("bt-7-2019", 19, "4"));

/**
 * The provincial tier runs only in Indonesia, operated by an Indonesian legal entity: the hosting rule
 * of bt-7-2019 Pasal 19 (4), read for the province's own systems. Every Kubernetes object the stack
 * declares is judged (a Helm release is judged through its namespace and the location record): the
 * kabupaten program declares none, so any Kubernetes object is the tier's, and one without the
 * location annotations fails (unknown is not Indonesia).
 */
export const provinceClusterInIndonesia: ResourceValidationPolicy = {
  name: "province-cluster-in-indonesia",
  description: `The provincial tier's cluster is in Indonesia, run by an Indonesian legal entity / klaster tingkat provinsi berada di Indonesia dan dikelola badan hukum Indonesia (${HOSTING_ARTICLE}, read for the province)`,
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    const f = provinceLocation(args);
    if (!f) return;
    const unknown = (v: string | undefined) => v ?? "unknown";
    const v = checkClusterLocation({
      cluster: unknown(f[LABEL.clusterName]),
      country: unknown(f[LABEL.clusterCountry]),
      region: unknown(f[LABEL.clusterRegion]),
      operator: unknown(f[LABEL.clusterOperator]),
      operatorCountry: unknown(f[LABEL.clusterOperatorCountry]),
    });
    if (v) reportViolation(`${args.name}: cluster ${v.params.cluster} in ${v.params.country} (${v.params.region}), operated by ${v.params.operator} (${v.params.operatorCountry}): the provincial tier must run in Indonesia, operated by an Indonesian legal entity [${HOSTING_ARTICLE}]`);
  },
};

export const POLICIES: ResourceValidationPolicy[] = [opdAppInDinasDataCenter, confidentialOnDinasNetwork, publishedOnDinasAddress, websiteHostedInIndonesia, exceptionExpiringSoon, provinceClusterInIndonesia];
