// The generated dashboards and provisioning, checked structurally for both examples and a large
// synthetic kabupaten: ids, variables, datasource uids, links, layout, and size.
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { generateInventory } from "../../testkit/generate-inventory";
import { buildDashboards, buildGrafanaFiles, DASHBOARD_PROVIDER_PATH, DATASOURCES_PATH, DASHBOARDS_DIR } from "../../dashboards/build";
import { DASHBOARD_NAMES, dashboardUid, SPBE_TAG } from "../../dashboards/ids";
import { loadInventoryOrThrow } from "../../inventory/load";
import { inventorySchema, type Inventory } from "../../inventory/schema";
import { allPanels, definedVariables, interpolated, queries, variableRefs } from "./support/inspect";

const EXAMPLES = ["examples/barito-timur/inventory.yaml", "examples/klaten/inventory.yaml"];
const examples: [string, Inventory][] = EXAMPLES.map((f) => [f, loadInventoryOrThrow(f)]);

describe.each(examples)("dashboards of %s", (_file, inventory) => {
  const files = buildGrafanaFiles(inventory);
  const dashboards = files.filter((f) => f.path.startsWith(`${DASHBOARDS_DIR}/`)).map((f) => JSON.parse(f.content) as Dashboard);

  it("writes six dashboards with stable uids derived from the kabupaten, plus provisioning", () => {
    expect(dashboards.map((d) => d.uid)).toEqual(DASHBOARD_NAMES.map((n) => dashboardUid(inventory.meta.kabupaten, n)));
    for (const d of dashboards) {
      expect(d.uid!.length).toBeLessThanOrEqual(40);
      expect(d.uid).toMatch(/^[a-z0-9-]+$/);
      expect(d.tags).toContain(SPBE_TAG);
      expect(files.map((f) => f.path)).toContain(`${DASHBOARDS_DIR}/${d.uid}.json`);
    }
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining([DATASOURCES_PATH, DASHBOARD_PROVIDER_PATH]));
  });

  it("keeps uids when the inventory changes", () => {
    const changed = structuredClone(inventory);
    changed.links = changed.links.slice(1);
    changed.opds = changed.opds.slice(0, 3);
    expect(buildDashboards(changed).map((d) => d.uid)).toEqual(dashboards.map((d) => d.uid));
  });

  it("gives every panel a unique id and every query a unique refId", () => {
    for (const d of dashboards) {
      const ids = allPanels(d).map((p) => p.id);
      expect(ids.every((id) => typeof id === "number"), d.uid).toBe(true);
      expect(new Set(ids).size, d.uid).toBe(ids.length);
      for (const p of allPanels(d)) {
        const refIds = (p.targets ?? []).map((t) => t.refId);
        expect(new Set(refIds).size, `${d.uid} ${p.title}`).toBe(refIds.length);
        expect(refIds.every((r) => r && /^[A-Z]$/.test(r))).toBe(true);
      }
    }
  });

  it("defines every $variable it uses", () => {
    for (const d of dashboards) {
      const defined = new Set(definedVariables(d));
      const used = new Set(interpolated(d).flatMap(variableRefs));
      for (const name of used) expect(defined.has(name), `${d.uid} uses $${name}`).toBe(true);
    }
  });

  it("points every panel, query and variable at a datasource uid of the provisioning file", () => {
    const provisioned = (parse(files.find((f) => f.path === DATASOURCES_PATH)!.content) as { datasources: { uid: string; type: string }[] }).datasources;
    const uids = new Set(provisioned.map((d) => d.uid));
    for (const d of dashboards) {
      for (const p of allPanels(d)) if (p.type !== "row") expect(uids.has(p.datasource?.uid ?? ""), `${d.uid} ${p.title}`).toBe(true);
      for (const q of queries(d)) expect(uids.has(q.datasourceUid ?? ""), `${d.uid} ${q.expr}`).toBe(true);
      for (const v of d.templating?.list ?? []) if (v.type === "query") expect(uids.has(v.datasource?.uid ?? "")).toBe(true);
    }
    const provider = parse(files.find((f) => f.path === DASHBOARD_PROVIDER_PATH)!.content) as { providers: { type: string; options: { path: string } }[] };
    expect(provider.providers[0]!.type).toBe("file");
  });

  it("links every dashboard to the others, and drill-downs only to dashboards that exist", () => {
    const uids = new Set(dashboards.map((d) => d.uid));
    for (const d of dashboards) {
      expect(d.links?.some((l) => l.type === "dashboards" && l.tags.includes(SPBE_TAG)), d.uid).toBe(true);
      for (const m of JSON.stringify(d).matchAll(/\/d\/([a-z0-9-]+)/g)) expect(uids.has(m[1]!), `${d.uid} links to ${m[1]}`).toBe(true);
    }
  });

  it("sets units on every data panel and keeps panels inside the 24-column grid", () => {
    for (const d of dashboards) {
      for (const p of allPanels(d)) {
        const g = p.gridPos!;
        expect(g.x + g.w, `${d.uid} ${p.title}`).toBeLessThanOrEqual(24);
        // Rows, tables and the alert list show no numbers of their own: no unit to set.
        if (p.type === "row" || p.type === "table" || p.type === "alertlist") continue;
        expect(p.fieldConfig?.defaults?.unit, `${d.uid} ${p.title}`).toBeTruthy();
      }
    }
  });

  it("the overview lists the alert rules firing or pending and marks firing alerts on every panel's time axis", () => {
    const overview = dashboards.find((d) => d.uid === dashboardUid(inventory.meta.kabupaten, "overview"))!;
    const list = allPanels(overview).filter((p) => p.type === "alertlist");
    expect(list).toHaveLength(1);
    const options = list[0]!.options as { stateFilter: Record<string, boolean>; datasource: string };
    expect(options.stateFilter).toMatchObject({ firing: true, pending: true, normal: false });
    expect(options.datasource).toBe(list[0]!.datasource!.uid);
    const annotations = (overview.annotations?.list ?? []) as { name: string; expr?: string; enable: boolean; datasource?: { uid?: string } }[];
    const firing = annotations.filter((a) => a.expr?.startsWith("ALERTS{"));
    expect(firing).toHaveLength(1);
    expect(firing[0]!.enable).toBe(true);
    expect(firing[0]!.expr).toContain('alertstate="firing"');
    expect(firing[0]!.datasource?.uid).toBe(list[0]!.datasource!.uid);
  });

  it("uses the inventory: upstream capacity as a threshold, recovery links and DR replicas by name", () => {
    const byName = Object.fromEntries(dashboards.map((d, i) => [DASHBOARD_NAMES[i]!, d]));
    const upstream = inventory.bandwidth!.upstreamMbps * 1e6;
    const quotaSteps = allPanels(byName["opd-quota"]!).flatMap((p) => p.fieldConfig?.defaults?.thresholds?.steps ?? []);
    expect(quotaSteps.map((s) => s.value)).toContain(upstream);
    const recoveryExprs = queries(byName.recovery!).map((q) => q.expr).join("\n");
    for (const app of inventory.applications.filter((a) => a.dr)) expect(recoveryExprs).toContain(`"application", "${app.id}"`);
    expect(recoveryExprs).toMatch(/link=~"[^"]*bb-dc-drc/);
  });
});

describe("a large synthetic kabupaten (1,000 links, 5,000 devices)", () => {
  const big = inventorySchema.parse(generateInventory(1));
  const small = loadInventoryOrThrow(EXAMPLES[0]!);

  it("gets the same usable dashboards: repeated rows and variables, not one panel per link", () => {
    expect(big.links.length).toBeGreaterThanOrEqual(1000);
    const bigCounts = buildDashboards(big).map((d) => allPanels(d).length);
    const smallCounts = buildDashboards(small).map((d) => allPanels(d).length);
    // Panel counts do not grow with the inventory; Grafana repeats rows per selected link/OPD.
    for (const [i, n] of bigCounts.entries()) expect(n, DASHBOARD_NAMES[i]).toBeLessThanOrEqual(Math.max(smallCounts[i]!, 30));
    const backbone = buildDashboards(big)[1]!;
    expect(allPanels(backbone).some((p) => p.type === "row" && p.repeat === "link")).toBe(true);
  });
});
