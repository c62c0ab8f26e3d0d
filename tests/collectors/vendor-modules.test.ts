// The shipped vendor modules (collectors/modules/*.yaml) polled through snmpsim serving recordings
// written from the vendors' MIBs: every series name, label and value the module promises.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as N from "../../collectors/metric-names";
import { pollTarget, type PollResult } from "../../collectors/poller";
import { envSecrets } from "../../collectors/secrets";
import { SnmpClient } from "../../collectors/snmp-client";
import type { Target } from "../../collectors/targets";
import type { Sample } from "../../collectors/sample";
import { startSnmpsim, type SnmpsimHandle } from "../../testkit/servers/snmpsim";
import { CISCO_RECORDED, MIKROTIK_RECORDED, PRINTER_RECORDED, writeVendorRecordings } from "./support/vendor-recordings";

let sim: SnmpsimHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-vendor-"));

beforeAll(async () => {
  sim = await startSnmpsim({ recordings: writeVendorRecordings(dir) });
}, 120_000);
afterAll(async () => {
  await sim?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function poll(community: string, modules: string[]): Promise<PollResult> {
  const t: Target = {
    device: "dev", role: "router", site: "dc", opd: "diskominfo", host: sim.host, port: sim.port,
    access: { version: "2c", community: { env: "COMMUNITY" } }, modules, intervalSeconds: 60,
    labels: [["device", "dev"]], linkByIfName: new Map(), linkByIfIndex: new Map(),
  };
  // One column per GETBULK: snmpsim spins on some multi-column GETBULKs (snmp-exporter-compat.test.ts).
  const client = new SnmpClient({ host: sim.host, port: sim.port, access: t.access, secrets: envSecrets({}, { COMMUNITY: community }), timeoutMs: 10_000, retries: 1, maxRepetitions: 25, maxColumnsPerPdu: 1 });
  try {
    return await pollTarget(t, client);
  } finally {
    client.close();
  }
}

/** name{labels} → value, labels without the base `device`. */
function series(samples: Sample[], name: string): Record<string, string> {
  return Object.fromEntries(
    samples.filter((s) => s.name === name).map((s) => [s.labels.filter(([k]) => k !== "device").map(([k, v]) => `${k}=${v}`).join(","), s.value]),
  );
}

describe("mikrotik module (MIKROTIK-MIB)", () => {
  it("health, gauge table, simple queues, the quota queue tree and access points: names, labels, values", async () => {
    const r = await poll("mikrotik", ["system", "mikrotik"]);
    const m = MIKROTIK_RECORDED;
    expect(r.errors).toEqual([]);
    // A missing optional health scalar (mtxrHlCpuTemperature) is not a partial walk.
    expect(r.modules.map((x) => [x.module, x.status])).toEqual([["system", "ok"], ["mikrotik", "ok"]]);
    expect(series(r.samples, N.MTXR_HL_VOLTAGE)).toEqual({ "": String(m.voltageTenths) });
    expect(series(r.samples, N.MTXR_HL_TEMPERATURE)).toEqual({ "": String(m.temperatureTenths) });
    expect(series(r.samples, N.MTXR_HL_CPU_TEMPERATURE)).toEqual({});
    expect(series(r.samples, N.MTXR_GAUGE_VALUE)).toEqual({ "mtxrGaugeIndex=1,mtxrGaugeName=cpu-temperature": "47", "mtxrGaugeIndex=2,mtxrGaugeName=psu1-voltage": "240" });
    expect(series(r.samples, N.MTXR_GAUGE_UNIT)).toEqual({ "mtxrGaugeIndex=1,mtxrGaugeName=cpu-temperature": "1", "mtxrGaugeIndex=2,mtxrGaugeName=psu1-voltage": "3" });
    const q = m.simple[0]!;
    const simpleKey = `${N.LABEL_MTXR_QUEUE_SIMPLE_INDEX}=1,${N.LABEL_MTXR_QUEUE_SIMPLE_NAME}=${q.name}`;
    expect(series(r.samples, N.MTXR_QUEUE_SIMPLE_BYTES_IN)).toEqual({ [simpleKey]: q.bytesIn });
    expect(series(r.samples, N.MTXR_QUEUE_SIMPLE_BYTES_OUT)).toEqual({ [simpleKey]: q.bytesOut });
    expect(series(r.samples, N.MTXR_QUEUE_SIMPLE_PACKETS_IN)).toEqual({ [simpleKey]: String(q.packetsIn) });
    expect(series(r.samples, N.MTXR_QUEUE_SIMPLE_PACKETS_OUT)).toEqual({ [simpleKey]: String(q.packetsOut) });
    const treeKey = (t: (typeof m.tree)[number]) => `${N.LABEL_MTXR_QUEUE_TREE_INDEX}=${t.index},${N.LABEL_MTXR_QUEUE_TREE_NAME}=${t.name}`;
    expect(series(r.samples, N.MTXR_QUEUE_TREE_BYTES)).toEqual(Object.fromEntries(m.tree.map((t) => [treeKey(t), String(t.bytes)])));
    expect(series(r.samples, N.MTXR_QUEUE_TREE_PACKETS)).toEqual(Object.fromEntries(m.tree.map((t) => [treeKey(t), String(t.packets)])));
    expect(series(r.samples, N.MTXR_QUEUE_TREE_HC_BYTES)).toEqual(Object.fromEntries(m.tree.map((t) => [treeKey(t), t.hcBytes])));
    expect(r.samples.find((s) => s.name === N.MTXR_QUEUE_TREE_BYTES)!.type).toBe("counter");
    expect(series(r.samples, N.MTXR_WL_AP_CLIENT_COUNT)).toEqual({ "mtxrWlApIndex=3,mtxrWlApSsid=Kantor-Dinkes": "17" });
    expect(r.samples.find((s) => s.name === N.MTXR_WL_AP_CLIENT_COUNT)!.type).toBe("gauge");
  }, 120_000);

  it("an agent without MIKROTIK-MIB: the module is empty, not ok", async () => {
    const r = await poll("printer", ["mikrotik"]);
    expect(r.modules.map((x) => [x.module, x.status])).toEqual([["mikrotik", "empty"]]);
  }, 120_000);
});

describe("cisco_cpu_memory and entity_sensor modules", () => {
  it("CISCO-PROCESS-MIB, CISCO-MEMORY-POOL-MIB and ENTITY-SENSOR-MIB values with their index and lookup labels", async () => {
    const r = await poll("cisco2960", ["cisco_cpu_memory", "entity_sensor"]);
    const c = CISCO_RECORDED;
    expect(r.errors).toEqual([]);
    expect(r.modules.map((x) => [x.module, x.status])).toEqual([["cisco_cpu_memory", "ok"], ["entity_sensor", "ok"]]);
    const cpu = `${N.LABEL_CPM_CPU_TOTAL_INDEX}=${c.cpu.index}`;
    expect(series(r.samples, N.CPM_CPU_TOTAL_5SEC_REV)).toEqual({ [cpu]: String(c.cpu.sec5) });
    expect(series(r.samples, N.CPM_CPU_TOTAL_1MIN_REV)).toEqual({ [cpu]: String(c.cpu.min1) });
    expect(series(r.samples, N.CPM_CPU_TOTAL_5MIN_REV)).toEqual({ [cpu]: String(c.cpu.min5) });
    expect(series(r.samples, N.CPM_CPU_TOTAL_PHYSICAL_INDEX)).toEqual({ [cpu]: String(c.cpu.physical) });
    const pool = (p: (typeof c.pools)[number]) => `${N.LABEL_CISCO_MEMORY_POOL_TYPE}=${p.type},${N.LABEL_CISCO_MEMORY_POOL_NAME}=${p.name}`;
    expect(series(r.samples, N.CISCO_MEMORY_POOL_USED)).toEqual(Object.fromEntries(c.pools.map((p) => [pool(p), String(p.used)])));
    expect(series(r.samples, N.CISCO_MEMORY_POOL_FREE)).toEqual(Object.fromEntries(c.pools.map((p) => [pool(p), String(p.free)])));
    expect(series(r.samples, N.CISCO_MEMORY_POOL_LARGEST_FREE)).toEqual(Object.fromEntries(c.pools.map((p) => [pool(p), String(p.largest)])));
    const ent = `${N.LABEL_ENT_PHYSICAL_INDEX}=${c.sensor.index}`;
    expect(series(r.samples, N.ENT_PHY_SENSOR_TYPE)).toEqual({ [ent]: "8" });
    expect(series(r.samples, N.ENT_PHY_SENSOR_SCALE)).toEqual({ [ent]: "9" });
    expect(series(r.samples, N.ENT_PHY_SENSOR_PRECISION)).toEqual({ [ent]: "0" });
    expect(series(r.samples, N.ENT_PHY_SENSOR_VALUE)).toEqual({ [ent]: "41" });
    expect(series(r.samples, N.ENT_PHY_SENSOR_OPER_STATUS)).toEqual({ [ent]: "1" });
  }, 120_000);
});

describe("printer module (HOST-RESOURCES-MIB, Printer-MIB)", () => {
  it("tables indexed by hrDeviceIndex and the Printer-MIB index: one label per sub-identifier", async () => {
    const r = await poll("printer", ["printer"]);
    const p = PRINTER_RECORDED;
    expect(r.errors).toEqual([]);
    expect(r.modules.map((x) => [x.module, x.status])).toEqual([["printer", "ok"]]);
    expect(series(r.samples, N.HR_PRINTER_STATUS)).toEqual({ "hrDeviceIndex=1": "3" });
    expect(series(r.samples, N.PRT_MARKER_LIFE_COUNT)).toEqual({ [`hrDeviceIndex=1,${N.LABEL_PRT_MARKER_INDEX}=1`]: String(p.lifeCount) });
    const supply = (s: (typeof p.supplies)[number]) => `hrDeviceIndex=1,${N.LABEL_PRT_MARKER_SUPPLIES_INDEX}=${s.index},${N.LABEL_PRT_MARKER_SUPPLIES_DESCRIPTION}=${s.description}`;
    expect(series(r.samples, N.PRT_MARKER_SUPPLIES_LEVEL)).toEqual(Object.fromEntries(p.supplies.map((s) => [supply(s), String(s.level)])));
    expect(series(r.samples, N.PRT_MARKER_SUPPLIES_MAX_CAPACITY)).toEqual(Object.fromEntries(p.supplies.map((s) => [supply(s), String(s.max)])));
    expect(series(r.samples, N.PRT_MARKER_SUPPLIES_TYPE)).toEqual(Object.fromEntries(p.supplies.map((s) => [supply(s), String(s.type)])));
  }, 120_000);
});
