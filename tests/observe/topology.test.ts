// Declared vs observed topology, end to end over SNMP: the simulator serves LLDP-MIB neighbours as the
// inventory declares them (both examples), the topology observer walks every switch and router, and
// the rules find nothing; a miswiring injected into the simulator is found with both ends named, an
// unknown neighbour is found on its port; a real snmpd (no LLDP-MIB), a closed port and wrong v3 keys
// each become a fact with its reason.
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyFacts, topologyFactSchema, type TopologyFact } from "../../facts/schema";
import { loadInventoryOrThrow } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";
import { envSecrets, type SecretResolver } from "../../collectors/secrets";
import { generateMissingSecrets, startSimulator, type Simulator } from "../../collectors/simulator";
import { physicalLinks, UNKNOWN_NEIGHBOUR_SYSNAME } from "../../collectors/sim-wiring";
import { observeTopology } from "../../observe/topology";
import { evaluate } from "../../policies";
import { renderText } from "../../policies/report/render";
import { networkWiredAsDeclared, noUnknownNetworkNeighbour } from "../../policies/rules/topology";
import { compareTopology } from "../../policies/topology";
import { startSnmpd, type SnmpdHandle } from "../../testkit/servers/snmpd";
import { runSpbe } from "../../testkit/spbe-cli";
import { smallInventory } from "../collectors/support/small-inventory";

const EXAMPLES = ["barito-timur", "klaten"] as const;
const RULES = [networkWiredAsDeclared, noUnknownNetworkNeighbour];
const AS_OF = new Date();

function exampleInventory(name: string): Inventory {
  return loadInventoryOrThrow(path.join(__dirname, "../../examples", name, "inventory.yaml"));
}

function simSecrets(inv: Inventory): SecretResolver {
  return envSecrets({}, generateMissingSecrets(inv, envSecrets({})));
}

async function observeWith(inv: Inventory, wiring: Parameters<typeof startSimulator>[1]["wiring"]): Promise<TopologyFact[]> {
  const secrets = simSecrets(inv);
  const sim: Simulator = await startSimulator(inv, { secrets, wiring });
  try {
    return await observeTopology(inv, { secrets, endpoint: (d) => sim.endpoints.get(d.id), timeoutMs: 1000, concurrency: 8 });
  } finally {
    await sim.stop();
  }
}

const report = (inv: Inventory, topology: TopologyFact[]) => evaluate(inv, { asOf: AS_OF, facts: { ...emptyFacts(AS_OF), topology }, rules: RULES });

describe.each(EXAMPLES)("topology of the %s example against the simulator", (name) => {
  const inv = exampleInventory(name);
  const walkedRoles = new Set(["router", "switch"]);

  it("walks every switch and router, and finds no finding when wired as declared", async () => {
    const facts = await observeWith(inv, {});
    const expected = inv.devices.filter((d) => d.snmp && walkedRoles.has(d.role)).map((d) => d.id).sort();
    expect(facts.map((f) => f.device).sort()).toEqual(expected);
    for (const f of facts) {
      expect(topologyFactSchema.parse(f)).toEqual(f);
      expect(f.error).toBeUndefined();
    }
    const r = report(inv, facts);
    expect(r.findings).toEqual([]);
    // Every link with a walked end was judged, so "no finding" is not "nothing checked".
    const judged = r.rules.find((x) => x.id === networkWiredAsDeclared.id)!.checked;
    const walkedLinks = inv.links.filter((l) => expected.includes(l.a.device) || expected.includes(l.b.device));
    expect(judged).toBe(walkedLinks.length);
    expect(r.topology!.links.filter((l) => l.kind === "link" && l.state !== "not-observed").every((l) => l.state === "as-declared")).toBe(true);
  });

  it("finds an injected miswiring with both ends named, and an unknown neighbour on its port", async () => {
    const link = inv.links[0]!;
    const partner = physicalLinks(inv.links, [link.id]).find((l, i) => l.b.device !== inv.links[i]!.b.device && l.id !== link.id)!;
    const rogue = { device: link.b.device, interface: inv.cables.find((c) => c.from.device === link.b.device)?.from.interface ?? "ether9" };
    const facts = await observeWith(inv, { miswire: [link.id], unknownNeighbours: [rogue] });
    const r = report(inv, facts);
    const miswired = r.findings.filter((f) => f.rule === networkWiredAsDeclared.id);
    expect(miswired.map((f) => f.subject.id).sort()).toEqual([link.id, partner.id].sort());
    const ours = miswired.find((f) => f.subject.id === link.id)!;
    expect(ours.variant).toBe("miswired");
    // Both declared ends, and what each actually sees: the partner link's far end.
    for (const text of [ours.evidence.en, ours.evidence.id]) {
      expect(text).toContain(`${link.a.device}:${link.a.interface}`);
      expect(text).toContain(`${link.b.device}:${link.b.interface}`);
      expect(text).toContain(`${partner.b.device}:${partner.b.interface}`);
    }
    const unknown = r.findings.filter((f) => f.rule === noUnknownNetworkNeighbour.id);
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.subject).toEqual({ kind: "device", id: rogue.device });
    expect(unknown[0]!.evidence.en).toContain(`${rogue.device}:${rogue.interface} (${UNKNOWN_NEIGHBOUR_SYSNAME}`);
    // The report's declared-vs-observed section lists the link's state in both languages.
    expect(renderText(r, "md", "en")).toMatch(new RegExp(`link ${link.id} \\| .* \\| miswired \\|`));
    expect(renderText(r, "md", "id")).toMatch(new RegExp(`link backbone ${link.id} \\| .* \\| salah sambung \\|`));
    expect(renderText(r, "html", "en")).toContain(`<span class="link-miswired">miswired</span>`);
    expect(JSON.parse(renderText(r, "json", "en")).topology.unknownNeighbours).toHaveLength(1);
  });
});

describe("agents that cannot be walked become facts with a reason", () => {
  let snmpd: SnmpdHandle;
  const inv = smallInventory();
  beforeAll(async () => {
    snmpd = await startSnmpd({ community: "lldp-test", v3User: { name: "noc", authProtocol: "SHA-256", authKey: "auth-key-right", privProtocol: "AES", privKey: "priv-key-right" } });
  });
  afterAll(async () => {
    await snmpd?.stop();
  });

  it("no-lldp-mib from a real snmpd, unreachable from a closed port, auth-failure from wrong v3 keys; each a fact, none a throw", async () => {
    // core-sw: a port nobody listens on; dinkes-rtr (v2c) and setda-rtr (v3, wrong keys): Debian's
    // snmpd, which has no LLDP-MIB unless lldpd is attached to it.
    const closed = { host: "127.0.0.1", port: 9 };
    const endpoint = (d: { id: string }) => (d.id === "core-sw" ? closed : { host: snmpd.host, port: snmpd.port });
    const secrets = envSecrets({}, { SPBE_TEST_COMMUNITY: "lldp-test", SPBE_TEST_AUTH: "auth-key-wrong", SPBE_TEST_PRIV: "priv-key-wrong" });
    const facts = await observeTopology(inv, { secrets, endpoint, timeoutMs: 400, retries: 0 });
    const byDevice = new Map(facts.map((f) => [f.device, f]));
    expect([...byDevice.keys()].sort()).toEqual(["core-sw", "dinkes-rtr", "setda-rtr"]);
    expect(byDevice.get("dinkes-rtr")!.error?.code).toBe("no-lldp-mib");
    expect(byDevice.get("core-sw")!.error?.code).toBe("unreachable");
    expect(byDevice.get("setda-rtr")!.error?.code).toBe("auth-failure");
    for (const f of facts) expect(topologyFactSchema.parse(f).neighbours).toEqual([]);
    // Unwalked devices are not judged: no finding, and their links are "not observed".
    const cmp = compareTopology(inv, facts);
    expect(cmp.links.filter((l) => l.kind === "link").map((l) => l.state)).toEqual(["not-observed", "not-observed"]);
    expect(report(inv, facts).findings).toEqual([]);
  });
});

describe("spbe simulate's wiring options", () => {
  it("a link that does not exist, or a port not written device:interface, is bad input (exit 2, named), not a crash", () => {
    const file = path.join(__dirname, "../../examples/klaten/inventory.yaml");
    const link = runSpbe(["simulate", file, "--miswire", "bb-nowhere"]);
    expect(link.status).toBe(2);
    expect(link.stderr).toContain('no backbone link "bb-nowhere"');
    expect(link.stderr).not.toMatch(/\n\s+at /);
    const port = runSpbe(["simulate", file, "--unknown-neighbour", "setda-rtr-01", "--lang", "id"]);
    expect(port.status).toBe(2);
    expect(port.stderr).toContain("perangkat:antarmuka");
  });
});
