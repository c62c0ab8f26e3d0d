// The compliance metrics of every kabupaten queryable in the central store: `spbe report --province
// --format prom` imported into a real VictoriaMetrics (Debian's single node, the write/query protocol the
// cluster speaks per tenant), then asked per kabupaten as the provincial board asks.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../testkit/servers/common";
import { startVictoriaMetrics, type VictoriaMetricsHandle } from "../../testkit/servers/victoria-metrics";
import { runSpbe } from "../../testkit/spbe-cli";

const dir = mkdtempSync(join(tmpdir(), "spbe-province-store-"));
let vm: VictoriaMetricsHandle;
let exposition: string;

beforeAll(async () => {
  cpSync("examples/barito-timur", join(dir, "barito-timur"), { recursive: true });
  cpSync("examples/klaten", join(dir, "klaten"), { recursive: true });
  const r = runSpbe(["report", "--province", dir, "--format", "prom", "--as-of", "2026-11-23"]);
  expect(r.status, r.stderr).toBe(0);
  exposition = r.stdout;
  vm = await startVictoriaMetrics();
}, 240_000);
afterAll(async () => {
  await vm?.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe("the provincial compliance gauges in VictoriaMetrics", () => {
  it("answers each kabupaten's score and its mandatory findings by the kabupaten label", async () => {
    await vm.importPrometheus(exposition);
    const scores = await waitFor("imported scores", async () => {
      const result = await vm.query('spbe_compliance_score{opd="_all"}');
      return result.length === 2 ? result : undefined;
    }, 30_000, 250);
    expect(Object.fromEntries(scores.map((s) => [s.metric.kabupaten, Number(s.value[1])]))).toEqual({ "baritotimurkab.go.id": 92.9, "klatenkab.go.id": 94.7 });
    const mandatory = await vm.query('sum by (kabupaten) (spbe_compliance_findings{severity="mandatory"})');
    expect(Object.fromEntries(mandatory.map((s) => [s.metric.kabupaten, Number(s.value[1])]))).toEqual({ "baritotimurkab.go.id": 18, "klatenkab.go.id": 14 });
  }, 60_000);
});
