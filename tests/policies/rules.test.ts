// Every rule: the compliant fixture passes it (with at least one check), and a fixture breaking
// exactly that obligation fails it with the expected subject and evidence variant.
import { describe, expect, it } from "vitest";
import { evaluate, RULES } from "../../policies";
import { parseFacts } from "../../facts/load";
import type { ObservedFacts } from "../../facts/schema";
import { formatCitation } from "../../policies/rules/helpers";
import { AS_OF, appOf, compliantData, load } from "./fixtures";

interface Case {
  rule: string;
  name: string;
  breakIt: (d: any) => void;
  subject: string;
  variant: string;
  facts?: ObservedFacts;
  asOf?: Date;
  /** Every [subject, variant] expected, when the break hits more than one subject. */
  all?: [string, string][];
}

const healthyFacts = parseFacts({
  devices: [{ id: "core", lastSeen: "2026-11-23T05:00:00Z" }, { id: "dinkes-rtr", lastSeen: "2026-11-20T00:00:00Z", unreachableSince: "2026-11-20T00:05:00Z" }],
  applications: [{ id: "web", hostname: "dinkes.contohkab.go.id", answeringFrom: ["203.0.113.5"] }],
});
// Names as the DNS observer writes them: every answering name is claimed (an application, an OPD
// subdomain, the mail service); one guessed name does not exist; one answers only through the wildcard.
const nameFact = (name: string, addresses: string[], discoveredBy = "wordlist", extra: object = {}) => ({ name, resolver: "127.0.0.1:53", discoveredBy, addresses, source: "dns 127.0.0.1:53", observedAt: "2026-11-23T06:00:00Z", ...extra });
const dnsFacts = (...names: object[]) =>
  parseFacts({
    schema: "spbe-observed-facts/2",
    observedAt: "2026-11-23T06:00:00Z",
    names: [
      nameFact("dinkes.contohkab.go.id", ["203.0.113.5"], "inventory"),
      nameFact("simpeg.contohkab.go.id", ["203.0.113.6"], "zone-transfer"),
      nameFact("contohkab.go.id", ["203.0.113.5"], "inventory"),
      nameFact("dns.contohkab.go.id", ["203.0.113.2"], "wordlist"),
      nameFact("nope.contohkab.go.id", [], "wordlist", { error: { code: "nxdomain", message: "queryA ENOTFOUND" } }),
      nameFact("elsewhere.example.org", ["192.0.2.1"], "inventory"),
      ...names,
    ],
  });
healthyFacts.names = dnsFacts().names;

/** LLDP walks of the fixture's core switch and OPD router, observed the evening before AS_OF. */
const SEEN = { source: "snmp lldp test", observedAt: "2026-11-22T22:00:00Z" };
const CORE_CHASSIS = "00:11:22:33:44:01";
const topologyFacts = (core: object[], dinkesRtr: object[] = [{ localPort: "ether1", remoteChassisId: CORE_CHASSIS, remotePortId: "aa:bb:cc:dd:ee:ff", remotePortDescription: "te1" }]) =>
  parseFacts({
    schema: "spbe-observed-facts/2",
    observedAt: SEEN.observedAt,
    topology: [
      { device: "core", protocol: "lldp", chassisId: CORE_CHASSIS, neighbours: core, ...SEEN },
      // The router names its neighbour by chassis id only (no sysName): matched through the core's own chassis id.
      { device: "dinkes-rtr", protocol: "lldp", neighbours: dinkesRtr, ...SEEN },
    ],
  });
const healthyTopology = topologyFacts([{ localPort: "te1", remoteSysName: "DINKES-RTR.contohkab.go.id", remotePortId: "ether1" }]).topology;

const CASES: Case[] = [
  { rule: "app-placement-dc", name: "external without exception", breakIt: (d) => delete appOf(d, "oss").placement.exception, subject: "oss", variant: "no-exception" },
  { rule: "app-placement-dc", name: "expired exception", breakIt: (d) => (appOf(d, "oss").placement.exception.expires = "2026-11-22"), subject: "oss", variant: "exception-expired" },
  { rule: "app-placement-dc", name: "exception not signed by the provider", breakIt: (d) => delete appOf(d, "oss").placement.exception.signedByProvider, subject: "oss", variant: "exception-unsigned" },
  {
    rule: "app-placement-dc",
    name: "on an OPD server",
    breakIt: (d) => {
      d.devices.push({ id: "dinkes-srv", role: "server", site: "kantor-dinkes", owner: "dinkes", generalPurpose: true, recommendation: { ref: "R", date: "2026-01-01" } });
      appOf(d, "web").placement = { type: "opd-server", server: "dinkes-srv" };
      d.publicIp.allocations = d.publicIp.allocations.filter((a: any) => a.id !== "ip-web");
    },
    subject: "web",
    variant: "no-exception",
  },
  { rule: "app-exception-expiring", name: "exception ending in 30 days", breakIt: (d) => (appOf(d, "oss").placement.exception.expires = "2026-12-23"), subject: "oss", variant: "expiring" },
  { rule: "app-confidential-dinas", name: "rahasia over the OPD network", breakIt: (d) => (appOf(d, "simpeg").placement.network = "opd"), subject: "simpeg", variant: "network" },
  {
    rule: "app-confidential-dinas",
    name: "strategis hosted externally",
    breakIt: (d) => {
      appOf(d, "oss").classification = "strategis";
      appOf(d, "oss").dr = { server: "drsrv", rpoMinutes: 60 };
    },
    subject: "oss",
    variant: "site",
  },
  { rule: "website-hosting-indonesia", name: "website rented abroad", breakIt: (d) => (appOf(d, "oss").placement.country = "SG"), subject: "oss", variant: "abroad" },
  { rule: "website-hosting-indonesia", name: "foreign legal entity", breakIt: (d) => (appOf(d, "oss").placement.providerLegalEntity.country = "US"), subject: "oss", variant: "abroad" },
  { rule: "website-subdomain", name: "website on another domain", breakIt: (d) => (appOf(d, "web").hostname = "dinkes-contoh.com"), subject: "web", variant: "outside" },
  { rule: "website-subdomain", name: "look-alike suffix", breakIt: (d) => (appOf(d, "web").hostname = "dinkes.notcontohkab.go.id"), subject: "web", variant: "outside" },
  { rule: "website-subdomain", name: "OPD subdomain outside the domain", breakIt: (d) => (d.opds[1].subdomain = "dinkes.example.org"), subject: "dinkes", variant: "outside" },
  { rule: "website-subdomain", name: "website without hostname", breakIt: (d) => delete appOf(d, "web").hostname, subject: "web", variant: "no-hostname" },
  { rule: "app-documentation", name: "no architecture document", breakIt: (d) => (appOf(d, "web").documentation.architecture = false), subject: "web", variant: "missing" },
  { rule: "app-source-repository", name: "no source code", breakIt: (d) => delete appOf(d, "web").documentation.sourceRepository, subject: "web", variant: "missing" },
  { rule: "app-source-repository", name: "source code at the vendor", breakIt: (d) => (appOf(d, "web").documentation.sourceRepository = "https://github.com/vendor/web"), subject: "web", variant: "elsewhere" },
  { rule: "app-source-repository", name: "prefix that is not a path", breakIt: (d) => (appOf(d, "web").documentation.sourceRepository = "https://git.contohkab.go.id.evil.example/web"), subject: "web", variant: "elsewhere" },
  {
    rule: "app-source-repository",
    name: "no Dinas repository declared",
    breakIt: (d) => delete d.meta.sourceRepositoryBase,
    subject: "web",
    variant: "no-dinas-repository",
    all: [["simpeg", "no-dinas-repository"], ["oss", "no-dinas-repository"], ["web", "no-dinas-repository"]], // OPD order, then subject id
  },
  { rule: "app-license", name: "licence unknown", breakIt: (d) => (appOf(d, "web").license = "unknown"), subject: "web", variant: "unknown" },
  { rule: "app-security-assessment", name: "never assessed", breakIt: (d) => delete appOf(d, "web").securityAssessment, subject: "web", variant: "never" },
  { rule: "app-security-assessment", name: "assessed 12 months and a day ago", breakIt: (d) => (appOf(d, "simpeg").securityAssessment.date = "2025-11-22"), subject: "simpeg", variant: "stale" },
  { rule: "app-dr-replica", name: "rahasia without DR", breakIt: (d) => delete appOf(d, "simpeg").dr, subject: "simpeg", variant: "none" },
  {
    rule: "app-dr-replica",
    name: "replica not at the recovery site",
    breakIt: (d) => {
      d.devices.push({ id: "srv2", role: "server", site: "dc", rack: "R1", position: 14, heightU: 2 });
      appOf(d, "simpeg").dr.server = "srv2";
    },
    subject: "simpeg",
    variant: "not-at-recovery",
  },
  { rule: "app-procurement-verified", name: "procurement without verification", breakIt: (d) => delete appOf(d, "simpeg").procurement.verificationRef, subject: "simpeg", variant: "unverified" },
  { rule: "opd-pengelola-tik", name: "OPD without pengelola TIK", breakIt: (d) => (d.opds[1].pengelolaTik = []), subject: "dinkes", variant: "none" },
  { rule: "opd-pengelola-decree", name: "pengelola without decree", breakIt: (d) => delete d.opds[1].pengelolaTik[0].decree, subject: "dinkes", variant: "no-decree" },
  { rule: "opd-quota", name: "OPD without quota", breakIt: (d) => (d.bandwidth.quotas = d.bandwidth.quotas.filter((q: any) => q.opd !== "dinkes")), subject: "dinkes", variant: "none" },
  {
    rule: "dc-and-recovery-site",
    name: "no recovery site",
    breakIt: (d) => {
      d.sites = d.sites.filter((s: any) => s.id !== "drc");
      d.devices = d.devices.filter((x: any) => x.id !== "drsrv");
      delete appOf(d, "simpeg").dr;
    },
    subject: "contohkab.go.id",
    variant: "missing",
  },
  { rule: "opd-device-recommendation", name: "OPD device without recommendation", breakIt: (d) => delete d.devices.find((x: any) => x.id === "dinkes-pc").recommendation, subject: "dinkes-pc", variant: "none" },
  { rule: "opd-general-purpose-hardware", name: "OPD-owned server", breakIt: (d) => (d.devices.find((x: any) => x.id === "dinkes-pc").generalPurpose = false), subject: "dinkes-pc", variant: "special" },
  { rule: "network-label-code", name: "backbone link without label", breakIt: (d) => delete d.links[0].labelCode, subject: "bb-dinkes", variant: "link-unlabelled" },
  { rule: "network-label-code", name: "OPD cable without label", breakIt: (d) => delete d.cables[0].labelCode, subject: "lan-dinkes", variant: "cable-unlabelled" },
  {
    rule: "app-answers-from-dinas-blocks",
    name: "hostname answering from a foreign address",
    breakIt: () => undefined,
    facts: parseFacts({ applications: [{ id: "web", hostname: "dinkes.contohkab.go.id", answeringFrom: ["203.0.113.5", "198.51.100.77"] }] }),
    subject: "web",
    variant: "outside",
  },
  {
    rule: "unregistered-name",
    name: "a shadow website answering under the domain",
    breakIt: () => undefined,
    facts: dnsFacts(nameFact("toko-dinkes.contohkab.go.id", ["192.0.2.77"], "zone-transfer")),
    subject: "toko-dinkes.contohkab.go.id",
    variant: "unclaimed",
  },
  {
    rule: "unregistered-name",
    name: "a wildcard: one finding for the wildcard, none for the names guessed through it",
    breakIt: () => undefined,
    facts: dnsFacts(nameFact("*.contohkab.go.id", ["192.0.2.9"]), nameFact("www.contohkab.go.id", ["192.0.2.9"]), nameFact("lpse.contohkab.go.id", ["192.0.2.9"])),
    subject: "*.contohkab.go.id",
    variant: "unclaimed",
  },
  {
    rule: "unregistered-name",
    name: "a name listed in the zone, even when it shares the wildcard's address",
    breakIt: () => undefined,
    facts: dnsFacts(nameFact("*.contohkab.go.id", ["192.0.2.9"]), nameFact("sewa.contohkab.go.id", ["192.0.2.9"], "zone-transfer")),
    subject: "*.contohkab.go.id",
    variant: "unclaimed",
    all: [["*.contohkab.go.id", "unclaimed"], ["sewa.contohkab.go.id", "unclaimed"]],
  },
  {
    rule: "unregistered-name",
    name: "an application removed from the inventory while its name still answers",
    breakIt: (d) => {
      d.applications = d.applications.filter((a: any) => a.id !== "simpeg");
      d.publicIp.allocations = d.publicIp.allocations.filter((a: any) => a.id !== "ip-simpeg");
    },
    facts: dnsFacts(),
    subject: "simpeg.contohkab.go.id",
    variant: "unclaimed",
  },
  {
    rule: "device-reachable",
    name: "router unreachable for 30 days",
    breakIt: () => undefined,
    facts: parseFacts({ devices: [{ id: "dinkes-rtr", lastSeen: "2026-10-24T07:00:00Z", unreachableSince: "2026-10-24T07:05:00Z" }] }),
    subject: "dinkes-rtr",
    variant: "unreachable",
  },
  {
    rule: "network-wired-as-declared",
    name: "core port sees the right router on another port",
    breakIt: () => undefined,
    facts: topologyFacts([{ localPort: "te1", remoteSysName: "dinkes-rtr", remotePortId: "ether2" }]),
    subject: "bb-dinkes",
    variant: "miswired",
  },
  {
    rule: "network-wired-as-declared",
    name: "no neighbour on the router's uplink",
    breakIt: () => undefined,
    facts: topologyFacts([{ localPort: "te1", remoteSysName: "dinkes-rtr", remotePortId: "ether1" }], []),
    subject: "bb-dinkes",
    variant: "missing",
  },
  {
    rule: "no-unknown-network-neighbour",
    name: "an OPD's own access point on a core port",
    breakIt: () => undefined,
    facts: topologyFacts([
      { localPort: "te1", remoteSysName: "dinkes-rtr", remotePortId: "ether1" },
      { localPort: "te2", remoteSysName: "ap-lantai-2", remoteChassisId: "66:77:88:99:aa:bb", remoteManagementAddress: "10.9.9.9" },
    ]),
    subject: "core",
    variant: "unknown",
  },
];

const ruleById = (id: string) => RULES.find((r) => r.id === id)!;

describe("rule catalogue", () => {
  it("every rule has titles, checks and remediation in both languages, at least one citation, and a fail case below", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      for (const text of [r.title, r.checks, r.remediation, ...Object.values(r.evidence)]) {
        expect(text.id.length, r.id).toBeGreaterThan(5);
        expect(text.en.length, r.id).toBeGreaterThan(5);
        expect(text.id, r.id).not.toBe(text.en);
      }
      expect(r.citations.length, r.id).toBeGreaterThan(0);
      expect(CASES.some((c) => c.rule === r.id), `no failing fixture for ${r.id}`).toBe(true);
    }
  });

  it("formats citations the way the regulations digest writes them", () => {
    expect(formatCitation({ profile: "klaten-18-2018", pasal: 9, ayat: "2", huruf: "a" })).toBe("klaten-18-2018 Pasal 9 (2) a");
    expect(formatCitation({ profile: "bt-7-2019", pasal: 15, ayat: "1-2" })).toBe("bt-7-2019 Pasal 15 (1)-(2)");
    expect(formatCitation({ profile: "bt-7-2019", pasal: 18 })).toBe("bt-7-2019 Pasal 18");
  });
});

describe("each rule passes the compliant fixture", () => {
  const inventory = load(compliantData());
  for (const rule of RULES) {
    it(rule.id, () => {
      const r = evaluate(inventory, { asOf: AS_OF, rules: [rule], ...(rule.needsFacts ? { facts: { ...healthyFacts, topology: healthyTopology } } : {}) });
      expect(r.rules[0]!.checked, "the fixture exercises the rule").toBeGreaterThan(0);
      expect(r.findings).toEqual([]);
    });
  }
});

describe("each rule fails the fixture that breaks it", () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.name}`, () => {
      const data = compliantData();
      c.breakIt(data);
      const inventory = load(data);
      const rule = ruleById(c.rule);
      const r = evaluate(inventory, { asOf: c.asOf ?? AS_OF, rules: [rule], ...(c.facts ? { facts: c.facts } : {}) });
      expect(r.findings.map((f) => [f.subject.id, f.variant])).toEqual(c.all ?? [[c.subject, c.variant]]);
      const f = r.findings[0]!;
      expect(f.severity).toBe(rule.severity);
      expect(f.evidence.id).not.toMatch(/\{\w+\}/);
      expect(f.evidence.en).not.toMatch(/\{\w+\}/);
      // The whole catalogue on the broken fixture: this rule is among the findings (no other rule masks it).
      const all = evaluate(inventory, { asOf: c.asOf ?? AS_OF, ...(c.facts ? { facts: c.facts } : {}) });
      expect(all.findings.some((x) => x.rule === c.rule && x.subject.id === c.subject)).toBe(true);
    });
  }
});

describe("profiles and facts", () => {
  it("applies only the rules of the selected profiles", () => {
    const data = compliantData();
    delete appOf(data, "simpeg").dr; // klaten-18-2018 Pasal 9 (2) a only
    appOf(data, "web").documentation.manual = false; // bt-7-2019 Pasal 13 (6) only
    const inventory = load(data);
    const klaten = evaluate(inventory, { asOf: AS_OF, profiles: ["klaten-18-2018"] });
    const bt = evaluate(inventory, { asOf: AS_OF, profiles: ["bt-7-2019"] });
    expect(klaten.findings.map((f) => f.rule)).toEqual(["app-dr-replica"]);
    expect(bt.findings.map((f) => f.rule)).toEqual(["app-documentation"]);
    expect(klaten.rules.some((r) => r.id === "app-documentation")).toBe(false);
    expect(bt.rules.find((r) => r.id === "app-placement-dc")!.citations).toEqual(["bt-7-2019 Pasal 15 (1)-(2)"]);
  });

  it("reports a label finding as advisory under bt-7-2019 alone and mandatory when klaten-18-2018 applies", () => {
    const data = compliantData();
    delete data.links[0].labelCode;
    const inventory = load(data);
    expect(evaluate(inventory, { asOf: AS_OF, profiles: ["bt-7-2019"] }).findings[0]!.severity).toBe("advisory");
    expect(evaluate(inventory, { asOf: AS_OF, profiles: ["klaten-18-2018"] }).findings[0]!.severity).toBe("mandatory");
  });

  it("skips the rules over observed facts when no facts are given", () => {
    const r = evaluate(load(compliantData()), { asOf: AS_OF });
    expect(r.rules.some((x) => x.id === "device-reachable" || x.id === "app-answers-from-dinas-blocks")).toBe(false);
    expect(r.factsUsed).toBe(false);
  });

  it("judges only public observed addresses (a private one answers inside the kabupaten network)", () => {
    const facts = parseFacts({ applications: [{ id: "web", answeringFrom: ["10.1.11.20", "fd00::5", "203.0.113.5"] }] });
    const r = evaluate(load(compliantData()), { asOf: AS_OF, facts, rules: [ruleById("app-answers-from-dinas-blocks")] });
    expect(r.findings).toEqual([]);
    expect(r.rules[0]!.checked).toBe(1);
  });

  it("does not compare the address of an application declared external under a valid exception", () => {
    const facts = parseFacts({ applications: [{ id: "oss", answeringFrom: ["192.0.2.50"] }] });
    const r = evaluate(load(compliantData()), { asOf: AS_OF, facts, rules: [ruleById("app-answers-from-dinas-blocks")] });
    expect(r.findings).toEqual([]);
  });

  it("is deterministic and takes the date as input", () => {
    const data = compliantData();
    appOf(data, "oss").placement.exception.expires = "2027-01-10";
    const inventory = load(data);
    expect(JSON.stringify(evaluate(inventory, { asOf: AS_OF }))).toBe(JSON.stringify(evaluate(inventory, { asOf: AS_OF })));
    expect(evaluate(inventory, { asOf: new Date("2026-11-01T00:00:00Z") }).findings).toEqual([]);
    expect(evaluate(inventory, { asOf: AS_OF }).findings.map((f) => f.rule)).toEqual(["app-exception-expiring"]);
    expect(evaluate(inventory, { asOf: new Date("2027-01-11T00:00:00Z") }).findings.map((f) => f.rule)).toContain("app-placement-dc");
  });

  it("scores an OPD down by its findings, advisories weighing a quarter", () => {
    const data = compliantData();
    delete appOf(data, "web").securityAssessment;
    const r = evaluate(load(data), { asOf: AS_OF });
    const dinkes = r.opds.find((o) => o.opd === "dinkes")!;
    expect(dinkes.mandatory).toBe(1);
    expect(dinkes.score).toBeCloseTo(100 * (1 - 1 / dinkes.checks), 1);
    expect(r.opds.find((o) => o.opd === "diskominfo")!.score).toBe(100);
    expect(r.overall.score).toBeCloseTo(100 * (1 - 1 / r.overall.checks), 1);
  });
});
