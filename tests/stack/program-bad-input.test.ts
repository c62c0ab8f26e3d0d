// Bad input never half-deploys: an invalid inventory, a missing secret or a broken setting fails
// before any resource is registered, with every problem named and no secret value printed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runProgram, ProgramRunError, TEST_SECRETS } from "../../testkit/pulumi/run-program";

const dir = mkdtempSync(join(tmpdir(), "spbe-infra-bad-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROOT = resolve(__dirname, "../..");

async function failure(opts: Parameters<typeof runProgram>[0]): Promise<ProgramRunError> {
  try {
    await runProgram(opts);
  } catch (err) {
    expect(err).toBeInstanceOf(ProgramRunError);
    return err as ProgramRunError;
  }
  throw new Error("the program did not fail");
}

function expectNoSecretIn(text: string) {
  for (const value of Object.values(TEST_SECRETS)) expect(text).not.toContain(value);
}

describe("an invalid inventory", () => {
  it("fails before registering anything, with the loader's whole error list", async () => {
    const text = readFileSync(join(ROOT, "examples/barito-timur/inventory.yaml"), "utf8")
      .replace("server: dc-srv-01\n", "server: dc-srv-99\n") // portal on a server that does not exist
      .replace("{id: ip-satudata, block: v4-dinas, to: {application: satudata}, address: 203.0.113.11}", "{id: ip-satudata, block: v4-dinas, to: {application: satudata}, address: 203.0.113.10}");
    const file = join(dir, "broken.yaml");
    writeFileSync(file, text);
    const err = await failure({ inventoryFile: file });
    expect(err.resources).toEqual([]);
    expect(err.name).toBe("InventoryLoadError");
    expect(err.message).toMatch(/broken\.yaml: 2 error\(s\) in the inventory, nothing was deployed/);
    // One line per diagnostic, each with its file:line:column and path.
    expect(err.message).toMatch(/broken\.yaml:\d+:\d+ .*applications\[0\]\.placement\.server: .*dc-srv-99/);
    expect(err.message).toMatch(/broken\.yaml:\d+:\d+ .*publicIp\.allocations\[5\]\.address: .*203\.0\.113\.10/);
  });

  it("an unreadable inventory path names the setting", async () => {
    const err = await failure({ inventoryFile: join(dir, "missing.yaml") });
    expect(err.resources).toEqual([]);
    expect(err.message).toMatch(/missing\.yaml: cannot read the inventory \(spbe-infra:inventory\): ENOENT/);
  });
});

describe("quotas the gateway cannot shape", () => {
  it("fail before registering anything, as inventory errors at their file:line:column", async () => {
    const text = readFileSync(join(ROOT, "examples/barito-timur/inventory.yaml"), "utf8").replace(
      "{opd: satpolpp, downMbps: 10, upMbps: 5}",
      "{opd: satpolpp, downMbps: 50000, upMbps: 5}",
    );
    const file = join(dir, "quota.yaml");
    writeFileSync(file, text);
    const err = await failure({ inventoryFile: file });
    expect(err.resources).toEqual([]);
    // The validator knows what the renderer knows: the same refusal, now with its position.
    expect(err.name).toBe("InventoryLoadError");
    expect(err.message).toMatch(/quota\.yaml:\d+:\d+ .*bandwidth\.quotas\[\d+\]\.downMbps: OPD "satpolpp": down quota of 50000 Mbps is above the capacity of bandwidth\.upstreamMbps/);
  });
});

describe("a backbone that cannot be routed", () => {
  it("fails before registering anything: a router that is a switch, a routed link to a switch, a transfer block too small, each at file:line:column", async () => {
    const text = readFileSync(join(ROOT, "examples/barito-timur/inventory.yaml"), "utf8")
      .replace("transferBlock: 10.255.0.0/22", "transferBlock: 10.255.0.0/31")
      .replace("    - device: dc-gw-01\n", "    - device: dc-gw-01\n    - device: dc-core-sw-01\n    - device: setda-rtr-01\n");
    const file = join(dir, "backbone.yaml");
    writeFileSync(file, text);
    const err = await failure({ inventoryFile: file });
    expect(err.resources).toEqual([]);
    expect(err.name).toBe("InventoryLoadError");
    expect(err.message).toMatch(/backbone\.yaml:\d+:\d+ .*backbone\.routers\[1\]\.device: device "dc-core-sw-01" is a switch: only a router, gateway or firewall can run FRR/);
    // setda-rtr-01's fiber ends on the core switch: not a routed link.
    expect(err.message).toMatch(/backbone\.yaml:\d+:\d+ .*links\[0\]\.a\.device: link "bb-setda" joins FRR router "setda-rtr-01" to "dc-core-sw-01", a switch/);
    expect(err.message).toMatch(/backbone\.yaml:\d+:\d+ .*backbone\.transferBlock: 10\.255\.0\.0\/31 holds 0 transfer networks of \/30, the backbone needs \d+/);
  });
});

describe("secrets and settings", () => {
  it("missing secrets are all named with the command that sets them, and no value is printed", async () => {
    const err = await failure({ stack: "klaten", omitSecrets: ["grafanaAdminPassword", "SPBE_SNMP_V3_PRIV_KEY"] });
    expect(err.resources).toEqual([]);
    expect(err.message).toContain("missing secret spbe-infra:SPBE_SNMP_V3_PRIV_KEY: set it with `pulumi config set --secret spbe-infra:SPBE_SNMP_V3_PRIV_KEY <value>`");
    expect(err.message).toContain("missing secret spbe-infra:grafanaAdminPassword");
    expect(err.message).not.toContain("SPBE_SNMP_COMMUNITY");
    expectNoSecretIn(err.message);
  });

  it("a secret given as plain config does not count: it must be a Pulumi secret", async () => {
    const err = await failure({ stack: "barito-timur", omitSecrets: ["sshPrivateKey"], config: { "spbe-infra:sshPrivateKey": "plain-text-key-do-not-print" } });
    expect(err.resources).toEqual([]);
    expect(err.message).toContain("spbe-infra:sshPrivateKey is stored in plain text: remove it and set it again with `pulumi config set --secret");
    expect(err.message).not.toContain("plain-text-key-do-not-print");
  });

  it("a malformed docker host URL is refused before anything is registered", async () => {
    const err = await failure({ stack: "barito-timur", config: { "spbe-infra:dockerHosts": JSON.stringify({ "dc-srv-01": "10.20.0.6" }) } });
    expect(err.resources).toEqual([]);
    expect(err.message).toContain("spbe-infra:dockerHosts.dc-srv-01 must be a docker host URL");
  });

  it("the example stack files hold no secret values", () => {
    for (const stack of ["barito-timur", "klaten"]) {
      const text = readFileSync(join(ROOT, `Pulumi.${stack}.yaml`), "utf8");
      const configured = text.split("\n").filter((l) => /^\s+spbe-infra:/.test(l)).map((l) => l.trim().split(":")[1]);
      for (const key of ["grafanaAdminPassword", "sshPrivateKey", "registryPassword", "SPBE_SNMP_COMMUNITY", "SPBE_SNMP_V3_AUTH_KEY", "SPBE_SNMP_V3_PRIV_KEY"]) {
        expect(configured, `${stack}: ${key}`).not.toContain(key);
      }
    }
  });
});
