// The report a Dewan TIK signs (issue 14): mandatory count and predicate first with written
// thresholds, coverage of the articles, and year-over-year classes that do not call a worsening "resolved".
import { describe, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../inventory/load";
import { evaluate } from "../../policies";
import { renderHtml } from "../../policies/report/html";
import { renderMarkdown } from "../../policies/report/markdown";
import { parsePreviousReport, withChanges } from "../../policies/report/previous";
import { predicateOf } from "../../policies/verdict";
import { RULES } from "../../policies";
import { indicatorEvidence, RULE_INDICATORS, SPBE_INDICATORS } from "../../policies/spbe-indicators";
import { parseFacts } from "../../facts/load";
import { AS_OF, appOf, compliantData, load } from "./fixtures";

const asPrevious = (r: ReturnType<typeof evaluate>) => parsePreviousReport(JSON.parse(JSON.stringify(r)));

describe("the predicate", () => {
  it("is read from the counts, never from the score", () => {
    expect(predicateOf(0, 0)).toBe("memenuhi");
    expect(predicateOf(0, 3)).toBe("memenuhi-dengan-catatan");
    expect(predicateOf(1, 0)).toBe("tidak-memenuhi");
  });

  it("puts the mandatory count and the predicate before the score, with the thresholds, in both examples", () => {
    for (const name of ["barito-timur", "klaten"]) {
      const report = evaluate(loadInventoryOrThrow(`examples/${name}/inventory.yaml`), { asOf: AS_OF });
      expect(report.overall.predicate).toBe("tidak-memenuhi");
      expect(report.overall.score).toBeGreaterThan(80); // the number that misled on its own
      const md = renderMarkdown(report, "id");
      const verdict = md.indexOf(`Temuan wajib: ${report.overall.mandatory}`);
      expect(verdict).toBeGreaterThan(0);
      expect(verdict).toBeLessThan(md.indexOf("Skor keseluruhan"));
      expect(md).toContain("predikat: tidak memenuhi");
      expect(md).toContain("Ambang predikat");
      // Per OPD too: counts and predicate before the score, and the score said to be no level of compliance.
      expect(md).toContain("| OPD | Nama | Wajib | Saran | Predikat | Skor | Pemeriksaan |");
      const worst = report.opds.find((o) => o.mandatory > 0)!;
      expect(md).toContain(`| ${worst.opd} | ${worst.name} | ${worst.mandatory} | ${worst.advisory} | tidak memenuhi |`);
      expect(md).toContain("bukan tingkat kepatuhan");
      // Counts as each language writes them (a large kabupaten has thousands of checks).
      const big = { ...report, opds: report.opds.map((o, i) => (i === 0 ? { ...o, checks: 1234 } : o)) };
      expect(renderMarkdown(big, "id")).toMatch(/\| 100,0 \| 1\.234 \|/);
      expect(renderHtml(big, "en")).toContain(">1,234<");
      expect(md).not.toMatch(/^Evaluasi tahunan penyelenggaraan/m); // not the whole yearly evaluation
      expect(renderHtml(report, "en")).toContain("Mandatory findings: " + report.overall.mandatory);
      for (const o of report.opds) expect(o.predicate).toBe(predicateOf(o.mandatory, o.advisory));
    }
  });
});

describe("coverage", () => {
  it("lists the articles assessed, those left for want of observed facts, and the rest", () => {
    const inventory = load(compliantData());
    const without = evaluate(inventory, { asOf: AS_OF });
    const bt = without.coverage!.find((c) => c.profile === "bt-7-2019")!;
    expect(bt.total).toBe(31);
    expect(bt.assessed).toEqual(expect.arrayContaining([12, 13, 15, 16, 17, 18, 19]));
    expect(bt.notCheckable).toEqual(expect.arrayContaining([1, 7, 20]));
    expect(bt.assessed.length + bt.noFacts.length + bt.notCheckable.length).toBe(31);
    const withFacts = evaluate(inventory, { asOf: AS_OF, facts: parseFacts({ devices: [{ id: "core", lastSeen: "2026-11-23T00:00:00Z" }] }) });
    for (const c of withFacts.coverage!) expect(c.noFacts).toEqual([]);
    const md = renderMarkdown(without, "en");
    expect(md).toContain("of 31 articles assessed");
    expect(md).toContain("not an article complied with");
  });
});

describe("year over year", () => {
  const bt = { profiles: ["bt-7-2019" as const] };
  const expiring = () => {
    const d = compliantData();
    appOf(d, "oss").website = false;
    appOf(d, "oss").placement.exception.expires = "2026-12-20";
    d.governance.evaluations[0].date = "2026-06-01"; // the yearly evaluation stays on time at both dates
    return d;
  };

  it("calls a warning that became a mandatory finding worsened, not resolved and new", () => {
    const before = evaluate(load(expiring()), { asOf: AS_OF, ...bt });
    expect(before.findings.map((f) => [f.rule, f.severity])).toEqual([["app-exception-expiring", "advisory"]]);
    const after = evaluate(load(expiring()), { asOf: new Date("2027-01-05T00:00:00Z"), ...bt });
    expect(after.findings.map((f) => [f.rule, f.severity])).toEqual([["app-placement-dc", "mandatory"]]);
    const c = withChanges(after, asPrevious(before)).changes!;
    expect(c.resolved).toEqual([]);
    expect(c.added).toEqual([]);
    expect(c.worsened!.map((k) => [k.rule, k.subject.id, k.from])).toEqual([["app-placement-dc", "oss", "app-exception-expiring"]]);
    expect(renderMarkdown(withChanges(after, asPrevious(before)), "en")).toContain("before: app-exception-expiring");
  });

  it("tells new, persisting and resolved apart, and gives the per-OPD trend over several reports", () => {
    const d1 = compliantData();
    delete appOf(d1, "web").securityAssessment; // dinkes: 1 mandatory
    const r1 = evaluate(load(d1), { asOf: new Date("2024-11-23T00:00:00Z"), ...bt });
    const d2 = compliantData();
    delete appOf(d2, "web").securityAssessment;
    appOf(d2, "simpeg").documentation.manual = false; // diskominfo: new
    const r2 = evaluate(load(d2), { asOf: new Date("2025-11-23T00:00:00Z"), ...bt });
    const d3 = compliantData();
    appOf(d3, "simpeg").documentation.manual = false; // web assessed now: resolved
    const r3 = evaluate(load(d3), { asOf: AS_OF, ...bt });
    const c = withChanges(r3, [asPrevious(r2), asPrevious(r1)]).changes!;
    expect(c.previousAsOf).toBe("2025-11-23");
    expect(c.resolved.map((k) => `${k.rule} ${k.subject.id}`)).toEqual(["app-function-assessment web"]);
    expect(c.persisting!.map((k) => `${k.rule} ${k.subject.id}`)).toEqual(["app-documentation simpeg"]);
    expect(c.added).toEqual([]);
    const trend = new Map(c.trend!.opds.map((o) => [o.opd, o.mandatory]));
    expect(c.trend!.asOf).toEqual(["2024-11-23", "2025-11-23", "2026-11-23"]);
    expect(trend.get("dinkes")).toEqual([1, 1, 0]);
    expect(trend.get("diskominfo")).toEqual([0, 1, 1]);
    // ...and the report shows it, oldest first, in both renderers.
    const md = renderMarkdown(withChanges(r3, [asPrevious(r2), asPrevious(r1)]), "en");
    const section = md.slice(md.indexOf("### Trend of mandatory findings per OPD"));
    expect(section).toContain("- dinkes: 1 → 1 → 0 (2024-11-23 → 2025-11-23 → 2026-11-23)");
    expect(section).toContain("- diskominfo: 0 → 1 → 1");
    expect(renderHtml(withChanges(r3, [asPrevious(r2), asPrevious(r1)]), "id")).toContain("<li>dinkes: 1 → 1 → 0 (2024-11-23 → 2025-11-23 → 2026-11-23)</li>");
    // One previous report: classes, but no trend to draw.
    expect(renderMarkdown(withChanges(r3, asPrevious(r2)), "en")).not.toContain("Trend of mandatory findings");
  });
});

describe("the letter the Dewan TIK signs", () => {
  const klaten = () => evaluate(loadInventoryOrThrow("examples/klaten/inventory.yaml"), { asOf: AS_OF, reportNumber: "555/77/DTIK/2026" });

  it("opens with the number, the date and the addressee (the Bupati through the Sekda), and closes with the members' sign-off", () => {
    const md = renderMarkdown(klaten(), "id");
    expect(md).toContain("Nomor: 555/77/DTIK/2026 · Tanggal: 2026-11-23");
    expect(md).toContain("Kepada Yth. Bupati Klaten, melalui Sekretaris Daerah Kabupaten Klaten");
    expect(md.indexOf("Kepada Yth.")).toBeLessThan(md.indexOf("## Ringkasan"));
    const signoff = md.slice(md.indexOf("## Dewan TIK Daerah"));
    expect(signoff).toContain("| Drs. Jaka Santosa, M.M. | Ketua (Sekretaris Daerah) |  |");
    const html = renderHtml(klaten(), "en");
    expect(html).toContain("To the Bupati of Klaten, through the Sekretaris Daerah");
    expect(html).toContain('<h2 id="signoff">');
    // No members on record: said, not silently left out.
    expect(renderMarkdown(evaluate(load(compliantData()), { asOf: AS_OF }), "en")).toContain("No Dewan TIK members on record");
  });

  it("lists the OPDs facing a Pasal 34 (1) sanction from their procurement findings, under Klaten only", () => {
    const md = renderMarkdown(klaten(), "en");
    const section = md.slice(md.indexOf("## OPDs facing sanctions"), md.indexOf("## Recommendations to the Bupati"));
    expect(section).toContain("(dispermasdes): the head of the OPD may receive");
    expect(section).toContain("procurement without Dinas verification: sideskel.");
    expect(section).toContain("(dlh): the head of the OPD may receive");
    expect(section.match(/^- /gm)).toHaveLength(2);
    const bt = renderMarkdown(evaluate(loadInventoryOrThrow("examples/barito-timur/inventory.yaml"), { asOf: AS_OF }), "en");
    expect(bt).not.toContain("OPDs facing sanctions");
  });

  it("recommends on an OPD whose mandatory finding outlived a cycle (Pasal 32 (2) e), not on a new one, and says so when there is no previous report", () => {
    const kl = { profiles: ["klaten-18-2018" as const] };
    const d1 = compliantData();
    appOf(d1, "oss").placement = { type: "datacenter", server: "srv1" };
    delete appOf(d1, "web").securityAssessment; // dinkes: mandatory
    const r1 = evaluate(load(d1), { asOf: new Date("2025-11-23T00:00:00Z"), ...kl });
    const d2 = structuredClone(d1);
    d2.opds[0].pengelolaTik[0].status = "pppk"; // diskominfo: new this year
    const r2 = evaluate(load(d2), { asOf: AS_OF, ...kl });
    expect(renderMarkdown(r2, "en")).toContain("Not judged without a previous report");
    const md = renderMarkdown(withChanges(r2, asPrevious(r1)), "en");
    const section = md.slice(md.indexOf("## Recommendations to the Bupati"), md.indexOf("## Register of security-guarantee exceptions"));
    expect(section.length).toBeLessThan(1000);
    expect(section).toContain("Dinas Kesehatan (dinkes): 1 mandatory findings not acted upon since the report of 2025-11-23 (app-security-assessment)");
    expect(section).not.toContain("(diskominfo)");
  });
});

describe("supporting evidence for the national SPBE evaluation (PermenPANRB 59/2020)", () => {
  it("maps only rules of the catalogue to indicators named with the source they were read in", () => {
    const ids = new Set(RULES.map((r) => r.id));
    const numbers = new Set(SPBE_INDICATORS.map((i) => i.number));
    expect(numbers.size).toBe(SPBE_INDICATORS.length);
    for (const [rule, indicators] of Object.entries(RULE_INDICATORS)) {
      expect(ids.has(rule), rule).toBe(true);
      for (const n of indicators) expect(numbers.has(n), `${rule} → ${n}`).toBe(true);
    }
    for (const i of SPBE_INDICATORS) {
      expect(i.number).toBeGreaterThanOrEqual(1);
      expect(i.number).toBeLessThanOrEqual(47); // the instrument has 47 indicators
      expect(i.source, `indicator ${i.number}`).toMatch(/^https:\/\/\S+$/);
      expect(i.name.id && i.name.en, `indicator ${i.number}`).toBeTruthy();
    }
    // Every indicator named is used by some rule: none is listed for show.
    for (const n of numbers) expect(Object.values(RULE_INDICATORS).some((l) => l.includes(n)), `indicator ${n}`).toBe(true);
  });

  it("shows each indicator with the checks and findings of its rules in this evaluation, in both languages", () => {
    const report = evaluate(loadInventoryOrThrow("examples/klaten/inventory.yaml"), { asOf: AS_OF });
    const placement = report.rules.find((r) => r.id === "app-placement-dc")!;
    expect(placement.failed).toBe(3);
    const md = renderMarkdown(report, "id");
    const section = md.slice(md.indexOf("## Bukti pendukung evaluasi SPBE nasional"), md.indexOf("## Aturan yang diterapkan"));
    expect(section).toContain(`Indikator 16 Tingkat Kematangan Layanan Pusat Data`);
    expect(section).toContain(`app-placement-dc: ${placement.failed} dari ${placement.checked} pemeriksaan gagal`);
    expect(section).toContain("Sumber nomor indikator: https://");
    expect(section).toContain("bukan nilai indikator");
    // Barito Timur under its own Perda: indicator 16 from its placement rules; no rule of indicator 29 applies without facts.
    const bt = evaluate(loadInventoryOrThrow("examples/barito-timur/inventory.yaml"), { asOf: AS_OF });
    const html = renderHtml(bt, "en");
    expect(html).toContain('<h2 id="spbe-indicators">');
    expect(html).toContain("Indicator 16 Maturity of the data-center service");
    expect(html).not.toContain("Indicator 29");
  });

  it("names nothing when no applied rule maps to a citable indicator", () => {
    expect(indicatorEvidence([])).toEqual([]);
    expect(indicatorEvidence([{ id: "app-license", checked: 3, failed: 1 }])).toEqual([]);
    expect(indicatorEvidence([{ id: "device-reachable", checked: 4, failed: 1 }]).map((e) => [e.indicator.number, e.rules])).toEqual([[29, [{ id: "device-reachable", checked: 4, failed: 1 }]]]);
  });
});
