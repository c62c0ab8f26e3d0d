// Every rule: the compliant fixture passes it (with at least one check), and a fixture breaking
// exactly that obligation fails it with the expected subject and evidence variant.
import { describe, expect, it } from "vitest";
import { evaluate, RULES } from "../../policies";
import { parseFacts } from "../../facts/load";
import type { ObservedFacts } from "../../facts/schema";
import { formatCitation } from "../../policies/rules/helpers";
import type { Profile } from "../../inventory/schema";
import { AS_OF, appOf, compliantData, compliantFor, load } from "./fixtures";

interface Case {
  rule: string;
  name: string;
  breakIt: (d: any) => void;
  subject: string;
  variant: string;
  facts?: ObservedFacts;
  asOf?: Date;
  /** The Perda to evaluate under, when not both (the fixture's). */
  profiles?: Profile[];
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
/** Availability history with an 8-hour outage of the OPD router, as observe/history.ts writes it. */
const availabilityFacts = (outage = { start: "2026-11-10T01:00:00Z", end: "2026-11-10T09:00:00Z", seconds: 8 * 3600 }) =>
  parseFacts({
    schema: "spbe-observed-facts/2",
    observedAt: "2026-11-23T06:00:00Z",
    availability: [
      {
        from: "2026-10-24T00:00:00Z",
        to: "2026-11-23T00:00:00Z",
        devices: [
          { id: "dinkes-rtr", ratio: 0.98, longestOutage: outage },
          { id: "core", ratio: 0.999, longestOutage: { start: "2026-11-01T00:00:00Z", end: "2026-11-01T03:59:00Z", seconds: 4 * 3600 - 60 } },
        ],
        source: "prometheus http://127.0.0.1:9090",
        observedAt: "2026-11-23T06:00:00Z",
      },
    ],
  });
healthyFacts.availability = availabilityFacts().availability;

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
  // oss is a website rented in Indonesia: not a website, so bt-7-2019 Pasal 19 (4) does not excuse it.
  { rule: "app-placement-dc", name: "external without exception", profiles: ["bt-7-2019"], breakIt: (d) => { appOf(d, "oss").website = false; delete appOf(d, "oss").placement.exception; }, subject: "oss", variant: "no-exception" },
  { rule: "app-placement-dc", name: "expired exception", profiles: ["bt-7-2019"], breakIt: (d) => { appOf(d, "oss").website = false; appOf(d, "oss").placement.exception.expires = "2026-11-22"; }, subject: "oss", variant: "exception-expired" },
  { rule: "app-placement-dc", name: "exception not signed by the provider", profiles: ["bt-7-2019"], breakIt: (d) => { appOf(d, "oss").website = false; delete appOf(d, "oss").placement.exception.signedByProvider; }, subject: "oss", variant: "exception-unsigned" },
  // klaten-18-2018 Pasal 14 has no exception route: the old rule let a valid statement pass.
  { rule: "app-placement-dc", name: "valid exception under Klaten (no exception route)", profiles: ["klaten-18-2018"], breakIt: () => undefined, subject: "oss", variant: "outside-dc-no-route" },
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
    profiles: ["bt-7-2019"],
  },
  { rule: "app-exception-expiring", name: "exception ending in 30 days", profiles: ["bt-7-2019"], breakIt: (d) => (appOf(d, "oss").placement.exception.expires = "2026-12-23"), subject: "oss", variant: "expiring" },
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
  { rule: "app-security-assessment", name: "assessment of the function only", breakIt: (d) => (appOf(d, "web").securityAssessment.covers = ["function"]), subject: "web", variant: "other-scope" },
  { rule: "app-function-assessment", name: "never assessed", breakIt: (d) => delete appOf(d, "web").securityAssessment, subject: "web", variant: "never" },
  { rule: "app-function-assessment", name: "security assessment only (17 (3) asks for the function)", breakIt: (d) => (appOf(d, "web").securityAssessment.covers = ["security"]), subject: "web", variant: "other-scope" },
  {
    rule: "app-function-assessment",
    name: "a national application in use is not assessed",
    breakIt: (d) => d.applications.push(nationalApp({ securityAssessment: undefined })),
    subject: "siasn",
    variant: "never",
  },
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
  { rule: "app-procurement-verified", name: "an OPD's procurement without verification", breakIt: (d) => delete appOf(d, "web").procurement.verificationRef, subject: "web", variant: "unverified" },
  { rule: "opd-pengelola-tik", name: "OPD without pengelola TIK", breakIt: (d) => (d.opds[1].pengelolaTik = []), subject: "dinkes", variant: "none" },
  { rule: "opd-pengelola-decree", name: "pengelola without decree", breakIt: (d) => delete d.opds[1].pengelolaTik[0].decree, subject: "dinkes", variant: "no-decree" },
  { rule: "opd-quota", name: "OPD without quota", breakIt: (d) => (d.bandwidth.quotas = d.bandwidth.quotas.filter((q: any) => q.opd !== "dinkes")), subject: "dinkes", variant: "none" },
  { rule: "opd-pengelola-asn", name: "a manager with no recorded status", breakIt: (d) => delete d.opds[1].pengelolaTik[0].status, subject: "dinkes", variant: "unrecorded" },
  // klaten-18-2018 Pasal 18 (2): a PPPK is ASN (enough for bt-7-2019 Pasal 16 (1)) but not a PNS.
  { rule: "opd-pengelola-asn", name: "a PPPK under Klaten", profiles: ["klaten-18-2018"], breakIt: (d) => (d.opds[1].pengelolaTik[0].status = "pppk"), subject: "dinkes", variant: "unqualified" },
  { rule: "opd-pengelola-asn", name: "an honorer under Barito Timur", profiles: ["bt-7-2019"], breakIt: (d) => (d.opds[1].pengelolaTik[0].status = "non-asn"), subject: "dinkes", variant: "unqualified" },
  { rule: "opd-site-control", name: "no site control on record", profiles: ["klaten-18-2018"], breakIt: (d) => delete d.bandwidth.siteControl, subject: "contohkab.go.id", variant: "none" },
  { rule: "app-development-dinas", name: "an OPD's khusus application built without the Dinas", breakIt: (d) => delete appOf(d, "web").development, subject: "web", variant: "none" },
  { rule: "device-procurement-verified", name: "an OPD device bought without the Dinas verification", breakIt: (d) => delete d.devices.find((x: any) => x.id === "dinkes-pc").procurement.verificationRef, subject: "dinkes-pc", variant: "unverified" },
  { rule: "master-plan-valid", name: "no master plan on record", breakIt: (d) => delete d.governance.masterPlan, subject: "contohkab.go.id", variant: "unrecorded" },
  { rule: "master-plan-valid", name: "a master plan five years old to the day", breakIt: (d) => (d.governance.masterPlan.date = "2021-11-23"), subject: "contohkab.go.id", variant: "expired" },
  { rule: "master-plan-review", name: "a plan not reviewed two years and a day after it was set", breakIt: (d) => (d.governance.masterPlan = { ref: "Perbup 3/2024", date: "2024-11-22" }), subject: "contohkab.go.id", variant: "due" },
  { rule: "yearly-evaluation", name: "the previous evaluation a year and a day before", breakIt: (d) => (d.governance.evaluations[0].date = "2025-11-22"), subject: "contohkab.go.id", variant: "overdue" },
  { rule: "evaluation-reported-sekda", name: "the latest evaluation not reported to the Sekda", breakIt: (d) => delete d.governance.evaluations[0].reportedToSekda, subject: "contohkab.go.id", variant: "unreported" },
  { rule: "evaluation-reported-sekda", name: "no evaluation at all", breakIt: (d) => (d.governance.evaluations = []), subject: "contohkab.go.id", variant: "none" },
  { rule: "incident-reported", name: "a serious incident caused by another party without its written report", breakIt: (d) => delete d.incidents[0].report, subject: "ins-1", variant: "unreported" },
  {
    rule: "outage-registered",
    name: "an outage of exactly four hours that no incident covers",
    breakIt: () => undefined,
    facts: availabilityFacts({ start: "2026-11-15T01:00:00Z", end: "2026-11-15T05:00:00Z", seconds: 4 * 3600 }),
    subject: "dinkes-rtr@2026-11-15T01:00:00Z",
    variant: "unregistered",
  },
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
  {
    rule: "opd-backbone-connected",
    name: "OPD office without a backbone link",
    breakIt: (d) => (d.links = d.links.filter((l: any) => l.id !== "bb-dinkes")),
    subject: "dinkes",
    variant: "unconnected",
    profiles: ["klaten-18-2018"],
  },
  { rule: "opd-device-recommendation", name: "OPD device without recommendation", breakIt: (d) => delete d.devices.find((x: any) => x.id === "dinkes-pc").recommendation, subject: "dinkes-pc", variant: "none" },
  { rule: "opd-general-purpose-hardware", name: "OPD-owned server", breakIt: (d) => (d.devices.find((x: any) => x.id === "dinkes-pc").generalPurpose = false), subject: "dinkes-pc", variant: "special" },
  {
    // bt-7-2019 Pasal 12 (3) c, (4): network equipment is the Dinas's; the old rule let OPD access points pass.
    rule: "opd-general-purpose-hardware",
    name: "OPD-owned access point with a Dinas recommendation",
    breakIt: (d) => d.devices.push({ id: "dinkes-ap", role: "access-point", site: "kantor-dinkes", owner: "dinkes", generalPurpose: true, recommendation: { ref: "REK/2", date: "2026-01-05" } }),
    subject: "dinkes-ap",
    variant: "network",
  },
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

/** A national application (SIASN, run by BKN) recorded truthfully: hosted by its agency, no OPD documents. */
function nationalApp(over: Record<string, unknown> = {}): any {
  return {
    id: "siasn",
    name: "SIASN",
    opd: "diskominfo",
    kind: "umum",
    classification: "rahasia",
    national: { agency: "Badan Kepegawaian Negara", legalBasis: "Undang-Undang Nomor 20 Tahun 2023" },
    placement: { type: "external", provider: "Badan Kepegawaian Negara", country: "ID", providerLegalEntity: { name: "Badan Kepegawaian Negara", country: "ID" }, network: "dinas" },
    securityAssessment: { date: "2026-03-01", ref: "BA/siasn" },
    ...over,
  };
}

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

describe("each rule passes the compliant fixture of every Perda it cites", () => {
  for (const rule of RULES) {
    for (const profile of [...new Set(rule.citations.map((c) => c.profile))]) {
      it(`${rule.id} (${profile})`, () => {
        const r = evaluate(load(compliantFor(profile)), { asOf: AS_OF, profiles: [profile], rules: [rule], ...(rule.needsFacts ? { facts: { ...healthyFacts, topology: healthyTopology } } : {}) });
        expect(r.rules[0]!.checked, "the fixture exercises the rule").toBeGreaterThan(0);
        expect(r.findings).toEqual([]);
      });
    }
  }
});

describe("each rule fails the fixture that breaks it", () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.name}`, () => {
      const data = compliantData();
      c.breakIt(data);
      const inventory = load(data);
      const rule = ruleById(c.rule);
      const profiles = c.profiles ? { profiles: c.profiles } : {};
      const r = evaluate(inventory, { asOf: c.asOf ?? AS_OF, rules: [rule], ...profiles, ...(c.facts ? { facts: c.facts } : {}) });
      expect(r.findings.map((f) => [f.subject.id, f.variant])).toEqual(c.all ?? [[c.subject, c.variant]]);
      const f = r.findings[0]!;
      expect(f.severity).toBe(rule.severity);
      expect(f.evidence.id).not.toMatch(/\{\w+\}/);
      expect(f.evidence.en).not.toMatch(/\{\w+\}/);
      // The whole catalogue on the broken fixture: this rule is among the findings (no other rule masks it).
      const all = evaluate(inventory, { asOf: c.asOf ?? AS_OF, ...profiles, ...(c.facts ? { facts: c.facts } : {}) });
      expect(all.findings.some((x) => x.rule === c.rule && x.subject.id === c.subject)).toBe(true);
    });
  }
});

describe("profiles and facts", () => {
  it("applies only the rules of the selected profiles", () => {
    const data = compliantFor("klaten-18-2018");
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

  it("does not judge labels under bt-7-2019 alone (no labelling duty) and requires them under klaten-18-2018 Pasal 11 (3)", () => {
    const data = compliantFor("klaten-18-2018");
    delete data.links[0].labelCode;
    const inventory = load(data);
    expect(evaluate(inventory, { asOf: AS_OF, profiles: ["bt-7-2019"] }).findings).toEqual([]);
    expect(evaluate(inventory, { asOf: AS_OF, profiles: ["bt-7-2019"] }).rules.some((r) => r.id === "network-label-code")).toBe(false);
    expect(evaluate(inventory, { asOf: AS_OF, profiles: ["klaten-18-2018"] }).findings.map((f) => [f.rule, f.severity])).toEqual([["network-label-code", "mandatory"]]);
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

  it("judges the addresses DNS gives even when they did not answer a probe: an outside host that drops probes is not inside", () => {
    const facts = parseFacts({ schema: "spbe-observed-facts/2", observedAt: "2026-11-23T06:00:00Z", applications: [{ id: "web", hostname: "dinkes.contohkab.go.id", answeringFrom: ["203.0.113.5"], resolvedTo: ["203.0.113.5", "198.51.100.77"], reachable: true, source: "dns 127.0.0.1:53", observedAt: "2026-11-23T06:00:00Z" }] });
    const r = evaluate(load(compliantData()), { asOf: AS_OF, facts, rules: [ruleById("app-answers-from-dinas-blocks")] });
    expect(r.findings.map((f) => [f.subject.id, f.variant, f.params.address])).toEqual([["web", "resolves-outside", "198.51.100.77"]]);
    expect(r.findings[0]!.evidence.en).toContain("did not answer the probe");
    const inside = parseFacts({ schema: "spbe-observed-facts/2", observedAt: "2026-11-23T06:00:00Z", applications: [{ id: "web", answeringFrom: [], resolvedTo: ["203.0.113.5"], reachable: false, source: "dns", observedAt: "2026-11-23T06:00:00Z" }] });
    expect(evaluate(load(compliantData()), { asOf: AS_OF, facts: inside, rules: [ruleById("app-answers-from-dinas-blocks")] }).findings).toEqual([]);
  });

  it("does not compare the address of an application declared external under a valid exception", () => {
    const facts = parseFacts({ applications: [{ id: "oss", answeringFrom: ["192.0.2.50"] }] });
    const r = evaluate(load(compliantData()), { asOf: AS_OF, facts, rules: [ruleById("app-answers-from-dinas-blocks")] });
    expect(r.findings).toEqual([]);
  });

  it("is deterministic and takes the date as input", () => {
    const data = compliantData();
    appOf(data, "oss").website = false;
    appOf(data, "oss").placement.exception.expires = "2027-01-10";
    const inventory = load(data);
    const bt = { profiles: ["bt-7-2019"] as Profile[] };
    expect(JSON.stringify(evaluate(inventory, { asOf: AS_OF }))).toBe(JSON.stringify(evaluate(inventory, { asOf: AS_OF })));
    expect(evaluate(inventory, { asOf: new Date("2026-11-01T00:00:00Z"), ...bt }).findings).toEqual([]);
    expect(evaluate(inventory, { asOf: AS_OF, ...bt }).findings.map((f) => f.rule)).toEqual(["app-exception-expiring"]);
    expect(evaluate(inventory, { asOf: new Date("2027-01-11T00:00:00Z"), ...bt }).findings.map((f) => f.rule)).toContain("app-placement-dc");
  });

  it("scores an OPD down by its findings, advisories weighing a quarter", () => {
    const data = compliantFor("klaten-18-2018");
    delete appOf(data, "web").securityAssessment;
    const r = evaluate(load(data), { asOf: AS_OF, profiles: ["klaten-18-2018"] });
    const dinkes = r.opds.find((o) => o.opd === "dinkes")!;
    expect(dinkes.mandatory).toBe(1);
    expect(dinkes.score).toBeCloseTo(100 * (1 - 1 / dinkes.checks), 1);
    expect(r.opds.find((o) => o.opd === "diskominfo")!.score).toBe(100);
    expect(r.overall.score).toBeGreaterThan(100 * (1 - 1 / r.overall.checks)); // the rahasia simpeg's checks weigh double
  });

  it("weighs a finding by the classification of the data at stake: the same break on a rahasia system costs twice a public one", () => {
    const lose = (classification: string) => {
      const data = compliantFor("klaten-18-2018");
      appOf(data, "web").classification = classification;
      delete appOf(data, "web").securityAssessment;
      if (classification === "rahasia") appOf(data, "web").dr = { server: "drsrv", rpoMinutes: 60 };
      const dinkes = evaluate(load(data), { asOf: AS_OF, profiles: ["klaten-18-2018"] }).opds.find((o) => o.opd === "dinkes")!;
      expect(dinkes.mandatory).toBe(1);
      return dinkes;
    };
    const publik = lose("publik");
    const rahasia = lose("rahasia");
    expect(publik.predicate).toBe("tidak-memenuhi");
    expect(rahasia.predicate).toBe("tidak-memenuhi");
    expect(rahasia.score).toBeLessThan(publik.score);
  });
});

// Each row of issue 14's audit, at the boundary of its article: the case the old rule got wrong.
describe("the articles' boundaries (issue 14)", () => {
  const findingsOf = (data: any, profiles: Profile[], ruleIds?: string[]) =>
    evaluate(load(data), { asOf: AS_OF, profiles, ...(ruleIds ? { rules: ruleIds.map(ruleById) } : {}) }).findings.map((f) => `${f.severity} ${f.rule} ${f.opd} ${f.subject.id} ${f.variant}`);

  it("bt-7-2019: an OPD's duty to provide ICT staff is Pasal 16 (2); the decree is 16 (6)", () => {
    expect(ruleById("opd-pengelola-tik").citations.filter((c) => c.profile === "bt-7-2019").map(formatCitation)).toEqual(["bt-7-2019 Pasal 16 (2)"]);
    expect(ruleById("opd-pengelola-decree").citations.filter((c) => c.profile === "bt-7-2019").map(formatCitation)).toEqual(["bt-7-2019 Pasal 16 (6)"]);
  });

  it("an assessment has no expiry in either Perda: one 2 years old still counts", () => {
    const data = compliantData();
    appOf(data, "web").securityAssessment.date = "2024-11-01";
    expect(findingsOf(data, ["bt-7-2019"], ["app-function-assessment", "app-security-assessment"])).toEqual([]);
    expect(findingsOf(compliantFor("klaten-18-2018"), ["klaten-18-2018"], ["app-function-assessment", "app-security-assessment"])).toEqual([]);
  });

  it("the exception-expiry warning is bt-7-2019 only (klaten-18-2018 Pasal 14 (2) says nothing of exceptions)", () => {
    const data = compliantData();
    appOf(data, "oss").placement.exception.expires = "2026-12-23";
    expect(findingsOf(data, ["klaten-18-2018"], ["app-exception-expiring"])).toEqual([]);
    expect(findingsOf(data, ["bt-7-2019"], ["app-exception-expiring"])).toEqual(["advisory app-exception-expiring dinkes oss expiring"]);
  });

  it("the quota is a power of the Dinas ('berwenang'): advice booked to the Dinas, not a mandatory finding of the OPD", () => {
    const data = compliantData();
    data.bandwidth.quotas = data.bandwidth.quotas.filter((q: any) => q.opd !== "dinkes");
    expect(findingsOf(data, ["klaten-18-2018"], ["opd-quota"])).toEqual(["advisory opd-quota diskominfo dinkes none"]);
    expect(findingsOf(data, ["bt-7-2019"], ["opd-quota"])).toEqual(["advisory opd-quota diskominfo dinkes none"]);
  });

  it("klaten-18-2018 Pasal 9 (2) a lists the recovery site; a missing replica is advice, a missing site is mandatory", () => {
    const data = compliantFor("klaten-18-2018");
    delete appOf(data, "simpeg").dr;
    expect(findingsOf(data, ["klaten-18-2018"], ["app-dr-replica"])).toEqual(["advisory app-dr-replica diskominfo simpeg none"]);
    expect(ruleById("dc-and-recovery-site").severity).toBe("mandatory");
  });

  it("bt-7-2019 Pasal 19 (4) is a specific permission: a website rented in Indonesia from an Indonesian company needs no 15 (2) statement; Klaten has no such permission", () => {
    const data = compliantData();
    delete appOf(data, "oss").placement.exception;
    expect(findingsOf(data, ["bt-7-2019"], ["app-placement-dc", "website-hosting-indonesia"])).toEqual([]);
    expect(findingsOf(data, ["klaten-18-2018"], ["app-placement-dc"])).toEqual(["mandatory app-placement-dc dinkes oss outside-dc-no-route"]);
    // Rented abroad: 19 (4) is not met, so 15 applies in full as well.
    appOf(data, "oss").placement.country = "SG";
    expect(findingsOf(data, ["bt-7-2019"], ["app-placement-dc", "website-hosting-indonesia"])).toEqual([
      "mandatory app-placement-dc dinkes oss no-exception",
      "mandatory website-hosting-indonesia dinkes oss abroad",
    ]);
  });

  it("the remediation offers only the routes of the Perda judged: no statement for Klaten, the statement and rented website for Barito Timur", () => {
    const remediation = (profiles: Profile[]) => evaluate(load(compliantData()), { asOf: AS_OF, profiles, rules: [ruleById("app-placement-dc")] }).rules[0]!.remediation.en;
    expect(remediation(["klaten-18-2018"])).not.toMatch(/guarantee|statement|bt-7-2019/);
    expect(remediation(["klaten-18-2018"])).toContain("no exception route");
    expect(remediation(["bt-7-2019"])).toContain("Pasal 15 (2)");
    expect(remediation(["bt-7-2019"])).toContain("Pasal 19 (4)");
    expect(remediation(["bt-7-2019"])).not.toContain("klaten");
    expect(remediation(["bt-7-2019", "klaten-18-2018"])).toContain("klaten-18-2018 Pasal 14 knows no exception");
  });

  it("under both Perda an application must satisfy both: a valid statement still fails Klaten's Pasal 14 (1)", () => {
    const data = compliantData();
    appOf(data, "oss").website = false;
    expect(findingsOf(data, ["bt-7-2019"], ["app-placement-dc"])).toEqual([]);
    expect(findingsOf(data, ["bt-7-2019", "klaten-18-2018"], ["app-placement-dc"])).toEqual(["mandatory app-placement-dc dinkes oss outside-dc-no-route"]);
  });

  it("a national application recorded truthfully (hosted by its agency, no OPD documents or source) gives no finding under either Perda", () => {
    for (const profile of ["bt-7-2019", "klaten-18-2018"] as Profile[]) {
      const data = compliantFor(profile);
      data.applications.push(nationalApp());
      expect(findingsOf(data, [profile]), profile).toEqual([]);
    }
  });

  it("managers: a PPPK is ASN (bt-7-2019 Pasal 16 (1)) but not a PNS (klaten-18-2018 Pasal 18 (2)); a plain PNS needs ICT competence in Klaten", () => {
    const data = compliantData();
    data.opds[1].pengelolaTik[0].status = "pppk";
    expect(findingsOf(data, ["bt-7-2019"], ["opd-pengelola-asn"])).toEqual([]);
    expect(findingsOf(data, ["klaten-18-2018"], ["opd-pengelola-asn"])).toEqual(["mandatory opd-pengelola-asn dinkes dinkes unqualified"]);
    data.opds[1].pengelolaTik[0].status = "pns";
    expect(findingsOf(data, ["bt-7-2019"], ["opd-pengelola-asn"])).toEqual([]);
    expect(findingsOf(data, ["klaten-18-2018"], ["opd-pengelola-asn"])).toEqual(["mandatory opd-pengelola-asn dinkes dinkes unqualified"]);
    data.opds[1].pengelolaTik[0].status = "pns-tik";
    expect(findingsOf(data, ["bt-7-2019", "klaten-18-2018"], ["opd-pengelola-asn"])).toEqual([]);
  });

  it("development: Klaten 12 (2) asks a recommendation for every OPD system; Barito Timur 13 (8) only for aplikasi khusus; never for the Dinas's own", () => {
    const data = compliantData();
    appOf(data, "web").kind = "umum";
    delete appOf(data, "web").development;
    delete appOf(data, "simpeg").development; // the Dinas's own: not judged
    expect(findingsOf(data, ["bt-7-2019"], ["app-development-dinas"])).toEqual([]);
    expect(findingsOf(data, ["klaten-18-2018"], ["app-development-dinas"])).toEqual(["mandatory app-development-dinas dinkes web none"]);
  });

  it("site control is a power of the Dinas ('berwenang'): advice, like the quota", () => {
    expect(ruleById("opd-site-control").severity).toBe("advisory");
    expect(ruleById("master-plan-review").severity).toBe("advisory"); // "dapat ditinjau kembali"
    expect(ruleById("master-plan-valid").severity).toBe("mandatory"); // "berlaku 5 (lima) tahun"
  });

  it("yearly evaluation: due one year after the previous one, recorded or the previous report's date; none known, nothing judged", () => {
    const data = compliantData();
    data.governance.evaluations = [];
    const run = (previousAsOf?: string) =>
      evaluate(load(data), { asOf: AS_OF, profiles: ["bt-7-2019"], rules: [ruleById("yearly-evaluation")], ...(previousAsOf ? { previousAsOf } : {}) });
    expect(run().rules[0]!.checked).toBe(0);
    expect(run("2025-11-23").findings).toEqual([]); // exactly a year: on time
    expect(run("2025-11-22").findings.map((f) => [f.variant, f.params.due, f.params.days])).toEqual([["overdue", "2026-11-22", 1]]);
    data.governance.evaluations = [{ ref: "EVAL/2024", date: "2024-10-01" }];
    expect(run("2026-01-15").findings).toEqual([]); // the later of the two counts
  });

  it("bt-7-2019 Pasal 17 (8) reaches only serious failures caused by another party; an unregistered outage is advice", () => {
    for (const change of [{ cause: "internal" }, { cause: "unknown" }, { serious: false }]) {
      const data = compliantData();
      delete data.incidents[0].report;
      Object.assign(data.incidents[0], change);
      expect(findingsOf(data, ["bt-7-2019"], ["incident-reported"]), JSON.stringify(change)).toEqual([]);
    }
    expect(ruleById("outage-registered").severity).toBe("advisory");
    // An incident still open (no end) covers an outage that began after it.
    const open = compliantData();
    delete open.incidents[0].end;
    const facts = availabilityFacts({ start: "2026-11-15T01:00:00Z", end: "2026-11-15T09:00:00Z", seconds: 8 * 3600 });
    expect(evaluate(load(open), { asOf: AS_OF, profiles: ["bt-7-2019"], facts, rules: [ruleById("outage-registered")] }).findings).toEqual([]);
  });

  it("procurement (klaten-18-2018 Pasal 8 (4)) is verified by the Dinas for the OPDs: its own, applications and devices alike, are not judged", () => {
    const data = compliantFor("klaten-18-2018");
    delete appOf(data, "simpeg").procurement.verificationRef; // the Dinas's own application
    data.devices.find((x: any) => x.id === "srv1").procurement = { year: 2025 }; // the Dinas's own server
    expect(findingsOf(data, ["klaten-18-2018"], ["app-procurement-verified", "device-procurement-verified"])).toEqual([]);
    delete appOf(data, "web").procurement.verificationRef; // an OPD's
    expect(findingsOf(data, ["klaten-18-2018"], ["app-procurement-verified", "device-procurement-verified"])).toEqual(["mandatory app-procurement-verified dinkes web unverified"]);
  });

  it("the backbone (klaten-18-2018 Pasal 9 (1), (2) b) is provided to every PD by the Pemda: booked to the Dinas, the Dinas itself not judged, and not a Barito Timur duty", () => {
    const data = compliantFor("klaten-18-2018");
    data.links = [];
    const r = evaluate(load(data), { asOf: AS_OF, profiles: ["klaten-18-2018"], rules: [ruleById("opd-backbone-connected")] });
    expect(r.rules[0]!.checked).toBe(data.opds.length - 1);
    expect(r.findings.map((f) => `${f.opd} ${f.subject.id}`)).toEqual(["diskominfo dinkes"]);
    expect(evaluate(load(data), { asOf: AS_OF, profiles: ["bt-7-2019"] }).rules.map((x) => x.id)).not.toContain("opd-backbone-connected");
  });

  it("a national application with confidential data is still reached over the Dinas network (bt-7-2019 Pasal 18)", () => {
    const data = compliantData();
    data.applications.push(nationalApp({ placement: { ...nationalApp().placement, network: "internet" } }));
    expect(findingsOf(data, ["bt-7-2019"], ["app-confidential-dinas"])).toEqual(["mandatory app-confidential-dinas diskominfo siasn network"]);
  });
});
