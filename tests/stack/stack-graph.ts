// Assertions over the whole resource graph the program registers for an example stack. Expected
// values are read from the inventory and the stack file directly (not from the planners), so a
// planner bug shows up here as a mismatch.
import { resolve } from "node:path";
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildGrafanaFiles } from "../../dashboards/build";
import { renderGatewayConfig } from "../../infra/quota";
import { contains, parseRange } from "../../inventory/ip";
import { loadInventoryOrThrow } from "../../inventory/load";
import type { Application, Inventory } from "../../inventory/schema";
import { LABEL, PLACEMENT_RECORD_TYPE } from "../../inventory/labels";
import { DATACENTER_PROMETHEUS_JOB } from "../../inventory/monitoring-jobs";
import { runProgram, stackConfig, TEST_SECRETS, type ProgramRun, type RegisteredResource } from "../../testkit/pulumi/run-program";

export const T = {
  container: "docker:index/container:Container",
  image: "docker:index/remoteImage:RemoteImage",
  builtImage: "docker:index/image:Image",
  network: "docker:index/network:Network",
  volume: "docker:index/volume:Volume",
  provider: "pulumi:providers:docker",
  remoteCommand: "command:remote:Command",
} as const;

export function labelsOf(r: RegisteredResource): Record<string, string> {
  return Object.fromEntries(((r.inputs.labels ?? []) as { label: string; value: string }[]).map((l) => [l.label, l.value]));
}

/** Secrets arrive in mocked inputs wrapped in Pulumi's secret envelope: unwrap for inspection. */
export function unsecret<T>(value: unknown): T {
  if (value && typeof value === "object" && "4dabf18193072939515e22adb298388d" in (value as object)) return (value as { value: T }).value;
  return value as T;
}

export interface StackGraph {
  run: ProgramRun;
  inv: Inventory;
  config: Record<string, string>;
  byUrn: Map<string, RegisteredResource>;
  ofType(type: string): RegisteredResource[];
  /** The resource a provider reference ("urn::id") points at. */
  providerOf(r: RegisteredResource): RegisteredResource | undefined;
  parentOf(r: RegisteredResource): RegisteredResource | undefined;
  appContainer(app: string, role: "primary" | "dr-replica"): RegisteredResource[];
}

export async function loadStackGraph(stack: "barito-timur" | "klaten", extraConfig?: Record<string, string>): Promise<StackGraph> {
  const run = await runProgram({ stack, ...(extraConfig ? { config: extraConfig } : {}) });
  const config = stackConfig(stack);
  const inv = loadInventoryOrThrow(resolve(__dirname, "../..", config["spbe-infra:inventory"]!));
  const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
  return {
    run,
    inv,
    config,
    byUrn,
    ofType: (type) => run.resources.filter((r) => r.type === type),
    providerOf: (r) => (r.provider ? byUrn.get(r.provider.split("::").slice(0, -1).join("::")) : undefined),
    parentOf: (r) => (r.parent ? byUrn.get(r.parent) : undefined),
    appContainer: (app, role) =>
      run.resources.filter((r) => r.type === T.container && labelsOf(r)[LABEL.application] === app && labelsOf(r)[LABEL.role] === role),
  };
}

const dcApps = (inv: Inventory) => inv.applications.filter((a): a is Application & { placement: { type: "datacenter" } } => a.placement.type === "datacenter");

export function describeStackGraph(stack: "barito-timur" | "klaten", get: () => StackGraph) {
  describe(`stack ${stack}: the whole resource graph`, () => {
    let g: StackGraph;
    beforeAll(() => {
      g = get();
    });

    it("one docker provider per server that runs something, on the host the stack file names", () => {
      const dockerHosts = JSON.parse(g.config["spbe-infra:dockerHosts"]!) as Record<string, string>;
      const servers = new Set<string>([g.config["spbe-infra:monitoringHost"]!]);
      for (const a of dcApps(g.inv)) {
        servers.add(a.placement.server);
        if (a.dr) servers.add(a.dr.server);
      }
      const providers = g.ofType(T.provider);
      expect(providers.map((p) => p.name).sort()).toEqual([...servers].map((s) => `docker-${s}`).sort());
      for (const p of providers) expect(p.inputs.host).toBe(dockerHosts[p.name.slice("docker-".length)]);
    });

    it("each DC application runs once, on the server the inventory names, under the DataCenter of its site", () => {
      for (const app of dcApps(g.inv)) {
        const found = g.appContainer(app.id, "primary");
        expect(found, app.id).toHaveLength(1);
        const c = found[0]!;
        expect(g.providerOf(c)?.name, app.id).toBe(`docker-${app.placement.server}`);
        const placement = g.parentOf(c)!;
        expect(placement.type).toBe("spbe:infra:ApplicationPlacement");
        const site = g.parentOf(placement)!;
        expect(site.type).toBe("spbe:infra:DataCenter");
        expect(site.name).toBe(g.inv.devices.find((d) => d.id === app.placement.server)!.site);
        expect(c.inputs.restart).toBe("unless-stopped");
        expect(labelsOf(c)).toMatchObject({
          [LABEL.application]: app.id,
          [LABEL.opd]: app.opd,
          [LABEL.classification]: app.classification,
          [LABEL.network]: app.placement.network,
          [LABEL.siteKind]: "datacenter",
          [LABEL.siteManager]: "dinas",
          [LABEL.server]: app.placement.server,
          [LABEL.dinasBlocks]: g.inv.publicIp.blocks.map((b) => b.cidr).join(","),
        });
      }
      const primaries = g.ofType(T.container).filter((c) => labelsOf(c)[LABEL.role] === "primary");
      expect(primaries).toHaveLength(dcApps(g.inv).length);
    });

    it("each DR replica runs at the recovery site on its DR server, started only when running", () => {
      const withDr = dcApps(g.inv).filter((a) => a.dr);
      expect(withDr.length).toBeGreaterThan(0);
      for (const app of withDr) {
        const found = g.appContainer(app.id, "dr-replica");
        expect(found, app.id).toHaveLength(1);
        const c = found[0]!;
        expect(g.providerOf(c)?.name).toBe(`docker-${app.dr!.server}`);
        const site = g.parentOf(g.parentOf(c)!)!;
        expect(site.type).toBe("spbe:infra:RecoverySite");
        expect(g.inv.sites.find((s) => s.id === site.name)!.kind).toBe("recovery");
        const running = app.dr!.mode === "running";
        expect({ app: app.id, start: c.inputs.start, mustRun: c.inputs.mustRun }).toEqual({ app: app.id, start: running, mustRun: running });
        expect(c.inputs.ports ?? []).toEqual([]);
        expect(labelsOf(c)).toMatchObject({ [LABEL.siteKind]: "recovery", [LABEL.drMode]: app.dr!.mode });
      }
      expect(g.ofType(T.container).filter((c) => labelsOf(c)[LABEL.role] === "dr-replica")).toHaveLength(withDr.length);
    });

    it("ports are published only on the application's own allocation, inside a Dinas block", () => {
      const blocks = g.inv.publicIp.blocks.map((b) => parseRange(b.cidr));
      const outputs = g.run.outputs.publicIps as Record<string, { address: string; to: string }>;
      for (const app of dcApps(g.inv)) {
        const c = g.appContainer(app.id, "primary")[0]!;
        const ports = (c.inputs.ports ?? []) as { ip: string; internal: number; external: number; protocol: string }[];
        if (!app.placement.publicIp) {
          expect(ports, app.id).toEqual([]);
          continue;
        }
        const alloc = g.inv.publicIp.allocations.find((a) => a.id === app.placement.publicIp)!;
        const address = alloc.address ?? outputs[alloc.id]!.address;
        expect(outputs[alloc.id]).toMatchObject({ address, to: `application:${app.id}` });
        const block = g.inv.publicIp.blocks.find((b) => b.id === alloc.block)!;
        expect(contains(parseRange(block.cidr), parseRange(address)), `${app.id} ${address}`).toBe(true);
        expect(ports.map((p) => `${p.ip}:${p.external}->${p.internal}/${p.protocol}`)).toEqual(
          app.placement.ports.map((p) => `${address}:${p.public ?? p.container}->${p.container}/${p.protocol}`),
        );
        expect(labelsOf(c)[LABEL.publicIp]).toBe(address);
        for (const p of ports) expect(blocks.some((b) => contains(b, parseRange(p.ip)))).toBe(true);
      }
      // Assigned addresses are distinct from each other and from every fixed allocation.
      const all = Object.values(outputs).map((o) => o.address);
      expect(new Set(all).size).toBe(all.length);
    });

    it("containers run their image pulled on the same host and sit on their own network", () => {
      const images = g.ofType(T.image);
      const networks = g.ofType(T.network);
      for (const c of g.ofType(T.container)) {
        if (labelsOf(c)[LABEL.service] === "collector") continue; // built, not pulled: the next test
        const image = images.find((i) => i.provider === c.provider && i.inputs.name === c.inputs.image);
        expect(image, `${c.name} image ${String(c.inputs.image)}`).toBeDefined();
        const nets = c.inputs.networksAdvanced as { name: string }[];
        expect(nets).toHaveLength(1);
        expect(networks.some((n) => n.provider === c.provider && n.inputs.name === nets[0]!.name), `${c.name} on ${String(c.provider)} net ${nets[0]!.name} among ${networks.map((n) => `${n.provider}|${String(n.inputs.name)}`).join(",")}`).toBe(true);
      }
      for (const app of dcApps(g.inv)) {
        const c = g.appContainer(app.id, "primary")[0]!;
        expect(c.inputs.image).toBe(app.placement.image);
        // Health is probed on the first TCP port the application declares.
        const tcp = app.placement.ports.find((p) => p.protocol === "tcp");
        const check = c.inputs.healthcheck as { tests: string[] } | undefined;
        if (tcp) expect(check?.tests[1], app.id).toContain(`127.0.0.1:${tcp.container}/`);
        else expect(check, app.id).toBeUndefined();
      }
      const names = g.ofType(T.container).map((c) => `${c.provider}/${String(c.inputs.name)}`);
      expect(new Set(names).size).toBe(names.length);
    });

    it("the collector image is built from this repository by the monitoring host's engine, and the collector runs that build", () => {
      const built = g.ofType(T.builtImage);
      expect(built).toHaveLength(1);
      const image = built[0]!;
      expect(g.providerOf(image)?.name).toBe(`docker-${g.config["spbe-infra:monitoringHost"]}`);
      const build = image.inputs.build as { context: string; dockerfile: string; args: Record<string, string> };
      expect(build.context).toBe(resolve(__dirname, "../.."));
      expect(build.dockerfile).toBe(resolve(__dirname, "../../Dockerfile"));
      expect(build.args.VERSION).toBe(require("../../package.json").version);
      // The example stacks name no registry: the image stays on the host that built it.
      expect(image.inputs.skipPush).toBe(true);
      expect(image.inputs.imageName).toBe(`spbe-infra/collector:${build.args.VERSION}`);
      const collector = g.ofType(T.container).find((c) => labelsOf(c)[LABEL.service] === "collector")!;
      expect(collector.inputs.image).toBe("sha256:mock-collector-build");
      expect(g.ofType(T.image).some((i) => String(i.inputs.name).includes("collector"))).toBe(false);
    });

    it("applications the Dinas does not run are records with their labels, and listed as not deployed", () => {
      const others = g.inv.applications.filter((a) => a.placement.type !== "datacenter");
      expect(others.length).toBeGreaterThan(0);
      const records = g.ofType(PLACEMENT_RECORD_TYPE);
      expect(records.map((r) => r.name).sort()).toEqual(others.map((a) => `${a.id}-placement-record`).sort());
      for (const app of others) {
        const r = records.find((x) => x.name === `${app.id}-placement-record`)!;
        expect(r.inputs.create).toBeUndefined(); // a record: it runs nothing anywhere
        const env = r.inputs.environment as Record<string, string>;
        expect(env).toMatchObject({ [LABEL.application]: app.id, [LABEL.opd]: app.opd, [LABEL.placement]: app.placement.type, [LABEL.network]: app.placement.network });
        const p = app.placement;
        if (p.type !== "datacenter" && p.exception) expect(env[LABEL.exceptionExpires]).toBe(p.exception.expires);
        if (p.type !== "datacenter" && !p.exception) expect(env[LABEL.exceptionRef]).toBeUndefined();
      }
      expect(Object.keys(g.run.outputs.notDeployed as object).sort()).toEqual(others.map((a) => a.id).sort());
    });

    it("with alerting and a recovery site, a second Prometheus and Alertmanager there: same rules, replica labels, Alertmanagers clustered, the data center's Prometheus watched", () => {
      const recovery = (g.run.outputs.monitoring as { recovery: { host: string } | null }).recovery;
      const pairs = g.run.resources.filter((r) => r.type === "spbe:infra:MonitoringStack" && r.name === "recovery-monitoring");
      const recoverySites = new Set(g.inv.sites.filter((s) => s.kind === "recovery").map((s) => s.id));
      if (!g.inv.alerting || recoverySites.size === 0) {
        expect(recovery).toBeNull();
        expect(pairs).toEqual([]);
        return;
      }
      expect(pairs).toHaveLength(1);
      const host = g.inv.devices.find((d) => d.id === recovery!.host)!;
      expect(recoverySites.has(host.site)).toBe(true);
      const dcHost = g.inv.devices.find((d) => d.id === g.config["spbe-infra:monitoringHost"])!;
      const uploadsOf = (c: RegisteredResource) => unsecret<{ file: string; content: unknown }[]>(c.inputs.uploads).map((u) => ({ file: u.file, content: unsecret<string>(u.content) }));
      const containersOf = (stackUrn: string) => new Map(g.run.resources.filter((r) => r.parent === stackUrn && r.type === T.container).map((c) => [labelsOf(c)[LABEL.service], c]));
      const pair = containersOf(pairs[0]!.urn);
      expect([...pair.keys()].sort()).toEqual(["alertmanager", "prometheus"]);
      for (const c of pair.values()) expect(g.providerOf(c)?.name).toBe(`docker-${host.id}`);
      const dc = containersOf(g.run.resources.find((r) => r.type === "spbe:infra:MonitoringStack" && r.name === "monitoring")!.urn);
      const promConfig = (c: RegisteredResource) => parse(uploadsOf(c).find((u) => u.file === "/etc/prometheus/prometheus.yml")!.content);
      const rules = (c: RegisteredResource) => uploadsOf(c).filter((u) => u.file.startsWith("/etc/prometheus/rules/")).map((u) => u.content);
      const [dcProm, drProm] = [promConfig(dc.get("prometheus")!), promConfig(pair.get("prometheus")!)];
      expect(rules(pair.get("prometheus")!)).toEqual(rules(dc.get("prometheus")!));
      expect([dcProm.global.external_labels.replica, drProm.global.external_labels.replica]).toEqual(["datacenter", "recovery"]);
      for (const p of [dcProm, drProm]) expect(p.alerting.alert_relabel_configs).toEqual([{ action: "labeldrop", regex: "replica" }]);
      expect(dcProm.alerting.alertmanagers[0].static_configs[0].targets).toEqual(["alertmanager:9093", `${host.mgmtAddress}:9093`]);
      expect(drProm.alerting.alertmanagers[0].static_configs[0].targets).toEqual(["alertmanager:9093", `${dcHost.mgmtAddress}:9093`]);
      const job = (p: { scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[] }, name: string) => p.scrape_configs.find((j) => j.job_name === name)?.static_configs[0]!.targets;
      expect(job(drProm, DATACENTER_PROMETHEUS_JOB)).toEqual([`${dcHost.mgmtAddress}:9090`]);
      expect(job(drProm, "spbe-collector")).toEqual([`${dcHost.mgmtAddress}:9116`]);
      // Each Alertmanager is the other's peer.
      expect(dc.get("alertmanager")!.inputs.command).toContain(`--cluster.peer=${host.mgmtAddress}:9094`);
      expect(pair.get("alertmanager")!.inputs.command).toContain(`--cluster.peer=${dcHost.mgmtAddress}:9094`);
    });

    it("the complete monitoring stack on the monitoring host", () => {
      const host = g.config["spbe-infra:monitoringHost"]!;
      const mgmt = g.inv.devices.find((d) => d.id === host)!.mgmtAddress;
      // The data center's stack; the recovery site's pair (with alerting) is the next test's.
      const stackRes = g.run.resources.filter((r) => r.type === "spbe:infra:MonitoringStack" && r.name === "monitoring");
      expect(stackRes).toHaveLength(1);
      const children = g.run.resources.filter((r) => r.parent === stackRes[0]!.urn);
      const byService = new Map(children.filter((c) => c.type === T.container).map((c) => [labelsOf(c)[LABEL.service], c]));
      // Alertmanager joins when the inventory says who hears the alerts (tests/stack/alertmanager.test.ts).
      const withAlertmanager = g.inv.alerting ? ["alertmanager"] : [];
      expect([...byService.keys()].sort()).toEqual([...withAlertmanager, "blackbox", "collector", "grafana", "influxdb", "prometheus"]);
      for (const c of children) expect(g.providerOf(c)?.name).toBe(`docker-${host}`);
      expect(children.filter((c) => c.type === T.volume).map((v) => v.inputs.name).sort()).toEqual([...withAlertmanager.map((s) => `spbe-${s}-data`), "spbe-grafana-data", "spbe-influxdb-data", "spbe-prometheus-data"]);
      expect(children.filter((c) => c.type === T.network)).toHaveLength(1);
      for (const c of byService.values()) for (const p of (c.inputs.ports ?? []) as { ip: string }[]) expect(p.ip).toBe(mgmt);

      // A file with a secret in it (prometheus.yml's scrape password) is a secret output as a whole.
      const uploads = (c: RegisteredResource) => (unsecret<unknown[]>(c.inputs.uploads) ?? []).map((u) => unsecret<{ file: string; content: unknown }>(u)).map((u) => ({ ...u, content: unsecret<string>(u.content) }));
      const prom = byService.get("prometheus")!;
      const promConfig = parse(uploads(prom).find((u) => u.file === "/etc/prometheus/prometheus.yml")!.content);
      expect(promConfig.scrape_configs.find((j: { job_name: string }) => j.job_name === "spbe-collector").static_configs[0].targets).toEqual(["collector:9116"]);
      for (const rule of promConfig.rule_files as string[]) expect(uploads(prom).some((u) => u.file === rule)).toBe(true);
      // The HTTP(S) probes go through the stack's blackbox exporter, which carries its modules.
      const probeJobs = (promConfig.scrape_configs as { job_name: string; relabel_configs: { target_label: string; replacement?: string }[] }[]).filter((j) => j.job_name.startsWith("spbe-probe-"));
      expect(probeJobs.length).toBeGreaterThan(0);
      for (const j of probeJobs) expect(j.relabel_configs.find((r) => r.target_label === "__address__")?.replacement).toBe("blackbox:9115");
      expect(parse(uploads(byService.get("blackbox")!).find((u) => u.file === "/etc/blackbox_exporter/config.yml")!.content).modules).toHaveProperty("https_2xx");

      const grafana = byService.get("grafana")!;
      const dashboards = buildGrafanaFiles(g.inv).filter((f) => f.path.endsWith(".json"));
      expect(dashboards.length).toBeGreaterThan(0);
      expect(uploads(grafana).filter((u) => u.file.endsWith(".json"))).toHaveLength(dashboards.length);
      const datasources = parse(uploads(grafana).find((u) => u.file.includes("provisioning/datasources"))!.content);
      expect(datasources.datasources.map((d: { url: string }) => d.url).sort()).toEqual(["http://influxdb:8086", "http://prometheus:9090"]);
      const genv = unsecret<string[]>(grafana.inputs.envs);
      expect(genv.some((e) => e.startsWith("GF_SECURITY_ADMIN_PASSWORD="))).toBe(true);

      const collector = byService.get("collector")!;
      expect(uploads(collector)[0]!.file).toBe("/etc/spbe/inventory.yaml");
      // Prometheus scrapes the collector with basic auth: the stack secret, and in the collector's web config its bcrypt hash.
      const password = TEST_SECRETS["spbe-infra:collectorScrapePassword"]!;
      expect(promConfig.scrape_configs.find((j: { job_name: string }) => j.job_name === "spbe-collector").basic_auth).toEqual({ username: "prometheus", password });
      const web = parse(uploads(collector).find((u) => u.file === "/etc/spbe/web.yml")!.content);
      expect(bcrypt.compareSync(password, web.basic_auth_users.prometheus)).toBe(true);
      expect(collector.inputs.command).toEqual(expect.arrayContaining(["--web.config.file", "/etc/spbe/web.yml"]));
      const cenv = unsecret<string[]>(collector.inputs.envs).map((e) => e.split("=")[0]);
      expect(cenv.sort()).toEqual(["SPBE_SNMP_COMMUNITY", "SPBE_SNMP_V3_AUTH_KEY", "SPBE_SNMP_V3_PRIV_KEY"]);
    });

    it("one quota command on the gateway over SSH, re-applied when the script changes, covering every OPD", () => {
      const gw = g.inv.bandwidth!.gateway!;
      const quotas = g.ofType("spbe:infra:BandwidthQuota");
      expect(quotas.map((q) => q.name)).toEqual([gw.device]);
      const commands = g.ofType(T.remoteCommand).filter((c) => c.parent === quotas[0]!.urn);
      expect(commands).toHaveLength(1);
      const cmd = commands[0]!;
      const cfg = renderGatewayConfig(g.inv);
      const script = cfg.script;
      // The apply command is both create and update: a changed quota changes the inputs, `pulumi up` re-runs it.
      expect(cmd.inputs.create).toBe(cfg.apply);
      expect(cmd.inputs.update).toBe(cfg.apply);
      expect(cmd.inputs.delete).toBe(cfg.rollback);
      expect(cfg.apply.startsWith(script)).toBe(true);
      // A Linux gateway's apply also installs the per-OPD counters its snmpd reports (infra/quota/counters.ts).
      if (cfg.counters) expect(cfg.apply).toContain(cfg.counters.snmpdConf.trimEnd());
      // The whole connection travels as a Pulumi secret (it holds the key).
      expect(unsecret(cmd.inputs.connection)).not.toBe(cmd.inputs.connection);
      const connection = unsecret<{ host: string; user: string; privateKey: unknown }>(cmd.inputs.connection);
      expect(connection.host).toBe(g.inv.devices.find((d) => d.id === gw.device)!.mgmtAddress);
      expect(connection.user).toBe(g.config["spbe-infra:sshUser"]);
      expect(unsecret<string>(connection.privateKey)).toContain("OPENSSH PRIVATE KEY");
      for (const q of g.inv.bandwidth!.quotas) {
        const opd = g.inv.opds.find((o) => o.code === q.opd)!;
        for (const subnet of opd.subnets) expect(script, `${q.opd} ${subnet}`).toContain(subnet);
      }
      expect(((g.run.outputs.quota as { opds: string[] }).opds).sort()).toEqual(g.inv.bandwidth!.quotas.map((q) => q.opd).sort());
    });

    it("components: one per concept, typed spbe:infra:*, every child parented to a registered resource", () => {
      const count = (type: string) => g.ofType(type).length;
      expect(count("spbe:infra:BackboneLink")).toBe(g.inv.links.length);
      expect(count("spbe:infra:PublicIpBlock")).toBe(g.inv.publicIp.blocks.length);
      expect(count("spbe:infra:DataCenter")).toBe(1);
      expect(count("spbe:infra:RecoverySite")).toBe(1);
      const drCount = dcApps(g.inv).filter((a) => a.dr).length;
      expect(count("spbe:infra:ApplicationPlacement")).toBe(g.inv.applications.length + drCount);
      for (const r of g.run.resources) {
        if (r.type === "pulumi:pulumi:Stack") continue;
        expect(r.parent, r.urn).toBeDefined();
        expect(g.byUrn.has(r.parent!), r.urn).toBe(true);
        if (r.type.startsWith("docker:")) expect(g.providerOf(r)?.type, r.urn).toBe(T.provider);
      }
    });

    it("the FRR routers of backbone.routers: one BackboneRouting each, its rendered frr.conf applied over SSH and shown in the outputs", () => {
      const bb = g.inv.backbone!;
      expect(bb, "both examples route their backbone").toBeDefined();
      const routings = g.ofType("spbe:infra:BackboneRouting");
      expect(routings.map((r) => r.name).sort()).toEqual(bb.routers.map((r) => r.device).sort());
      const transfer = parseRange(bb.transferBlock);
      const out = g.run.outputs.backbone as { transferBlock: string; links: Record<string, { network: string; cost: number; a: string; b: string }>; routers: Record<string, { routerId: string; frrConfSha256: string }> };
      expect(out.transferBlock).toBe(bb.transferBlock);
      for (const r of bb.routers) {
        const component = routings.find((x) => x.name === r.device)!;
        const commands = g.ofType(T.remoteCommand).filter((c) => c.parent === component.urn);
        expect(commands).toHaveLength(1);
        const cmd = commands[0]!;
        expect(unsecret<{ host: string }>(cmd.inputs.connection).host).toBe(g.inv.devices.find((d) => d.id === r.device)!.mgmtAddress);
        expect(cmd.inputs.update).toBe(cmd.inputs.create);
        expect(cmd.inputs.create).toContain(`hostname ${r.device}`);
        expect(cmd.inputs.create).toContain(`sha256 ${out.routers[r.device]!.frrConfSha256}`);
        expect(cmd.inputs.delete).toContain("/etc/frr/frr.conf");
        // Every link at this router is routed: its interface in the configuration, its /30 inside the transfer block.
        const links = g.inv.links.filter((l) => l.a.device === r.device || l.b.device === r.device);
        expect(links.length).toBeGreaterThan(0);
        for (const l of links) {
          const end = l.a.device === r.device ? l.a : l.b;
          expect(cmd.inputs.create).toContain(`interface ${end.interface}\n description ${l.id}:`);
          const net = parseRange(out.links[l.id]!.network);
          expect(contains(transfer, net) && net.end - net.start === 3n, `${l.id} ${out.links[l.id]!.network}`).toBe(true);
          expect(cmd.inputs.create).toContain(`network ${out.links[l.id]!.network} area 0`);
        }
        expect(contains(parseRange(bb.loopbackBlock), parseRange(out.routers[r.device]!.routerId))).toBe(true);
      }
      // Transfer networks never shared between links.
      const nets = Object.values(out.links).map((l) => l.network);
      expect(new Set(nets).size).toBe(nets.length);
    });

    it("the zone served on the servers meta.dns.authoritative names: primary and secondaries over SSH, with the planner's scripts", () => {
      const auth = g.inv.meta.dns?.authoritative;
      const zones = g.ofType("spbe:infra:DnsZone");
      if (!auth) {
        expect(zones).toEqual([]);
        expect(g.run.outputs.dnsServers).toBeNull();
        return;
      }
      expect(zones.map((z) => z.name)).toEqual([g.inv.meta.domain]);
      const commands = g.ofType(T.remoteCommand).filter((c) => c.parent === zones[0]!.urn);
      expect(commands.map((c) => c.name).sort()).toEqual([`${g.inv.meta.domain}-primary-${auth.primary}`, ...auth.secondaries.map((s) => `${g.inv.meta.domain}-secondary-${s}`)].sort());
      const zoneText = g.run.outputs.dnsZone as string;
      for (const c of commands) {
        const device = g.inv.devices.find((d) => c.name.endsWith(`-${d.id}`))!;
        expect(unsecret<{ host: string }>(c.inputs.connection).host).toBe(device.mgmtAddress);
        expect(c.inputs.update).toBe(c.inputs.create);
        expect(c.inputs.delete).toContain("reconfig");
        // The primary's script carries the rendered zone's records; a secondary's names the primary.
        if (c.name.includes("-primary-")) for (const line of zoneText.split("\n").filter((l) => / IN (A|AAAA|NS|MX|CNAME) /.test(l))) expect(c.inputs.create).toContain(line);
        else expect(c.inputs.create).toContain(`primaries { ${g.inv.devices.find((d) => d.id === auth.primary)!.mgmtAddress}; }`);
      }
      expect(g.run.outputs.dnsServers).toEqual({ primary: auth.primary, secondaries: auth.secondaries });
    });

    it("the DNS zone: name servers, and every in-zone application hostname with a public address", () => {
      const zone = g.run.outputs.dnsZone as string;
      const origin = g.inv.meta.domain;
      expect(zone).toContain(`$ORIGIN ${origin}.`);
      expect(zone).toMatch(new RegExp(`^@ IN NS ns1\\.${origin.replace(/\./g, "\\.")}\\.`, "m"));
      const outputs = g.run.outputs.publicIps as Record<string, { address: string }>;
      let checked = 0;
      for (const app of dcApps(g.inv)) {
        if (!app.hostname || !app.placement.publicIp) continue;
        const address = outputs[app.placement.publicIp]!.address;
        const type = address.includes(":") ? "AAAA" : "A";
        if (app.hostname === origin) expect(zone).toContain(`@ IN ${type} ${address} ; ${app.id}`);
        else if (app.hostname.endsWith(`.${origin}`)) {
          expect(zone).toContain(`${app.hostname.slice(0, -(origin.length + 1))} IN ${type} ${address} ; ${app.id}`);
        } else {
          expect(zone).toContain(`; outside the zone: ${app.hostname} (${app.id})`);
          continue;
        }
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
      for (const opd of g.inv.opds) {
        if (!opd.subdomain) continue;
        const name = opd.subdomain.slice(0, -(origin.length + 1));
        expect(zone, opd.code).toMatch(new RegExp(`^${name.replace(/[.-]/g, "\\$&")} IN (A|AAAA|CNAME) `, "m"));
      }
    });
  });
}
