import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { LABEL } from "../../inventory/labels";
import { renderDnsZone } from "../../infra/planning/dns";
import { dockerHostsFor, DockerHostError } from "../../infra/planning/docker-hosts";
import { chooseMonitoringHost, collectorModulePath, placeBuildFile, planMonitoring, MonitoringPlanError } from "../../infra/planning/monitoring";
import { planPlacements, PlacementPlanError } from "../../infra/planning/placements";
import { planPublicIps } from "../../infra/planning/public-ips";
import { baseInventory, load } from "./fixtures";

const inv = load(baseInventory());
const allocations = planPublicIps(inv);
const addressOf = (id: string) => allocations.find((a) => a.id === id)!.address;
const plan = planPlacements(inv, allocations);
const container = (resourceName: string) => plan.containers.find((c) => c.resourceName === resourceName)!;

describe("planPlacements", () => {
  it.each([
    { name: "web", server: "srv-a", site: "dc", role: "primary", start: true, restart: "unless-stopped" },
    { name: "web-dr", server: "dr-a", site: "drc", role: "dr-replica", start: true, restart: "unless-stopped" },
    { name: "sim", server: "srv-b", site: "dc", role: "primary", start: true, restart: "unless-stopped" },
    { name: "sim-dr", server: "dr-a", site: "drc", role: "dr-replica", start: false, restart: "no" },
    { name: "geo", server: "srv-a", site: "dc", role: "primary", start: true, restart: "unless-stopped" },
    { name: "internal", server: "srv-b", site: "dc", role: "primary", start: true, restart: "unless-stopped" },
  ])("$name runs on $server at $site as $role (started: $start)", ({ name, server, site, role, start, restart }) => {
    const c = container(name);
    expect(c).toMatchObject({ server, site, role, start, restart });
    expect(c.labels[LABEL.server]).toBe(server);
    expect(c.labels[LABEL.site]).toBe(site);
    expect(c.labels[LABEL.role]).toBe(role);
  });

  it("every DC application has exactly one primary; DR replicas only where the inventory asks", () => {
    expect(plan.containers.map((c) => c.resourceName).sort()).toEqual(["geo", "internal", "sim", "sim-dr", "web", "web-dr"]);
    expect(new Set(plan.containers.map((c) => c.containerName)).size).toBe(plan.containers.length);
    expect(new Set(plan.containers.map((c) => c.networkName)).size).toBe(plan.containers.length);
  });

  it("ports are published on the application's allocated address only", () => {
    expect(container("web").ports).toEqual([{ internal: 8080, external: 443, protocol: "tcp", ip: "203.0.113.10" }]);
    expect(container("sim").ports).toEqual([
      { internal: 80, external: 80, protocol: "tcp", ip: addressOf("ip-sim") },
      { internal: 53, external: 53, protocol: "udp", ip: addressOf("ip-sim") },
    ]);
    expect(container("geo").ports[0]!.ip).toBe(addressOf("ip-geo"));
    // No allocation: nothing published (not on 0.0.0.0), the port stays on the container's network.
    expect(container("internal").ports).toEqual([]);
    expect(container("internal").unpublishedPorts).toEqual([9000]);
    // The replica publishes nothing: failover moves the address.
    expect(container("web-dr").ports).toEqual([]);
  });

  it("labels carry the facts a policy needs without the inventory", () => {
    expect(container("web").labels).toEqual({
      [LABEL.application]: "web",
      [LABEL.opd]: "diskominfo",
      [LABEL.classification]: "publik",
      [LABEL.network]: "dinas",
      [LABEL.role]: "primary",
      [LABEL.placement]: "datacenter",
      [LABEL.dinasBlocks]: "203.0.113.0/24,2001:db8:9::/48",
      [LABEL.website]: "false",
      [LABEL.profiles]: "bt-7-2019",
      [LABEL.site]: "dc",
      [LABEL.siteKind]: "datacenter",
      [LABEL.siteManager]: "dinas",
      [LABEL.hostname]: "www.ujikab.go.id",
      [LABEL.server]: "srv-a",
      [LABEL.publicIp]: "203.0.113.10",
    });
    expect(container("sim-dr").labels).toMatchObject({ [LABEL.siteKind]: "recovery", [LABEL.drMode]: "standby", [LABEL.rpoMinutes]: "15" });
    expect(container("sim-dr").labels[LABEL.publicIp]).toBeUndefined();
  });

  it("a healthcheck probes the first TCP port", () => {
    expect(container("web").healthcheck!.tests).toEqual(["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1"]);
  });

  it("applications the Dinas does not run become records with the same kind of labels", () => {
    expect(plan.records.map((r) => [r.application, r.placement, r.where])).toEqual([
      ["simrs", "opd-server", "rsud-srv"],
      ["cloud", "external", "Acme (SG)"],
    ]);
    const simrs = plan.records[0]!.labels;
    expect(simrs).toMatchObject({
      [LABEL.siteKind]: "opd-office",
      [LABEL.siteManager]: "rsud",
      [LABEL.network]: "opd",
      [LABEL.exceptionRef]: "EX-1",
      [LABEL.exceptionExpires]: "2030-01-01",
      [LABEL.exceptionSignedByOpd]: "2025-01-01",
    });
    expect(simrs[LABEL.exceptionSignedByProvider]).toBeUndefined();
    expect(plan.records[1]!.labels).toMatchObject({
      [LABEL.network]: "internet",
      [LABEL.hostingProvider]: "Acme",
      [LABEL.hostingCountry]: "SG",
      [LABEL.providerEntityCountry]: "US",
      [LABEL.providerEntity]: "Acme Inc",
      [LABEL.website]: "false",
    });
    expect(plan.records[1]!.labels[LABEL.site]).toBeUndefined();
  });

  it("a datacenter placement on an OPD office server is refused with the application named", () => {
    const doc = baseInventory();
    doc.applications[0].placement.server = "rsud-srv";
    const bad = load(doc);
    expect(() => planPlacements(bad, planPublicIps(bad))).toThrow(PlacementPlanError);
    expect(() => planPlacements(bad, planPublicIps(bad))).toThrow(/application web: .*rsud-srv.*OPD office/);
  });
});

describe("renderDnsZone", () => {
  const zone = renderDnsZone(inv, allocations, { serial: 7 });
  const rr = (name: string) => zone.records.filter((r) => r.name === name).map((r) => `${r.type} ${r.value}`);

  it.each([
    { name: "@", want: ["NS ns1.ujikab.go.id."] },
    { name: "ns1", want: ["A 203.0.113.2"] },
    { name: "www", want: ["A 203.0.113.10"] },
    { name: "geo", want: [`AAAA ${addressOf("ip-geo")}`] },
    { name: "sim", want: [`A ${addressOf("ip-sim")}`] },
    { name: "dinkes", want: ["CNAME www.ujikab.go.id."] },
    { name: "rsud", want: ["CNAME www.ujikab.go.id."] },
    { name: "internal", want: [] },
    { name: "simrs", want: [] },
  ])("$name → $want", ({ name, want }) => {
    expect(rr(name)).toEqual(want);
  });

  it("names without an address and names outside the zone are listed and commented", () => {
    expect(zone.unresolved.map((u) => u.name).sort()).toEqual(["internal", "simrs"]);
    expect(zone.outOfZone).toEqual([{ hostname: "cloud.example.com", application: "cloud" }]);
    expect(zone.text).toContain("; outside the zone: cloud.example.com (cloud)");
    expect(zone.text).toContain("$ORIGIN ujikab.go.id.");
    expect(zone.text).toMatch(/@ IN SOA ns1\.ujikab\.go\.id\. hostmaster\.ujikab\.go\.id\. \( 7 /);
    expect(zone.text).toContain("www IN A 203.0.113.10 ; web");
  });

  it("an application on the apex gets @, an OPD with its own allocation gets its address", () => {
    const doc = baseInventory();
    doc.applications[0].hostname = "ujikab.go.id";
    doc.publicIp.allocations.push({ id: "ip-rsud", block: "v4", address: "203.0.113.50", to: { opd: "rsud" } });
    const other = load(doc);
    const z = renderDnsZone(other, planPublicIps(other), { serial: 1 });
    expect(z.records.filter((r) => r.name === "@" && r.type === "A").map((r) => r.value)).toEqual(["203.0.113.10"]);
    expect(z.records.filter((r) => r.name === "rsud").map((r) => `${r.type} ${r.value}`)).toEqual(["A 203.0.113.50"]);
  });
});

describe("monitoring", () => {
  const files = [
    { path: "grafana/provisioning/dashboards/spbe.yaml", content: "apiVersion: 1\n" },
    { path: "grafana/provisioning/datasources/spbe.yaml", content: "apiVersion: 1\n" },
    { path: "grafana/dashboards/noc.json", content: "{}" },
    { path: "prometheus/rules/spbe.rules.yml", content: "groups: []\n" },
  ];
  const m = planMonitoring(inv, { collectorImage: "collector:1", inventoryText: "meta: {}\n", buildFiles: files, collectorSecretEnv: { SNMP_KEY: "snmpKey" } });

  it("runs on the data-center server with no application, unless configured", () => {
    expect(m.host).toBe("mon");
    expect(chooseMonitoringHost(inv, "srv-a").id).toBe("srv-a");
    expect(() => chooseMonitoringHost(inv, "nope")).toThrow(MonitoringPlanError);
  });

  it("has the four services, persistent volumes, and publishes only on the host's internal address", () => {
    expect(m.services.map((s) => s.service).sort()).toEqual(["collector", "grafana", "influxdb", "prometheus"]);
    expect(m.volumes.sort()).toEqual(["spbe-grafana-data", "spbe-influxdb-data", "spbe-prometheus-data"]);
    for (const s of m.services) for (const p of s.ports) expect(p.ip).toBe("10.9.0.12");
  });

  it("the inventory's SNMP module files go beside the collector's inventory; one outside its folder is refused", () => {
    const withModules = planMonitoring(inv, {
      collectorImage: "collector:1", inventoryText: "meta: {}\n", buildFiles: files, collectorSecretEnv: {},
      collectorModuleFiles: [{ path: "modules/lab-sensor.yaml", content: "name: lab_sensor\n" }],
    });
    const collector = withModules.services.find((s) => s.service === "collector")!;
    expect(collector.uploads).toContainEqual({ path: "/etc/spbe/modules/lab-sensor.yaml", content: "name: lab_sensor\n" });
    expect(collectorModulePath("./modules/x.yaml")).toBe("/etc/spbe/modules/x.yaml");
    for (const outside of ["../shared/x.yaml", "/etc/x.yaml", "modules/../../x.yaml"]) expect(() => collectorModulePath(outside)).toThrow(MonitoringPlanError);
  });

  it("Prometheus scrapes the collector's /metrics on the monitoring network and loads the rules", () => {
    const cfg = parse(m.prometheusConfig);
    const job = cfg.scrape_configs.find((j: any) => j.job_name === "spbe-collector");
    expect(job.metrics_path).toBe("/metrics");
    expect(job.static_configs[0].targets).toEqual(["collector:9116"]);
    expect(cfg.rule_files).toEqual(["/etc/prometheus/rules/spbe.rules.yml"]);
    const prom = m.services.find((s) => s.service === "prometheus")!;
    expect(prom.uploads).toEqual([
      { path: "/etc/prometheus/prometheus.yml", content: m.prometheusConfig, secrets: { "spbe-secret:collectorScrapePassword": "collectorScrapePassword" } },
      { path: "/etc/prometheus/rules/spbe.rules.yml", content: "groups: []\n" },
    ]);
  });

  it("Grafana gets the dashboards build's files; secrets are by key only", () => {
    const g = m.services.find((s) => s.service === "grafana")!;
    expect(g.uploads.map((u) => u.path).sort()).toEqual([
      "/etc/grafana/provisioning/dashboards/spbe.yaml",
      "/etc/grafana/provisioning/datasources/spbe.yaml",
      "/var/lib/grafana/dashboards/spbe/noc.json",
    ]);
    expect(g.secretEnv).toEqual({ GF_SECURITY_ADMIN_PASSWORD: "grafanaAdminPassword" });
    expect(m.services.find((s) => s.service === "collector")!.secretEnv).toEqual({ SNMP_KEY: "snmpKey" });
    expect(() => placeBuildFile("elsewhere/x")).toThrow(MonitoringPlanError);
  });
});

describe("dockerHostsFor", () => {
  it("configured hosts win, others use ssh to the management address", () => {
    const hosts = dockerHostsFor(inv, ["srv-a", "srv-b", "srv-a"], { "srv-a": "ssh://ops@192.0.2.1" }, "deploy");
    expect([...hosts]).toEqual([["srv-a", "ssh://ops@192.0.2.1"], ["srv-b", "ssh://deploy@10.9.0.11"]]);
  });
  it("a server with neither fails, naming the config key", () => {
    const doc = baseInventory();
    delete doc.devices[0].mgmtAddress;
    expect(() => dockerHostsFor(load(doc), ["srv-a"], {}, "deploy")).toThrow(DockerHostError);
    expect(() => dockerHostsFor(load(doc), ["srv-a"], {}, "deploy")).toThrow(/spbe-infra:dockerHosts\.srv-a/);
  });
});

describe("renderDnsZone without www", () => {
  it("OPD subdomains point at the apex when the portal is there", () => {
    const doc = baseInventory();
    doc.applications[0].hostname = "ujikab.go.id";
    const other = load(doc);
    const z = renderDnsZone(other, planPublicIps(other), { serial: 1 });
    expect(z.records.filter((r) => r.name === "dinkes").map((r) => `${r.type} ${r.value}`)).toEqual(["CNAME ujikab.go.id."]);
  });
});
