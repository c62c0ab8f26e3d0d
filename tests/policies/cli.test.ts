// spbe report / spbe check as a user runs them: exit codes, bad facts and previous-report files
// (a clear error naming the file, nothing written), and resolved/new findings against a previous report.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compliantData } from "./fixtures";
import { runSpbe } from "../../testkit/spbe-cli";

const dir = mkdtempSync(join(tmpdir(), "spbe-policies-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spbe(args: string[], env: Record<string, string> = {}) {
  const r = runSpbe(args, { LANG: "en_US.UTF-8", ...env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BT = "examples/barito-timur/inventory.yaml";
const KLATEN = "examples/klaten/inventory.yaml";

describe("spbe check", () => {
  it("exits 1 with a short list when a mandatory rule fails", () => {
    const r = spbe(["check", KLATEN, "--as-of", "2026-11-23"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(16);
    expect(r.stdout).toMatch(/^MANDATORY app-placement-dc application e-parkir \(dishub\) \[klaten-18-2018 Pasal 14 \(1\)\]/m);
    expect(lines.at(-1)).toContain("14 mandatory findings");
  });

  it("exits 0 when only advisories remain, and speaks Indonesian from LANG", () => {
    const compliant = join(dir, "compliant.json");
    // The compliant rule fixture, written as an inventory file (JSON is YAML).
    const data = compliantData();
    data.applications.find((a: any) => a.id === "oss").placement.exception.expires = "2026-12-20";
    // The expiry warning is Barito Timur's (Klaten's Pasal 14 has no exception to expire).
    data.meta.profiles = ["bt-7-2019"];
    writeFileSync(compliant, JSON.stringify(data));
    const r = spbe(["check", compliant, "--as-of", "2026-11-23"], { LANG: "id_ID.UTF-8" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("saran     app-exception-expiring");
    expect(r.stdout).toContain("tidak ada temuan wajib (1 saran)");
  });

  it("--format json lists mandatory findings with their citation", () => {
    const r = spbe(["check", BT, "--as-of", "2026-11-23", "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.passed).toBe(false);
    expect(out.mandatory).toHaveLength(18);
    expect(out.mandatory.find((f: any) => f.subject.id === "web-dishub" && f.rule === "website-hosting-indonesia").citation).toBe("bt-7-2019 Pasal 19 (4)");
  });

  it("rejects a bad --as-of with exit 2", () => {
    const r = spbe(["check", BT, "--as-of", "2026-02-30"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--as-of must be a date YYYY-MM-DD");
  });
});

describe("spbe report: bad input writes nothing", () => {
  it("an invalid inventory: exit 2 with the inventory's errors, no report written", () => {
    const out = join(dir, "never0.html");
    const r = spbe(["report", "tests/fixtures/broken-inventory.yaml", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("tests/fixtures/broken-inventory.yaml:");
    expect(existsSync(out)).toBe(false);
    expect(spbe(["check", "tests/fixtures/broken-inventory.yaml"]).code).toBe(2);
  });

  it("a broken facts file: exit 2, the file named, no report written", () => {
    const facts = join(dir, "facts-broken.json");
    writeFileSync(facts, '{"devices": [{"id": "dc-rtr-01", "unreachableSince": "yesterday"}]');
    const out = join(dir, "never.html");
    const r = spbe(["report", BT, "--facts", facts, "--out", out, "--as-of", "2026-11-23"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(facts);
    expect(r.stderr).toContain("not valid JSON");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it("a facts file of the wrong shape: exit 2 with the field named", () => {
    const facts = join(dir, "facts-shape.json");
    writeFileSync(facts, JSON.stringify({ devices: [{ id: "dc-rtr-01", unreachableSince: "yesterday" }] }));
    const out = join(dir, "never2.html");
    const r = spbe(["report", BT, "--facts", facts, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${facts}: not an observed-facts file: devices.0.unreachableSince`);
    expect(existsSync(out)).toBe(false);
  });

  it("a previous report that is not one: exit 2, the file named, no report written", () => {
    const previous = join(dir, "previous-bad.json");
    writeFileSync(previous, JSON.stringify({ hello: "world" }));
    const out = join(dir, "never3.md");
    const r = spbe(["report", BT, "--previous", previous, "--format", "md", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${previous}: not a previous compliance report`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("a PDF that cannot be rendered: exit 1, nothing written", () => {
    const out = join(dir, "never.pdf");
    const r = spbe(["report", KLATEN, "--format", "pdf", "--out", out], { SPBE_CHROMIUM: "/nonexistent/chromium" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("PDF rendering failed");
    expect(existsSync(out)).toBe(false);
  });
});

describe("spbe report: changes since the previous report, facts", () => {
  it("lists resolved and new findings against last year's JSON report", () => {
    const previousFile = join(dir, "previous.json");
    const first = spbe(["report", KLATEN, "--format", "json", "--as-of", "2025-11-23", "--out", previousFile]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("report written (json");
    // Pretend last year's report had one more finding, since resolved.
    const previous = JSON.parse(readFileSync(previousFile, "utf8"));
    previous.findings.push({ rule: "opd-quota", opd: "kec-cawas", subject: { kind: "opd", id: "kec-cawas" } });
    writeFileSync(previousFile, JSON.stringify(previous));

    const facts = join(dir, "facts.json");
    writeFileSync(
      facts,
      JSON.stringify({
        schema: "spbe-observed-facts/1",
        devices: [{ id: "kec-cawas-rtr-01", lastSeen: "2026-09-01T00:00:00Z", unreachableSince: "2026-09-01T00:05:00Z" }],
        applications: [{ id: "sipd", hostname: "sipd.klatenkab.go.id", answeringFrom: ["192.0.2.10"] }],
      }),
    );
    const r = spbe(["report", KLATEN, "--format", "json", "--as-of", "2026-11-23", "--previous", previousFile, "--facts", facts]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.changes.previousAsOf).toBe("2025-11-23");
    // A year earlier the action-plan evaluation of 2025-11-28 was not done yet (klaten-18-2018 Pasal 8 (3)): resolved since.
    expect(report.changes.resolved.map((k: any) => `${k.rule} ${k.subject.id}`)).toEqual(["evaluation-reported-sekda klatenkab.go.id", "opd-quota kec-cawas"]);
    // Between 2025-11-23 and 2026-11-23 sipandu stayed unassessed; the observed facts add two findings.
    expect(report.changes.added.map((k: any) => `${k.rule} ${k.subject.id}`).sort()).toEqual(["app-answers-from-dinas-blocks sipd", "device-reachable kec-cawas-rtr-01"]);
    expect(report.factsUsed).toBe(true);

    // Two previous reports, the older given last: classes against the newest, the trend over all three.
    const olderFile = join(dir, "previous-2024.json");
    expect(spbe(["report", KLATEN, "--format", "json", "--as-of", "2024-11-23", "--out", olderFile]).code).toBe(0);
    const md = spbe(["report", KLATEN, "--format", "md", "--lang", "en", "--as-of", "2026-11-23", "--previous", previousFile, "--previous", olderFile]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain("## Changes since the previous report (2025-11-23)");
    expect(md.stdout).toContain("- `opd-quota` OPD kec-cawas (kec-cawas)");
    const trend = md.stdout.slice(md.stdout.indexOf("### Trend of mandatory findings per OPD"));
    expect(trend).toMatch(/^- dlh: \d+ → \d+ → \d+ \(2024-11-23 → 2025-11-23 → 2026-11-23\)$/m);
  });
});

describe("spbe report: plausibility of the evidence", () => {
  it("warns, with file:line:column, of a record dated after the evaluation and of a reference whose year is not its date's; the report lists them", () => {
    const file = join(dir, "implausible.yaml");
    const text = readFileSync(BT, "utf8")
      .replace("{name: Ignatius Dedi, decree: SK Bupati Barito Timur No. 188.45/127/2024, appointed: 2024-02-12", "{name: Ignatius Dedi, decree: SK Bupati Barito Timur No. 188.45/127/2024, appointed: 2026-12-01");
    expect(text).toContain("appointed: 2026-12-01");
    const lines = text.split("\n");
    const assessed = lines.findIndex((l) => /^\s+securityAssessment: \{date: 2026-/.test(l));
    expect(assessed).toBeGreaterThan(0);
    lines[assessed] = lines[assessed]!.replace(/ref: [^,}]+/, "ref: BA-FUNGSI/2023/07");
    writeFileSync(file, lines.join("\n"));
    const r = spbe(["report", file, "--as-of", "2026-11-23", "--format", "md", "--number", "555/1/DTIK/2026"]);
    expect(r.code).toBe(0);
    const appointedLine = lines.findIndex((l) => l.includes("appointed: 2026-12-01")) + 1;
    expect(r.stderr).toMatch(new RegExp(`implausible\\.yaml:${appointedLine}:\\d+ warning: opds\\[\\d+\\]\\.pengelolaTik\\[0\\]\\.appointed: dated 2026-12-01, after the evaluation date 2026-11-23`));
    expect(r.stderr).toMatch(new RegExp(`implausible\\.yaml:${assessed + 1}:\\d+ warning: applications\\[\\d+\\]\\.securityAssessment\\.date: reference BA-FUNGSI/2023/07 names the year 2023`));
    expect(r.stdout).toContain("## Peringatan kewajaran bukti");
    expect(r.stdout).toContain(`implausible.yaml:${appointedLine}:`);
    expect(r.stdout).toContain("Nomor: 555/1/DTIK/2026");
  });
});
