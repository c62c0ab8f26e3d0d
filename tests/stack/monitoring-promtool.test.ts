// The Prometheus configuration the MonitoringStack uploads, checked by the real promtool (Debian's
// prometheus package): the generated scrape config and the dashboards build's rule files it loads.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../inventory/load";
import { planMonitoring } from "../../infra/planning/monitoring";
import { monitoringFiles, monitoringProbes } from "../../stack/program";

const dir = mkdtempSync(join(tmpdir(), "spbe-infra-promtool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each(["barito-timur", "klaten"])("promtool accepts the %s stack's prometheus.yml and rules", (stack) => {
  const inv = loadInventoryOrThrow(`examples/${stack}/inventory.yaml`);
  const plan = planMonitoring(inv, { collectorImage: "c", inventoryText: "", buildFiles: monitoringFiles(inv), collectorSecretEnv: {}, probes: monitoringProbes(inv) });
  const prometheus = plan.services.find((s) => s.service === "prometheus")!;
  // The container's /etc/prometheus, rooted in a temp dir (paths inside the config follow).
  const root = join(dir, stack);
  for (const upload of prometheus.uploads) {
    const file = join(root, upload.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, upload.content.replaceAll("/etc/prometheus/", `${root}/etc/prometheus/`));
  }
  const out = execFileSync("promtool", ["check", "config", join(root, "etc/prometheus/prometheus.yml")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  expect(out).toMatch(/SUCCESS: .*prometheus\.yml is valid prometheus config file syntax/);
  expect(out).toMatch(/SUCCESS: \d+ rules found/);
  // The probe jobs are in the file promtool accepted: one target per application hostname.
  const config = readFileSync(join(root, "etc/prometheus/prometheus.yml"), "utf8");
  for (const app of inv.applications.filter((a) => a.hostname?.endsWith(`.${inv.meta.domain}`))) expect(config).toContain(`application: ${app.id}`);
  expect(config).toContain("__param_hostname");
});
