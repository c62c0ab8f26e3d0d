// The DNS observer against a real BIND 9 (Debian bind9, `named -g` on a loopback high port) serving the
// zones the project generates (infra/planning/dns.ts) for both examples, plus what a shadow website looks
// like: an unregistered name, and an application whose name was moved to an address outside the Dinas
// blocks. Barito Timur's zone may be transferred to 127.0.0.1, Klaten's may not.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import * as dgram from "node:dgram";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDnsZone } from "../../infra/planning/dns";
import { planPublicIps } from "../../infra/planning/public-ips";
import { loadInventoryOrThrow } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";
import { observeDns } from "../../observe/dns/observe";
import { freeUdpPort, tempDir } from "../../testkit/servers/common";
import { startNamed, type NamedHandle } from "../../testkit/servers/named";
import { runSpbe } from "../../testkit/spbe-cli";

const SHADOW = "toko-dinkes";
const SHADOW_ADDRESS = "192.0.2.77";
const OUTSIDE_ADDRESS = "192.0.2.10";

interface Example {
  stack: "barito-timur" | "klaten";
  file: string;
  inv: Inventory;
  zone: ReturnType<typeof renderDnsZone>;
  /** The data-center application whose A record the test points outside the Dinas blocks. */
  moved: { app: string; name: string };
}

function example(stack: Example["stack"]): Example {
  const file = `examples/${stack}/inventory.yaml`;
  const inv = loadInventoryOrThrow(file);
  const zone = renderDnsZone(inv, planPublicIps(inv), { serial: 2026120201 });
  const dcApps = new Set(inv.applications.filter((a) => a.placement.type === "datacenter").map((a) => a.id));
  const record = zone.records.find((r) => r.type === "A" && dcApps.has(r.source) && r.name !== "www" && r.name !== "@")!;
  return { stack, file, inv, zone, moved: { app: record.source, name: `${record.name}.${zone.origin}` } };
}

/** The generated zone, with the moved application's address replaced and the shadow website added. */
function servedZone(e: Example): string {
  const label = e.moved.name.slice(0, -(e.zone.origin.length + 1));
  const lines = e.zone.text.split("\n").map((l) => (l.startsWith(`${label} IN A `) ? `${label} IN A ${OUTSIDE_ADDRESS} ; moved to rented hosting` : l));
  return lines.join("\n") + `${SHADOW} IN A ${SHADOW_ADDRESS} ; nobody's\n`;
}

const bt = example("barito-timur");
const klaten = example("klaten");
let named: NamedHandle;
const dir = tempDir("observe-test");

beforeAll(async () => {
  named = await startNamed([
    { origin: bt.zone.origin, text: servedZone(bt), allowTransfer: true },
    { origin: klaten.zone.origin, text: servedZone(klaten), allowTransfer: false },
  ]);
}, 60_000);
afterAll(async () => {
  await named?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const server = () => ({ host: named.host, port: named.port });

describe("DNS observation against BIND 9", () => {
  it("transfers an allowed zone and resolves every transferred name to the record the planner wrote", async () => {
    const r = await observeDns(bt.inv, { server: server(), zoneTransfer: true, timeoutMs: 1000, concurrency: 32 });
    expect(r.zoneTransfers).toHaveLength(1);
    expect(r.zoneTransfers[0]).toMatchObject({ zone: bt.zone.origin, server: named.server, allowed: true });
    const byName = new Map(r.names.map((n) => [n.name, n]));
    const shadow = byName.get(`${SHADOW}.${bt.zone.origin}`);
    expect(shadow).toMatchObject({ discoveredBy: "zone-transfer", addresses: [SHADOW_ADDRESS], resolver: named.server, source: `dns ${named.server}` });
    expect(r.zoneTransfers[0]!.names).toBe(new Set([...bt.zone.records.filter((x) => ["A", "AAAA", "CNAME"].includes(x.type)).map((x) => x.name), SHADOW]).size);
    for (const rec of bt.zone.records.filter((x) => x.type === "A" || x.type === "AAAA")) {
      const fqdn = rec.name === "@" ? bt.zone.origin : `${rec.name}.${bt.zone.origin}`;
      const expected = fqdn === bt.moved.name ? OUTSIDE_ADDRESS : rec.value;
      expect(byName.get(fqdn)?.addresses, fqdn).toContain(expected);
    }
    // An OPD subdomain without its own site is a CNAME to the portal: the chain is recorded.
    const cname = bt.zone.records.find((x) => x.type === "CNAME")!;
    expect(byName.get(`${cname.name}.${bt.zone.origin}`)?.cnames).toEqual([cname.value.replace(/\.$/, "")]);
    // A name the inventory knows that the zone leaves out (hosted elsewhere, internal) is nxdomain.
    const missing = bt.zone.unresolved[0]!;
    expect(byName.get(`${missing.name}.${bt.zone.origin}`)?.error?.code).toBe("nxdomain");
  });

  it("a refused transfer is a fact with its reason, and the inventory's and wordlist's names are still asked", async () => {
    const r = await observeDns(klaten.inv, { server: server(), zoneTransfer: true, timeoutMs: 1000, concurrency: 32, wordlist: [SHADOW, "surely-not-here"] });
    expect(r.zoneTransfers[0]).toMatchObject({ zone: klaten.zone.origin, allowed: false, error: { code: "refused" } });
    const byName = new Map(r.names.map((n) => [n.name, n]));
    expect(r.names.some((n) => n.discoveredBy === "zone-transfer")).toBe(false);
    expect(byName.get(`${SHADOW}.${klaten.zone.origin}`)).toMatchObject({ discoveredBy: "wordlist", addresses: [SHADOW_ADDRESS] });
    expect(byName.get(`surely-not-here.${klaten.zone.origin}`)).toMatchObject({ addresses: [], error: { code: "nxdomain" } });
    expect(byName.get(klaten.moved.name)).toMatchObject({ discoveredBy: "inventory", addresses: [OUTSIDE_ADDRESS] });
    const hostnames = klaten.inv.applications.filter((a) => a.hostname).map((a) => a.hostname!.toLowerCase());
    for (const h of hostnames) expect(byName.has(h), h).toBe(true);
  });

  it("a resolver that never answers gives timeout facts quickly and the run completes", async () => {
    const blackhole = dgram.createSocket("udp4");
    await new Promise<void>((resolve) => blackhole.bind(0, "127.0.0.1", resolve));
    const port = blackhole.address().port;
    try {
      const started = Date.now();
      const r = await observeDns(bt.inv, { server: { host: "127.0.0.1", port }, zoneTransfer: true, timeoutMs: 200, tries: 1, concurrency: 64, wordlist: ["www", "mail"] });
      const seconds = (Date.now() - started) / 1000;
      expect(r.names.length).toBeGreaterThan(30);
      expect(new Set(r.names.map((n) => n.error?.code))).toEqual(new Set(["timeout"]));
      // No TCP listener on that port: the transfer fails on its own, with its reason.
      expect(r.zoneTransfers[0]).toMatchObject({ allowed: false, error: { code: "connection-refused" } });
      expect(seconds).toBeLessThan(5);
    } finally {
      blackhole.close();
    }
  });

  it("a port with nothing on it gives a failure per name, not an exception", async () => {
    const port = await freeUdpPort();
    const r = await observeDns(bt.inv, { server: { host: "127.0.0.1", port }, zoneTransfer: false, timeoutMs: 200, tries: 1, concurrency: 64, wordlist: ["www"] });
    expect(r.zoneTransfers).toEqual([]);
    expect(r.names.every((n) => n.addresses.length === 0 && ["connection-refused", "timeout"].includes(n.error?.code ?? ""))).toBe(true);
  });
});

describe("spbe observe → spbe report --facts", () => {
  const citationsOf = (report: any, rule: string) => report.rules.find((r: any) => r.id === rule)?.citations;

  it.each([
    [bt, ["bt-7-2019 Pasal 19 (1), (3)"], ["bt-7-2019 Pasal 15 (1)"]],
    [klaten, ["klaten-18-2018 Pasal 23 (1)"], ["klaten-18-2018 Pasal 14 (1)", "klaten-18-2018 Pasal 9 (2) c"]],
  ] as const)("$stack: the report lists the unregistered name and the application answering outside the Dinas blocks, cited", (e, unregisteredCitations, outsideCitations) => {
    const out = join(dir, `${e.stack}-facts.json`);
    const wordlist = join(dir, "words.txt");
    writeFileSync(wordlist, `# test wordlist\n${SHADOW}\nwww\n`);
    const observed = runSpbe(["observe", e.file, "--resolver", named.server, "--wordlist", wordlist, "--timeout-ms", "1000", "--no-probe", "--out", out, "--format", "json"]);
    expect(observed.status, observed.stderr).toBe(0);
    const summary = JSON.parse(observed.stdout);
    expect(summary.unregisteredNames).toEqual([`${SHADOW}.${e.zone.origin}`]);
    expect(summary.outsideDinasBlocks).toEqual([e.moved.app]);
    const facts = JSON.parse(readFileSync(out, "utf8"));
    expect(facts.schema).toBe("spbe-observed-facts/2");
    expect(facts.applications.find((a: any) => a.id === e.moved.app)).toMatchObject({ answeringFrom: [OUTSIDE_ADDRESS], source: `dns ${named.server}` });

    const reported = runSpbe(["report", e.file, "--facts", out, "--format", "json"]);
    expect(reported.status, reported.stderr).toBe(0);
    const report = JSON.parse(reported.stdout);
    const unregistered = report.findings.filter((f: any) => f.rule === "unregistered-name");
    expect(unregistered.map((f: any) => f.subject)).toEqual([{ kind: "name", id: `${SHADOW}.${e.zone.origin}` }]);
    expect(unregistered[0].evidence.en).toContain(SHADOW_ADDRESS);
    expect(unregistered[0].evidence.en).toContain(named.server);
    expect(citationsOf(report, "unregistered-name")).toEqual(unregisteredCitations);
    const outside = report.findings.filter((f: any) => f.rule === "app-answers-from-dinas-blocks");
    expect(outside.map((f: any) => f.subject.id)).toEqual([e.moved.app]);
    expect(outside[0].evidence.en).toContain(OUTSIDE_ADDRESS);
    expect(citationsOf(report, "app-answers-from-dinas-blocks")).toEqual(outsideCitations);
  });

  it("bad input exits 2 with a clear message and writes nothing", () => {
    const out = join(dir, "never.json");
    const noResolver = runSpbe(["observe", bt.file, "--out", out]);
    expect(noResolver.status).toBe(2);
    expect(noResolver.stderr).toContain("--resolver");
    const badResolver = runSpbe(["observe", bt.file, "--resolver", "ns1.example.org", "--out", out]);
    expect(badResolver.status).toBe(2);
    expect(badResolver.stderr).toContain("ns1.example.org");
    const badWordlist = runSpbe(["observe", bt.file, "--resolver", named.server, "--wordlist", join(dir, "missing.txt"), "--out", out]);
    expect(badWordlist.status).toBe(2);
    expect(badWordlist.stderr).toContain("missing.txt");
    expect(() => readFileSync(out)).toThrow();
  });
});
