// Faults: a silent UDP port, a closed port, a wrong v3 key, a truncated response and an agent
// returning non-increasing OIDs. The poller survives, marks each target down with its reason, and
// a healthy agent polled alongside keeps its schedule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IF_MIB } from "../../collectors/modules";
import { pollTarget, Poller, type PollResult } from "../../collectors/poller";
import { PromStore } from "../../collectors/prom-store";
import { envSecrets } from "../../collectors/secrets";
import { SnmpClient } from "../../collectors/snmp-client";
import type { Target } from "../../collectors/targets";
import type { SnmpAccess } from "../../inventory/schema";
import { freeUdpPort } from "../../testkit/servers/common";
import { startSnmpd, type SnmpdHandle } from "../../testkit/servers/snmpd";
import { parsePromText } from "./support/prom-text";
import { startMisbehavingAgent, type FakeAgent } from "./support/misbehaving-agent";

let snmpd: SnmpdHandle;
const fakes: FakeAgent[] = [];
const secrets = envSecrets({}, { C: "faults-community", A: "right-auth-key-1", P: "right-priv-key-1", WRONG: "wrong-auth-key-9" });

beforeAll(async () => {
  snmpd = await startSnmpd({
    community: "faults-community",
    v3User: { name: "noc", authProtocol: "SHA-256", authKey: "right-auth-key-1", privProtocol: "AES", privKey: "right-priv-key-1" },
  });
});
afterAll(async () => {
  await snmpd?.stop();
  for (const f of fakes) await f.close();
});

const v2c: SnmpAccess = { version: "2c", community: { env: "C" } };

function target(device: string, port: number, access: SnmpAccess = v2c): Target {
  return {
    device, role: "switch", site: "dc", opd: "diskominfo", host: "127.0.0.1", port, access,
    modules: ["system", "if_mib"], intervalSeconds: 1,
    labels: [["device", device], ["site", "dc"], ["opd", "diskominfo"], ["role", "switch"]],
    linkByIfName: new Map(), linkByIfIndex: new Map(),
  };
}

describe("fault isolation", () => {
  it("marks each misbehaving agent down with its reason while the healthy one keeps its schedule", async () => {
    const silent = await startMisbehavingAgent("silent");
    const truncated = await startMisbehavingAgent("truncated");
    const looping = await startMisbehavingAgent("non-increasing");
    fakes.push(silent, truncated, looping);
    const closedPort = await freeUdpPort();
    const targets = [
      target("healthy", snmpd.port),
      target("silent", silent.port),
      target("closed", closedPort),
      target("wrong-key", snmpd.port, { version: "3", user: "noc", securityLevel: "authPriv", authProtocol: "sha256", authKey: { env: "WRONG" }, privProtocol: "aes", privKey: { env: "P" } }),
      target("truncated", truncated.port),
      target("non-increasing", looping.port),
    ];
    const results: PollResult[] = [];
    const store = new PromStore();
    // concurrency 2: the dead agents compete with the healthy one for slots
    const poller = new Poller({ secrets, concurrency: 2, timeoutMs: 300, retries: 1, maxRepetitions: 25, jitter: 0, onResult: (r) => { results.push(r); store.update(r); } });
    poller.setTargets(targets);
    const t0 = Date.now();
    poller.start();
    await new Promise((r) => setTimeout(r, 4500));
    await poller.stop();

    const last = (d: string) => results.filter((r) => r.target.device === d).at(-1)!;
    const healthy = results.filter((r) => r.target.device === "healthy");
    // fixed-rate schedule at 1 s over 4.5 s: 5 polls, each started within 0.5 s of when it was due
    expect(healthy.length).toBeGreaterThanOrEqual(4);
    expect(healthy.every((r) => r.up && r.errors.length === 0)).toBe(true);
    // after the first round has shown which agents are dead, they wait in their own lane
    expect(Math.max(...healthy.slice(1).map((r) => r.lagMs))).toBeLessThan(100);
    expect(healthy[0]!.startedAt - t0).toBeLessThan(500);

    expect(last("silent")).toMatchObject({ up: false, errors: [{ module: "system", reason: "timeout" }, { module: "if_mib", reason: "timeout" }] });
    expect(last("silent").retries).toBe(1); // one retry, counted
    expect(last("closed")).toMatchObject({ up: false, errors: [{ module: "system", reason: "refused" }, { module: "if_mib", reason: "refused" }] });
    expect(last("wrong-key").up).toBe(false);
    expect(last("wrong-key").errors[0]).toMatchObject({ module: "system", reason: "auth" });
    expect(last("truncated").up).toBe(false);
    expect(last("truncated").errors[0]).toMatchObject({ module: "system", reason: "malformed" });
    // GETs are answered; the walk is where the OIDs stop increasing: system ok, if_mib fails
    expect(last("non-increasing").errors).toMatchObject([{ module: "if_mib", reason: "non_increasing" }]);
    expect(last("non-increasing").up).toBe(true);
    expect(looping.requests).toBeLessThan(50); // no endless walk

    // what an operator sees
    const text = Buffer.concat([...store.chunks()]).toString("utf8");
    const series = parsePromText(text);
    const up = (d: string) => series.find((s) => s.name === "spbe_snmp_up" && s.labels.device === d)?.value;
    expect(up("healthy")).toBe(1);
    expect(up("silent")).toBe(0);
    expect(series.some((s) => s.name === "spbe_snmp_poll_errors_total" && s.labels.device === "wrong-key" && s.labels.reason === "auth" && s.value >= 1)).toBe(true);
    expect(series.some((s) => s.name === "ifHCInOctets" && s.labels.device === "healthy")).toBe(true);
    expect(text).not.toContain("wrong-auth-key-9");
  }, 30_000);

  it("asks an agent that ignores large GETBULKs for fewer columns at a time, and remembers it", async () => {
    const picky = await startMisbehavingAgent("small-bulk-only");
    fakes.push(picky);
    const t = target("picky", picky.port);
    const client = new SnmpClient({ host: "127.0.0.1", port: picky.port, access: v2c, secrets, timeoutMs: 300, retries: 0, maxRepetitions: 25 });
    const first = await pollTarget(t, client);
    expect(first.errors).toEqual([]);
    // every column (+ 3 lookups), one row each: every IF-MIB series of ifIndex 1 is there
    expect(first.samples.filter((s) => s.name.startsWith("if")).length).toBe(IF_MIB.tables[0]!.columns.length);
    expect(first.packets - first.pdus).toBe(1); // one ignored request (8 columns); 4 at a time are answered
    const second = await pollTarget(t, client);
    client.close();
    expect(second.packets).toBe(second.pdus); // learned: nothing ignored any more
    expect(second.samples.length).toBe(first.samples.length);
  });
});
