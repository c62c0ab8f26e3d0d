// The monitoring stack's collector behind basic auth (issue 15 item 3): the planner's web config and
// scrape job carry placeholders, never the password; filled in as the component fills them, the real
// Prometheus scrapes the real collector with them, and a wrong password leaves the target down.
import * as fs from "node:fs";
import * as path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { startServe, type ServeHandle } from "../../collectors/serve";
import { loadWebConfig } from "../../collectors/web-config";
import {
  COLLECTOR_PASSWORD_HASH_PLACEHOLDER,
  COLLECTOR_PASSWORD_KEY,
  COLLECTOR_PASSWORD_PLACEHOLDER,
  COLLECTOR_WEB_CONFIG_PATH,
  deterministicBcrypt,
} from "../../infra/planning/collector-access";
import { planMonitoring } from "../../infra/planning/monitoring";
import { loadInventoryOrThrow } from "../../inventory/load";
import { startPrometheus, type PrometheusHandle } from "../../testkit/servers/prometheus";
import { tempDir } from "../../testkit/servers/common";

const EXAMPLE = path.resolve(__dirname, "../../examples/klaten/inventory.yaml");
const PASSWORD = "test-scrape-password-not-real";
const dir = tempDir("collector-access");
const started: { stop(): Promise<void> }[] = [];
afterAll(async () => {
  for (const s of started.reverse()) await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function plan() {
  const inv = loadInventoryOrThrow(EXAMPLE);
  return planMonitoring(inv, { collectorImage: "spbe-collector:test", inventoryText: fs.readFileSync(EXAMPLE, "utf8"), buildFiles: [], collectorSecretEnv: {} });
}

/** What the component does with a file's placeholders (infra/components/monitoring-stack.ts). */
function fill(content: string, secrets: Record<string, string> = {}, hashed: Record<string, string> = {}, value = PASSWORD): string {
  let out = content;
  for (const placeholder of Object.keys(hashed)) out = out.split(placeholder).join(JSON.stringify(deterministicBcrypt(value)));
  for (const placeholder of Object.keys(secrets)) out = out.split(placeholder).join(JSON.stringify(value));
  return out;
}

describe("the planned collector access", () => {
  it("the collector listens beyond loopback only with its web config; the files name the secret, never its value", () => {
    const p = plan();
    const collector = p.services.find((s) => s.service === "collector")!;
    const command = collector.command!.join(" ");
    expect(command).toContain("--host 0.0.0.0");
    expect(command).toContain(`--web.config.file ${COLLECTOR_WEB_CONFIG_PATH}`);
    const web = collector.uploads.find((u) => u.path === COLLECTOR_WEB_CONFIG_PATH)!;
    expect(web.hashedSecrets).toEqual({ [COLLECTOR_PASSWORD_HASH_PLACEHOLDER]: COLLECTOR_PASSWORD_KEY });
    expect(collector.healthcheck.tests.join(" ")).toContain("/healthz");
    const prometheus = p.services.find((s) => s.service === "prometheus")!;
    const config = prometheus.uploads.find((u) => u.path === "/etc/prometheus/prometheus.yml")!;
    expect(config.secrets).toEqual({ [COLLECTOR_PASSWORD_PLACEHOLDER]: COLLECTOR_PASSWORD_KEY });
    const job = (parse(config.content) as { scrape_configs: { job_name: string; basic_auth?: unknown }[] }).scrape_configs.find((j) => j.job_name === "spbe-collector")!;
    expect(job.basic_auth).toEqual({ username: "prometheus", password: COLLECTOR_PASSWORD_PLACEHOLDER });
  });

  it("the hash is stable across deployments (no container replaced for nothing) and verifies", () => {
    const a = deterministicBcrypt(PASSWORD);
    expect(deterministicBcrypt(PASSWORD)).toBe(a);
    expect(deterministicBcrypt("another")).not.toBe(a);
    expect(bcrypt.compareSync(PASSWORD, a)).toBe(true);
    expect(bcrypt.compareSync("wrong", a)).toBe(false);
  });

  it("the real Prometheus scrapes the real collector with the filled-in files; a wrong password stays down", async () => {
    const p = plan();
    const collector = p.services.find((s) => s.service === "collector")!;
    const webUpload = collector.uploads.find((u) => u.path === COLLECTOR_WEB_CONFIG_PATH)!;
    const webFile = path.join(dir, "web.yml");
    fs.writeFileSync(webFile, fill(webUpload.content, webUpload.secrets, webUpload.hashedSecrets));
    const inventory = loadInventoryOrThrow(EXAMPLE);
    const serve: ServeHandle = await startServe({ inventory, port: 0, web: loadWebConfig(webFile), simulate: true, intervalSeconds: 5, log: () => {} });
    started.push({ stop: () => serve.close() });
    const address = new URL(serve.url).host;

    const prometheusUpload = p.services.find((s) => s.service === "prometheus")!.uploads.find((u) => u.path === "/etc/prometheus/prometheus.yml")!;
    const planned = parse(fill(prometheusUpload.content, prometheusUpload.secrets)) as { scrape_configs: Record<string, unknown>[] };
    const job = planned.scrape_configs.find((j) => j.job_name === "spbe-collector")!;
    const jobs = [
      { ...job, scrape_interval: "1s", scrape_timeout: "1s", static_configs: [{ targets: [address] }] },
      { ...job, job_name: "wrong-password", scrape_interval: "1s", scrape_timeout: "1s", basic_auth: { username: "prometheus", password: "not-it" }, static_configs: [{ targets: [address] }] },
    ];
    const prom: PrometheusHandle = await startPrometheus({ configYaml: stringify({ global: { scrape_interval: "1s" }, scrape_configs: jobs }) });
    started.push(prom);
    const deadline = Date.now() + 60_000;
    let up: Record<string, string> = {};
    while (Date.now() < deadline) {
      const rows = await prom.query("up");
      up = Object.fromEntries(rows.map((r) => [r.metric.job!, r.value[1]]));
      if (up["spbe-collector"] === "1" && up["wrong-password"] !== undefined) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(up).toEqual({ "spbe-collector": "1", "wrong-password": "0" });
    const polled = await prom.query("spbe_snmp_targets");
    expect(Number(polled[0]?.value[1])).toBeGreaterThan(0);
  }, 120_000);
});
