// The blackbox exporter's configuration and the probe jobs, from the example inventories (pure), and
// the small pieces the probes stand on: the exposition reader and the failure reasons.
import { describe, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../inventory/load";
import { blackboxConfig, inventoryProbeTargets, probeScrapeJobs, probeUrl } from "../../observe/blackbox-config";
import { parseExposition } from "../../observe/exposition";
import { probeError } from "../../observe/probe-blackbox";
import { connectReasonFromGo, tlsReasonFromGo } from "../../observe/probe-reasons";

describe.each(["barito-timur", "klaten"])("the %s probe targets", (example) => {
  const inv = loadInventoryOrThrow(`examples/${example}/inventory.yaml`);
  const targets = inventoryProbeTargets(inv);
  const domain = inv.meta.domain;

  it("list every application hostname and OPD subdomain under the domain, and nothing outside it", () => {
    const names = new Set(targets.map((t) => t.name));
    const inZone = (h: string) => h === domain || h.endsWith(`.${domain}`);
    for (const a of inv.applications) if (a.hostname) expect(names.has(a.hostname.toLowerCase())).toBe(inZone(a.hostname.toLowerCase()));
    for (const o of inv.opds) if (o.subdomain && inZone(o.subdomain)) expect(names.has(o.subdomain.toLowerCase())).toBe(true);
    for (const t of targets) expect(inZone(t.name)).toBe(true);
    for (const t of targets.filter((x) => x.application)) expect(t.opd).toBe(inv.applications.find((a) => a.id === t.application)!.opd);
  });

  it("become scrape jobs with the blackbox relabeling, one job per module", () => {
    const jobs = probeScrapeJobs(targets, { exporter: "blackbox:9115" });
    const all = jobs.flatMap((j) => j.static_configs);
    expect(all).toHaveLength(targets.length);
    for (const j of jobs) {
      expect(j.params.module).toHaveLength(1);
      expect(j.relabel_configs.map((r) => r.target_label)).toEqual(["__param_target", "__param_hostname", "instance", "__address__"]);
    }
    const first = targets[0]!;
    expect(all.find((c) => c.labels.hostname === first.name)!.targets).toEqual([probeUrl(first.scheme, first.name, first.port)]);
  });
});

describe("the blackbox configuration", () => {
  it("verifies certificates in https_2xx (with the extra CA) and reads any certificate in https_any_cert", () => {
    const m = blackboxConfig({ caFile: "/etc/ssl/dinas-ca.pem" }).modules;
    expect(m.https_2xx.http.tls_config).toEqual({ ca_file: "/etc/ssl/dinas-ca.pem" });
    expect(m.https_any_cert.http.tls_config).toMatchObject({ insecure_skip_verify: true });
    expect(m.http_2xx.prober).toBe("http");
  });

  it("probes an address by URL, IPv6 in brackets", () => {
    expect(probeUrl("https", "2001:db8::10", 443)).toBe("https://[2001:db8::10]:443/");
    expect(probeUrl("http", "203.0.113.10", 80)).toBe("http://203.0.113.10:80/");
  });
});

describe("reading the exporter", () => {
  it("parses samples with escaped label values and skips comments", () => {
    const s = parseExposition('# HELP x y\nprobe_success 1\nprobe_ssl_last_chain_info{issuer="CN=a \\"b\\"",subject="CN=c,O=d"} 1\nprobe_ssl_earliest_cert_expiry 1.7e+09\n');
    expect(s).toEqual([
      { name: "probe_success", labels: {}, value: 1 },
      { name: "probe_ssl_last_chain_info", labels: { issuer: 'CN=a "b"', subject: "CN=c,O=d" }, value: 1 },
      { name: "probe_ssl_earliest_cert_expiry", labels: {}, value: 1.7e9 },
    ]);
  });

  it("takes the first logged error and names its reason", () => {
    const log = 'ts=1 level=info msg="Beginning probe"\nts=2 level=error msg="Error for HTTP request" err="Get \\"https://x/\\": x509: certificate is valid for other.x, not x"\nts=3 level=error msg="Probe failed"\n';
    const why = probeError(log)!;
    expect(why).toBe('Get "https://x/": x509: certificate is valid for other.x, not x');
    expect(tlsReasonFromGo(why, false)).toBe("tls-name-mismatch");
    expect(tlsReasonFromGo("x509: certificate signed by unknown authority", true)).toBe("tls-self-signed");
    expect(tlsReasonFromGo("x509: certificate signed by unknown authority", false)).toBe("tls-untrusted");
    expect(connectReasonFromGo('dial tcp 192.0.2.1:443: connect: connection refused')).toBe("connection-refused");
    expect(connectReasonFromGo("context deadline exceeded")).toBe("timeout");
  });
});
