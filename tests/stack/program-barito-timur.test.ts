// The program under mocks with the Barito Timur stack (Pulumi.barito-timur.yaml).
import { beforeAll, describe, expect, it } from "vitest";
import { LABEL } from "../../inventory/labels";
import { describeStackGraph, labelsOf, loadStackGraph, type StackGraph } from "./stack-graph";

let g: StackGraph;
beforeAll(async () => {
  g = await loadStackGraph("barito-timur");
});

describeStackGraph("barito-timur", () => g);

describe("barito-timur: known facts of the example", () => {
  it("the portal: dc-srv-01, 203.0.113.10:443, a running replica on drc-srv-01", () => {
    const portal = g.appContainer("portal", "primary")[0]!;
    expect(g.providerOf(portal)!.inputs.host).toBe("ssh://deploy@10.20.0.6");
    expect(portal.inputs.ports).toEqual([{ internal: 8080, external: 443, ip: "203.0.113.10", protocol: "tcp" }]);
    const dr = g.appContainer("portal", "dr-replica")[0]!;
    expect(g.providerOf(dr)!.name).toBe("docker-drc-srv-01");
    expect(dr.inputs.start).toBe(true);
  });

  it("geoportal gets an IPv6 address from v6-dinas; simpeg's replica is a stopped standby", () => {
    expect((g.appContainer("geoportal", "primary")[0]!.inputs.ports as { ip: string }[])[0]!.ip).toMatch(/^2001:db8:1000::/);
    expect(g.appContainer("simpeg", "dr-replica")[0]!.inputs).toMatchObject({ start: false, mustRun: false, restart: "no" });
  });

  it("the deliberate placement problems are visible as records: foreign hosting, expired exception, OPD server", () => {
    const env = (app: string) => g.ofType("command:local:Command").find((r) => r.name === `${app}-placement-record`)!.inputs.environment as Record<string, string>;
    expect(env("web-dishub")).toMatchObject({
      [LABEL.website]: "true",
      [LABEL.hostingCountry]: "SG",
      [LABEL.providerEntity]: "DigitalOcean LLC",
      [LABEL.providerEntityCountry]: "US",
      [LABEL.profiles]: "bt-7-2019",
    });
    expect(env("web-dishub")[LABEL.exceptionRef]).toBeUndefined();
    expect(env("dtks")).toMatchObject({ [LABEL.exceptionRef]: "SPJ-KD/DINSOS/2023/02", [LABEL.exceptionExpires]: "2025-06-30" });
    expect(env("simrs")).toMatchObject({ [LABEL.siteKind]: "opd-office", [LABEL.siteManager]: "rsud", [LABEL.network]: "opd", [LABEL.classification]: "rahasia" });
  });

  it("not deployed: listed with where they run and the DR replica the inventory declares for them", () => {
    const notDeployed = g.run.outputs.notDeployed as Record<string, unknown>;
    expect(notDeployed["simrs"]).toEqual({ placement: "opd-server", where: "rsud-srv-01", drDeclared: { server: "drc-srv-02", mode: "standby" } });
    expect(notDeployed["web-dishub"]).toEqual({ placement: "external", where: "DigitalOcean (SG)", drDeclared: null });
  });

  it("the website outside the kabupaten domain is listed, not put in the zone", () => {
    expect(g.run.outputs.dnsOutOfZone).toEqual([{ hostname: "disdikbartim.com", application: "web-disdik" }]);
    expect(labelsOf(g.appContainer("web-disdik", "primary")[0]!)).toMatchObject({ [LABEL.hostname]: "disdikbartim.com", [LABEL.website]: "true" });
  });
});
