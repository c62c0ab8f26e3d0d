// The analyzer test for one example stack: every resource the mocked Pulumi program registers goes
// through the real policy pack's gRPC Analyze. Deliberate violations come back mandatory, compliant
// applications pass, and the pack agrees with the inventory report (one rule, one place).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../../inventory/load";
import { LABEL } from "../../../inventory/labels";
import { evaluate } from "../../../policies";
import { applicationLabels } from "../../../policies/crossguard/policies";
import { runProgramWithMocks } from "../../../testkit/pulumi/run-program";
import { AS_OF } from "../fixtures";
import { analyzeAll, startPolicyPack, UNKNOWN, type AnalyzedResource, type Diagnostic, type RunningPack } from "../../../testkit/pulumi/analyzer";
import { container, dcLabels, externalLabels, record } from "./resources";

export interface Expected {
  mandatory: string[];
  advisory: string[];
}

const POLICY_TO_RULE: Record<string, string> = {
  "opd-app-in-dinas-data-center": "app-placement-dc",
  "confidential-on-dinas-network": "app-confidential-dinas",
  "exception-expiring-soon": "app-exception-expiring",
  "website-hosted-in-indonesia": "website-hosting-indonesia",
};

/** The policy server puts the policy description on the first line, the violation after it. */
const appOf = (d: Diagnostic) => d.message.split("\n").pop()!.split(":")[0];
const line = (d: Diagnostic) => `${d.policy} ${appOf(d)}`;

export function analyzerSuite(stack: "barito-timur" | "klaten", expected: Expected): void {
  describe(`policy pack through its gRPC analyzer, ${stack} stack`, () => {
    let pack: RunningPack;
    let resources: AnalyzedResource[];
    let diagnostics: Diagnostic[];

    beforeAll(async () => {
      const [running, registered] = await Promise.all([startPolicyPack({ SPBE_POLICY_AS_OF: AS_OF.toISOString().slice(0, 10) }), runProgramWithMocks({ stack })]);
      pack = running;
      resources = registered;
      diagnostics = await analyzeAll(pack, resources);
    });
    afterAll(async () => {
      await pack?.stop();
    });

    it("serves the pack with its policies and their enforcement levels", async () => {
      const info = await pack.info();
      expect(info.name).toBe("spbe-perda");
      expect(info.policies).toEqual([
        { name: "opd-app-in-dinas-data-center", level: "mandatory" },
        { name: "confidential-on-dinas-network", level: "mandatory" },
        { name: "published-on-dinas-address", level: "mandatory" },
        { name: "website-hosted-in-indonesia", level: "mandatory" },
        { name: "exception-expiring-soon", level: "advisory" },
        { name: "province-cluster-in-indonesia", level: "mandatory" },
      ]);
    });

    it("analyzes every application the program registered", () => {
      const inventory = loadInventoryOrThrow(`examples/${stack}/inventory.yaml`);
      const apps = new Set(resources.map((r) => applicationLabels({ type: r.type, props: r.inputs })?.[LABEL.application]).filter(Boolean));
      expect([...apps].sort()).toEqual(inventory.applications.map((a) => a.id).sort());
      expect(resources.length).toBeGreaterThan(inventory.applications.length);
    });

    it("returns the deliberate violations as mandatory and nothing else", () => {
      expect(diagnostics.filter((d) => d.level === "mandatory").map(line).sort()).toEqual([...expected.mandatory].sort());
      expect(diagnostics.filter((d) => d.level === "advisory").map(line).sort()).toEqual([...expected.advisory].sort());
    });

    it("lets compliant applications pass", () => {
      const flagged = new Set(diagnostics.map((d) => d.urn));
      const compliant = resources.filter((r) => applicationLabels({ type: r.type, props: r.inputs }) && !flagged.has(r.urn));
      expect(compliant.length).toBeGreaterThan(10);
      expect(compliant.some((r) => r.name === "portal")).toBe(true);
    });

    it("labels every application resource website true/false; compliant websites pass the hosting policy", () => {
      const inventory = loadInventoryOrThrow(`examples/${stack}/inventory.yaml`);
      const websites = new Set(inventory.applications.filter((a) => a.website).map((a) => a.id));
      const appResources = resources.map((r) => applicationLabels({ type: r.type, props: r.inputs })).filter((l) => l !== undefined);
      for (const l of appResources) expect(l[LABEL.website], l[LABEL.application]).toBe(websites.has(l[LABEL.application]!) ? "true" : "false");
      expect(appResources.filter((l) => l[LABEL.website] === "true").length).toBeGreaterThanOrEqual(4);
      const failing = new Set(diagnostics.filter((d) => d.policy === "website-hosted-in-indonesia").map(appOf));
      const passing = [...websites].filter((w) => !failing.has(w));
      expect(passing.length).toBeGreaterThanOrEqual(4);
      expect([...failing].sort()).toEqual(expected.mandatory.filter((m) => m.startsWith("website-hosted-in-indonesia ")).map((m) => m.split(" ")[1]).sort());
    });

    it("agrees with the inventory report on the shared placement rules", () => {
      const report = evaluate(loadInventoryOrThrow(`examples/${stack}/inventory.yaml`), { asOf: AS_OF });
      const fromReport = report.findings.filter((f) => Object.values(POLICY_TO_RULE).includes(f.rule)).map((f) => `${f.rule} ${f.subject.id}`);
      const fromPack = diagnostics.filter((d) => POLICY_TO_RULE[d.policy]).map((d) => `${POLICY_TO_RULE[d.policy]} ${appOf(d)}`);
      expect([...new Set(fromPack)].sort()).toEqual(fromReport.sort());
    });

    it("reports a label unknown during preview as advisory (cannot run), a foreign port and a website rented abroad as mandatory", async () => {
      const unknown = await pack.analyze(container("late", dcLabels("late", { [LABEL.siteManager]: UNKNOWN })));
      expect(unknown.find((d) => d.policy === "opd-app-in-dinas-data-center")).toMatchObject({ level: "advisory" });
      expect(unknown.find((d) => d.policy === "opd-app-in-dinas-data-center")!.message).toContain("during preview");
      const foreign = await pack.analyze(container("web", dcLabels("web"), [{ internal: 8080, external: 443, ip: "192.0.2.10" }]));
      expect(foreign.map((d) => [d.policy, d.level])).toEqual([["published-on-dinas-address", "mandatory"]]);
      // A website rented abroad under a valid statement: 19 (4) fails under bt-7-2019; under klaten-18-2018
      // alone 19 (4) is not judged, but Pasal 14 (1) has no exception route, so the placement fails.
      const abroad = (profiles: string) =>
        record("web-abroad", externalLabels("web-abroad", { [LABEL.website]: "true", [LABEL.hostingCountry]: "SG", [LABEL.providerEntityCountry]: "US", [LABEL.profiles]: profiles, [LABEL.exceptionRef]: "SPJ/1", [LABEL.exceptionExpires]: "2030-01-01", [LABEL.exceptionSignedByOpd]: "2024-01-01", [LABEL.exceptionSignedByProvider]: "2024-01-02" }));
      expect((await pack.analyze(abroad("bt-7-2019"))).map((d) => [d.policy, d.level])).toEqual([["website-hosted-in-indonesia", "mandatory"]]);
      expect((await pack.analyze(abroad("klaten-18-2018"))).map((d) => [d.policy, d.level])).toEqual([["opd-app-in-dinas-data-center", "mandatory"]]);
    });
  });
}
