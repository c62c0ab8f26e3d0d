// CrossGuard policies called directly, with props wrapped the way the policy server wraps them
// (protobuf Struct → deserializeProperties → unknownCheckingProxy), so an input unknown during
// preview behaves as it does under `pulumi preview`.
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { LABEL } from "../../inventory/labels";
import { confidentialOnDinasNetwork, exceptionExpiringSoon, opdAppInDinasDataCenter, POLICIES, policyDate, publishedOnDinasAddress, websiteHostedInIndonesia } from "../../policies/crossguard/policies";
import type { AnalyzedResource } from "../../testkit/pulumi/analyzer";
import { UNKNOWN } from "../../testkit/pulumi/analyzer";
import { container, dcLabels, externalLabels, record } from "./support/resources";
// The policy server's own (internal, untyped) helpers: the exact wrapping a preview applies.
/* eslint-disable @typescript-eslint/no-require-imports */
const structPb = require("google-protobuf/google/protobuf/struct_pb");
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(s: unknown, proxySecrets: boolean): Record<string, unknown> };
const { UnknownValueError, unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
  UnknownValueError: new (...args: never[]) => Error;
  unknownCheckingProxy<T>(v: T): T;
};
/* eslint-enable @typescript-eslint/no-require-imports */

function serverArgs(r: AnalyzedResource): ResourceValidationArgs {
  const props = unknownCheckingProxy(deserializeProperties(structPb.Struct.fromJavaScript(r.inputs), false));
  return {
    type: r.type,
    props,
    urn: r.urn,
    name: r.name,
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: () => ({}) as never,
    notApplicable: () => {
      throw new Error("not applicable");
    },
  } as unknown as ResourceValidationArgs;
}

function run(policy: ResourceValidationPolicy, r: AnalyzedResource): string[] {
  const violations: string[] = [];
  const validate = policy.validateResource as (args: ResourceValidationArgs, report: (m: string) => void) => void;
  validate(serverArgs(r), (m) => violations.push(m));
  return violations;
}

// The pack reads its evaluation date from SPBE_POLICY_AS_OF; the tests pin it.
const previousAsOf = process.env.SPBE_POLICY_AS_OF;
beforeEach(() => {
  process.env.SPBE_POLICY_AS_OF = "2026-11-23";
});
afterAll(() => {
  if (previousAsOf === undefined) delete process.env.SPBE_POLICY_AS_OF;
  else process.env.SPBE_POLICY_AS_OF = previousAsOf;
});

describe("the pack's policies on hand-made resources", () => {
  it("passes a compliant application container in the Dinas data center", () => {
    const r = container("portal", dcLabels("portal"), [{ internal: 8080, external: 443, ip: "203.0.113.10" }]);
    for (const p of POLICIES) expect(run(p, r), p.name).toEqual([]);
  });

  it("is mandatory where the Perda are mandatory, advisory for an expiring exception", () => {
    expect(Object.fromEntries(POLICIES.map((p) => [p.name, p.enforcementLevel]))).toEqual({
      "opd-app-in-dinas-data-center": "mandatory",
      "confidential-on-dinas-network": "mandatory",
      "published-on-dinas-address": "mandatory",
      "website-hosted-in-indonesia": "mandatory",
      "exception-expiring-soon": "advisory",
      "province-cluster-in-indonesia": "mandatory",
    });
  });

  it("rejects a container on an OPD-managed server without an exception", () => {
    const r = container("simrs", dcLabels("simrs", { [LABEL.siteKind]: "opd-office", [LABEL.siteManager]: "rsud", [LABEL.site]: "kantor-rsud" }));
    const v = run(opdAppInDinasDataCenter, r);
    expect(v).toHaveLength(1);
    expect(v[0]).toContain("simrs: placed outside the Dinas data center (an OPD office, managed by rsud) without a data-security guarantee");
    expect(v[0]).toContain("bt-7-2019 Pasal 15 (1)-(2); klaten-18-2018 Pasal 14 (1)");
  });

  it("judges an external placement record by its exception: expired, unsigned, expiring, valid", () => {
    const exc = (expires: string, signed = true) => ({
      [LABEL.exceptionRef]: "SPJ/1",
      [LABEL.exceptionExpires]: expires,
      [LABEL.exceptionSignedByOpd]: "2024-01-01",
      ...(signed ? { [LABEL.exceptionSignedByProvider]: "2024-01-02" } : {}),
    });
    expect(run(opdAppInDinasDataCenter, record("dtks", externalLabels("dtks", exc("2025-06-30"))))[0]).toContain("security guarantee SPJ/1 expired on 2025-06-30");
    expect(run(opdAppInDinasDataCenter, record("x", externalLabels("x", exc("2027-06-30", false))))[0]).toContain("not signed by: provider");
    // A valid statement is a route under bt-7-2019 Pasal 15 (2) only; klaten-18-2018 Pasal 14 has none.
    expect(run(opdAppInDinasDataCenter, record("oss", externalLabels("oss", { ...exc("2027-01-10"), [LABEL.profiles]: "bt-7-2019" })))).toEqual([]);
    expect(run(opdAppInDinasDataCenter, record("oss", externalLabels("oss", { ...exc("2027-01-10"), [LABEL.profiles]: "klaten-18-2018" })))[0]).toContain("offers no exception route");
    expect(run(opdAppInDinasDataCenter, record("oss", externalLabels("oss", { ...exc("2027-01-10"), [LABEL.national]: "BKN" })))).toEqual([]);
    expect(run(exceptionExpiringSoon, record("oss", externalLabels("oss", exc("2027-01-10"))))[0]).toContain("ends on 2027-01-10, in 48 days");
    expect(run(exceptionExpiringSoon, record("oss", externalLabels("oss", exc("2027-06-30"))))).toEqual([]);
    expect(run(opdAppInDinasDataCenter, record("web", externalLabels("web")))[0]).toContain("without a data-security guarantee");
  });

  it("takes the evaluation date from SPBE_POLICY_AS_OF", () => {
    process.env.SPBE_POLICY_AS_OF = "2027-01-11";
    expect(policyDate().toISOString().slice(0, 10)).toBe("2027-01-11");
    const r = record("oss", externalLabels("oss", { [LABEL.exceptionRef]: "SPJ/1", [LABEL.exceptionExpires]: "2027-01-10", [LABEL.exceptionSignedByOpd]: "2024-01-01", [LABEL.exceptionSignedByProvider]: "2024-01-02" }));
    expect(run(opdAppInDinasDataCenter, r)[0]).toContain("expired on 2027-01-10 (1 days ago)");
  });

  it("keeps confidential applications on the Dinas network", () => {
    const onOpdNetwork = container("simpeg", dcLabels("simpeg", { [LABEL.classification]: "rahasia", [LABEL.network]: "opd" }));
    expect(run(confidentialOnDinasNetwork, onOpdNetwork)[0]).toContain("simpeg: rahasia application is reached through the OPD network");
    const publicOnOpd = container("web", dcLabels("web", { [LABEL.network]: "opd" }));
    expect(run(confidentialOnDinasNetwork, publicOnOpd)).toEqual([]);
    const drReplica = container("simpeg-dr", dcLabels("simpeg", { [LABEL.classification]: "strategis", [LABEL.role]: "dr-replica", [LABEL.siteKind]: "recovery", [LABEL.site]: "drc" }));
    for (const p of POLICIES) expect(run(p, drReplica), p.name).toEqual([]);
  });

  it("refuses ports published outside the Dinas blocks or on every host address", () => {
    const outside = container("web", dcLabels("web"), [{ internal: 8080, external: 443, ip: "192.0.2.10" }]);
    expect(run(publishedOnDinasAddress, outside)).toEqual(["web: port 443 published on 192.0.2.10, outside the Dinas public blocks (203.0.113.0/24, 2001:db8:1000::/48)"]);
    const everywhere = container("web", dcLabels("web"), [{ internal: 8080, external: 80 }]);
    expect(run(publishedOnDinasAddress, everywhere)[0]).toContain("port 80 is published on every host address");
    const v6 = container("geo", dcLabels("geo"), [{ internal: 8080, external: 443, ip: "2001:db8:1000::2a" }]);
    expect(run(publishedOnDinasAddress, v6)).toEqual([]);
  });

  it("lets an OPD website be rented only in Indonesia from an Indonesian legal entity (bt-7-2019 Pasal 19 (4))", () => {
    const website = (extra: Record<string, string>) => externalLabels("web-dishub", { [LABEL.website]: "true", [LABEL.profiles]: "bt-7-2019", ...extra });
    const abroad = record("web-dishub", website({ [LABEL.hostingProvider]: "DigitalOcean", [LABEL.hostingCountry]: "SG", [LABEL.providerEntity]: "DigitalOcean LLC", [LABEL.providerEntityCountry]: "US" }));
    expect(run(websiteHostedInIndonesia, abroad)).toEqual(["web-dishub: website hosted by DigitalOcean in SG, legal entity DigitalOcean LLC (US) [bt-7-2019 Pasal 19 (4)]"]);
    // Servers in Indonesia are not enough: the legal entity must be Indonesian too, and the other way round.
    expect(run(websiteHostedInIndonesia, record("w", website({ [LABEL.providerEntityCountry]: "US" })))[0]).toContain("in ID, legal entity unknown (US)");
    expect(run(websiteHostedInIndonesia, record("w", website({ [LABEL.hostingCountry]: "SG", [LABEL.providerEntity]: "PT Awan" })))[0]).toContain("in SG, legal entity PT Awan (ID)");
    // A missing country is not Indonesia: fails closed.
    const noCountry = website({ [LABEL.providerEntity]: "PT Awan" });
    delete noCountry[LABEL.hostingCountry];
    expect(run(websiteHostedInIndonesia, record("w", noCountry))[0]).toContain("in unknown");
    // Compliant: an Indonesian entity hosting in Indonesia; a website in the Dinas data center; a rented non-website.
    expect(run(websiteHostedInIndonesia, record("web-ok", website({ [LABEL.providerEntity]: "PT Awan" })))).toEqual([]);
    expect(run(websiteHostedInIndonesia, container("web-dinkes", dcLabels("web-dinkes", { [LABEL.website]: "true" }), [{ internal: 8080, external: 443, ip: "203.0.113.10" }]))).toEqual([]);
    expect(run(websiteHostedInIndonesia, record("e-parkir", externalLabels("e-parkir", { [LABEL.website]: "false", [LABEL.hostingCountry]: "SG", [LABEL.providerEntityCountry]: "US" })))).toEqual([]);
  });

  it("runs a policy only under a profile its rule cites, and every policy when the profiles label is absent", () => {
    const foreign = { [LABEL.website]: "true", [LABEL.hostingCountry]: "SG", [LABEL.providerEntityCountry]: "US" };
    // Pasal 19 (4) is bt-7-2019's; klaten-18-2018 has no such article.
    expect(run(websiteHostedInIndonesia, record("w", externalLabels("w", { ...foreign, [LABEL.profiles]: "klaten-18-2018" })))).toEqual([]);
    expect(run(websiteHostedInIndonesia, record("w", externalLabels("w", { ...foreign, [LABEL.profiles]: "klaten-18-2018,bt-7-2019" })))).toHaveLength(1);
    expect(run(websiteHostedInIndonesia, record("w", externalLabels("w", foreign)))).toHaveLength(1);
    // Rules citing both Perda still run under klaten-18-2018.
    expect(run(opdAppInDinasDataCenter, record("w", externalLabels("w", { ...foreign, [LABEL.profiles]: "klaten-18-2018" })))).toHaveLength(1);
  });

  it("ignores resources that are not OPD applications (Dinas services, other types)", () => {
    const prometheus = container("prometheus", { [LABEL.service]: "prometheus", [LABEL.server]: "dc-mon-01" }, [{ internal: 9090 }]);
    const network = { ...container("net", dcLabels("x")), type: "docker:index/network:Network" };
    for (const p of POLICIES) {
      expect(run(p, prometheus), p.name).toEqual([]);
      expect(run(p, network), p.name).toEqual([]);
    }
  });

  it("does not guess when a label is unknown during preview: the server's UnknownValueError surfaces", () => {
    const r = container("late", dcLabels("late", { [LABEL.siteManager]: UNKNOWN }));
    expect(() => run(opdAppInDinasDataCenter, r)).toThrow(UnknownValueError);
    const website = record("late-web", externalLabels("late-web", { [LABEL.website]: UNKNOWN }));
    expect(() => run(websiteHostedInIndonesia, website)).toThrow(UnknownValueError);
  });
});
