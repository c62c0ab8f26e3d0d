// Availability history against a REAL Prometheus: 30 days of spbe_snmp_up for every device of the
// barito-timur example (60 s polls) and two blackbox probes, with known outages (a long one of the
// whole recovery site, a backbone router down for a known span, short ones elsewhere), backfilled
// with promtool into the TSDB Prometheus serves. The report's figures per OPD, link, data center and
// recovery site, and the longest outage, must equal what the test computes from the same series.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as M from "../../collectors/metric-names";
import { loadInventoryFile } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";
import { readAvailabilityHistory } from "../../observe/history";
import { startHistoryCache } from "../../observe/history-cache";
import { renderHtml } from "../../policies/report/html";
import { renderMarkdown } from "../../policies/report/markdown";
import type { Report } from "../../policies/types";
import { backfill, samplesOf, type HistorySeries, type HistorySpec } from "../../testkit/history/backfill";
import { freeTcpPort, tempDir } from "../../testkit/servers/common";
import { startPrometheus, type PrometheusHandle } from "../../testkit/servers/prometheus";
import { REPO_ROOT, runSpbe } from "../../testkit/spbe-cli";

const INVENTORY = path.join(REPO_ROOT, "examples/barito-timur/inventory.yaml");
const inv: Inventory = loadInventoryFile(INVENTORY).inventory!;
const HOUR = 3600;
const DAY = 24 * HOUR;

// The period: 30 days ending at a full hour two hours ago.
const to = Math.floor(Date.now() / 1000 / HOUR) * HOUR - 2 * HOUR;
const from = to - 30 * DAY;
const step = 60;

/** A small deterministic generator (mulberry32), so the outages are the same on every run. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const siteKind = (deviceId: string) => inv.sites.find((s) => s.id === inv.devices.find((d) => d.id === deviceId)!.site)!.kind;
const RECOVERY_OUTAGE = { start: from + 9 * DAY + 17 * 60, end: from + 21 * DAY + 4 * HOUR + 33 * 60 };
const BACKBONE_DEVICE = "setda-rtr-01";
const BACKBONE_OUTAGE = { start: from + 3 * DAY + 5 * HOUR + 7 * 60, end: from + 3 * DAY + 12 * HOUR + 20 * 60 };

function spec(): HistorySpec {
  const rnd = random(11);
  const series: HistorySeries[] = inv.devices
    .filter((d) => d.snmp)
    .map((d) => {
      const down: HistorySeries["down"] = [];
      if (siteKind(d.id) === "recovery") down.push(RECOVERY_OUTAGE);
      if (d.id === BACKBONE_DEVICE) down.push(BACKBONE_OUTAGE);
      // A few short outages on a third of the devices, at whole minutes (the polls are every minute).
      if (rnd() < 0.33) {
        for (let k = 0; k < 3; k++) {
          const start = from + Math.floor(rnd() * 29 * 24 * 60) * 60;
          down.push({ start, end: start + (5 + Math.floor(rnd() * 90)) * 60 });
        }
      }
      return { metric: M.SPBE_SNMP_UP, labels: { [M.LABEL_DEVICE]: d.id, job: "spbe-collector" }, down };
    });
  const probeOutage = { start: from + 14 * DAY + 2 * HOUR, end: from + 14 * DAY + 2 * HOUR + 47 * 60 };
  series.push(
    { metric: M.PROBE_SUCCESS, labels: { [M.LABEL_APPLICATION]: "simpeg", [M.LABEL_INSTANCE]: "https://simpeg.example" }, down: [probeOutage] },
    { metric: M.PROBE_SUCCESS, labels: { [M.LABEL_APPLICATION]: "sipd", [M.LABEL_INSTANCE]: "https://sipd.example" }, down: [] },
  );
  // The hourly series the recording rule (dashboards/rules/recording.ts) would have recorded.
  return { from, to, step, series, recorded: { [M.SPBE_SNMP_UP]: M.SPBE_DEVICE_UP_AVG1H, [M.PROBE_SUCCESS]: M.SPBE_PROBE_SUCCESS_AVG1H } };
}

/** Expected ratio and longest outage of one series, by a plain scan of its samples. */
function expected(s: HistorySpec, series: HistorySeries) {
  const samples = samplesOf(s, series);
  const ratio = samples.filter(([, v]) => v === 1).length / samples.length;
  let best: { start: number; end: number } | undefined;
  let runStart: number | undefined;
  for (const [t, v] of [...samples, [Infinity, 1] as [number, number]]) {
    if (v === 0) runStart ??= t;
    else if (runStart !== undefined) {
      const end = Math.min(t, s.to);
      if (!best || end - runStart > best.end - best.start) best = { start: runStart, end };
      runStart = undefined;
    }
  }
  return { ratio, outage: best };
}

const iso = (t: number) => new Date(t * 1000).toISOString();

describe("availability history from a real Prometheus (promtool backfill, 41 devices × 30 days)", () => {
  let prom: PrometheusHandle;
  let dataDir: string;
  let report: Report;
  const s = spec();
  const deviceSeries = new Map(s.series.filter((x) => x.metric === M.SPBE_SNMP_UP).map((x) => [x.labels[M.LABEL_DEVICE]!, x]));
  const exp = new Map([...deviceSeries].map(([id, series]) => [id, expected(s, series)]));
  const mean = (ids: string[]) => ids.reduce((sum, id) => sum + exp.get(id)!.ratio, 0) / ids.length;
  const longestOf = (ids: string[]) =>
    ids
      .map((id) => ({ id, o: exp.get(id)!.outage }))
      .filter((x) => x.o)
      .sort((a, b) => b.o!.end - b.o!.start - (a.o!.end - a.o!.start))[0];

  beforeAll(async () => {
    dataDir = tempDir("history-tsdb");
    backfill(s, dataDir, path.join(dataDir, "..", `${path.basename(dataDir)}-om`));
    prom = await startPrometheus({ dataDir });
  }, 120_000);
  afterAll(async () => {
    await prom?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}-om`, { recursive: true, force: true });
  });

  it("reads each device's ratio and longest outage exactly, to the poll", async () => {
    const { fact, plan } = await readAvailabilityHistory({ prometheusUrl: prom.url, from: new Date(from * 1000), to: new Date(to * 1000) });
    expect(fact.error).toBeUndefined();
    expect(plan?.devices).toBe("raw");
    expect(fact.devices.map((d) => d.id).sort()).toEqual([...deviceSeries.keys()].sort());
    for (const d of fact.devices) {
      const e = exp.get(d.id)!;
      expect(d.ratio, d.id).toBeCloseTo(e.ratio, 5);
      expect(d.longestOutage && { start: d.longestOutage.start, end: d.longestOutage.end }, d.id).toEqual(e.outage && { start: iso(e.outage.start), end: iso(e.outage.end) });
    }
    const simpeg = fact.probes.find((p) => p.name.startsWith("simpeg"))!;
    const e = expected(s, s.series.find((x) => x.labels[M.LABEL_APPLICATION] === "simpeg")!);
    expect(simpeg.ratio).toBeCloseTo(e.ratio, 5);
    expect(simpeg.longestOutage?.seconds).toBe(e.outage!.end - e.outage!.start);
    expect(fact.probes.find((p) => p.name.startsWith("sipd"))).toMatchObject({ ratio: 1 });
  }, 60_000);

  it("through the hourly recorded series (the plan for long periods): ratios to the hour, outages still to the poll", async () => {
    const { fact, plan } = await readAvailabilityHistory({ prometheusUrl: prom.url, from: new Date(from * 1000), to: new Date(to * 1000), rawSampleBudget: 1000 });
    expect(fact.error).toBeUndefined();
    expect(plan?.devices).toBe("recorded");
    // The recorded hours start one hour into the period: the ratio may miss that first hour's polls.
    const tolerance = HOUR / (to - from);
    for (const d of fact.devices) {
      const e = exp.get(d.id)!;
      expect(Math.abs(d.ratio - e.ratio), d.id).toBeLessThanOrEqual(tolerance);
      expect(d.longestOutage && { start: d.longestOutage.start, end: d.longestOutage.end }, d.id).toEqual(e.outage && { start: iso(e.outage.start), end: iso(e.outage.end) });
    }
  }, 60_000);

  it("spbe report --prometheus-url: availability per OPD, backbone link, data center and recovery site, and the longest outage", () => {
    const r = runSpbe(["report", INVENTORY, "--prometheus-url", prom.url, "--from", iso(from), "--to", iso(to), "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    report = JSON.parse(r.stdout) as Report;
    const a = report.availability!;
    expect(a.error).toBeUndefined();

    const observed = [...deviceSeries.keys()];
    const dc = observed.filter((id) => siteKind(id) === "datacenter");
    const drc = observed.filter((id) => siteKind(id) === "recovery");
    expect(a.datacenter!.ratio).toBeCloseTo(mean(dc), 5);
    expect(a.recovery!.ratio).toBeCloseTo(mean(drc), 5);
    // The whole recovery site went down together: its longest outage is that one.
    expect(a.recovery!.longestOutage).toMatchObject({ start: iso(RECOVERY_OUTAGE.start), end: iso(RECOVERY_OUTAGE.end), seconds: RECOVERY_OUTAGE.end - RECOVERY_OUTAGE.start });
    const longest = longestOf(observed)!;
    expect(a.longestOutage).toMatchObject({ start: iso(longest.o!.start), end: iso(longest.o!.end) });

    // Per OPD: the mean of its devices (owner when an OPD owns it, else the site's OPD).
    const opdOf = (id: string) => {
      const d = inv.devices.find((x) => x.id === id)!;
      return d.owner !== "dinas" && d.owner !== inv.meta.dinas ? d.owner : (inv.sites.find((x) => x.id === d.site)!.opd ?? inv.meta.dinas);
    };
    for (const o of a.opds) {
      const ids = observed.filter((id) => opdOf(id) === o.opd);
      expect(o.devices, o.opd).toBe(ids.length);
      expect(o.ratio, o.opd).toBeCloseTo(mean(ids), 5);
    }
    expect(a.opds.length).toBe(new Set(observed.map(opdOf)).size);

    // The backbone link to Setda is seen through the router behind it, down for the known span.
    const setda = a.links.find((l) => l.link === "bb-setda")!;
    expect(setda.device).toBe(BACKBONE_DEVICE);
    expect(setda.ratio).toBeCloseTo(exp.get(BACKBONE_DEVICE)!.ratio, 5);
    const b = exp.get(BACKBONE_DEVICE)!.outage!;
    expect(setda.longestOutage).toMatchObject({ start: iso(b.start), end: iso(b.end) });
    expect(a.links.find((l) => l.link === "bb-dc-drc")!.device).toBe("drc-rtr-01");

    // The incident register fed by what the platform observed (bt-7-2019 Pasal 17 (8), rule outage-registered):
    // every device whose longest outage lasted 4 hours or more and that no registered incident covers is advice.
    const covered = (id: string, o: { start: number; end: number }) =>
      (inv.incidents ?? []).some((i) => i.devices.includes(id) && Date.parse(i.start) <= o.end * 1000 && (i.end === undefined || Date.parse(i.end) >= o.start * 1000));
    const longOutages = observed.filter((id) => {
      const o = exp.get(id)!.outage;
      return o && o.end - o.start >= 4 * HOUR && !covered(id, o);
    });
    expect(longOutages).toEqual(expect.arrayContaining(drc)); // the recovery site's long outage is among them
    const outageFindings = report.findings.filter((f) => f.rule === "outage-registered");
    expect(outageFindings.map((f) => f.subject.id).sort()).toEqual(longOutages.map((id) => `${id}@${iso(exp.get(id)!.outage!.start)}`).sort());
    expect(new Set(outageFindings.map((f) => f.severity))).toEqual(new Set(["advisory"]));
  }, 60_000);

  it("the Markdown and HTML reports have the section in both languages", () => {
    for (const [lang, heading, recovery] of [["en", "Availability (Prometheus history)", "Recovery site"], ["id", "Ketersediaan (riwayat Prometheus)", "Pusat pemulihan data"]] as const) {
      const md = renderMarkdown(report, lang);
      expect(md).toContain(`## ${heading}`);
      expect(md).toMatch(new RegExp(`\\| ${recovery} \\| [0-9]+[.,][0-9]{3} % \\| ${report.availability!.recovery!.devices} \\| drc-`));
      expect(md).toContain("| bb-setda | setda-rtr-01 |");
      expect(renderHtml(report, lang)).toContain(`<h2 id="availability">${heading}</h2>`);
    }
  });

  it("serve's cache reads the history once and serves it until the next refresh", async () => {
    let reads = 0;
    const cache = startHistoryCache({
      prometheusUrl: prom.url,
      period: () => ({ from: new Date(from * 1000), to: new Date(to * 1000) }),
      read: async (o) => {
        reads++;
        return readAvailabilityHistory(o);
      },
    });
    const fact = await cache.refresh();
    cache.stop();
    expect(fact.devices.length).toBe(deviceSeries.size);
    expect(cache.latest()).toBe(fact);
    expect(reads).toBe(1); // the start-up read was joined, not doubled
  }, 60_000);
});

describe("availability history when Prometheus cannot answer", () => {
  it("Prometheus not running: a fact with the reason, and the report is still written", async () => {
    const url = `http://127.0.0.1:${await freeTcpPort()}`;
    const { fact } = await readAvailabilityHistory({ prometheusUrl: url, from: new Date(Date.now() - DAY * 1000), to: new Date() });
    expect(fact.error?.code).toBe("unreachable");
    expect(fact.devices).toEqual([]);

    const out = path.join(tempDir("history-report"), "report.md");
    const r = runSpbe(["report", INVENTORY, "--prometheus-url", url, "--format", "md", "--lang", "en", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("could not be read (unreachable");
    expect(fs.readFileSync(out, "utf8")).toContain("Availability history was not available (unreachable");
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }, 60_000);

  it("a server that answers garbage or an error is a fact with its reason", async () => {
    const http = await import("node:http");
    const server = http.createServer((req, res) => {
      if (req.url?.includes("query_range")) res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ status: "error", errorType: "execution", error: "query processing would load too many samples into memory in query execution" }));
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "success", data: { resultType: "vector", result: [] } }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const { fact } = await readAvailabilityHistory({ prometheusUrl: url, from: new Date(Date.now() - 2 * DAY * 1000), to: new Date() });
    server.close();
    expect(fact.error?.code).toBe("too-many-samples");
  });

  it("a bad --period or --prometheus-url is exit 2 with a clear message", () => {
    const r = runSpbe(["check", INVENTORY, "--prometheus-url", "http://127.0.0.1:1", "--period", "thirty days"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--period must be a duration such as 30d, 12h or 1y, not "thirty days"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
