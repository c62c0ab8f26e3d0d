// The recovery-site pair, every part real (Debian's Prometheus and Alertmanager on loopback ports):
// two Alertmanagers clustered as peers (a silence made on one holds on the other; an alert both
// receive is notified once), and a recovery-site Prometheus with the same generated rules scraping
// the data center's Prometheus: when that one stops, the recovery Prometheus fires
// SpbeDataCenterPrometheusDown and the Alertmanager pair sends it to the NOC (a local webhook sink).
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSilence, listSilences } from "../../dashboards/alertmanager/api";
import { ALERTMANAGER_CONFIG_PATH, buildAlertmanagerFiles } from "../../dashboards/alertmanager/build";
import { ALERT } from "../../dashboards/build";
import { loadInventoryOrThrow } from "../../inventory/load";
import { DATACENTER_PROMETHEUS_JOB } from "../../inventory/monitoring-jobs";
import { alertingSchema, type Inventory } from "../../inventory/schema";
import { startAlertmanager, type AlertmanagerHandle } from "../../testkit/servers/alertmanager";
import { tempDir, waitFor } from "../../testkit/servers/common";
import { startPrometheus, type PrometheusHandle } from "../../testkit/servers/prometheus";
import { startWebhookSink, type WebhookSink } from "../../testkit/servers/webhook-sink";
import { fastRules } from "./support/fast-rules";

const base = loadInventoryOrThrow("examples/barito-timur/inventory.yaml");

async function amJson<T>(am: AlertmanagerHandle, path: string): Promise<T> {
  return (await (await fetch(`${am.url}${path}`)).json()) as T;
}

describe("the recovery site's Prometheus and the Alertmanager pair", () => {
  let sink: WebhookSink;
  let am1: AlertmanagerHandle;
  let am2: AlertmanagerHandle;
  let dc: PrometheusHandle | undefined;
  let recovery: PrometheusHandle;
  const dir = tempDir("recovery-pair");

  beforeAll(async () => {
    sink = await startWebhookSink();
    const alerting = alertingSchema.parse({ timezone: "Asia/Jakarta", noc: "noc", receivers: [{ id: "noc", name: "NOC", opd: base.meta.dinas, webhooks: [{ url: `${sink.url}/noc` }] }] });
    const inv: Inventory = { ...base, alerting };
    const files = buildAlertmanagerFiles(inv, { timings: { groupWait: "1s", groupInterval: "2s" } });
    am1 = await startAlertmanager(files, ALERTMANAGER_CONFIG_PATH, { cluster: { peers: [] } });
    am2 = await startAlertmanager(files, ALERTMANAGER_CONFIG_PATH, { cluster: { peers: [am1.clusterAddress!] } });
    dc = await startPrometheus({ scrapeTargets: [] });
    const config = [
      "global:",
      "  scrape_interval: 1s",
      "  evaluation_interval: 1s",
      "  external_labels: {replica: recovery}",
      "alerting:",
      // As the pair does: the replica label dropped, so both replicas' alerts are one alert in Alertmanager.
      "  alert_relabel_configs: [{action: labeldrop, regex: replica}]",
      `  alertmanagers: [{static_configs: [{targets: [${JSON.stringify(new URL(am1.url).host)}, ${JSON.stringify(new URL(am2.url).host)}]}]}]`,
      "scrape_configs:",
      `  - job_name: ${DATACENTER_PROMETHEUS_JOB}`,
      "    scrape_timeout: 1s",
      `    static_configs: [{targets: [${JSON.stringify(new URL(dc.url).host)}]}]`,
      "",
    ].join("\n");
    recovery = await startPrometheus({ configYaml: config, rulesFiles: fastRules(inv, dir, 2), args: ["--rules.alert.resend-delay=1s"] });
  }, 90_000);

  afterAll(async () => {
    await recovery?.stop();
    await dc?.stop();
    await am2?.stop();
    await am1?.stop();
    await sink?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the two Alertmanagers are one cluster: a silence made on one holds on the other", async () => {
    await waitFor("two peers in the cluster", async () => {
      const s = await amJson<{ cluster: { status: string; peers: unknown[] } }>(am2, "/api/v2/status");
      return s.cluster.status === "ready" && s.cluster.peers.length === 2;
    }, 60_000, 250);
    const now = Date.now();
    const id = await createSilence(am1.url, { matchers: [{ name: "device", value: "dc-srv-04", isRegex: false, isEqual: true }], startsAt: new Date(now).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), createdBy: "test", comment: "peer test" });
    const onPeer = await waitFor("the silence on the other peer", async () => (await listSilences(am2.url)).find((s) => s.id === id), 20_000, 200);
    expect(onPeer.status.state).toBe("active");
  }, 90_000);

  it("with the data center's Prometheus stopped, the recovery Prometheus fires the meta-monitoring alert and the pair notifies once", async () => {
    await waitFor("the recovery site scraping the data center", async () => (await recovery.query(`up{job="${DATACENTER_PROMETHEUS_JOB}"} == 1`)).length === 1, 30_000, 250);
    expect(sink.received.filter((n) => n.body.alerts.some((a) => a.labels.alertname === ALERT.dataCenterPrometheusDown))).toEqual([]);
    const t0 = Date.now();
    await dc!.stop();
    dc = undefined;
    const isMeta = (n: WebhookSink["received"][number]) => n.body.alerts.some((a) => a.labels.alertname === ALERT.dataCenterPrometheusDown);
    const note = await waitFor("the meta-monitoring notification", () => sink.received.find(isMeta), 40_000, 200);
    // Both peers hold the alert (Prometheus sent it to each); the cluster's notification log lets only one notify.
    for (const am of [am1, am2]) {
      const q = new URLSearchParams({ filter: `alertname="${ALERT.dataCenterPrometheusDown}"` });
      expect((await amJson<unknown[]>(am, `/api/v2/alerts?${q}`)).length).toBe(1);
    }
    // Longer than the second peer's wait (peer timeout 2 s) plus a group interval: a duplicate would have come.
    await new Promise((r) => setTimeout(r, 6_000));
    console.log(`data center Prometheus stopped → notification ${note.at - t0} ms`);
    // Each state of the NOC's group is notified by one peer: the same alerts twice would be the pair
    // failing to deduplicate. A later notification with another set (one more alert joined the
    // group, which under load can fall after the first) is the group changing, not a duplicate.
    const alertSets = sink.received
      .filter(isMeta)
      .map((n) => JSON.stringify(n.body.alerts.map((a) => [a.labels.alertname, a.fingerprint, a.status, a.startsAt]).sort()));
    expect(alertSets).toEqual([...new Set(alertSets)]);
    expect(note.path).toBe("/noc");
    expect(note.body.alerts[0]!.labels).toMatchObject({ job: DATACENTER_PROMETHEUS_JOB, severity: "critical" });
  }, 90_000);
});
