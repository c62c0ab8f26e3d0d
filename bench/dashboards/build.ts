// Benchmark: building the dashboards and rule files from inventories of growing size, side by side
// with the design they replace — one set of panels per link (static per-link thresholds, no
// repeated rows) — built with the same SDK in the same run.
//   node bin/run-ts.cjs bench/dashboards/build.ts [--scales 0.1,1,5]
import { cpus, totalmem } from "node:os";
import { RowBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import * as M from "../../collectors/metric-names";
import { buildAlertRules, buildGrafanaFiles } from "../../dashboards/build";
import { finalize, gaugePanel, newDashboard, prom, rising, thresholds, tsPanel } from "../../dashboards/grafana";
import { inventoryView } from "../../dashboards/view";
import { loadInventoryOrThrow } from "../../inventory/load";
import { inventorySchema, type Inventory } from "../../inventory/schema";
import { generateInventory } from "../../testkit/generate-inventory";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed<T>(f: () => T, runs = 5): { first: number; median: number; value: T } {
  let value!: T;
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    value = f();
    times.push(performance.now() - t);
  }
  return { first: times[0]!, median: median(times.slice(1)), value };
}

/** A benchmark-only text: the same in both languages. */
const text = (title: string, description = "") => ({ title: { en: title, id: title }, description: { en: description, id: description } });

/** The peer: a backbone dashboard with one row of panels per link and that link's own thresholds. */
function perLinkBackbone(inv: Inventory) {
  const view = inventoryView(inv);
  const d = newDashboard(text("per-link backbone", "one row per link"), "peer-backbone", []);
  for (const link of inv.links) {
    const cap = link.capacityMbps * 1e6;
    d.withRow(
      new RowBuilder(`Link ${link.id}`)
        .withPanel(
          tsPanel(text(`${link.id} traffic`, `${link.description ?? link.id}`), "bps")
            .max(cap)
            .thresholds(thresholds([{ value: null, color: "green" }, { value: 0.8 * cap, color: "orange" }, { value: cap, color: "red" }]))
            .withTarget(prom(`${M.SPBE_LINK_TRAFFIC_BPS}{${M.LABEL_LINK}="${link.id}"}`, `{{${M.LABEL_DIRECTION}}}`)),
        )
        .withPanel(gaugePanel(text(`${link.id} utilisation`), "percentunit").thresholds(rising(0.8, 0.95)).withTarget(prom(`max(${M.SPBE_LINK_UTILISATION_RATIO}{${M.LABEL_LINK}="${link.id}"})`))),
    );
  }
  void view;
  return finalize(d.build());
}

const countPanels = (json: string) => (json.match(/"gridPos"/g) ?? []).length;

const scalesArg = process.argv.indexOf("--scales");
const scales = scalesArg > 0 ? process.argv[scalesArg + 1]!.split(",").map(Number) : [0.1, 1, 5];
const inputs: [string, Inventory][] = [
  ["barito-timur", loadInventoryOrThrow("examples/barito-timur/inventory.yaml")],
  ["klaten", loadInventoryOrThrow("examples/klaten/inventory.yaml")],
  ...scales.map((s) => [`synthetic x${s}`, inventorySchema.parse(generateInventory(s))] as [string, Inventory]),
];

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
console.log("inventory | links | devices | ours: first ms | ours: median ms | panels (6 dashboards) | JSON KB | rules KB | peer per-link backbone: median ms | peer panels | peer JSON KB");
for (const [name, inv] of inputs) {
  const ours = timed(() => [...buildGrafanaFiles(inv), ...buildAlertRules(inv)]);
  const dashJson = ours.value.filter((f) => f.path.endsWith(".json")).map((f) => f.content);
  const rules = ours.value.find((f) => f.path.endsWith(".yml"))!.content;
  const peer = timed(() => JSON.stringify(perLinkBackbone(inv), null, 2));
  console.log(
    [
      name,
      inv.links.length,
      inv.devices.length,
      ours.first.toFixed(1),
      ours.median.toFixed(1),
      dashJson.reduce((n, j) => n + countPanels(j), 0),
      Math.round(dashJson.reduce((n, j) => n + j.length, 0) / 1024),
      Math.round(rules.length / 1024),
      peer.median.toFixed(1),
      countPanels(peer.value),
      Math.round(peer.value.length / 1024),
    ].join(" | "),
  );
}
