// Against Debian's real snmpd: our IF-MIB values equal what snmpbulkwalk reads from the same agent,
// over SNMPv2c and SNMPv3 authPriv (SHA-256 + AES, SHA-1 + AES).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollTarget } from "../../collectors/poller";
import { envSecrets } from "../../collectors/secrets";
import { SnmpClient } from "../../collectors/snmp-client";
import type { Target } from "../../collectors/targets";
import type { SnmpAccess } from "../../inventory/schema";
import { run } from "../../testkit/servers/common";
import { startSnmpd, type SnmpdHandle } from "../../testkit/servers/snmpd";

const AUTH = "auth-pass-7f3c91";
const PRIV = "priv-pass-2b8e44";
let snmpd: SnmpdHandle;
const secrets = envSecrets({}, { C: "ro-community-5521", A: AUTH, P: PRIV });

beforeAll(async () => {
  snmpd = await startSnmpd({
    community: "ro-community-5521",
    v3User: { name: "noc256", authProtocol: "SHA-256", authKey: AUTH, privProtocol: "AES", privKey: PRIV },
    extraConfig: `createUser noc1 SHA "${AUTH}" AES "${PRIV}"\nrouser noc1 authpriv`,
  });
});
afterAll(async () => {
  await snmpd?.stop();
});

function target(access: SnmpAccess): Target {
  return {
    device: "snmpd", role: "server", site: "dc", opd: "diskominfo", host: snmpd.host, port: snmpd.port, access,
    modules: ["system", "if_mib", "host_resources"], intervalSeconds: 60,
    labels: [["device", "snmpd"], ["site", "dc"], ["opd", "diskominfo"], ["role", "server"]],
    linkByIfName: new Map(), linkByIfIndex: new Map(),
  };
}

/** snmpbulkwalk -On of a column → index → value text */
async function bulkwalk(args: string[], oid: string): Promise<Map<string, string>> {
  const r = await run("snmpbulkwalk", [...args, "-On", "-Oe", "-Ot", "-OQ", "-Cr25", `${snmpd.host}:${snmpd.port}`, oid]);
  expect(r.code, r.stderr).toBe(0);
  const out = new Map<string, string>();
  for (const line of r.stdout.trim().split("\n")) {
    const m = /^\.?([\d.]+) = (.*)$/.exec(line);
    if (m) out.set(m[1]!.slice(oid.length + 1), m[2]!.replace(/^"|"$/g, ""));
  }
  return out;
}

const v2cArgs = ["-v2c", "-c", "ro-community-5521"];
const v3Args = (user: string, a: string) => ["-v3", "-l", "authPriv", "-u", user, "-a", a, "-A", AUTH, "-x", "AES", "-X", PRIV];

async function compareIfMib(access: SnmpAccess, cliArgs: string[]) {
  const before = await bulkwalk(cliArgs, "1.3.6.1.2.1.31.1.1.1.6");
  const client = new SnmpClient({ host: snmpd.host, port: snmpd.port, access, secrets, timeoutMs: 2000, retries: 1, maxRepetitions: 25 });
  const r = await pollTarget(target(access), client);
  client.close();
  const after = await bulkwalk(cliArgs, "1.3.6.1.2.1.31.1.1.1.6");
  expect(r.errors).toEqual([]);
  expect(r.up).toBe(true);
  const ours = (name: string) => new Map(r.samples.filter((s) => s.name === name).map((s) => [Object.fromEntries(s.labels).ifIndex!, s]));

  // Names, descriptions, statuses and speeds: identical.
  const names = await bulkwalk(cliArgs, "1.3.6.1.2.1.31.1.1.1.1");
  const descr = await bulkwalk(cliArgs, "1.3.6.1.2.1.2.2.1.2");
  const oper = await bulkwalk(cliArgs, "1.3.6.1.2.1.2.2.1.8");
  const speed = await bulkwalk(cliArgs, "1.3.6.1.2.1.31.1.1.1.15");
  expect(names.size).toBeGreaterThan(0);
  const operOurs = ours("ifOperStatus");
  expect([...operOurs.keys()].sort()).toEqual([...oper.keys()].sort());
  for (const [idx, v] of oper) {
    const s = operOurs.get(idx)!;
    expect(s.value).toBe(v);
    const labels = Object.fromEntries(s.labels);
    expect(labels.ifName).toBe(names.get(idx));
    expect(labels.ifDescr).toBe(descr.get(idx));
  }
  for (const [idx, v] of speed) expect(ours("ifHighSpeed").get(idx)!.value).toBe(v);
  // 64-bit counters move while we walk (the loopback carries our own SNMP traffic): ours lies between two walks.
  const hc = ours("ifHCInOctets");
  expect(hc.size).toBe(before.size);
  for (const [idx, v] of before) {
    const mine = BigInt(hc.get(idx)!.value);
    expect(mine >= BigInt(v) && mine <= BigInt(after.get(idx)!)).toBe(true);
  }
  // Host resources from the same agent.
  expect(r.samples.some((s) => s.name === "hrStorageSize")).toBe(true);
  expect(r.samples.find((s) => s.name === "sysUpTime")).toBeDefined();
  return r;
}

describe("poller against real snmpd", () => {
  it("SNMPv2c: IF-MIB equals snmpbulkwalk", async () => {
    const r = await compareIfMib({ version: "2c", community: { env: "C" } }, v2cArgs);
    // multi-column GETBULK: far fewer PDUs than one walk per column
    expect(r.pdus).toBeLessThan(20);
  });

  it("SNMPv3 authPriv SHA-256 + AES: IF-MIB equals snmpbulkwalk", async () => {
    await compareIfMib(
      { version: "3", user: "noc256", securityLevel: "authPriv", authProtocol: "sha256", authKey: { env: "A" }, privProtocol: "aes", privKey: { env: "P" } },
      v3Args("noc256", "SHA-256"),
    );
  });

  it("SNMPv3 authPriv SHA-1 + AES: IF-MIB equals snmpbulkwalk", async () => {
    await compareIfMib(
      { version: "3", user: "noc1", securityLevel: "authPriv", authProtocol: "sha", authKey: { env: "A" }, privProtocol: "aes", privKey: { env: "P" } },
      v3Args("noc1", "SHA"),
    );
  });

  it("an unset secret is a config error naming the reference, never a value", async () => {
    const access: SnmpAccess = { version: "2c", community: { env: "SPBE_NOT_SET_ANYWHERE" } };
    const client = new SnmpClient({ host: snmpd.host, port: snmpd.port, access, secrets: envSecrets({}), timeoutMs: 500, retries: 0, maxRepetitions: 25 });
    const r = await pollTarget(target(access), client);
    expect(r.up).toBe(false);
    expect(r.errors[0]).toMatchObject({ module: "system", reason: "config" });
    expect(r.errors[0]!.message).toContain("$SPBE_NOT_SET_ANYWHERE");
  });

  it("re-walks label columns only when they are old or a new row appears", async () => {
    const access: SnmpAccess = { version: "2c", community: { env: "C" } };
    const client = new SnmpClient({ host: snmpd.host, port: snmpd.port, access, secrets, timeoutMs: 2000, retries: 1, maxRepetitions: 25 });
    const t = { ...target(access), modules: ["if_mib"] };
    const labelsOf = (r: Awaited<ReturnType<typeof pollTarget>>) => r.samples.filter((x) => x.name === "ifOperStatus").map((x) => JSON.stringify(x.labels)).sort();
    // record which columns each poll walks (the real walk still runs)
    const walked: string[][] = [];
    const walk = client.walkColumns.bind(client);
    client.walkColumns = (cols) => (walked.push(cols), walk(cols));
    const IFNAME = "1.3.6.1.2.1.31.1.1.1.1";
    const first = await pollTarget(t, client, 0, 60_000);
    expect(walked.flat()).toContain(IFNAME);
    walked.length = 0;
    const second = await pollTarget(t, client, 0, 60_000);
    expect(labelsOf(first).length).toBeGreaterThan(0);
    expect(labelsOf(second)).toEqual(labelsOf(first)); // same ifName/ifDescr/ifAlias labels, from the cache
    expect(walked.flat()).not.toContain(IFNAME); // without walking the label columns
    // pretend the last interface is new since the cache was filled: labels are re-walked at once
    const cache = client.lookupCache.get("if_mib")!;
    for (const [oid, vbs] of cache.columns) cache.columns.set(oid, vbs.slice(0, -1));
    walked.length = 0;
    const third = await pollTarget(t, client, 0, 60_000);
    client.close();
    expect(walked.flat()).toContain(IFNAME);
    expect(labelsOf(third)).toEqual(labelsOf(first));
  });
});
