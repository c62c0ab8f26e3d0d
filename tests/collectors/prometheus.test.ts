// Prometheus (Debian) scrapes `spbe serve --simulate` on the small inventory: /metrics and the
// per-target /snmp?target= endpoint. Queries through its HTTP API return the expected series;
// `promtool check metrics` is clean for the project's own (spbe_) metric families.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as N from "../../collectors/metric-names";
import { mibEnumValue } from "../../collectors/modules";
import { startServe, type ServeHandle } from "../../collectors/serve";
import { requireBinary, waitFor } from "../../testkit/servers/common";
import { startPrometheus, type PrometheusHandle } from "../../testkit/servers/prometheus";
import { smallInventory } from "./support/small-inventory";

let serve: ServeHandle;
let prom: PrometheusHandle;

beforeAll(async () => {
  serve = await startServe({ inventory: smallInventory(), simulate: true, port: 0, intervalSeconds: 1, env: {}, log: () => undefined });
  prom = await startPrometheus({ scrapeTargets: [`${serve.url}/metrics`, `${serve.url}/snmp?target=dc-ups`], scrapeInterval: "1s" });
}, 60_000);
afterAll(async () => {
  await prom?.stop();
  await serve?.close();
});

function promtoolCheck(text: string): Promise<{ code: number; out: string }> {
  const bin = requireBinary("promtool", "prometheus");
  return new Promise((resolve) => {
    const p = spawn(bin, ["check", "metrics"]);
    let out = "";
    p.stdout.on("data", (b) => (out += b));
    p.stderr.on("data", (b) => (out += b));
    p.on("close", (code) => resolve({ code: code ?? 1, out }));
    p.stdin.end(text);
  });
}

describe("Prometheus scraping spbe serve", () => {
  it("sees every device up, interface and derived series, and the per-target endpoint", async () => {
    expect(serve.generatedSecrets.sort()).toEqual(["SPBE_TEST_AUTH", "SPBE_TEST_COMMUNITY", "SPBE_TEST_PRIV"]);
    await waitFor("all 5 devices up in Prometheus", async () => {
      const r = await prom.query(`count(spbe_snmp_up{job="t0"} == 1)`);
      return r[0]?.value[1] === "5";
    }, 40_000, 250);
    const link = await prom.query('ifHCOutOctets{device="core-sw",ifName="Te1/0/1"}');
    expect(link, JSON.stringify(await prom.query('ifHCOutOctets{device="core-sw"}'))).toHaveLength(1);
    expect(link[0]!.metric).toMatchObject({ link: "bb-setda", site: "dc", opd: "diskominfo", role: "switch", ifIndex: "1" });
    // the simulator's counters start near 2^40: exact integers reach Prometheus
    expect(Number(link[0]!.value[1])).toBeGreaterThan(2 ** 40);
    // The small inventory's quota gateway is not polled: the OPDs' internet series (spbe_opd_traffic_bps)
    // need it (tests/dashboards/data.test.ts, tests/quota/netns.test.ts); the backbone series does not.
    const down = await waitFor("setda traffic derived", async () => {
      const r = await prom.query('spbe_opd_backbone_traffic_bps{opd="setda",direction="down"}');
      return r.length === 1 ? r : undefined;
    }, 20_000, 250);
    // the simulator keeps the Dinas side of setda's link at 30-110 % of its 50 Mbit/s quota
    expect(Number(down[0]!.value[1])).toBeGreaterThan(0.3 * 50e6 * 0.75);
    expect(Number(down[0]!.value[1])).toBeLessThan(1.1 * 50e6 * 1.25);
    const quota = await prom.query('spbe_opd_quota_bps{opd="setda",direction="down"}');
    expect(quota[0]!.value[1]).toBe("50000000");
    const util = await prom.query('spbe_link_utilisation_ratio{link="bb-setda"}');
    expect(util).toHaveLength(2);
    for (const u of util) expect(Number(u.value[1])).toBeGreaterThan(0);
    // per-target endpoint, scraped as its own job
    const ups = await waitFor("per-target scrape", async () => {
      const r = await prom.query('upsBatteryStatus{job="t1"}');
      return r.length > 0 ? r : undefined;
    }, 10_000, 250);
    expect(ups).toHaveLength(1);
    expect(ups[0]!.metric.device).toBe("dc-ups");
    expect(ups[0]!.value[1]).toBe(String(mibEnumValue(N.UPS_BATTERY_STATUS, "batteryNormal")));
  }, 90_000);

  it("passes promtool check metrics for the spbe_ families, gzip or not", async () => {
    const res = await fetch(`${serve.url}/metrics`, { headers: { "Accept-Encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const text = await res.text(); // fetch decompresses
    const own = text
      .split("\n")
      .filter((l) => /^(# (HELP|TYPE) )?spbe_/.test(l))
      .join("\n") + "\n";
    expect(own).toContain("spbe_snmp_up{");
    const r = await promtoolCheck(own);
    expect(r.out).toBe("");
    expect(r.code).toBe(0);
    // the whole page parses too (snmp_exporter-style camelCase names only draw lint notes)
    const all = await promtoolCheck(text);
    const notes = all.out.split("\n").filter((l) => l.trim() !== "");
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n).toMatch(/^\S+ (counter metrics should have "_total" suffix|label names should be written in 'snake_case' not 'camelCase'|metric names should be written in 'snake_case' not 'camelCase')$/);
    expect(notes.filter((n) => n.startsWith("spbe_"))).toEqual([]);
  });
});
