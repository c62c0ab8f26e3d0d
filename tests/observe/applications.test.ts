// The pure parts of the observation: which names are asked, how a DNS server is written, and how names
// and HTTP(S) probe facts combine into facts per application.
import { describe, expect, it } from "vitest";
import type { NameFact, ProbeFact } from "../../facts/schema";
import { parseDnsServer } from "../../inventory/dns-server";
import { applicationFacts } from "../../observe/applications";
import { namesToAsk, parseWordlist } from "../../observe/dns/names";
import { probeTargetsOf } from "../../observe/probe-targets";
import { compliantData, load } from "../policies/fixtures";

const inv = load(compliantData());
const at = "2026-11-23T06:00:00.000Z";
const name = (n: string, addresses: string[], extra: Partial<NameFact> = {}): NameFact => ({ name: n, resolver: "127.0.0.1:53", discoveredBy: "inventory", addresses, source: "dns 127.0.0.1:53", observedAt: at, ...extra });
const probe = (n: string, address: string, scheme: "http" | "https", reachable: boolean, extra: Partial<ProbeFact> = {}): ProbeFact => ({
  name: n, address, scheme, port: scheme === "https" ? 443 : 80, reachable, source: "blackbox http://127.0.0.1:9115", observedAt: "2026-11-23T06:00:05.000Z", ...extra,
});

describe("names to ask", () => {
  it("asks each name once: the inventory's first, then the transfer's, then the wordlist's", () => {
    const asked = namesToAsk(inv, { transferred: ["dinkes.contohkab.go.id", "sewa.contohkab.go.id"], wordlist: ["www", "sewa", "x.y", "oss.contohkab.go.id"] });
    const by = new Map(asked.map((a) => [a.name, a.discoveredBy]));
    expect(asked.length).toBe(by.size);
    expect(by.get("dinkes.contohkab.go.id")).toBe("inventory");
    expect(by.get("oss.contohkab.go.id")).toBe("inventory");
    expect(by.get("dns.contohkab.go.id")).toBe("inventory"); // the public-IP service "dns"
    expect(by.get("contohkab.go.id")).toBe("inventory");
    expect(by.get("sewa.contohkab.go.id")).toBe("zone-transfer");
    expect(by.get("www.contohkab.go.id")).toBe("wordlist");
    expect(by.get("x.y.contohkab.go.id")).toBe("wordlist");
  });

  it("the built-in wordlist asks for the wildcard record itself", () => {
    expect(namesToAsk(inv, {}).some((a) => a.name === "*.contohkab.go.id" && a.discoveredBy === "wordlist")).toBe(true);
    expect(parseWordlist("# common\nwww\n\n  mail  # the MX\r\n")).toEqual(["www", "mail"]);
  });

  it("reads a DNS server as an address and port, never a host name", () => {
    expect(parseDnsServer("127.0.0.1:5353")).toEqual({ host: "127.0.0.1", port: 5353 });
    expect(parseDnsServer("203.0.113.2")).toEqual({ host: "203.0.113.2", port: 53 });
    expect(parseDnsServer("[2001:db8::53]:53")).toEqual({ host: "2001:db8::53", port: 53 });
    expect(parseDnsServer("2001:db8::53")).toEqual({ host: "2001:db8::53", port: 53 });
    for (const bad of ["ns1.example.org", "ns1.example.org:53", "127.0.0.1:0", "127.0.0.1:65536", "1234", "127.1:53", ""]) expect(parseDnsServer(bad), bad).toBeUndefined();
  });
});

describe("facts per application", () => {
  it("without probes: the addresses DNS gave, reachability unknown; a name without address carries its reason", () => {
    const facts = applicationFacts(inv, [name("dinkes.contohkab.go.id", ["203.0.113.5", "2001:db8::5"]), name("SIMPEG.contohkab.go.id.", [], { error: { code: "nxdomain", message: "ENOTFOUND" } })], []);
    expect(facts).toEqual([
      { id: "web", hostname: "dinkes.contohkab.go.id", answeringFrom: ["203.0.113.5", "2001:db8::5"], resolvedTo: ["203.0.113.5", "2001:db8::5"], source: "dns 127.0.0.1:53", observedAt: at },
      { id: "simpeg", hostname: "simpeg.contohkab.go.id", answeringFrom: [], reachable: false, error: { code: "nxdomain", message: "ENOTFOUND" }, source: "dns 127.0.0.1:53", observedAt: at },
    ]);
  });

  it("a resolver that did not answer leaves reachability unknown: the failure is the observation's, not the application's", () => {
    const [fact] = applicationFacts(inv, [name("dinkes.contohkab.go.id", [], { error: { code: "timeout", message: "queryA ETIMEOUT" } })], []);
    expect(fact).toMatchObject({ id: "web", answeringFrom: [], error: { code: "timeout" } });
    expect(fact!.reachable).toBeUndefined();
  });

  it("with probes: only the addresses that answered, the invalid certificate first, the probe's source and time", () => {
    const names = [name("dinkes.contohkab.go.id", ["203.0.113.5", "198.51.100.9"])];
    const expired = { valid: false, error: { code: "tls-expired", message: "certificate has expired" } };
    const probes = [
      probe("dinkes.contohkab.go.id", "203.0.113.5", "https", true, { status: 200, tls: { valid: true } }),
      probe("dinkes.contohkab.go.id", "198.51.100.9", "https", true, { status: 200, tls: expired }),
      probe("dinkes.contohkab.go.id", "198.51.100.9", "http", false, { error: { code: "connection-refused", message: "ECONNREFUSED" } }),
      probe("dinkes.contohkab.go.id", "192.0.2.1", "https", true), // an address DNS no longer gives
    ];
    const [fact] = applicationFacts(inv, names, probes);
    expect(fact).toMatchObject({ id: "web", answeringFrom: ["203.0.113.5", "198.51.100.9"], reachable: true, tls: expired, observedAt: "2026-11-23T06:00:05.000Z" });
    expect(fact!.source).toBe("dns 127.0.0.1:53; blackbox http://127.0.0.1:9115");
    expect(fact!.error).toBeUndefined();
  });

  it("with probes that all failed: not reachable, nothing answering, the probe's reason", () => {
    const [fact] = applicationFacts(inv, [name("dinkes.contohkab.go.id", ["203.0.113.5"])], [probe("dinkes.contohkab.go.id", "203.0.113.5", "https", false, { error: { code: "timeout", message: "t" } })]);
    expect(fact).toMatchObject({ answeringFrom: [], reachable: false, error: { code: "timeout" } });
  });

  it("probe targets: each resolved address of each application over HTTPS and HTTP", () => {
    const targets = probeTargetsOf(inv, [name("dinkes.contohkab.go.id", ["203.0.113.5"]), name("toko.contohkab.go.id", ["192.0.2.7"])]);
    expect(targets).toEqual([
      { name: "dinkes.contohkab.go.id", address: "203.0.113.5", scheme: "https", port: 443 },
      { name: "dinkes.contohkab.go.id", address: "203.0.113.5", scheme: "http", port: 80 },
    ]);
  });
});
