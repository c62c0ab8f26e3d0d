// An agent with only 32-bit counters (snmpsim recordings without ifXTable, the same agent 30 s
// apart): the collector exposes ifInOctets/ifOutOctets/ifSpeed as snmpbulkwalk reads them, derived
// link rates equal the snmpbulkwalk deltas (including a 32-bit wrap), and the 1 Gb/s port is flagged
// as able to wrap within a 60 s poll interval.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DerivedState, type DerivedPlan } from "../../collectors/derived";
import * as N from "../../collectors/metric-names";
import { pollTarget, type PollResult } from "../../collectors/poller";
import { envSecrets } from "../../collectors/secrets";
import { SnmpClient } from "../../collectors/snmp-client";
import type { Target } from "../../collectors/targets";
import { run } from "../../testkit/servers/common";
import { startSnmpsim, type SnmpsimHandle } from "../../testkit/servers/snmpsim";
import { OLD_INTERFACES, OLD_SECONDS_APART, writeOldAgentRecordings } from "./support/old-agent";

let sim: SnmpsimHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-c32-"));
const links = new Map(OLD_INTERFACES.map((i) => [String(i.ifIndex), `l${i.ifIndex}`]));

beforeAll(async () => {
  sim = await startSnmpsim({ recordings: writeOldAgentRecordings(dir) });
}, 120_000);
afterAll(async () => {
  await sim?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function target(): Target {
  return {
    device: "old-sw", role: "switch", site: "opd", opd: "setda", host: sim.host, port: sim.port,
    access: { version: "2c", community: { env: "C" } }, modules: ["system", "if_mib"], intervalSeconds: 60,
    labels: [["device", "old-sw"]], linkByIfName: new Map(), linkByIfIndex: links,
  };
}

async function poll(community: string): Promise<PollResult> {
  // One column per GETBULK, as snmp_exporter walks: snmpsim (pysnmp) spins on a multi-column GETBULK
  // whose columns (here the absent ifXTable) run off the end of its MIB view (see the compat test).
  const client = new SnmpClient({ host: sim.host, port: sim.port, access: target().access, secrets: envSecrets({}, { C: community }), timeoutMs: 10_000, retries: 1, maxRepetitions: 25, maxColumnsPerPdu: 1 });
  try {
    return await pollTarget(target(), client);
  } finally {
    client.close();
  }
}

async function bulkwalk(community: string, oid: string): Promise<Map<string, bigint>> {
  const r = await run("snmpbulkwalk", ["-v2c", "-c", community, "-On", "-OQ", `${sim.host}:${sim.port}`, oid]);
  expect(r.code, r.stderr).toBe(0);
  const out = new Map<string, bigint>();
  for (const line of r.stdout.trim().split("\n")) {
    const m = /^\.?([\d.]+) = (?:\w+: )?(\d+)/.exec(line);
    if (m) out.set(m[1]!.slice(oid.length + 1), BigInt(m[2]!));
  }
  return out;
}

const byIndex = (r: PollResult, name: string) =>
  new Map(r.samples.filter((s) => s.name === name).map((s) => [Object.fromEntries(s.labels).ifIndex!, s.value]));

describe("an agent with only 32-bit counters", () => {
  it("is polled into ifInOctets/ifOutOctets/ifSpeed equal to snmpbulkwalk's, with no ifHC series", async () => {
    const r = await poll("old0");
    expect(r.errors).toEqual([]);
    for (const [name, oid] of [[N.IF_IN_OCTETS, "1.3.6.1.2.1.2.2.1.10"], [N.IF_OUT_OCTETS, "1.3.6.1.2.1.2.2.1.16"], [N.IF_SPEED, "1.3.6.1.2.1.2.2.1.5"], [N.IF_IN_UCAST_PKTS, "1.3.6.1.2.1.2.2.1.11"]] as const) {
      const cli = await bulkwalk("old0", oid);
      expect(cli.size, name).toBe(OLD_INTERFACES.length);
      expect(byIndex(r, name), name).toEqual(new Map([...cli].map(([k, v]) => [k, v.toString()])));
    }
    expect(r.samples.filter((s) => s.name.startsWith("ifHC") || s.name === N.IF_HIGH_SPEED)).toEqual([]);
    // 60 s polls: 1 Gb/s wraps 2^32 octets in 34 s (flagged); 100 and 10 Mb/s take 5.7 and 57 min.
    expect(byIndex(r, N.SPBE_IF_COUNTER32_WRAP_RISK)).toEqual(new Map([["1", "0"], ["2", "1"], ["3", "0"]]));
  }, 60_000);

  it("derives link rates equal to snmpbulkwalk's deltas, across a 32-bit wrap", async () => {
    const plan: DerivedPlan = {
      links: OLD_INTERFACES.map((i) => ({ link: `l${i.ifIndex}`, capacityBps: i.speedBps, a: { device: "old-sw", iface: i.descr }, b: { device: "elsewhere", iface: "x" } })),
      opds: [],
    };
    const st = new DerivedState(plan);
    const t0 = Date.UTC(2026, 11, 2, 8, 0, 0);
    st.observe("old-sw", (await poll("old0")).samples, t0);
    st.observe("old-sw", (await poll("old1")).samples, t0 + OLD_SECONDS_APART * 1000);
    const derived = st.samples(t0 + OLD_SECONDS_APART * 1000);
    const rate = (link: string, dir: string) =>
      derived.find((s) => s.name === N.SPBE_LINK_TRAFFIC_BPS && Object.fromEntries(s.labels).link === link && Object.fromEntries(s.labels).direction === dir)?.value;

    let wrapped = 0;
    for (const [dir, oid] of [[N.DIRECTION_IN, "1.3.6.1.2.1.2.2.1.10"], [N.DIRECTION_OUT, "1.3.6.1.2.1.2.2.1.16"]] as const) {
      const [before, after] = [await bulkwalk("old0", oid), await bulkwalk("old1", oid)];
      for (const [idx, v0] of before) {
        const v1 = after.get(idx)!;
        if (v1 < v0) wrapped++;
        const delta = (v1 - v0 + 2n ** 32n) % 2n ** 32n;
        expect(Number(rate(`l${idx}`, dir)), `l${idx} ${dir}`).toBeCloseTo((Number(delta) * 8) / OLD_SECONDS_APART, 6);
      }
    }
    expect(wrapped).toBe(2); // eth1 in and out wrapped between the two walks
    expect(Number(rate("l2", N.DIRECTION_IN))).toBeGreaterThan(0);
  }, 60_000);
});
