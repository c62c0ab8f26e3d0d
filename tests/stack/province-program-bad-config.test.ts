// Bad provincial configuration never half-deploys: every problem named by its config key, before any
// resource is registered, and no secret value printed.
import { describe, expect, it } from "vitest";
import { ProgramRunError } from "../../testkit/pulumi/run-program";
import { PROVINCE_TEST_SECRETS, provinceStackConfig, runProvinceProgram } from "../../testkit/pulumi/run-province-program";

async function failure(opts: Parameters<typeof runProvinceProgram>[0]): Promise<ProgramRunError> {
  try {
    await runProvinceProgram(opts);
  } catch (err) {
    expect(err).toBeInstanceOf(ProgramRunError);
    return err as ProgramRunError;
  }
  throw new Error("the program did not fail");
}

const base = provinceStackConfig("kalimantan-tengah");
const kabupaten = JSON.parse(base["spbe-province:kabupaten"]!);

describe("the provincial program refuses bad configuration", () => {
  it("names every invalid key at once", async () => {
    const err = await failure({
      stack: "kalimantan-tengah",
      config: {
        "spbe-province:cluster": JSON.stringify({ name: "x", country: "Indonesia", region: "Palangka Raya", operator: "Diskominfo" }),
        "spbe-province:charts": JSON.stringify({ victoriaMetricsCluster: { version: "" }, grafana: { version: "8.5.2" }, alertmanager: { version: "1.12.0" } }),
        "spbe-province:vmagent": JSON.stringify({ members: 2, replicationFactor: 3 }),
      },
    });
    expect(err.name).toBe("ProvinceConfigError");
    expect(err.resources).toEqual([]);
    expect(err.message).toContain("spbe-province:cluster.country: must be an ISO 3166-1 alpha-2 country code such as ID");
    expect(err.message).toMatch(/spbe-province:cluster\.operatorCountry: /);
    expect(err.message).toContain("spbe-province:charts.victoriaMetricsCluster.version: pin the chart version you tested");
    expect(err.message).toContain("spbe-province:vmagent.replicationFactor: replicationFactor cannot exceed members");
  });

  it("refuses two kabupaten (or a kabupaten and the province) in one tenant", async () => {
    const err = await failure({ stack: "kalimantan-tengah", config: { "spbe-province:kabupaten": JSON.stringify([...kabupaten, { name: "Kotawaringin Barat", domain: "kotawaringinbaratkab.go.id", accountId: 3310 }]) } });
    expect(err.message).toContain("spbe-province:kabupaten.2.accountId: 3310 is already klatenkab.go.id's tenant");
    expect(err.resources).toEqual([]);
  });

  it("names a missing secret with the command that sets it, and prints no secret", async () => {
    const err = await failure({ stack: "kalimantan-tengah", omitSecrets: ["grafanaAdminPassword", "scrapePasswords"] });
    expect(err.message).toContain("missing secret spbe-province:grafanaAdminPassword: set it with `pulumi config set --secret spbe-province:grafanaAdminPassword <value>`");
    expect(err.message).toContain("missing secret spbe-province:scrapePasswords");
    for (const v of Object.values(PROVINCE_TEST_SECRETS)) expect(err.message).not.toContain(v);
  });
});
