// The whole alert path on the simulated barito-timur example, every part real: the collector with
// its simulator (what `spbe serve --simulate` runs), Debian's Prometheus scraping it and evaluating
// the generated rules (a test copy with every `for` shortened 60-fold, groups evaluated every
// second), alerting to Debian's Alertmanager with the generated configuration, and a local webhook
// server standing in for the NOC. A kecamatan's uplink is cut in the simulator (its port goes down,
// the devices behind it stop answering): the NOC gets exactly one notification, naming the site and
// the devices behind it, while those devices' own alerts fire in Prometheus and are inhibited in
// Alertmanager; when the link is mended, one resolved notification follows and nothing else.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { startServe, type ServeHandle } from "../../collectors/serve";
import { ALERTMANAGER_CONFIG_PATH, buildAlertmanagerFiles } from "../../dashboards/alertmanager/build";
import { behindForAlerting } from "../../dashboards/alertmanager/inhibit";
import { TEMPLATE, TEMPLATE_FILE } from "../../dashboards/alertmanager/templates";
import { ALERT } from "../../dashboards/build";
import { renderPrometheusConfig } from "../../infra/planning/monitoring";
import { loadInventoryOrThrow } from "../../inventory/load";
import { alertingSchema, type Inventory } from "../../inventory/schema";
import { amtool, startAlertmanager, type AlertmanagerHandle } from "../../testkit/servers/alertmanager";
import { tempDir, waitFor } from "../../testkit/servers/common";
import { startPrometheus, type PrometheusHandle } from "../../testkit/servers/prometheus";
import { startWebhookSink, type WebhookNotification, type WebhookSink } from "../../testkit/servers/webhook-sink";
import { fastRules } from "./support/fast-rules";

const POLL_SECONDS = 2;
const base = loadInventoryOrThrow("examples/barito-timur/inventory.yaml");
const uplink = behindForAlerting(base).find((b) => b.failed.kind === "link" && b.sites.includes("kantor-kec-awang"))!;
const linkId = uplink.failed.id;
const dcEnd = base.links.find((l) => l.id === linkId)!.a;

/** Alertmanager's alerts (API v2) matching the filters, e.g. `alertname="X"`. */
async function amAlerts(am: AlertmanagerHandle, ...filters: string[]) {
  const q = new URLSearchParams(filters.map((f): [string, string] => ["filter", f]));
  return (await (await fetch(`${am.url}/api/v2/alerts?${q}`)).json()) as { labels: Record<string, string>; status: { state: string; inhibitedBy: string[] } }[];
}

const ofLink = (n: WebhookNotification) => n.path === "/noc" && n.body.groupLabels.link === linkId;
const alertsIn = (notes: WebhookNotification[]): Record<string, string>[] => notes.flatMap((n) => n.body.alerts.map((a) => ({ status: n.body.status, ...a.labels })));

describe("a kecamatan's uplink cut in the simulator, through a real Prometheus and Alertmanager", () => {
  let serve: ServeHandle;
  let sink: WebhookSink;
  let am: AlertmanagerHandle;
  let prom: PrometheusHandle;
  const dir = tempDir("alerts-prom-e2e");

  beforeAll(async () => {
    sink = await startWebhookSink();
    const alerting = alertingSchema.parse({
      timezone: "Asia/Jakarta",
      noc: "noc",
      receivers: [
        { id: "noc", name: "NOC", opd: base.meta.dinas, webhooks: [{ url: `${sink.url}/noc` }] },
        { id: "tik-kec-awang", name: "Pengelola TIK Kecamatan Awang", opd: "kec-awang", webhooks: [{ url: `${sink.url}/kec-awang` }] },
      ],
    });
    const inv: Inventory = { ...base, alerting };
    [serve, am] = await Promise.all([
      startServe({ inventory: inv, port: 0, simulate: true, intervalSeconds: POLL_SECONDS, log: () => {} }),
      startAlertmanager(buildAlertmanagerFiles(inv, { timings: { groupWait: "1s", groupInterval: "2s" } }), ALERTMANAGER_CONFIG_PATH),
    ]);
    // The stack's own Prometheus configuration (its `alerting:` block pointing at Alertmanager), with
    // the collector's address and the intervals of a test.
    const config = parse(renderPrometheusConfig(inv, fastRules(inv, dir, POLL_SECONDS), [], [new URL(am.url).host])) as Record<string, any>;
    config.global = { ...config.global, scrape_interval: "1s", evaluation_interval: "1s" };
    const collector = config.scrape_configs.find((j: { job_name: string }) => j.job_name === "spbe-collector");
    Object.assign(collector, { scrape_interval: "1s", scrape_timeout: "1s" });
    collector.static_configs[0].targets = [new URL(serve.url).host];
    config.scrape_configs = [collector];
    // Resent every second: an alert that fires before Prometheus has discovered Alertmanager (~5 s)
    // would otherwise wait a minute for its next send.
    prom = await startPrometheus({ configYaml: stringify(config), args: ["--rules.alert.resend-delay=1s"] });
    // Ready when Prometheus has sent Alertmanager the watchdog (the whole path works) and every device answers.
    await waitFor("the watchdog in Alertmanager", async () => (await amAlerts(am, `alertname="${ALERT.watchdog}"`)).length > 0, 60_000, 500);
    await waitFor("every device up", async () => (await prom.query(`count(spbe_snmp_up == 1) == ${serve.targets().length}`)).length > 0, 60_000, 500);
  }, 90_000);

  afterAll(async () => {
    await prom?.stop();
    await am?.stop();
    await serve?.close();
    await sink?.close();
  });

  it("sends exactly one notification naming the site and the devices behind it; their own alerts fire and are inhibited", async () => {
    const t0 = Date.now();
    await serve.simulator!.cutLinks([linkId]);
    const firing = await waitFor("the uplink's notification", () => sink.received.find((n) => ofLink(n) && n.body.status === "firing"), 40_000, 200);
    // What the cut makes Prometheus fire for the devices behind: the storm inhibition holds back.
    const behindFiring = async () =>
      (await prom.query(`ALERTS{alertname="${ALERT.deviceDown}",alertstate="firing",device=~"${uplink.devices.join("|")}"}`)).length === uplink.devices.length;
    await waitFor("the devices behind firing in Prometheus", behindFiring, 40_000, 500);
    const inAm = await waitFor("the devices behind in Alertmanager", async () => {
      const got = await amAlerts(am, `alertname="${ALERT.deviceDown}"`, `device=~"${uplink.devices.join("|")}"`);
      return got.length === uplink.devices.length && got;
    }, 20_000, 200);
    for (const a of inAm) expect(a.status.state, JSON.stringify(a)).toBe("suppressed");
    for (const a of inAm) expect(a.status.inhibitedBy.length).toBeGreaterThan(0);
    // Two group intervals more: anything else that would come has come.
    await new Promise((r) => setTimeout(r, 5_000));
    console.log(`cut → notification ${firing.at - t0} ms`);

    expect(sink.received.filter(ofLink)).toHaveLength(1);
    expect(alertsIn([firing])).toEqual([expect.objectContaining({ alertname: ALERT.backboneInterfaceDown, link: linkId, device: dcEnd.device, ifName: dcEnd.interface })]);
    const everyAlert = alertsIn(sink.received);
    expect(everyAlert.filter((a) => uplink.devices.includes(a.device!))).toEqual([]);
    expect(sink.received.filter((n) => n.path === "/kec-awang")).toEqual([]);

    // The text the NOC reads, rendered by Alertmanager's own templates from what it sent.
    const data = join(dir, "firing.json");
    writeFileSync(data, JSON.stringify(firing.body));
    const glob = join(am.configFile, "..", TEMPLATE_FILE);
    const text = await amtool(["template", "render", `--template.glob=${glob}`, `--template.text={{ template "${TEMPLATE.title}" . }}\n{{ template "${TEMPLATE.text}" . }}`, `--template.data=${data}`]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`link ${linkId}`);
    for (const d of uplink.devices) expect(text.stdout).toContain(`${d} (${base.devices.find((x) => x.id === d)!.site})`);
    expect(text.stdout).toContain("kantor-kec-awang");
  }, 80_000);

  it("sends one resolved notification when the link is mended, and nothing for the devices behind it", async () => {
    const before = sink.received.length;
    const t0 = Date.now();
    await serve.simulator!.cutLinks([]);
    const resolved = await waitFor("the resolved notification", () => sink.received.slice(before).find((n) => ofLink(n) && n.body.status === "resolved"), 40_000, 200);
    await waitFor("the devices behind resolved in Prometheus", async () => (await prom.query(`ALERTS{alertname="${ALERT.deviceDown}",device=~"${uplink.devices.join("|")}"}`)).length === 0, 20_000, 500);
    await new Promise((r) => setTimeout(r, 5_000));
    console.log(`mend → resolved notification ${resolved.at - t0} ms`);
    const after = sink.received.slice(before);
    expect(after.filter(ofLink)).toHaveLength(1);
    expect(alertsIn(after).filter((a) => uplink.devices.includes(a.device!))).toEqual([]);
  }, 80_000);
});
