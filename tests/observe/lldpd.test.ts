// The topology observer against the REAL lldpd: two network namespaces joined by a veth pair, lldpd in
// each with its SNMP AgentX subagent attached to an snmpd (`master agentx`), walked from the host over
// management veths exactly as a switch would be. Each must see the other (sysName, port, chassis,
// management address), and the declared link between them is found as declared.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envSecrets } from "../../collectors/secrets";
import type { TopologyFact } from "../../facts/schema";
import { loadInventoryText } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";
import { observeTopology } from "../../observe/topology";
import { compareTopology } from "../../policies/topology";
import { waitFor } from "../../testkit/servers/common";
import { createLldpPair, LINK_IF, type LldpPair } from "../../testkit/lldp/pair";

let pair: LldpPair;
let inv: Inventory;

function inventoryFor(p: LldpPair): Inventory {
  const [a, b] = p.nodes;
  const device = (n: typeof a) => `
  - id: ${n.hostname}
    role: switch
    site: dc
    mgmtAddress: ${n.mgmtAddress}
    snmp: {version: "2c", community: {env: SPBE_LLDP_COMMUNITY}, port: ${n.snmpPort}}
    interfaces:
      - {name: ${LINK_IF}, speedMbps: 10000}`;
  const yaml = `
meta: {kabupaten: Contoh, domain: contohkab.go.id, profiles: [bt-7-2019], dinas: diskominfo}
opds:
  - {code: diskominfo, name: Dinas Kominfo, kind: dinas}
sites:
  - {id: dc, name: Pusat Data, kind: datacenter, opd: diskominfo}
devices:${device(a)}${device(b)}
links:
  - {id: lk-ab, a: {device: ${a.hostname}, interface: ${LINK_IF}}, b: {device: ${b.hostname}, interface: ${LINK_IF}}, medium: fiber, capacityMbps: 10000, labelCode: LK-AB}
`;
  const r = loadInventoryText(yaml, "lldpd-pair.yaml");
  if (!r.inventory) throw new Error(`test inventory invalid: ${JSON.stringify(r.diagnostics)}`);
  return r.inventory;
}

beforeAll(async () => {
  pair = await createLldpPair(["lldp-sw-a", "lldp-sw-b"]);
  inv = inventoryFor(pair);
}, 60_000);

afterAll(async () => {
  await pair?.destroy();
}, 30_000);

describe("lldpd with its SNMP subagent in two namespaces", () => {
  it("each switch's LLDP-MIB, walked over SNMP, shows the other one on eth1, and the declared link is as declared", async () => {
    const secrets = envSecrets({}, { SPBE_LLDP_COMMUNITY: pair.nodes[0].community });
    // Whole entries only: under load a walk can land while lldpd is still filling the row over AgentX
    // (seen once: the neighbour's sysName there, its chassis id not yet).
    const whole = (f: TopologyFact) => f.neighbours.length > 0 && f.neighbours.every((n) => n.remoteChassisId && n.remoteSysName && n.remotePortDescription);
    const seesOther = (facts: TopologyFact[]) => facts.length === 2 && facts.every(whole);
    // lldpd learns its neighbour after the first frames (tx-interval 1 s) and then tells snmpd over AgentX.
    const facts = await waitFor(
      "both lldpd to learn each other",
      async () => {
        const got = await observeTopology(inv, { secrets, timeoutMs: 1000, retries: 0 });
        return seesOther(got) ? got : undefined;
      },
      30_000,
      500,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\nlldpd a: ${pair.nodes[0].lldpd.log()}\nsnmpd a: ${pair.nodes[0].snmpd.log()}`);
    });
    const [a, b] = pair.nodes;
    const byDevice = new Map(facts.map((f) => [f.device, f]));
    for (const [self, other] of [[a, b], [b, a]] as const) {
      const f = byDevice.get(self.hostname)!;
      expect(f.error).toBeUndefined();
      expect(f.protocol).toBe("lldp");
      // lldpd's chassis id is a MAC: decoded as aa:bb:cc:dd:ee:ff.
      expect(f.chassisId).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
      expect(f.neighbours).toHaveLength(1);
      const n = f.neighbours[0]!;
      expect(n.localPort).toBe(LINK_IF);
      expect(n.remoteSysName).toBe(other.hostname);
      expect(n.remoteChassisId).toBe(byDevice.get(other.hostname)!.chassisId);
      // lldpd sends the port's MAC as port id and its name as description.
      expect(n.remotePortDescription).toBe(LINK_IF);
      expect(n.remoteManagementAddress).toBe(other.mgmtAddress);
    }
    const cmp = compareTopology(inv, facts);
    expect(cmp.links.map((l) => [l.id, l.state])).toEqual([["lk-ab", "as-declared"]]);
    expect(cmp.unknownNeighbours).toEqual([]);
  }, 60_000);
});
