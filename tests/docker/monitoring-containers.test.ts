// The collector image and the monitoring stack's containers on a real Docker engine (issue 21):
// dockerd of the test's own, base images made from Debian's archive and npm (no registry here;
// cached by their inputs), the collector image built from this repository's Dockerfile, then the
// collector and Prometheus containers created exactly as the MonitoringStack planner declares
// them (command, environment, ports, volumes, network alias, healthcheck: taken from the plan,
// never retyped) and Prometheus scraping the collector with the generated configuration.
// The collector polls the example's devices through its own simulator (`--simulate`, appended
// to the planned command: the one change, as the examples' devices are not on this network), and
// must find every SNMP secret the inventory names in the environment the plan gives it: a
// renamed variable in the planner leaves one to the simulator's generated credentials, which
// `--format json` reports and this test refuses.
import { COLLECTOR_PASSWORD_KEY, COLLECTOR_SCRAPE_USER } from "../../infra/planning/collector-access";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../inventory/load";
import type { MonitoringPlan, PlannedService } from "../../infra/planning/monitoring";
import { COLLECTOR_PORT, GRAFANA_DASHBOARDS_DIR, PROMETHEUS_PORT } from "../../infra/planning/monitoring";
import { planTargets } from "../../collectors/targets";
import { SPBE_SNMP_UP, SYS_UPTIME, LABEL_DEVICE } from "../../collectors/metric-names";
import { makePlan } from "../../stack/program";
import { startDockerEngine, type DockerEngine } from "../../testkit/docker/engine";
import { ensureBaseImages, type BaseImages } from "../../testkit/docker/base-images";
import { dockerApiOk } from "../../testkit/docker/api";
import { createBody, uploadsTar } from "../../testkit/docker/planned-container";
import { freeTcpPort, waitFor } from "../../testkit/servers/common";

const ROOT = path.resolve(__dirname, "..", "..");
const EXAMPLE = "examples/barito-timur/inventory.yaml";
const COLLECTOR_TAG = "spbe-infra/collector:test";
/** Image size goal (issue 21); the measured size is in docs/benchmarks.md. */
const SIZE_GOAL_BYTES = 250 * 1000 * 1000;

let engine: DockerEngine;
let base: BaseImages;
let plan: MonitoringPlan;
let socket: string;
let prometheusUrl: string;
let collectorUrl: string;
const timings: Record<string, number> = {};
const inv = loadInventoryOrThrow(path.join(ROOT, EXAMPLE));
const targets = planTargets(inv).targets.map((t) => t.device);

function service(name: string): PlannedService {
  const s = plan.services.find((x) => x.service === name);
  if (!s) throw new Error(`the plan has no ${name} service`);
  return s;
}

/** Creates (with its volumes and uploads) and starts a planned service; its container id. */
async function runPlanned(s: PlannedService, image: string, extraArgs?: string[]): Promise<{ id: string; published: Map<number, number> }> {
  const published = new Map<number, number>();
  for (const p of s.ports) published.set(p.internal, await freeTcpPort());
  for (const v of s.volumes) await dockerApiOk(socket, "POST", "/volumes/create", { Name: v.volumeName });
  // Test values for the secrets: the plan names the variables, the stack would give the values.
  const secretValues = Object.fromEntries(Object.keys(s.secretEnv).map((v) => [v, `test-${v.toLowerCase()}-not-real`]));
  const body = createBody(s, plan.networkName, {
    image,
    secretValues,
    // The plan publishes on the monitoring host's management address; here, loopback on a free port.
    publish: (p) => ({ ip: "127.0.0.1", port: published.get(p.internal)! }),
    extraArgs,
  });
  const created = JSON.parse((await dockerApiOk(socket, "POST", `/containers/create?name=${encodeURIComponent(s.containerName)}`, body)).body) as { Id: string };
  const tar = uploadsTar(s);
  if (tar) await dockerApiOk(socket, "PUT", `/containers/${created.Id}/archive?path=/`, tar, "application/x-tar");
  await dockerApiOk(socket, "POST", `/containers/${created.Id}/start`);
  return { id: created.Id, published };
}

async function inspect(id: string): Promise<{ State: { Status: string; Health?: { Status: string; Log: { Output: string }[] } }; Config: { User: string } }> {
  return JSON.parse((await dockerApiOk(socket, "GET", `/containers/${id}/json`)).body);
}

async function logs(id: string): Promise<string> {
  return engine.docker(["logs", id]).catch((err: Error) => err.message);
}

let collector: { id: string; published: Map<number, number> };
let prometheus: { id: string; published: Map<number, number> };

describe("the monitoring stack's containers on a real Docker engine", () => {
  beforeAll(async () => {
    let t = Date.now();
    engine = await startDockerEngine();
    socket = engine.host.replace(/^unix:\/\//, "");
    base = await ensureBaseImages(engine, (line) => process.stderr.write(`docker test: ${line}\n`));
    timings.baseImages = base.seconds;
    t = Date.now();
    // The collector image from this checkout, as an operator builds it, on the locally made base.
    await engine.docker(["build", "--network", "host", "--build-arg", `NODE_BASE=${base.node}`, "--tag", COLLECTOR_TAG, ROOT], { timeoutMs: 1_200_000 });
    timings.collectorBuild = (Date.now() - t) / 1000;
    const text = readFileSync(path.join(ROOT, EXAMPLE), "utf8");
    const stack = makePlan(inv, text, {
      inventoryFile: EXAMPLE,
      dockerHosts: {},
      sshUser: "deploy",
      collectorImage: COLLECTOR_TAG,
      dnsSerial: 1,
      quotaBackend: "linux-tc",
    });
    plan = stack.monitoring;
    await dockerApiOk(socket, "POST", "/networks/create", { Name: plan.networkName, Driver: "bridge", CheckDuplicate: true });
    t = Date.now();
    collector = await runPlanned(service("collector"), service("collector").image, ["--simulate", "--format", "json"]);
    prometheus = await runPlanned(service("prometheus"), base.prometheus);
    collectorUrl = `http://${(await containerAddress(collector.id))}:${COLLECTOR_PORT}`;
    prometheusUrl = `http://127.0.0.1:${prometheus.published.get(PROMETHEUS_PORT)}`;
    timings.containersStarted = (Date.now() - t) / 1000;
  }, 1_800_000);

  afterAll(async () => {
    process.stderr.write(`docker test timings (s): ${JSON.stringify(timings)}\n`);
    await engine?.stop();
  }, 600_000);

  it("builds an image under the size goal that runs as a user other than root, with OCI labels", async () => {
    const info = JSON.parse(await engine.docker(["image", "inspect", COLLECTOR_TAG]))[0] as { Size: number; Config: { User: string; Labels: Record<string, string>; Healthcheck?: { Test: string[] } } };
    process.stderr.write(`collector image size: ${(info.Size / 1e6).toFixed(1)} MB\n`);
    expect(info.Size).toBeLessThan(SIZE_GOAL_BYTES);
    expect(info.Config.User).not.toMatch(/^(root|0)?(:|$)/);
    expect(info.Config.Labels["org.opencontainers.image.title"]).toBeTruthy();
    expect(info.Config.Labels["org.opencontainers.image.version"]).toBe(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
    expect(info.Config.Healthcheck?.Test.join(" ")).toContain("/healthz");
    // The process in the running container, not only the image's setting.
    const uid = (await engine.docker(["exec", collector.id, "node", "-e", "process.stdout.write(String(process.getuid()))"])).trim();
    expect(Number(uid)).toBeGreaterThan(0);
    // Only compiled JavaScript: no TypeScript source and no tsx in the image.
    const found = await engine.docker(["run", "--rm", "--entrypoint", "sh", COLLECTOR_TAG, "-c", "find /app -name '*.ts' -not -path '*/node_modules/*' | head -3; ls /app/node_modules | grep -x -e tsx -e typescript -e @pulumi || true"]);
    expect(found.trim()).toBe("");
  });

  it("runs the collector with the planned environment: every SNMP secret found, none generated", async () => {
    const info = await waitFor("the collector's start line", async () => {
      const line = (await logs(collector.id)).split("\n").find((l) => l.startsWith("{"));
      return line ? (JSON.parse(line) as { devices: number; simulated: boolean; generatedSecrets: string[] }) : undefined;
    }, 120_000, 500).catch(async (err: Error) => {
      throw new Error(`${err.message}\n--- collector log ---\n${await logs(collector.id)}`);
    });
    expect(info.simulated).toBe(true);
    expect(info.generatedSecrets).toEqual([]);
    expect(info.devices).toBe(targets.length);
  });

  it("its healthcheck (the planned one, on /healthz) turns healthy", async () => {
    const health = await waitFor("the collector to be healthy", async () => {
      const s = await inspect(collector.id);
      if (s.State.Status !== "running") throw new Error(`collector is ${s.State.Status}: ${await logs(collector.id)}`);
      return s.State.Health?.Status === "healthy" && s.State.Health;
    }, 150_000, 1000);
    expect(health.Status).toBe("healthy");
  });

  it("/metrics answers with every device's series", async () => {
    // The collector publishes no port (Prometheus reaches it on the network): asked at its container address.
    const text = await waitFor("every device on /metrics", async () => {
      // Behind the collector's basic auth, with the password the uploads were filled with (test kit's default).
      const auth = Buffer.from(`${COLLECTOR_SCRAPE_USER}:test-${COLLECTOR_PASSWORD_KEY}-not-real`).toString("base64");
      const body = await (await fetch(`${collectorUrl}/metrics`, { headers: { Authorization: `Basic ${auth}` } })).text();
      return targets.every((d) => new RegExp(`^${SPBE_SNMP_UP}\\{[^}]*${LABEL_DEVICE}="${d}"[^}]*\\} 1$`, "m").test(body)) && body;
    }, 120_000, 1000);
    for (const d of targets) expect(text).toMatch(new RegExp(`^${SYS_UPTIME}\\{[^}]*${LABEL_DEVICE}="${d}"`, "m"));
  });

  it("Prometheus, as planned, scrapes the collector with the generated configuration: up = 1", async () => {
    type Result = { metric: Record<string, string>; value: [number, string] }[];
    const query = async (q: string) => {
      const r = (await (await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(q)}`)).json()) as { data: { result: Result } };
      return r.data.result;
    };
    // The collector job scrapes every 60 s (as planned), so the first scrape may take that long.
    const up = await waitFor("up of the collector's job", async () => {
      const r = await query('up{job="spbe-collector"}');
      return r.length > 0 && r.every((x) => x.value[1] === "1") && r;
    }, 150_000, 2000).catch(async (err: Error) => {
      throw new Error(`${err.message}\n--- prometheus log ---\n${await logs(prometheus.id)}`);
    });
    expect(up.map((x) => x.metric.instance)).toEqual([`collector:${COLLECTOR_PORT}`]);
    // Every device answered in what Prometheus stored (a scrape before the first polls ended has fewer).
    const devices = await waitFor("every device up in Prometheus", async () => {
      const r = await query(`${SPBE_SNMP_UP} == 1`);
      return r.length >= targets.length && r;
    }, 150_000, 2000).catch(async (err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify((await query(`${SPBE_SNMP_UP} == 1`)).map((x) => x.metric[LABEL_DEVICE]))}`);
    });
    expect(new Set(devices.map((x) => x.metric[LABEL_DEVICE]))).toEqual(new Set(targets));
  });

  it("Grafana (no Debian package: not run) gets its provisioning and dashboards where its container reads them", async () => {
    const grafana = service("grafana");
    // A stand-in container from the base image with Grafana's planned volumes and uploads: the files
    // must be where grafana/grafana reads provisioning (/etc/grafana/provisioning) and where the
    // dashboards provider points, including inside the data volume mounted at /var/lib/grafana.
    const standIn = { ...grafana, containerName: "spbe-grafana-files", command: undefined, ports: [], healthcheck: { ...grafana.healthcheck, tests: ["NONE"] } };
    const body = createBody(standIn, plan.networkName, { image: base.node, secretValues: Object.fromEntries(Object.keys(grafana.secretEnv).map((k) => [k, "x"])), publish: () => ({ ip: "127.0.0.1", port: 0 }) }) as Record<string, unknown>;
    body.Entrypoint = ["sh", "-c", "find /etc/grafana/provisioning /var/lib/grafana -type f | sort; sleep 60"];
    const created = JSON.parse((await dockerApiOk(socket, "POST", "/containers/create?name=spbe-grafana-files", body)).body) as { Id: string };
    await dockerApiOk(socket, "PUT", `/containers/${created.Id}/archive?path=/`, uploadsTar(grafana)!, "application/x-tar");
    await dockerApiOk(socket, "POST", `/containers/${created.Id}/start`);
    const listed = await waitFor("the file list", async () => (await logs(created.Id)).trim(), 30_000, 500);
    const files = listed.split("\n");
    expect(grafana.uploads.length).toBeGreaterThan(0);
    for (const u of grafana.uploads) expect(files).toContain(u.path);
    expect(files.some((f) => f.startsWith("/etc/grafana/provisioning/datasources/"))).toBe(true);
    expect(files.some((f) => f.startsWith("/etc/grafana/provisioning/dashboards/"))).toBe(true);
    expect(files.some((f) => f.startsWith(`${GRAFANA_DASHBOARDS_DIR}/`) && f.endsWith(".json"))).toBe(true);
    // The dashboards provider reads the directory the dashboards were put in.
    const provider = grafana.uploads.find((u) => u.path.startsWith("/etc/grafana/provisioning/dashboards/"))!;
    expect(provider.content).toContain(GRAFANA_DASHBOARDS_DIR);
  });
});

async function containerAddress(id: string): Promise<string> {
  const info = JSON.parse((await dockerApiOk(socket, "GET", `/containers/${id}/json`)).body) as { NetworkSettings: { Networks: Record<string, { IPAddress: string }> } };
  const address = info.NetworkSettings.Networks[plan.networkName]?.IPAddress;
  if (!address) throw new Error(`container ${id} has no address on ${plan.networkName}`);
  return address;
}
