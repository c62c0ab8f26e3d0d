// The provincial tier in its Kubernetes cluster (plan from infra/planning/province/): a namespace,
// VictoriaMetrics cluster, Grafana and Alertmanager as Helm releases of their official charts, the
// vmagent StatefulSet (one scrape file for all pods, each keeping the hashmod share its pod name owns),
// and the location record the CrossGuard pack judges. Thin: every value comes from the plan.
import * as k8s from "@pulumi/kubernetes";
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { LABEL, PROVINCE_TIER } from "../../inventory/labels";
import type { HelmReleasePlan, ProvincePlan } from "../planning/province/plan";

export interface ProvinceMonitoringArgs {
  plan: ProvincePlan;
  /** The Grafana admin password (a stack secret). */
  grafanaAdminPassword: pulumi.Input<string>;
  /** Each kabupaten collector's scrape password, by kabupaten domain (stack secrets). */
  scrapePasswords: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Dashboard file name (without .json) → Grafana JSON, provisioned under the SPBE folder. */
  dashboards: Record<string, string>;
}

/** The record's name: one per stack, the location the policy pack judges even before any object exists. */
export const LOCATION_RECORD = "province-cluster-location";

export class ProvinceMonitoring extends pulumi.ComponentResource {
  readonly namespace: pulumi.Output<string>;
  readonly vmagentName: string;

  constructor(name: string, args: ProvinceMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("spbe:infra:ProvinceMonitoring", name, {}, opts);
    const { plan } = args;
    const child = { parent: this };
    const metadata = (objectName: string) => ({ name: objectName, namespace: plan.namespace, labels: plan.labels, annotations: plan.annotations });

    // A no-op record carrying the location, as the kabupaten program records placements it does not deploy.
    new command.local.Command(LOCATION_RECORD, { environment: { [LABEL.tier]: PROVINCE_TIER, ...plan.annotations } }, child);

    const ns = new k8s.core.v1.Namespace(plan.namespace, { metadata: { name: plan.namespace, labels: plan.labels, annotations: plan.annotations } }, child);
    this.namespace = ns.metadata.name;
    const inNs = { parent: this, dependsOn: [ns] };

    const release = (r: HelmReleasePlan, values: Record<string, unknown>, extra: pulumi.CustomResourceOptions = {}) =>
      new k8s.helm.v3.Release(r.name, { name: r.name, chart: r.chart, version: r.version, namespace: plan.namespace, repositoryOpts: { repo: r.repo }, values, atomic: true, cleanupOnFail: true }, { ...inNs, ...extra });

    const vm = release(plan.vmCluster, plan.vmCluster.values);

    const grafanaSecret = new k8s.core.v1.Secret("grafana-admin", { metadata: metadata("grafana-admin"), stringData: { "admin-user": "admin", "admin-password": args.grafanaAdminPassword } }, inNs);
    const dashboards = Object.fromEntries(Object.entries(args.dashboards).map(([file, json]) => [file, { json }]));
    release(plan.grafana, { ...plan.grafana.values, dashboards: { spbe: dashboards } }, { dependsOn: [ns, grafanaSecret, vm] });
    release(plan.alertmanager, plan.alertmanager.values);
    release(plan.vmalert, plan.vmalert.values, { dependsOn: [ns, vm] });

    const a = plan.vmagent;
    this.vmagentName = a.name;
    const config = new k8s.core.v1.ConfigMap(`${a.name}-config`, { metadata: metadata(`${a.name}-config`), data: { "scrape.yaml": a.scrapeConfig } }, inNs);
    const passwords = new k8s.core.v1.Secret(
      `${a.name}-scrape-passwords`,
      {
        metadata: metadata(`${a.name}-scrape-passwords`),
        stringData: pulumi.output(args.scrapePasswords).apply((byDomain) =>
          Object.fromEntries(
            Object.entries(a.passwordFiles).map(([file, domain]) => {
              // Never an empty password: the collector would refuse every scrape, silently.
              if (!byDomain[domain]) throw new pulumi.RunError(`missing scrape password for ${domain}: pulumi config set --secret --path 'spbe-province:scrapePasswords["${domain}"]' <value>`);
              return [file, byDomain[domain]];
            }),
          ),
        ),
      },
      inNs,
    );
    const selector = { "app.kubernetes.io/name": a.name };
    new k8s.core.v1.Service(a.name, { metadata: metadata(a.name), spec: { clusterIP: "None", selector, ports: [{ name: "http", port: a.port }] } }, inNs);
    new k8s.apps.v1.StatefulSet(
      a.name,
      {
        metadata: metadata(a.name),
        spec: {
          serviceName: a.name,
          replicas: a.replicas,
          // Members start together: each knows its share from its name, none waits for another.
          podManagementPolicy: "Parallel",
          selector: { matchLabels: selector },
          template: {
            metadata: { labels: { ...plan.labels, ...selector }, annotations: plan.annotations },
            spec: {
              containers: [
                {
                  name: a.name,
                  image: a.image,
                  args: a.args,
                  env: a.env.map((e) => ({ name: e.name, valueFrom: { fieldRef: { fieldPath: e.fieldPath } } })),
                  ports: [{ name: "http", containerPort: a.port }],
                  volumeMounts: [
                    { name: "config", mountPath: a.configDir },
                    { name: "scrape-passwords", mountPath: a.secretsDir, readOnly: true },
                    { name: "buffer", mountPath: a.bufferDir },
                  ],
                  readinessProbe: { httpGet: { path: "/health", port: "http" } },
                },
              ],
              volumes: [
                { name: "config", configMap: { name: config.metadata.name } },
                { name: "scrape-passwords", secret: { secretName: passwords.metadata.name } },
              ],
            },
          },
          volumeClaimTemplates: [{ metadata: { name: "buffer", labels: plan.labels }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: a.bufferVolume } } } }],
        },
      },
      { ...inNs, dependsOn: [ns, vm] },
    );
    this.registerOutputs({ namespace: this.namespace });
  }
}
