// The observation `spbe serve` runs on its schedule: the facts reach /report and --facts-out, the runs are
// metrics next to the collectors', and a run that fails keeps the previous facts.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFactsFile } from "../../facts/load";
import { emptyFacts } from "../../facts/schema";
import { scheduleObservations } from "../../observe/schedule";
import { stopChild, tempDir, waitFor } from "../../testkit/servers/common";

const ROOT = path.resolve(__dirname, "../..");
const children: ChildProcess[] = [];
const dir = tempDir("serve-observe");
afterAll(async () => {
  for (const c of children) await stopChild(c, "SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("scheduled observation", () => {
  it("keeps the last good facts when a run fails, never runs twice at once, and counts both", async () => {
    const lines: string[] = [];
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const good = { ...emptyFacts(new Date()), topology: [{ device: "sw", protocol: "lldp" as const, neighbours: [], source: "snmp lldp sw", observedAt: new Date().toISOString() }] };
    const schedule = scheduleObservations({
      everyMs: 60_000,
      log: (l) => lines.push(l),
      run: async () => {
        calls++;
        if (calls === 1) {
          await gate;
          return good;
        }
        throw new Error("resolver option broken");
      },
    });
    const second = schedule.runNow(); // joins the run in flight instead of starting another
    expect(calls).toBe(1);
    release();
    await second;
    expect(schedule.latest()).toBe(good);
    await schedule.runNow();
    expect(calls).toBe(2);
    expect(schedule.latest()).toBe(good);
    expect(lines.at(-1)).toBe("observe: run failed, keeping the previous facts: resolver option broken");
    const metrics = schedule.metricsText();
    expect(metrics).toContain('spbe_observe_runs_total{result="ok"} 1');
    expect(metrics).toContain('spbe_observe_runs_total{result="failed"} 1');
    expect(metrics).toContain('spbe_observe_facts{section="topology"} 1');
    await schedule.stop();
  });

  it("spbe serve --simulate walks every switch and router on its schedule: facts in /report.json, --facts-out and /metrics", async () => {
    const factsOut = path.join(dir, "facts.json");
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: "en_US.UTF-8" };
    for (const k of Object.keys(env)) if (k.startsWith("SPBE_")) delete env[k];
    const child = spawn(process.execPath, [path.join(ROOT, "bin/spbe.cjs"), "serve", "--simulate", "--port", "0", "--format", "json", "--observe-every", "3600", "--facts-out", factsOut, "examples/klaten/inventory.yaml"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    let out = "";
    let err = "";
    child.stdout!.on("data", (b) => (out += b));
    child.stderr!.on("data", (b) => (err += b));
    const info = await waitFor("serve to print its URLs", () => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      return line ? (JSON.parse(line) as { metrics: string; report: string; devices: number }) : undefined;
    }, 40_000);
    await waitFor("the first observation run", () => fs.existsSync(factsOut), 40_000, 200);
    expect(err).toContain("observe: no DNS resolver");
    const facts = loadFactsFile(factsOut);
    const walked = facts.topology.map((t) => t.device).sort();
    expect(walked.length).toBeGreaterThan(10);
    expect(facts.topology.filter((t) => t.error !== undefined)).toEqual([]);
    expect(facts.topology.filter((t) => t.neighbours.length > 0).length).toBeGreaterThan(walked.length / 2);
    // The first run waits for the first poll round, so the file holds a poller fact for every device
    // polled (it once came before any poll and held none until the next run).
    expect(facts.devices.every((d) => d.source === "poller")).toBe(true);
    expect(new Set(facts.devices.map((d) => d.id)).size).toBe(info.devices);

    const report = (await (await fetch(`${info.report}.json`)).json()) as { factsUsed: boolean; topology?: unknown; findings: { rule: string }[] };
    expect(report.factsUsed).toBe(true);
    expect(report.topology).toBeDefined();
    expect(report.findings.filter((f) => f.rule === "network-wired-as-declared")).toEqual([]);
    const metrics = await (await fetch(info.metrics)).text();
    expect(metrics).toContain(`spbe_observe_facts{section="topology"} ${walked.length}`);
    expect(metrics).toContain('spbe_observe_runs_total{result="ok"} 1');
    child.kill("SIGTERM");
    expect(await new Promise((r) => child.on("exit", r))).toBe(0);
  }, 120_000);
});
