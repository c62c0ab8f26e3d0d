// The MonitoringStack deploys Alertmanager next to Prometheus (program under mocks, both example
// stacks): its container with the generated configuration and templates, the stack's secrets
// written where the build left placeholders, Prometheus' `alerting:` pointing at it; the deployed
// configuration (secrets filled in) still passes Debian's amtool check-config.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { alertmanagerSecretRefs } from "../../dashboards/alertmanager/build";
import { ALERTMANAGER_CONFIG_DIR, ALERTMANAGER_PORT } from "../../infra/planning/monitoring";
import { secretConfigKey } from "../../inventory/secret-refs";
import { TEST_SECRETS } from "../../testkit/pulumi/run-program";
import { amtool } from "../../testkit/servers/alertmanager";
import { loadStackGraph, T, unsecret, type StackGraph } from "./stack-graph";

const dir = mkdtempSync(join(tmpdir(), "spbe-stack-am-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(["barito-timur", "klaten"] as const)("%s: Alertmanager in the monitoring stack", (stack) => {
  let g: StackGraph;
  beforeAll(async () => {
    g = await loadStackGraph(stack);
  }, 120_000);

  const container = (name: string) => g.ofType(T.container).find((r) => r.inputs.name === name)!;
  const uploads = (name: string) => unsecret<{ file: string; content: unknown }[]>(container(name).inputs.uploads).map((u) => ({ file: u.file, content: unsecret<string>(u.content) }));

  it("runs next to Prometheus on the monitoring network, published on the monitoring host", () => {
    const am = container("spbe-alertmanager");
    expect(am).toBeDefined();
    expect(am.inputs.networksAdvanced).toEqual((container("spbe-prometheus").inputs.networksAdvanced as { name: string }[]).map((n) => ({ ...n, aliases: ["alertmanager"] })));
    const host = g.inv.devices.find((d) => d.id === g.config["spbe-infra:monitoringHost"])!;
    // With a recovery-site peer, the gossip port too (TCP and UDP).
    const peer = (g.run.outputs.monitoring as { recovery: unknown }).recovery;
    expect(am.inputs.ports).toEqual([
      { internal: ALERTMANAGER_PORT, external: ALERTMANAGER_PORT, ip: host.mgmtAddress, protocol: "tcp" },
      ...(peer ? ["tcp", "udp"].map((protocol) => ({ internal: 9094, external: 9094, ip: host.mgmtAddress, protocol })) : []),
    ]);
  });

  it("Prometheus sends its alerts to it", () => {
    const prom = parse(uploads("spbe-prometheus").find((u) => u.file.endsWith("prometheus.yml"))!.content) as { alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] } };
    const peer = (g.run.outputs.monitoring as { recovery: { alertmanagerUrl: string } | null }).recovery;
    expect(prom.alerting.alertmanagers[0]!.static_configs[0]!.targets).toEqual([`alertmanager:${ALERTMANAGER_PORT}`, ...(peer ? [new URL(peer.alertmanagerUrl).host] : [])]);
  });

  it("carries the stack's secrets where the build left placeholders, and amtool accepts the result", async () => {
    const files = uploads("spbe-alertmanager");
    const config = files.find((u) => u.file === `${ALERTMANAGER_CONFIG_DIR}/alertmanager.yml`)!;
    expect(config.content).not.toContain("spbe-secret.invalid");
    const refs = alertmanagerSecretRefs(g.inv.alerting!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(config.content).toContain(JSON.stringify(TEST_SECRETS[`spbe-infra:${secretConfigKey(ref)}`]));
    // The container's /etc/alertmanager, rooted in a temp dir (the template is named relatively).
    for (const f of files) {
      const at = join(dir, stack, f.file);
      mkdirSync(dirname(at), { recursive: true });
      writeFileSync(at, f.content);
    }
    const r = await amtool(["check-config", join(dir, stack, ALERTMANAGER_CONFIG_DIR, "alertmanager.yml")]);
    expect(r.stdout + r.stderr).toContain("SUCCESS");
    expect(r.code).toBe(0);
  });
});
