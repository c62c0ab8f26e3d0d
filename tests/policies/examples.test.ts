// Both example inventories produce reports that find exactly their deliberate problems (the
// `DELIBERATE:` comments in examples/*/inventory.yaml), and nothing else.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../inventory/load";
import { evaluate } from "../../policies";
import { renderCsv } from "../../policies/report/csv";
import { renderMarkdown } from "../../policies/report/markdown";
import { AS_OF } from "./fixtures";

const key = (f: { severity: string; rule: string; subject: { id: string } }) => `${f.severity} ${f.rule} ${f.subject.id}`;

/** The ids of the entries that carry a DELIBERATE comment (the entry right after the comment). */
function deliberateIds(file: string): string[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const ids: string[] = [];
  lines.forEach((line, i) => {
    if (!line.includes("# DELIBERATE:")) return;
    const next = lines.slice(i + 1).find((l) => /^\s*- (id|code):/.test(l));
    ids.push(next!.replace(/^\s*- (id|code):\s*/, "").trim());
  });
  return ids.sort();
}

const EXPECTED: Record<string, string[]> = {
  "barito-timur": [
    "mandatory opd-pengelola-tik kec-paju-epat", // Pasal 16 (2)
    "mandatory opd-pengelola-asn kec-dusun-timur", // Pasal 16 (1): an honorer (bkpsdm's PPPK is ASN: no finding)
    "mandatory opd-general-purpose-hardware rsud-srv-01", // Pasal 12 (5)
    "mandatory opd-general-purpose-hardware dinkes-ap-01", // Pasal 12 (3) c, (4): network equipment is the Dinas's
    // bb-dishub carries no label: not judged, bt-7-2019 has no labelling duty.
    "mandatory app-function-assessment pajak-daerah", // Pasal 17 (3)
    "mandatory app-placement-dc web-dishub", // Pasal 15 (1)
    "mandatory website-hosting-indonesia web-dishub", // Pasal 19 (4)
    "mandatory app-documentation web-dishub", // Pasal 13 (6)
    "mandatory app-source-repository web-dishub",
    "mandatory app-placement-dc dtks", // Pasal 15 (2): expired
    // dtks is rahasia and hosted externally over the internet: bt-7-2019 Pasal 18 applies as well.
    "mandatory app-confidential-dinas dtks",
    "mandatory app-documentation sipjaki", // Pasal 13 (6)
    "mandatory app-source-repository sipjaki", // Pasal 13 (9)
    "mandatory app-development-dinas sipjaki", // Pasal 13 (8): aplikasi khusus without coordination
    "mandatory app-placement-dc simrs", // Pasal 15
    "mandatory app-confidential-dinas simrs", // Pasal 18 (its old assessment counts: 17 (3) sets no period)
    "mandatory website-subdomain web-disdik", // Pasal 19 (2)-(3)
    "mandatory incident-reported ins-2026-08", // Pasal 17 (8): serious, caused by another party, no written report
    // Not deliberate, but commented in the example as "expiring within 60 days: warned".
    "advisory app-exception-expiring oss-daerah",
  ],
  klaten: [
    "mandatory opd-pengelola-tik dlh", // Pasal 19 (2)
    "mandatory opd-device-recommendation dlh-sw-01", // Pasal 11 (2)
    "mandatory device-procurement-verified dlh-sw-01", // Pasal 8 (4): goods too
    "mandatory opd-pengelola-asn setwan", // Pasal 18 (2): a PPPK is not a PNS
    "mandatory network-label-code bb-kec-delanggu", // Pasal 11 (3)
    "mandatory network-label-code lan-rsud-bagas-waras", // Pasal 11 (3)
    "advisory app-dr-replica dtks", // Pasal 9 (2) a asks no replica per application: advice
    "mandatory app-placement-dc simrs", // Pasal 14 (1)
    "mandatory app-confidential-dinas simrs", // Pasal 22
    "mandatory app-security-assessment sipandu", // Pasal 21 (2)-(3)
    "mandatory app-procurement-verified sideskel", // Pasal 8 (4)
    "mandatory app-development-dinas sideskel", // Pasal 12 (2)
    "mandatory website-subdomain web-kec-wedi", // Pasal 23
    "mandatory app-placement-dc e-parkir", // Pasal 14 (1)
    "mandatory app-placement-dc siladi-lapor", // Pasal 14 (1): expired 2024-03-01
  ],
};

describe.each(Object.keys(EXPECTED))("example %s", (name) => {
  const file = `examples/${name}/inventory.yaml`;
  const inventory = loadInventoryOrThrow(file);
  const report = evaluate(inventory, { asOf: AS_OF });

  it("finds exactly the deliberate problems", () => {
    expect(report.findings.map(key).sort()).toEqual([...EXPECTED[name]!].sort());
  });

  it("has a finding for every DELIBERATE entry and findings only on those (plus the commented warning)", () => {
    const deliberate = deliberateIds(file);
    const subjects = [...new Set(report.findings.filter((f) => !f.rule.endsWith("expiring")).map((f) => f.subject.id))].sort();
    expect(subjects).toEqual(deliberate);
  });

  it("scores the OPDs with findings below 100 and the others at 100", () => {
    const withFindings = new Set(report.findings.map((f) => f.opd));
    for (const o of report.opds) {
      if (withFindings.has(o.opd)) expect(o.score, o.opd).toBeLessThan(100);
      else expect(o.score, o.opd).toBe(100);
    }
    expect(report.overall.score).toBeGreaterThan(0);
    expect(report.overall.score).toBeLessThan(100);
  });

  it("lists every exception with its status on the evaluation date", () => {
    for (const e of report.exceptions) {
      const app = inventory.applications.find((a) => a.id === e.application)!;
      expect((app.placement as any).exception.ref).toBe(e.ref);
    }
    if (name === "barito-timur") {
      expect(report.exceptions.map((e) => [e.application, e.status])).toEqual([
        ["dtks", "expired"],
        ["oss-daerah", "expiring"],
      ]);
    } else {
      expect(report.exceptions.map((e) => [e.application, e.status])).toEqual([["siladi-lapor", "expired"]]);
    }
  });

  it("renders Markdown and CSV with every finding, in both languages", () => {
    const md = renderMarkdown(report, "id");
    const csv = renderCsv(report, "en");
    for (const f of report.findings) {
      expect(md).toContain(f.evidence.id);
      expect(csv).toContain(f.subject.id);
    }
    expect(md).toContain("Temuan per pasal");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(report.findings.length + 1);
  });
});

describe.each(Object.keys(EXPECTED))("example %s: national applications", (name) => {
  it("has a national application, and it produces no finding", () => {
    const inventory = loadInventoryOrThrow(`examples/${name}/inventory.yaml`);
    const national = inventory.applications.filter((a) => a.national).map((a) => a.id);
    expect(national.length).toBeGreaterThan(0);
    const report = evaluate(inventory, { asOf: AS_OF });
    expect(report.findings.filter((f) => national.includes(f.subject.id))).toEqual([]);
    // ...while the same application recorded as the OPD's own would be judged (the notion matters).
    const asOwn = { ...inventory, applications: inventory.applications.map((a) => (a.national ? { ...a, national: undefined } : a)) };
    expect(evaluate(asOwn, { asOf: AS_OF }).findings.some((f) => national.includes(f.subject.id))).toBe(true);
  });
});
