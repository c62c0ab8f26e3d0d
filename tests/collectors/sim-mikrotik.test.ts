// The simulator answers MIKROTIK-MIB for a MikroTik: the quota gateway's queue tree has one queue per
// OPD and direction, named as infra/quota/routeros.ts renders them, with counters that move at about
// the quota's rate; health readings; an access point's registered clients. Polled with the shipped
// mikrotik module over SNMP, as the collector does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import * as N from "../../collectors/metric-names";
import { pollTarget } from "../../collectors/poller";
import { envSecrets } from "../../collectors/secrets";
import { startSimulator, type Simulator } from "../../collectors/simulator";
import { SnmpClient } from "../../collectors/snmp-client";
import { planTargets, type Target } from "../../collectors/targets";
import { loadInventoryText } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";
import { queueName } from "../../infra/quota/routeros";
import { minimalInventory } from "../fixtures/minimal-inventory";

const secrets = envSecrets({}, { SNMP_COMMUNITY: "public" });
let sim: Simulator;
let inv: Inventory;

beforeAll(async () => {
  const doc = minimalInventory();
  const snmp = { version: "2c", community: { env: "SNMP_COMMUNITY" } };
  // The quota gateway is a MikroTik (kind routeros by its vendor); a MikroTik access point at the OPD.
  Object.assign(doc.devices.find((d: { id: string }) => d.id === "gw"), { vendor: "MikroTik", model: "CCR2004", mgmtAddress: "10.0.0.254", snmp });
  doc.devices.push({ id: "dinkes-ap", role: "access-point", site: "kantor-dinkes", vendor: "MikroTik", mgmtAddress: "10.1.11.3", snmp, interfaces: [{ name: "wlan1" }, { name: "wlan2" }] });
  doc.bandwidth.quotas.push({ opd: "diskominfo", downMbps: 100, upMbps: 40 });
  const loaded = loadInventoryText(stringify(doc));
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  inv = loaded.inventory!;
  sim = await startSimulator(inv, { secrets });
}, 120_000);
afterAll(async () => sim?.stop());

function target(id: string): Target {
  const t = planTargets(inv, { endpoint: (d) => sim.endpoints.get(d.id) }).targets.find((x) => x.device === id);
  if (!t) throw new Error(`no target ${id}`);
  return t;
}

async function poll(t: Target) {
  const client = new SnmpClient({ host: t.host, port: t.port, access: t.access, secrets, timeoutMs: 5000, retries: 1, maxRepetitions: 25 });
  try {
    return await pollTarget(t, client);
  } finally {
    client.close();
  }
}

const label = (s: { labels: [string, string][] }, name: string) => s.labels.find(([k]) => k === name)?.[1];

describe("the simulator's MikroTik", () => {
  it("the quota gateway: polled with mikrotik by its vendor; one queue per OPD and direction, moving at about the quota", async () => {
    const t = target("gw");
    expect(t.modules).toContain("mikrotik");
    const first = await poll(t);
    expect(first.errors).toEqual([]);
    expect(first.modules.find((m) => m.module === "mikrotik")).toEqual({ module: "mikrotik", status: "ok" });
    const hc = (r: typeof first) => new Map(r.samples.filter((s) => s.name === N.MTXR_QUEUE_TREE_HC_BYTES).map((s) => [label(s, N.LABEL_MTXR_QUEUE_TREE_NAME)!, BigInt(s.value)]));
    const expected = inv.bandwidth!.quotas.flatMap((q) => [queueName(q.opd, "down"), queueName(q.opd, "up")]).sort();
    expect([...hc(first).keys()].sort()).toEqual(expected);
    expect(first.samples.filter((s) => s.name === N.MTXR_QUEUE_TREE_BYTES).map((s) => label(s, N.LABEL_MTXR_QUEUE_TREE_NAME)).sort()).toEqual(expected);
    expect(first.samples.some((s) => s.name === N.MTXR_HL_VOLTAGE && Number(s.value) > 200)).toBe(true);
    // the mikrotik module's opd_queue_bytes: each quota queue's 64-bit bytes as the OPD's internet bytes
    const internet = first.samples.filter((s) => s.name === N.SPBE_OPD_INTERNET_BYTES_TOTAL);
    expect(internet.map((s) => `${label(s, N.LABEL_OPD)} ${label(s, N.LABEL_DIRECTION)}`).sort()).toEqual(inv.bandwidth!.quotas.flatMap((q) => [`${q.opd} down`, `${q.opd} up`]).sort());
    for (const s of internet) expect(s.value).toBe(String(hc(first).get(queueName(label(s, N.LABEL_OPD)!, label(s, N.LABEL_DIRECTION) as "down" | "up"))));
    expect(internet.every((s) => label(s, N.LABEL_MTXR_QUEUE_TREE_NAME) === undefined && label(s, "device") === "gw")).toBe(true);
    expect(first.samples.filter((s) => s.name === N.MTXR_GAUGE_VALUE).map((s) => label(s, N.LABEL_MTXR_GAUGE_NAME)).sort()).toEqual(["temperature", "voltage"]);

    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 2000));
    const second = await poll(t);
    const seconds = (Date.now() - t0) / 1000;
    const a = hc(first);
    const b = hc(second);
    // dinkes down: 20 Mb/s quota, the simulated queue runs at 30-110 % of it (±20 % wave).
    const bps = (Number(b.get(queueName("dinkes", "down"))! - a.get(queueName("dinkes", "down"))!) * 8) / seconds;
    expect(bps).toBeGreaterThan(20e6 * 0.3 * 0.5);
    expect(bps).toBeLessThan(20e6 * 1.1 * 1.5);
  }, 120_000);

  it("a MikroTik access point: one access-point row per wlan interface with its clients; no queues", async () => {
    const r = await poll(target("dinkes-ap"));
    expect(r.errors).toEqual([]);
    const clients = r.samples.filter((s) => s.name === N.MTXR_WL_AP_CLIENT_COUNT);
    expect(clients.map((s) => label(s, N.LABEL_MTXR_WL_AP_SSID)).sort()).toEqual(["kantor-dinkes-wlan1", "kantor-dinkes-wlan2"]);
    for (const s of clients) expect(Number(s.value)).toBeGreaterThan(0);
    expect(r.samples.some((s) => s.name === N.MTXR_QUEUE_TREE_BYTES)).toBe(false);
    expect(r.modules.find((m) => m.module === "mikrotik")?.status).toBe("ok");
  }, 120_000);
});
