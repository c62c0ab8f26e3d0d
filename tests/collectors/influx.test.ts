// InfluxDB 1.x (Debian influxd) as a sink: points written with Telegraf's snmp conventions read
// back with InfluxQL; influxd stopped mid-run and restarted: nothing lost. A full buffer drops the
// oldest points and counts them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InfluxSink } from "../../collectors/influx-sink";
import * as N from "../../collectors/metric-names";
import type { PollResult } from "../../collectors/poller";
import { startServe, type ServeHandle } from "../../collectors/serve";
import { freeTcpPort, waitFor } from "../../testkit/servers/common";
import { startInfluxd, type InfluxdHandle } from "../../testkit/servers/influxd";
import { smallInventory } from "./support/small-inventory";

let influxd: InfluxdHandle;
let serve: ServeHandle | undefined;

beforeAll(async () => {
  influxd = await startInfluxd();
}, 60_000);
afterAll(async () => {
  await serve?.close();
  await influxd?.stop();
});

describe("InfluxDB sink", () => {
  it("keeps every poll across an influxd outage, with Telegraf-style tags and exact integers", async () => {
    const polls: PollResult[] = [];
    const logs: string[] = [];
    serve = await startServe({
      inventory: smallInventory(), simulate: true, port: 0, intervalSeconds: 1, env: {},
      influxUrl: influxd.url, influxDatabase: "spbe_test", log: (l) => logs.push(l), onPoll: (r) => polls.push(r),
    });
    const sink = serve.influx!;
    await waitFor("first points written", () => sink.stats.written > 0, 20_000);

    await influxd.pause(); // the outage: ~3 poll rounds
    const pollsBefore = polls.length;
    await waitFor("points buffered while influxd is away", () => sink.stats.writeErrors > 0 && polls.length >= pollsBefore + 10, 20_000);
    expect(sink.buffered).toBeGreaterThan(0);
    await influxd.restart();
    await waitFor("buffer drained after restart", () => sink.buffered === 0 && sink.stats.written > 0, 30_000, 100);
    await serve.close(); // flushes what the last polls produced
    serve = undefined;
    expect(sink.stats.dropped).toBe(0);
    expect(sink.stats.rejected).toBe(0);
    expect(logs.some((l) => l.includes("influx: write failed"))).toBe(true);
    expect(logs.some((l) => l.includes("influx: writes succeed again")), logs.join("\n")).toBe(true);

    // every poll of every device is there: one spbe_snmp point per poll
    for (const device of ["core-sw", "setda-rtr", "dc-ups"]) {
      const n = polls.filter((p) => p.target.device === device).length;
      const rows = await influxd.query(`SELECT count("up") FROM "${N.INFLUX_POLL}" WHERE "device" = '${device}'`, "spbe_test");
      expect(rows[0]!.values[0]![1], device).toBe(n);
    }
    // interface points: Telegraf tags (agent_host, ifName, ...) plus inventory labels; integer fields exact
    const last = polls.filter((p) => p.target.device === "core-sw").at(-1)!;
    const want = last.samples.find((s) => s.name === "ifHCInOctets" && s.labels.some(([k, v]) => k === "ifName" && v === "Te1/0/1"))!;
    const rows = await influxd.query(`SELECT "ifHCInOctets", "agent_host", "link", "opd" FROM "${N.INFLUX_TABLE_MEASUREMENT[N.LABEL_IF_INDEX]}" WHERE "device" = 'core-sw' AND "ifName" = 'Te1/0/1' ORDER BY time DESC LIMIT 1`, "spbe_test");
    const [, value, agentHost, link, opd] = rows[0]!.values[0]!;
    expect(String(value)).toBe(want.value); // < 2^53 here, so JSON carries it exactly
    expect(agentHost).toBe("127.0.0.1");
    expect(link).toBe("bb-setda");
    expect(opd).toBe("diskominfo");
    const types = await influxd.query(`SHOW FIELD KEYS FROM "${N.INFLUX_TABLE_MEASUREMENT[N.LABEL_IF_INDEX]}"`, "spbe_test");
    expect(types[0]!.values).toContainEqual(["ifHCInOctets", "integer"]);
    // derived series too
    const opdRows = await influxd.query(`SELECT count("value") FROM "spbe_opd_backbone_traffic_bps" WHERE "opd" = 'setda'`, "spbe_test");
    expect(Number(opdRows[0]!.values[0]![1])).toBeGreaterThan(0);
  }, 90_000);

  it("counts dropped points when the buffer bound is hit, and drops the oldest", async () => {
    const deadPort = await freeTcpPort();
    const sink = new InfluxSink({ url: `http://127.0.0.1:${deadPort}`, database: "x", maxBuffered: 10, batchSize: 5, log: () => undefined });
    const point = (i: number) => ({ measurement: "m", tags: { i: String(i) }, fields: { v: i }, timestamp: new Date(1_700_000_000_000 + i) });
    sink.add(Array.from({ length: 25 }, (_, i) => point(i)));
    expect(sink.stats.dropped).toBe(15);
    expect(sink.buffered).toBe(10);
    expect(sink.metricsText()).toContain("spbe_influx_points_dropped_total 15");
    await sink.flush();
    expect(sink.stats.writeErrors).toBe(1);
    expect(sink.buffered).toBe(10); // kept for the retry
    await sink.close(200);
  });
});
