// Facts as `spbe report` and `spbe check` take them: several files merged, stale ones listed and not judged.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runSpbe } from "../../testkit/spbe-cli";

const dir = mkdtempSync(join(tmpdir(), "spbe-facts-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KLATEN = "examples/klaten/inventory.yaml";
const spbe = (args: string[]) => runSpbe(args, { LANG: "en_US.UTF-8" });

function factsFile(name: string, body: object): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ schema: "spbe-observed-facts/2", observedAt: "2026-11-22T06:00:00Z", ...body }));
  return file;
}

const outage = (observedAt: string) => ({
  devices: [{ id: "kec-cawas-rtr-01", lastSeen: "2026-09-01T00:00:00Z", unreachableSince: "2026-09-01T00:05:00Z", source: "poller", observedAt }],
});
const outsideApp = { applications: [{ id: "sipd", hostname: "sipd.klatenkab.go.id", answeringFrom: ["192.0.2.10"], source: "dns 127.0.0.1:53", observedAt: "2026-11-22T06:00:00Z" }] };
const rulesOf = (report: { findings: { rule: string; subject: { id: string } }[] }) => report.findings.map((f) => `${f.rule} ${f.subject.id}`).filter((k) => /reachable|answers/.test(k)).sort();

describe("spbe report --facts", () => {
  it("merges several facts files", () => {
    const r = spbe(["report", KLATEN, "--format", "json", "--as-of", "2026-11-23", "--facts", factsFile("a.json", outage("2026-11-22T06:00:00Z")), "--facts", factsFile("b.json", outsideApp)]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(rulesOf(report)).toEqual(["app-answers-from-dinas-blocks sipd", "device-reachable kec-cawas-rtr-01"]);
    expect(report.staleFacts).toEqual([]);
  });

  it("lists facts older than --max-fact-age as stale and does not judge by them", () => {
    const old = factsFile("old.json", outage("2026-11-01T06:00:00Z"));
    const r = spbe(["report", KLATEN, "--format", "json", "--as-of", "2026-11-23", "--facts", old]);
    const report = JSON.parse(r.stdout);
    expect(rulesOf(report)).toEqual([]);
    expect(report.staleFacts).toEqual([{ section: "devices", subject: "kec-cawas-rtr-01", source: "poller", observedAt: "2026-11-01T06:00:00Z", ageHours: 522 }]);
    expect(report.maxFactAgeHours).toBe(48);
    const md = spbe(["report", KLATEN, "--format", "md", "--lang", "en", "--as-of", "2026-11-23", "--facts", old]).stdout;
    expect(md).toContain("## Stale observed facts (not used to judge)");
    expect(md).toContain("| devices | kec-cawas-rtr-01 | poller | 2026-11-01T06:00:00Z | 522 |");

    const wider = JSON.parse(spbe(["report", KLATEN, "--format", "json", "--as-of", "2026-11-23", "--facts", old, "--max-fact-age", "600"]).stdout);
    expect(rulesOf(wider)).toEqual(["device-reachable kec-cawas-rtr-01"]);
  });

  it("spbe check says how many facts were stale; a bad --max-fact-age is a usage error", () => {
    const old = factsFile("old2.json", outage("2026-11-01T06:00:00Z"));
    const r = spbe(["check", KLATEN, "--as-of", "2026-11-23", "--facts", old]);
    expect(r.stdout).toContain("1 observed fact is older than 48 hours");
    const bad = spbe(["check", KLATEN, "--facts", old, "--max-fact-age", "soon"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("must be a positive number of hours");
  });
});
