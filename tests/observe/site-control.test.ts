// The Dinas's control of reachable sites (klaten-18-2018 Pasal 10 (2)) judged by what the filtering
// resolver answers, not by what the inventory declares: a real BIND 9 loads the RPZ zone `spbe quotas
// site-control` prints, `observeDns` asks it for every blocked site, and the rule opd-site-control
// passes only when none of them answers with an address.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyFacts, type NameFact } from "../../facts/schema";
import { renderResponsePolicyZone } from "../../infra/planning/site-control";
import { loadInventoryOrThrow } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";
import { observeDns } from "../../observe/dns/observe";
import { evaluate } from "../../policies";
import { tempDir } from "../../testkit/servers/common";
import { startNamed, type NamedHandle } from "../../testkit/servers/named";
import { runSpbeAsync } from "../../testkit/spbe-cli";

const base = loadInventoryOrThrow("examples/klaten/inventory.yaml");
const RPZ_ORIGIN = `rpz.${base.meta.domain}`;
/** The sites' own zone, as the internet would answer for them (documentation addresses, never probed). */
const SITES_ZONE = [
  "$TTL 300",
  "@ IN SOA ns.example. hostmaster.example. ( 1 3600 600 86400 300 )",
  "@ IN NS ns.example.",
  "ns IN A 192.0.2.53",
  "judi-online IN A 192.0.2.61",
  "www.judi-online IN A 192.0.2.61",
  "streaming-film IN A 192.0.2.62",
  "kasino IN A 192.0.2.63",
  "",
].join("\n");

function withSiteControl(inv: Inventory, blocked: string[], resolver: string): Inventory {
  return { ...inv, bandwidth: { ...inv.bandwidth!, siteControl: { ...inv.bandwidth!.siteControl!, blocked, resolver } } };
}

const today = () => new Date();
function siteControlFindings(inv: Inventory, names: NameFact[]) {
  const facts = { ...emptyFacts(new Date()), names };
  return evaluate(inv, { asOf: today(), facts }).findings.filter((f) => f.rule === "opd-site-control");
}

describe("site control enforced at the filtering resolver (RPZ), observed", () => {
  let named: NamedHandle;
  let rpzFromCli: string;

  beforeAll(async () => {
    // The zone file as the operator gets it: the CLI's text output (comments start with ';').
    const dir = tempDir("rpz-inventory");
    const file = join(dir, "inventory.yaml");
    writeFileSync(file, (await import("node:fs")).readFileSync("examples/klaten/inventory.yaml", "utf8"));
    const cli = await runSpbeAsync(["quotas", "site-control", file, "--serial", "2026120201"]);
    expect(cli.status, cli.stderr).toBe(0);
    rpzFromCli = cli.stdout;
    named = await startNamed(
      [
        { origin: "example", text: SITES_ZONE, allowTransfer: false },
        { origin: RPZ_ORIGIN, text: rpzFromCli, allowTransfer: false },
      ],
      // `recursive-only no`: this test server is authoritative for the sites' zone (no internet to
      // recurse to), and RPZ applies to authoritative answers only when told so. A Dinas resolver
      // recurses and needs just the lines `spbe quotas site-control` prints.
      { optionLines: [`response-policy { zone "${RPZ_ORIGIN}"; } recursive-only no qname-wait-recurse no;`] },
    );
  }, 60_000);
  afterAll(async () => {
    await named?.stop();
  });

  it("renders one NXDOMAIN policy per blocked site and its subdomains, and the named.conf lines", () => {
    const rpz = renderResponsePolicyZone(base, { serial: 1 })!;
    expect(rpz.origin).toBe(RPZ_ORIGIN);
    expect(rpz.blocked).toEqual(["judi-online.example", "streaming-film.example"]);
    expect(rpz.text).toContain("judi-online.example CNAME .\n*.judi-online.example CNAME .");
    expect(rpz.namedConf).toContain(`response-policy { zone "${RPZ_ORIGIN}"; }`);
    expect(rpzFromCli).toContain("2026120201");
  });

  it("asks the resolver for each blocked site: NXDOMAIN everywhere, and the rule passes", async () => {
    const inv = withSiteControl(base, ["judi-online.example", "streaming-film.example"], named.server);
    const dns = await observeDns(inv, { server: { host: "127.0.0.1", port: named.port }, zoneTransfer: false, wordlist: [], timeoutMs: 2000, concurrency: 8 });
    const asked = dns.names.filter((n) => n.discoveredBy === "site-control");
    expect(asked.map((n) => n.name).sort()).toEqual(["judi-online.example", "streaming-film.example"]);
    for (const n of asked) {
      expect(n.addresses, n.name).toEqual([]);
      expect(n.error?.code, n.name).toBe("nxdomain");
      expect(n.resolver).toBe(named.server);
    }
    const checked = evaluate(inv, { asOf: today(), facts: { ...emptyFacts(new Date()), names: dns.names } });
    expect(checked.findings.filter((f) => f.rule === "opd-site-control")).toEqual([]);
  });

  it("finds a blocked site the resolver does not block (declared, not enforced)", async () => {
    // kasino.example was added to the inventory after the RPZ was deployed.
    const inv = withSiteControl(base, ["judi-online.example", "streaming-film.example", "kasino.example"], named.server);
    const dns = await observeDns(inv, { server: { host: "127.0.0.1", port: named.port }, zoneTransfer: false, wordlist: [], timeoutMs: 2000, concurrency: 8 });
    const findings = siteControlFindings(inv, dns.names);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe("advisory");
    expect(findings[0]!.evidence.en).toContain("kasino.example (192.0.2.63)");
    expect(findings[0]!.evidence.en).not.toContain("judi-online");
    expect(findings[0]!.evidence.id).toContain(named.server);
  });

  it("takes a refused or unanswered question as no evidence either way", async () => {
    // Asked at a server that is not a resolver for these names (REFUSED): nothing is judged.
    const inv = withSiteControl(base, ["kasino.example"], "127.0.0.1:9");
    const refused: NameFact = { name: "kasino.example", resolver: "127.0.0.1:9", discoveredBy: "site-control", addresses: [], error: { code: "refused", message: "queryA EREFUSED" }, source: "test", observedAt: new Date().toISOString() } as NameFact;
    expect(siteControlFindings(inv, [refused])).toEqual([]);
  });
});
