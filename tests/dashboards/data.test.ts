// Every panel query of every dashboard returns data on the demo: the collector serving the
// simulated barito-timur example (with the compliance metrics spbe serve mounts), scraped by a
// real Prometheus (Debian) that also evaluates the generated recording and alerting rules.
import { rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe, type ServeHandle } from "../../collectors/serve";
import * as M from "../../collectors/metric-names";
import { ALERT, buildAlertRules, buildDashboards, WATCHDOG_ALERT } from "../../dashboards/build";
import { RECORDED } from "../../dashboards/rules/recording";
import { inventoryView } from "../../dashboards/view";
import { loadInventoryOrThrow } from "../../inventory/load";
import { createComplianceExtension } from "../../policies/serve";
import { tempDir, waitFor } from "../../testkit/servers/common";
import { startPrometheus, type PrometheusHandle } from "../../testkit/servers/prometheus";
import { allValue, panelQueries, substitute, variableOptions, type PanelQuery } from "./support/panel-queries";
import { promApi, type PromApi, type PromResult } from "./support/prometheus";

const inventory = loadInventoryOrThrow("examples/barito-timur/inventory.yaml");
let serve: ServeHandle | undefined;
let server: PrometheusHandle | undefined;
let prom: PromApi | undefined;
let rulesDir: string | undefined;

beforeAll(async () => {
  serve = await startServe({
    inventory,
    port: 0,
    simulate: true,
    intervalSeconds: 2,
    log: () => {},
    extensions: [createComplianceExtension(inventory, { asOf: new Date("2026-06-01T00:00:00Z") })],
  });
  rulesDir = tempDir("dash-rules");
  // Staleness thresholds as for a 10 s interval: loose enough for a loaded CI machine, while the
  // collector polls every 2 s.
  const rulesFiles = buildAlertRules(inventory, { pollIntervalSeconds: 10 }).map((f) => {
    const file = join(rulesDir!, basename(f.path));
    writeFileSync(file, f.content);
    return file;
  });
  server = await startPrometheus({ scrapeTargets: [`${serve.url}/metrics`], scrapeInterval: "1s", rulesFiles });
  const p = (prom = promApi(server.url));
  const has = async (expr: string) => (await p.query(expr)).result.length > 0;
  const polled = serve.targets().length;
  // Ready when every device has been polled, derived rates exist (two polls) and the rules have run.
  await waitFor(
    "the demo in Prometheus",
    async () =>
      (await has(`count(${M.SPBE_SNMP_UP}) == ${polled}`)) &&
      // Every link and every measured OPD has its rate, in both directions.
      (await has(`count(${M.SPBE_LINK_TRAFFIC_BPS}) == ${2 * inventory.links.length}`)) &&
      (await has(`count(${M.SPBE_OPD_TRAFFIC_BPS}) == ${2 * inventoryView(inventory).quotaOpds.length}`)) &&
      (await has(RECORDED.interfaceErrors)) &&
      (await has(RECORDED.opdQuotaUsage)) &&
      (await has(`ALERTS{alertname="${WATCHDOG_ALERT}"}`)),
    60_000,
    500,
  );
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await serve?.close();
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

const hasData = (r: PromResult) => r.result.some((s) => (s.values ? s.values.length > 0 : s.value !== undefined));

async function run(q: PanelQuery, expr: string): Promise<boolean> {
  const r = (q.target as { instant?: boolean }).instant ? await prom!.query(expr) : await prom!.queryRange(expr, 120, 5);
  return hasData(r);
}

/** Empty panels of one dashboard: "panel: expr (with which values)". */
async function emptyPanels(d: Dashboard): Promise<string[]> {
  const vars = d.templating?.list ?? [];
  const base: Record<string, string> = {};
  for (const v of vars) {
    const all = allValue(v);
    if (all !== undefined) base[v.name] = all;
  }
  const options = async (name: string) => variableOptions(vars.find((v) => v.name === name)!, base, prom!.labelValues);
  const empty: string[] = [];
  for (const q of panelQueries(d)) {
    const raw = q.target.expr ?? "";
    if (q.repeat) {
      // A repeated row: every copy (one per value) must show data.
      const values = await options(q.repeat);
      if (values.length === 0) empty.push(`${q.panel}: $${q.repeat} has no values`);
      for (const value of values) {
        const expr = substitute(raw, { ...base, [q.repeat]: value }, "1m");
        if (!(await run(q, expr))) empty.push(`${q.panel} [${q.repeat}=${value}]: ${expr}`);
      }
      continue;
    }
    const single = vars.filter((v) => base[v.name] === undefined && new RegExp(`\\$${v.name}\\b`).test(raw));
    if (single.length === 0) {
      const expr = substitute(raw, base, "1m");
      if (!(await run(q, expr))) empty.push(`${q.panel}: ${expr}`);
      continue;
    }
    // A single-value variable (the device picker): some value must show data (server panels on a
    // server, UPS panels on a UPS).
    const name = single[0]!.name;
    let found = false;
    for (const value of await options(name)) {
      if (await run(q, substitute(raw, { ...base, [name]: value }, "1m"))) {
        found = true;
        break;
      }
    }
    if (!found) empty.push(`${q.panel} [no $${name} value shows data]: ${raw}`);
  }
  return empty;
}

describe("dashboards on the simulated barito-timur demo", () => {
  const dashboards = buildDashboards(inventory);

  it.each(dashboards.map((d) => [d.uid!, d] as const))("every panel of %s returns data", async (_uid, d) => {
    expect(panelQueries(d).length).toBeGreaterThan(0);
    expect(await emptyPanels(d)).toEqual([]);
  });

  it("on the demo, where every simulated device answers, no device, power, recovery or collector alert is raised", async () => {
    // Traffic-driven alerts (quota, utilisation, errors, CPU) depend on the simulated traffic and
    // may legitimately be pending; the health alerts may not, and the watchdog must fire.
    const health: string[] = [
      ALERT.deviceDown,
      ALERT.devicePollStale,
      ALERT.snmpModuleEmpty,
      ALERT.backboneInterfaceDown,
      ALERT.upsOnBattery,
      ALERT.upsLowRuntime,
      ALERT.serverStorageHigh,
      ALERT.recoverySiteUnreachable,
      ALERT.recoveryReplicaStale,
      ALERT.collectorDown,
      ALERT.collectorBehind,
    ];
    const alerts = (await prom!.query("ALERTS")).result.map((r) => r.metric);
    expect(alerts.filter((a) => health.includes(a.alertname!))).toEqual([]);
    expect(alerts.some((a) => a.alertname === WATCHDOG_ALERT && a.alertstate === "firing")).toBe(true);
  });

  it("a query for a series that does not exist is reported empty (the check can fail)", async () => {
    const d = structuredClone(dashboards[0]!);
    const first = (d.panels as unknown as { panels?: { targets?: { expr: string }[] }[]; targets?: { expr: string }[] }[]).find((p) => p.targets?.length)!;
    first.targets![0]!.expr = "spbe_no_such_metric";
    expect((await emptyPanels(d)).join("\n")).toContain("spbe_no_such_metric");
  });
});
