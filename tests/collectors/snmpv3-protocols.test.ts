// Every SNMPv3 auth/priv pair Debian's snmpd offers (auth MD5, SHA, SHA-224..512 × priv DES, AES,
// AES-192, AES-256), each a real snmpd user, polled by the collector in this plain Node 20 process
// (no --openssl-legacy-provider): sysName equals what snmpget reads with the same user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollTarget } from "../../collectors/poller";
import { envSecrets } from "../../collectors/secrets";
import { SnmpClient } from "../../collectors/snmp-client";
import type { Target } from "../../collectors/targets";
import type { SnmpAccess } from "../../inventory/schema";
import { run } from "../../testkit/servers/common";
import { startSnmpd, type SnmpdHandle, type SnmpdV3User } from "../../testkit/servers/snmpd";

const AUTH_KEY = "auth-pass-c41d09";
const PRIV_KEY = "priv-pass-93e5aa";
type V3 = Extract<SnmpAccess, { version: "3" }>;
type OurAuth = NonNullable<V3["authProtocol"]>;
type OurPriv = NonNullable<V3["privProtocol"]>;
const AUTHS = [
  ["md5", "MD5"], ["sha", "SHA"], ["sha224", "SHA-224"], ["sha256", "SHA-256"], ["sha384", "SHA-384"], ["sha512", "SHA-512"],
] as const satisfies readonly (readonly [OurAuth, SnmpdV3User["authProtocol"]])[];
const PRIVS = [
  ["des", "DES"], ["aes", "AES"], ["aes192b", "AES-192"], ["aes256b", "AES-256"],
] as const satisfies readonly (readonly [OurPriv, SnmpdV3User["privProtocol"]])[];
const PAIRS = AUTHS.flatMap((a) => PRIVS.map((p) => ({ auth: a, priv: p, user: `u-${a[0]}-${p[0]}` })));

let snmpd: SnmpdHandle;
const secrets = envSecrets({}, { A: AUTH_KEY, P: PRIV_KEY });

beforeAll(async () => {
  snmpd = await startSnmpd({
    extraConfig: [
      "sysName spbe-v3-agent",
      ...PAIRS.flatMap((x) => [`createUser ${x.user} ${x.auth[1]} "${AUTH_KEY}" ${x.priv[1]} "${PRIV_KEY}"`, `rouser ${x.user} authpriv`]),
      // A wrong priv key must still fail: proves the pairs above are not passing by accident.
      `createUser u-wrong SHA "${AUTH_KEY}" DES "another-priv-key-1"`,
      "rouser u-wrong authpriv",
    ].join("\n"),
  });
}, 60_000);
afterAll(async () => {
  await snmpd?.stop();
});

function target(access: SnmpAccess): Target {
  return {
    device: "v3", role: "server", site: "dc", opd: "diskominfo", host: snmpd.host, port: snmpd.port, access,
    modules: ["system"], intervalSeconds: 60,
    labels: [["device", "v3"]], linkByIfName: new Map(), linkByIfIndex: new Map(),
  };
}

async function poll(access: SnmpAccess) {
  const client = new SnmpClient({ host: snmpd.host, port: snmpd.port, access, secrets, timeoutMs: 1500, retries: 0, maxRepetitions: 25 });
  try {
    return await pollTarget(target(access), client);
  } finally {
    client.close();
  }
}

describe("SNMPv3 auth/priv pairs against Debian's snmpd", () => {
  it("the DES cipher works in this process without the OpenSSL legacy provider", () => {
    expect(process.execArgv.join(" ")).not.toContain("openssl-legacy-provider");
    expect(process.env.NODE_OPTIONS ?? "").not.toContain("openssl-legacy-provider");
  });

  it.each(PAIRS)("$user polls sysName as snmpget reads it", async ({ auth, priv, user }) => {
    const cli = await run("snmpget", ["-v3", "-l", "authPriv", "-u", user, "-a", auth[1], "-A", AUTH_KEY, "-x", priv[1], "-X", PRIV_KEY, "-Oqv", "-t", "2", "-r", "1", `${snmpd.host}:${snmpd.port}`, "1.3.6.1.2.1.1.5.0"]);
    expect(cli.code, cli.stderr).toBe(0);
    const r = await poll({ version: "3", user, securityLevel: "authPriv", authProtocol: auth[0], authKey: { env: "A" }, privProtocol: priv[0], privKey: { env: "P" } });
    expect(r.errors).toEqual([]);
    const info = r.samples.find((s) => s.name === "spbe_snmp_system_info");
    expect(Object.fromEntries(info!.labels).sys_name).toBe(cli.stdout.trim().replace(/^"|"$/g, ""));
    expect(Object.fromEntries(info!.labels).sys_name).toBe("spbe-v3-agent");
  }, 20_000);

  it("a DES user with the wrong privacy key fails the poll as `auth` or timeout, not with a crypto error", async () => {
    const r = await poll({ version: "3", user: "u-wrong", securityLevel: "authPriv", authProtocol: "sha", authKey: { env: "A" }, privProtocol: "des", privKey: { env: "P" } });
    expect(r.up).toBe(false);
    expect(r.errors.map((e) => e.message).join(" ")).not.toMatch(/unsupported|0308010C/);
    expect(["auth", "timeout", "malformed"]).toContain(r.errors[0]!.reason);
  }, 20_000);
});
