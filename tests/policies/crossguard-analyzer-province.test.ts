// The provincial stack's resources through the real CrossGuard analyzer (the pack served over gRPC
// as the Pulumi CLI serves it): the example stack, in Palangka Raya and run by the province's
// Diskominfo, passes; the same resources placed abroad, run by a foreign operator or with their
// location left out are refused as mandatory violations of the hosting rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABEL } from "../../inventory/labels";
import { analyzeAll, startPolicyPack, type AnalyzedResource, type RunningPack } from "../../testkit/pulumi/analyzer";
import { runProvinceProgram } from "../../testkit/pulumi/run-province-program";

const POLICY = "province-cluster-in-indonesia";
let pack: RunningPack;
let resources: AnalyzedResource[];

beforeAll(async () => {
  const [running, run] = await Promise.all([startPolicyPack(), runProvinceProgram({ stack: "kalimantan-tengah" })]);
  pack = running;
  resources = run.resources;
}, 180_000);
afterAll(async () => {
  await pack?.stop();
});

/** The resources with the location facts changed (annotations of Kubernetes objects, the record's environment). */
function relocated(change: (facts: Record<string, string>) => Record<string, string> | undefined): AnalyzedResource[] {
  return resources.map((r) => {
    const inputs = structuredClone(r.inputs) as any;
    if (r.type === "command:local:Command") inputs.environment = change(inputs.environment) ?? {};
    else if (r.type.startsWith("kubernetes:") && inputs.metadata) {
      const annotations = change(inputs.metadata.annotations);
      if (annotations) inputs.metadata.annotations = annotations;
      else delete inputs.metadata.annotations;
    }
    return { ...r, inputs };
  });
}

describe("policy pack through its gRPC analyzer, the provincial stack", () => {
  it("serves the provincial policy as mandatory", async () => {
    expect((await pack.info()).policies).toContainEqual({ name: POLICY, level: "mandatory" });
  });

  it("passes the example stack: a cluster in Palangka Raya run by the province's Diskominfo", async () => {
    const diagnostics = await analyzeAll(pack, resources);
    expect(diagnostics).toEqual([]);
  });

  it("refuses every object of a cluster abroad, citing the hosting article", async () => {
    const abroad = relocated((f) => ({ ...f, [LABEL.clusterCountry]: "SG", [LABEL.clusterRegion]: "Singapore" }));
    const diagnostics = (await analyzeAll(pack, abroad)).filter((d) => d.policy === POLICY);
    const judged = abroad.filter((r) => r.type === "command:local:Command" || (r.type.startsWith("kubernetes:") && !r.type.startsWith("kubernetes:helm.sh/") && r.inputs.metadata));
    expect(diagnostics.map((d) => d.urn).sort()).toEqual(judged.map((r) => r.urn).sort());
    expect(judged.map((r) => r.type)).toEqual(expect.arrayContaining(["command:local:Command", "kubernetes:core/v1:Namespace", "kubernetes:apps/v1:StatefulSet"]));
    expect(diagnostics.every((d) => d.level === "mandatory")).toBe(true);
    expect(diagnostics[0]!.message).toContain("cluster kalteng-prod in SG (Singapore)");
    expect(diagnostics[0]!.message).toContain("[bt-7-2019 Pasal 19 (4)]");
  });

  it("refuses a cluster in Indonesia run by a foreign legal entity, and objects whose location is left out", async () => {
    const foreign = relocated((f) => ({ ...f, [LABEL.clusterOperator]: "Example Cloud Pte Ltd", [LABEL.clusterOperatorCountry]: "SG" }));
    const foreignDiagnostics = (await analyzeAll(pack, foreign)).filter((d) => d.policy === POLICY);
    expect(foreignDiagnostics.length).toBeGreaterThanOrEqual(6);
    expect(foreignDiagnostics[0]!.message).toContain("operated by Example Cloud Pte Ltd (SG)");
    const unlabelled = relocated(() => undefined);
    const unknown = (await analyzeAll(pack, unlabelled)).filter((d) => d.policy === POLICY);
    const statefulSet = unlabelled.find((r) => r.type === "kubernetes:apps/v1:StatefulSet")!;
    expect(unknown.find((d) => d.urn === statefulSet.urn)?.message).toContain("cluster unknown in unknown");
    // The record without its tier label is no longer the tier's: only the Kubernetes objects are judged.
    expect(unknown.some((d) => d.urn.includes("command:local:Command"))).toBe(false);
  });
});
