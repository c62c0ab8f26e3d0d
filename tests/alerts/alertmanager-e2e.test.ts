// The generated configuration in Debian's prometheus-alertmanager, on a loopback port, with a local
// webhook server standing in for the NOC and an OPD contact. Alerts are posted as Prometheus posts
// them (POST /api/v2/alerts), labelled as the rules label them. Proves: one notification per site
// outage group; while a kecamatan's uplink alert fires, the alerts of the devices behind it send
// nothing (inhibition from the topology), and the resolved notification follows when it returns;
// an alert inside a maintenance window (from the inventory, as time intervals) sends nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALERTMANAGER_CONFIG_PATH, buildAlertmanagerFiles } from "../../dashboards/alertmanager/build";
import { behindForAlerting } from "../../dashboards/alertmanager/inhibit";
import { ALERT } from "../../dashboards/build";
import { loadInventoryOrThrow } from "../../inventory/load";
import { alertingSchema, type Inventory } from "../../inventory/schema";
import { startAlertmanager, type AlertmanagerHandle, type PostedAlert } from "../../testkit/servers/alertmanager";
import { waitFor } from "../../testkit/servers/common";
import { startWebhookSink, type WebhookNotification, type WebhookSink } from "../../testkit/servers/webhook-sink";

const ZONE = "Asia/Jakarta";
/** Local wall-clock time in the alerting zone, YYYY-MM-DDTHH:MM, as the inventory writes it. */
function localTime(at: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at).replace(" ", "T");
}

const base = loadInventoryOrThrow("examples/barito-timur/inventory.yaml");
const deviceById = new Map(base.devices.map((d) => [d.id, d] as const));
const siteById = new Map(base.sites.map((s) => [s.id, s] as const));
// The kecamatan uplink under test and what the topology puts behind it.
const uplink = behindForAlerting(base).find((b) => b.failed.kind === "link" && b.sites.includes("kantor-kec-awang"))!;
const linkEnd = base.links.find((l) => l.id === uplink.failed.id)!.a;
const inMaintenance = "dc-srv-03";

function deviceDown(device: string, endsAt?: Date): PostedAlert {
  const d = deviceById.get(device)!;
  const site = siteById.get(d.site)!;
  return {
    labels: { alertname: ALERT.deviceDown, severity: "critical", device, site: d.site, opd: site.opd ?? d.owner, role: d.role },
    annotations: { summary: `Device ${device} does not answer SNMP`, summary_id: `Perangkat ${device} tidak menjawab SNMP` },
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
  };
}

function uplinkDown(endsAt?: Date): PostedAlert {
  const d = deviceById.get(linkEnd.device)!;
  return {
    labels: { alertname: ALERT.backboneInterfaceDown, severity: "critical", device: d.id, site: d.site, opd: siteById.get(d.site)!.opd!, role: d.role, link: uplink.failed.id, ifName: linkEnd.interface },
    annotations: { summary: `Backbone link ${uplink.failed.id} is down`, summary_id: `Link backbone ${uplink.failed.id} putus` },
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
  };
}

const devicesIn = (n: WebhookNotification) => n.body.alerts.map((a) => a.labels.device);

describe("Alertmanager with the configuration generated from the barito-timur inventory", () => {
  let sink: WebhookSink;
  let am: AlertmanagerHandle;

  beforeAll(async () => {
    sink = await startWebhookSink();
    const now = new Date();
    const alerting = alertingSchema.parse({
      timezone: ZONE,
      noc: "noc",
      receivers: [
        { id: "noc", name: "NOC", opd: base.meta.dinas, webhooks: [{ url: `${sink.url}/noc` }] },
        { id: "tik-kec-awang", name: "Pengelola TIK Kecamatan Awang", opd: "kec-awang", webhooks: [{ url: `${sink.url}/kec-awang` }] },
      ],
      maintenance: [
        { id: "mw-now", scope: { device: inMaintenance }, reason: "uji / test", start: localTime(new Date(now.getTime() - 3_600_000)), end: localTime(new Date(now.getTime() + 3_600_000)) },
      ],
    });
    const inv: Inventory = { ...base, alerting };
    am = await startAlertmanager(buildAlertmanagerFiles(inv, { timings: { groupWait: "1s", groupInterval: "2s" } }), ALERTMANAGER_CONFIG_PATH);
  }, 60_000);

  afterAll(async () => {
    await am?.stop();
    await sink?.close();
  });

  it("sends one notification per site outage, none for what is behind a down uplink or in maintenance", async () => {
    const behindDevice = uplink.devices[0]!;
    await am.postAlerts([
      deviceDown("dc-srv-01"),
      deviceDown("dc-srv-02"),
      uplinkDown(),
      ...uplink.devices.map((d) => deviceDown(d)),
      deviceDown(inMaintenance),
      deviceDown("setda-rtr-01"), // a control outside every window and every inhibition
    ]);
    const noc = () => sink.received.filter((n) => n.path === "/noc");
    await waitFor("the NOC's notifications", () => {
      const got = noc();
      return got.some((n) => n.body.groupLabels.link === uplink.failed.id) && got.some((n) => n.body.groupLabels.site === "kantor-setda") && got.some((n) => devicesIn(n).includes("dc-srv-01"));
    }, 30_000);
    // Two group intervals more: anything that would still come has come.
    await new Promise((r) => setTimeout(r, 5_000));

    const dcOutage = noc().filter((n) => n.body.groupLabels.site === "dc" && n.body.groupLabels.link === undefined);
    expect(dcOutage).toHaveLength(1);
    expect(devicesIn(dcOutage[0]!).sort()).toEqual(["dc-srv-01", "dc-srv-02"]);

    const linkNotes = noc().filter((n) => n.body.groupLabels.link === uplink.failed.id);
    expect(linkNotes).toHaveLength(1);
    expect(linkNotes[0]!.body.alerts.map((a) => a.labels.alertname)).toEqual([ALERT.backboneInterfaceDown]);

    const everyDevice = sink.received.flatMap(devicesIn);
    expect(everyDevice).not.toContain(behindDevice);
    expect(sink.received.filter((n) => n.path === "/kec-awang")).toEqual([]);
    expect(everyDevice).not.toContain(inMaintenance);
    expect(everyDevice).toContain("setda-rtr-01");
  }, 60_000);

  it("sends the resolved notification when the uplink returns, and nothing for the devices behind it", async () => {
    const before = sink.received.length;
    const now = new Date();
    await am.postAlerts([uplinkDown(now), ...uplink.devices.map((d) => deviceDown(d, now))]);
    await waitFor("the resolved notification", () => sink.received.slice(before).some((n) => n.body.status === "resolved" && n.body.groupLabels.link === uplink.failed.id), 30_000);
    await new Promise((r) => setTimeout(r, 4_000));
    const after = sink.received.slice(before);
    expect(after.filter((n) => n.body.groupLabels.link === uplink.failed.id)).toHaveLength(1);
    expect(after.flatMap(devicesIn)).not.toContain(uplink.devices[0]);
  }, 60_000);
});
