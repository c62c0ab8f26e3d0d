// HTTP(S) probes against real web servers in a network namespace this test creates: sites inside the
// barito-timur Dinas block (203.0.113.0/24) and outside every Dinas block (198.51.100.128/25: the
// example's recovery block is 198.51.100.0/26; 192.0.2.0/24 is avoided because this machine's own
// network may use it), certificates made by
// openssl (valid from a test CA, expired, self-signed, for another name), an address that refuses
// and one that swallows packets. The native probe's facts are asserted per case; then the real
// prometheus-blackbox-exporter, configured by observe/blackbox-config.ts, must give the same facts
// through `blackboxUrl`; then a real Prometheus scraping the exporter with the generated probe jobs
// must show probe_success per application.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeFactSchema, type ProbeFact } from "../../facts/schema";
import { inventoryProbeTargets, probeScrapeJobs, renderBlackboxConfig } from "../../observe/blackbox-config";
import { probeTargets, type ProbeTarget } from "../../observe/http-probe";
import { stringify } from "yaml";
import { loadInventoryOrThrow } from "../../inventory/load";
import { createWebTestbed, type WebTestbed } from "../../testkit/observe/web-testbed";
import { checkBlackboxConfig, startBlackbox, type BlackboxHandle } from "../../testkit/servers/blackbox";
import { startPrometheus, type PrometheusHandle } from "../../testkit/servers/prometheus";
import { waitFor } from "../../testkit/servers/common";

// Names of the barito-timur example's applications; addresses chosen for this file alone
// (.180-.183), so a parallel test bed on other addresses of the same ranges does not collide.
const SITES = [
  { name: "www.baritotimurkab.go.id", address: "203.0.113.180", https: "valid", app: "portal" },
  { name: "satudata.baritotimurkab.go.id", address: "203.0.113.181", https: "expired", app: "satudata" },
  { name: "ppid.baritotimurkab.go.id", address: "203.0.113.182", https: "self-signed", app: "ppid" },
  { name: "srikandi.baritotimurkab.go.id", address: "198.51.100.180", https: "wrong-name", status: 404, app: "srikandi" },
  { name: "jdih.baritotimurkab.go.id", address: "198.51.100.181", https: "valid", app: "jdih" },
] as const;
const REFUSING = { name: "sipd.baritotimurkab.go.id", address: "203.0.113.183" };
const SILENT = { name: "simpeg.baritotimurkab.go.id", address: "198.51.100.182" };
const TIMEOUT_MS = 1500;

let bed: WebTestbed;
let blackbox: BlackboxHandle;
let prometheus: PrometheusHandle | undefined;

beforeAll(async () => {
  bed = await createWebTestbed({
    sites: [...SITES.map((s) => ({ name: s.name, address: s.address, https: s.https, status: "status" in s ? s.status : 200 })), { ...REFUSING, http: false }],
    silent: [SILENT.address],
  });
  blackbox = await startBlackbox(renderBlackboxConfig({ caFile: bed.caFile, timeoutSeconds: 5 }));
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await blackbox?.stop();
  await bed?.destroy();
  // The teardown leaves nothing behind: no namespace, no host veth, no route to the site addresses.
  if (bed) {
    expect(execFileSync("ip", ["netns", "list"], { encoding: "utf8" })).not.toContain(bed.ns);
    expect(execFileSync("ip", ["route", "show"], { encoding: "utf8" })).not.toMatch(/203\.0\.113\.18\d|198\.51\.100\.18\d/);
  }
});

const targets: ProbeTarget[] = [
  ...SITES.flatMap((s) => [
    { name: s.name, address: s.address, scheme: "https" as const, port: 443 },
    { name: s.name, address: s.address, scheme: "http" as const, port: 80 },
  ]),
  { ...REFUSING, scheme: "https", port: 443 },
  { ...SILENT, scheme: "https", port: 443 },
];
const find = (facts: ProbeFact[], name: string, scheme: "http" | "https") => {
  const f = facts.find((x) => x.name === name && x.scheme === scheme);
  if (!f) throw new Error(`no ${scheme} fact for ${name}`);
  return f;
};

let nativeFacts: ProbeFact[];

describe("the native probe", () => {
  it("tells valid, expired, self-signed and misnamed certificates apart and still reads the status", async () => {
    nativeFacts = await probeTargets(targets, { timeoutMs: TIMEOUT_MS, concurrency: 4, caFile: bed.caFile });
    expect(nativeFacts).toHaveLength(targets.length);
    for (const f of nativeFacts) expect(probeFactSchema.safeParse(f).error).toBeUndefined();

    const portal = find(nativeFacts, "www.baritotimurkab.go.id", "https");
    expect(portal).toMatchObject({ reachable: true, status: 200, address: "203.0.113.180", source: "spbe http probe" });
    expect(portal.tls).toMatchObject({ valid: true, subject: "CN=www.baritotimurkab.go.id", issuer: "CN=SPBE Test CA,O=SPBE Test" });
    expect(Date.parse(portal.tls!.notAfter!)).toBeGreaterThan(Date.now());
    expect(portal.tls!.error).toBeUndefined();

    const expired = find(nativeFacts, "satudata.baritotimurkab.go.id", "https");
    expect(expired).toMatchObject({ reachable: true, status: 200, tls: { valid: false, error: { code: "tls-expired" } } });
    expect(expired.tls!.notAfter).toBe("2024-02-01T00:00:00.000Z");

    const selfSigned = find(nativeFacts, "ppid.baritotimurkab.go.id", "https");
    expect(selfSigned).toMatchObject({ reachable: true, status: 200, tls: { valid: false, error: { code: "tls-self-signed" } } });
    expect(selfSigned.tls!.subject).toBe(selfSigned.tls!.issuer);

    const misnamed = find(nativeFacts, "srikandi.baritotimurkab.go.id", "https");
    expect(misnamed).toMatchObject({ reachable: true, status: 404, tls: { valid: false, error: { code: "tls-name-mismatch" } } });

    const outside = find(nativeFacts, "jdih.baritotimurkab.go.id", "https");
    expect(outside).toMatchObject({ reachable: true, status: 200, address: "198.51.100.181", tls: { valid: true } });

    for (const s of SITES) expect(find(nativeFacts, s.name, "http")).toMatchObject({ reachable: true, status: "status" in s ? s.status : 200 });
    expect(find(nativeFacts, SITES[0].name, "http").tls).toBeUndefined();

    expect(find(nativeFacts, REFUSING.name, "https")).toMatchObject({ reachable: false, error: { code: "connection-refused" } });
    const silent = find(nativeFacts, SILENT.name, "https");
    expect(silent).toMatchObject({ reachable: false, error: { code: "timeout" } });
    expect(silent.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
  }, 30_000);

  it("without the test CA, a certificate the CA signed is untrusted (verification is never weakened)", async () => {
    const [fact] = await probeTargets([{ name: SITES[0].name, address: SITES[0].address, scheme: "https", port: 443 }], { timeoutMs: TIMEOUT_MS, concurrency: 1 });
    expect(fact).toMatchObject({ reachable: true, status: 200, tls: { valid: false, error: { code: "tls-untrusted" } } });
  });
});

describe("the blackbox exporter", () => {
  it("accepts the generated configuration (--config.check)", async () => {
    const check = await checkBlackboxConfig(renderBlackboxConfig({ caFile: bed.caFile }));
    expect(check).toMatchObject({ ok: true });
    const bad = await checkBlackboxConfig("modules:\n  x: {prober: http, http: {no_such_field: 1}}\n");
    expect(bad.ok).toBe(false);
    expect(bad.output).toMatch(/no_such_field/);
  });

  it("gives the same facts as the native probe through blackboxUrl", async () => {
    const viaBlackbox = await probeTargets(targets, { timeoutMs: TIMEOUT_MS + 1000, concurrency: 4, blackboxUrl: blackbox.url });
    expect(viaBlackbox).toHaveLength(targets.length);
    for (const f of viaBlackbox) expect(probeFactSchema.safeParse(f).error).toBeUndefined();
    for (const t of targets) {
      const b = find(viaBlackbox, t.name, t.scheme);
      const n = find(nativeFacts, t.name, t.scheme);
      expect(b.source).toBe(`blackbox ${blackbox.url}`);
      const same = (f: ProbeFact) => ({
        reachable: f.reachable,
        status: f.status,
        tlsValid: f.tls?.valid,
        tlsError: f.tls?.error?.code,
        subject: f.tls?.subject,
        issuer: f.tls?.issuer,
        notAfter: f.tls?.notAfter,
        error: f.error?.code,
      });
      expect(same(b), `${t.scheme}://${t.name} (${t.address}): ${JSON.stringify(b.error ?? b.tls?.error)}`).toEqual(same(n));
    }
  }, 30_000);

  it("reports an exporter that does not answer as such, not as the site failing", async () => {
    const [fact] = await probeTargets([targets[0]!], { timeoutMs: 500, concurrency: 1, blackboxUrl: "http://127.0.0.1:1" });
    expect(fact).toMatchObject({ reachable: false, error: { code: "blackbox-unavailable" } });
  });
});

describe("Prometheus scraping the exporter with the generated probe jobs", () => {
  it("has probe_success per application, 1 where the certificate is valid", async () => {
    const inv = loadInventoryOrThrow("examples/barito-timur/inventory.yaml");
    const addressOf = new Map<string, string>(SITES.map((s) => [s.name, s.address]));
    const probed = inventoryProbeTargets(inv).filter((t) => addressOf.has(t.name));
    expect(probed.map((t) => t.application).sort()).toEqual(SITES.map((s) => s.app).sort());
    const jobs = probeScrapeJobs(probed, { exporter: blackbox.address, addressOf: (n) => addressOf.get(n), scrapeInterval: "1s", scrapeTimeout: "1s" });
    prometheus = await startPrometheus({ configYaml: stringify({ global: { scrape_interval: "1s" }, scrape_configs: jobs }) });
    const series = await waitFor("probe_success for every application", async () => {
      const r = await prometheus!.query("probe_success");
      return r.length === SITES.length ? r : undefined;
    }, 20_000, 250);
    const byApp = new Map(series.map((s) => [s.metric.application, s]));
    for (const s of SITES) {
      const got = byApp.get(s.app);
      expect(got?.metric).toMatchObject({ opd: expect.any(String), hostname: s.name, instance: `https://${s.address}:443/`, job: "spbe-probe-https" });
      // https_2xx verifies the certificate and wants a 2xx: only the valid, answering sites succeed.
      expect(got?.value[1], s.app).toBe(s.https === "valid" && !("status" in s) ? "1" : "0");
    }
    expect(byApp.get("srikandi")?.metric.opd).toBe("setda");
  }, 40_000);
});
