// The provincial program (stack/province/) under mocks with its example stack: the VictoriaMetrics
// cluster, vmalert, Grafana and Alertmanager as Helm releases of their official charts (vmalert's rules
// checked by Debian's vmalert 1.79, the release the tier's image pins), the vmagent
// StatefulSet whose members keep their hashmod shares named by the pod name, every object labelled with the
// tier and annotated with the cluster's location, all through the Kubernetes provider of the stack.
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { requireBinary, run as runCommand, tempDir } from "../../testkit/servers/common";
import { LABEL, PROVINCE_TIER } from "../../inventory/labels";
import { runProvinceProgram } from "../../testkit/pulumi/run-province-program";
import type { ProgramRun, RegisteredResource } from "../../testkit/pulumi/run-program";

let run: ProgramRun;
/** How the engine marks a secret value in resource inputs (Pulumi's rpc specialSigKey / secretSig). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_MARK = "1b47061264138c4ac30d75fd1eb44270";
const byType = (type: string) => run.resources.filter((r) => r.type === type);
const one = (type: string, name: string) => {
  const found = run.resources.filter((r) => r.type === type && r.name === name);
  expect(found, `${type} ${name}`).toHaveLength(1);
  return found[0]!;
};
const inputs = (r: RegisteredResource) => r.inputs as any;

beforeAll(async () => {
  run = await runProvinceProgram({ stack: "kalimantan-tengah" });
});

describe("the provincial program, kalimantan-tengah stack", () => {
  it("deploys the VictoriaMetrics cluster, vmalert, Grafana and Alertmanager from their official charts, pinned", () => {
    const releases = byType("kubernetes:helm.sh/v3:Release").map((r) => [inputs(r).chart, inputs(r).repositoryOpts.repo, inputs(r).version, inputs(r).namespace]);
    expect(releases.sort()).toEqual([
      ["alertmanager", "https://prometheus-community.github.io/helm-charts", "1.12.0", "spbe-provinsi"],
      ["grafana", "https://grafana.github.io/helm-charts", "8.5.2", "spbe-provinsi"],
      ["victoria-metrics-alert", "https://victoriametrics.github.io/helm-charts/", "0.12.3", "spbe-provinsi"],
      ["victoria-metrics-cluster", "https://victoriametrics.github.io/helm-charts/", "0.14.6", "spbe-provinsi"],
    ]);
    const vm = inputs(one("kubernetes:helm.sh/v3:Release", "vm")).values;
    expect(vm.vmstorage).toMatchObject({ replicaCount: 3, retentionPeriod: "12", persistentVolume: { enabled: true, size: "200Gi" }, extraArgs: { "dedup.minScrapeInterval": "60s" } });
    expect(vm.vminsert).toMatchObject({ replicaCount: 2, extraArgs: { replicationFactor: "2" } });
  });

  it("runs vmagent as a StatefulSet whose members keep the shares the shared scrape file gives their pod name", () => {
    const sts = inputs(one("kubernetes:apps/v1:StatefulSet", "vmagent"));
    expect(sts.spec.replicas).toBe(3);
    const container = sts.spec.template.spec.containers[0];
    expect(container.args).toEqual(
      expect.arrayContaining([
        "-promscrape.config=/etc/vmagent/scrape.yaml",
        // After a resize the kubelet rewrites the ConfigMap's file; members reread it.
        "-promscrape.configCheckInterval=1m",
        "-remoteWrite.url=http://vm-victoria-metrics-cluster-vminsert:8480/insert/0/prometheus/api/v1/write",
        "-remoteWrite.tmpDataPath=/vmagent-buffer",
        "-remoteWrite.label=province=Kalimantan Tengah",
      ]),
    );
    // vmagent's own cluster flags move ~3/4 of the devices on a resize: not used.
    expect(container.args.some((f: string) => f.startsWith("-promscrape.cluster."))).toBe(false);
    expect(container.env).toEqual([{ name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }]);
    // The remote_write buffer survives a restart: a volume per member.
    expect(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe("20Gi");
    expect(container.volumeMounts.map((m: any) => m.mountPath)).toEqual(["/etc/vmagent", "/etc/vmagent-secrets", "/vmagent-buffer"]);
  });

  it("scrapes each polled kabupaten's devices through its collector, every series labelled with its kabupaten", () => {
    const scrape = inputs(one("kubernetes:core/v1:ConfigMap", "vmagent-config")).data["scrape.yaml"] as string;
    expect(scrape).toContain("job_name: spbe-devices-klatenkab-go-id");
    expect(scrape).toContain("url: https://noc.klatenkab.go.id:9116/sd");
    expect(scrape).toContain("replacement: noc.baritotimurkab.go.id:9116");
    expect(scrape).toContain("replacement: baritotimurkab.go.id");
    expect(scrape).toContain("password_file: /etc/vmagent-secrets/klatenkab-go-id");
    // One file for every pod: each keeps the buckets its name owns, with replication 2 every bucket twice.
    const devices = (parse(scrape) as any).scrape_configs[0].relabel_configs as Record<string, any>[];
    expect(devices).toContainEqual({ target_label: "__tmp_member", replacement: "%{POD_NAME}" });
    const keep = devices.find((r) => r.action === "keep")!.regex as string;
    const owned = [0, 1, 2].flatMap((i) => keep.match(new RegExp(`\\(\\?:([0-9|]+)\\);vmagent-${i}(?:\\||$)`))![1]!.split("|"));
    expect(owned).toHaveLength(2 * 120);
    expect(new Set(owned).size).toBe(120);
    // The passwords stay Pulumi secrets in the Kubernetes Secret's inputs (the engine's secret wrapper).
    const passwords = inputs(one("kubernetes:core/v1:Secret", "vmagent-scrape-passwords")).stringData;
    expect(passwords[SECRET_SIG]).toBe(SECRET_MARK);
    expect(passwords.value).toEqual({ "baritotimurkab-go-id": "test-bt-scrape-not-real", "klatenkab-go-id": "test-klaten-scrape-not-real" });
  });

  it("evaluates the rules that span kabupaten centrally with vmalert 1.79, which accepts them as deployed", async () => {
    const server = inputs(one("kubernetes:helm.sh/v3:Release", "vmalert")).values.server;
    expect(server.image).toEqual({ repository: "victoriametrics/vmalert", tag: "v1.79.5" });
    expect(server.datasource.url).toBe("http://vm-victoria-metrics-cluster-vmselect:8481/select/0/prometheus");
    expect(server.notifier.alertmanager.url).toBe("http://alertmanager:9093");
    expect(server.extraArgs).toMatchObject({ evaluationInterval: "60s", "external.label": "province=Kalimantan Tengah" });
    expect(server.podAnnotations).toMatchObject({ [LABEL.clusterCountry]: "ID" });
    const groups = server.config.alerts.groups as { name: string; rules: Record<string, unknown>[] }[];
    expect(groups.map((g) => g.name)).toEqual(["spbe-province", "spbe-devices", "spbe-network", "spbe-power", "spbe-servers"]);
    // A kabupaten gone silent, for each kabupaten the stack lists.
    const silent = groups[0]!.rules.find((r) => r.alert === "SpbeKabupatenSilent")!;
    expect(silent.expr).toBe('absent_over_time(spbe_snmp_up{kabupaten="baritotimurkab.go.id"}[10m]) or absent_over_time(spbe_snmp_up{kabupaten="klatenkab.go.id"}[10m])');
    const backbone = groups.flatMap((g) => g.rules).find((r) => r.alert === "SpbeBackboneInterfaceDown")!;
    expect(backbone).toMatchObject({ for: "2m" });
    expect(backbone).not.toHaveProperty("keep_firing_for");
    // What was dropped is said where the operator sees it (the stack's outputs).
    expect(run.outputs.alertRulesDropped).toEqual([expect.stringMatching(/^SpbeBackboneInterfaceDown: keep_firing_for 120s dropped for vmalert 1\.79 /)]);
    // The chart writes config.alerts as the rule file: the same file through the real vmalert's parser.
    const dir = tempDir("province-vmalert");
    try {
      const file = path.join(dir, "alert-rules.yaml");
      fs.writeFileSync(file, stringify(server.config.alerts, { lineWidth: 0 }));
      // With the flags the chart passes (its own defaults envflag.* and loggerFormat, then the plan's extraArgs): 1.79 knows them all.
      const extra = { "envflag.enable": "true", "envflag.prefix": "VM_", loggerFormat: "json", ...server.extraArgs } as Record<string, string>;
      const flags = [`-rule=${file}`, `-datasource.url=${server.datasource.url}`, `-notifier.url=${server.notifier.alertmanager.url}`, ...Object.entries(extra).map(([k, v]) => `-${k}=${v}`)];
      const check = await runCommand(requireBinary("vmalert", "victoria-metrics"), [...flags, "-dryRun", "-loggerLevel=ERROR"]);
      expect(check.code, check.stdout + check.stderr).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("gives Grafana a datasource per tenant and the provincial board", () => {
    const values = inputs(one("kubernetes:helm.sh/v3:Release", "grafana")).values;
    const ds = values.datasources["datasources.yaml"].datasources;
    expect(ds.map((d: any) => [d.uid, d.url, d.isDefault])).toEqual([
      ["spbe-prometheus", "http://vm-victoria-metrics-cluster-vmselect:8481/select/0/prometheus", true],
      ["spbe-baritotimurkab-go-id", "http://vm-victoria-metrics-cluster-vmselect:8481/select/6213/prometheus", false],
      ["spbe-klatenkab-go-id", "http://vm-victoria-metrics-cluster-vmselect:8481/select/3310/prometheus", false],
    ]);
    const board = JSON.parse(values.dashboards.spbe.province.json);
    expect(board.title).toContain("Kalimantan Tengah");
    expect(JSON.stringify(board.panels)).toContain('spbe_compliance_score{opd=\\"_all\\"}');
    expect(values.admin.existingSecret).toBe("grafana-admin");
  });

  it("labels and annotates every Kubernetes object with the tier and the cluster's location", () => {
    const objects = run.resources.filter((r) => r.type.startsWith("kubernetes:") && r.type !== "kubernetes:helm.sh/v3:Release");
    expect(objects.length).toBeGreaterThanOrEqual(6);
    for (const o of objects) {
      const meta = inputs(o).metadata;
      expect(meta.labels[LABEL.tier], o.name).toBe(PROVINCE_TIER);
      expect(meta.annotations).toMatchObject({ [LABEL.clusterCountry]: "ID", [LABEL.clusterRegion]: "Palangka Raya", [LABEL.clusterOperatorCountry]: "ID" });
    }
    const record = inputs(one("command:local:Command", "province-cluster-location"));
    expect(record.environment).toMatchObject({ [LABEL.tier]: PROVINCE_TIER, [LABEL.clusterCountry]: "ID", [LABEL.clusterName]: "kalteng-prod" });
    expect(record.create).toBeUndefined();
  });

  it("deploys everything through the stack's Kubernetes provider, under the component", () => {
    const provider = one("pulumi:providers:kubernetes", "province-cluster");
    expect(inputs(provider).namespace).toBe("spbe-provinsi");
    const component = one("spbe:infra:ProvinceMonitoring", "province");
    for (const r of run.resources.filter((x) => x.type.startsWith("kubernetes:"))) {
      expect(r.parent, r.name).toBe(component.urn);
      expect(r.provider?.startsWith(provider.urn), r.name).toBe(true);
    }
    expect(run.outputs).toMatchObject({ vmagentMembers: 3, datasources: ["spbe-prometheus", "spbe-baritotimurkab-go-id", "spbe-klatenkab-go-id"] });
  });
});
