// The report as the Dewan TIK sees it: served by the compliance extension (as `spbe serve` mounts
// it), opened in headless Chromium (one launch for the HTML checks, the screenshot and the PDF),
// and the PDF's text read back with pdftotext from poppler-utils.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../inventory/load";
import * as D from "../../policies/metric-names";
import { createComplianceExtension } from "../../policies/serve";
import { htmlToPdf, withChromium } from "../../policies/report/pdf";
import { AS_OF } from "./fixtures";

const OUT = join(".test-results", "policies");
const inventory = loadInventoryOrThrow("examples/klaten/inventory.yaml");
const extension = createComplianceExtension(inventory, { asOf: AS_OF });
let server: ReturnType<ReturnType<typeof express>["listen"]>;
let base = "";

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const app = express();
  app.use(extension.router);
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("compliance extension", () => {
  it("exports per-OPD finding counts and scores as Prometheus text", () => {
    const text = extension.metricsText();
    expect(text).toContain("# TYPE spbe_compliance_findings gauge");
    expect(text).toContain('spbe_compliance_findings{opd="dishub",severity="mandatory",rule="app-placement-dc"} 1');
    expect(text).toContain('spbe_compliance_findings{opd="rsud-bagas-waras",severity="mandatory",rule="network-label-code"} 1');
    expect(text).toContain('spbe_compliance_findings{opd="setda",severity="mandatory",rule="app-placement-dc"} 0');
    expect(text).toMatch(/^spbe_compliance_score\{opd="_all"\} 94\.7$/m);
    expect(text).toMatch(/^spbe_compliance_score\{opd="setda"\} 100$/m);
    const findings = text.split("\n").filter((l) => l.startsWith("spbe_compliance_findings{")).reduce((s, l) => s + Number(l.split(" ").pop()), 0);
    expect(findings).toBe(15);
  });

  it("writes the series and label names the Compliance dashboard queries (policies/metric-names.ts)", () => {
    const series = extension
      .metricsText()
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => /^(\w+)\{(.*)\} \S+$/.exec(l)!)
      .map(([, name, labels]) => ({ name, labels: [...labels!.matchAll(/(\w+)="(?:[^"\\]|\\.)*"/g)].map((m) => m[1]).join(",") }));
    expect(new Set(series.map((s) => `${s.name}{${s.labels}}`))).toEqual(
      new Set([`${D.COMPLIANCE_FINDINGS}{${D.LABEL_OPD},${D.LABEL_SEVERITY},${D.LABEL_RULE}}`, `${D.COMPLIANCE_SCORE}{${D.LABEL_OPD}}`]),
    );
    expect(extension.metricsText()).toContain(`${D.COMPLIANCE_SCORE}{${D.LABEL_OPD}="${D.KABUPATEN_SCORE_OPD}"}`);
  });

  it("takes the collectors' observed facts at each evaluation, and ignores facts of the wrong shape", () => {
    let facts: unknown = {
      schema: "spbe-observed-facts/1",
      observedAt: "2026-11-23T06:00:00Z",
      devices: [
        { id: "kec-cawas-rtr-01", lastSeen: "2026-10-01T00:00:00Z", unreachableSince: "2026-10-01T00:05:00Z" },
        { id: "dc-rtr-01", lastSeen: "2026-11-23T05:59:00Z", unreachableSince: null },
      ],
    };
    const ext = createComplianceExtension(inventory, { asOf: AS_OF, facts: () => facts });
    expect(ext.metricsText()).toContain('spbe_compliance_findings{opd="kec-cawas",severity="advisory",rule="device-reachable"} 1');
    facts = { devices: [{ id: "kec-cawas-rtr-01", unreachableSince: null }] };
    expect(ext.metricsText()).toContain('spbe_compliance_findings{opd="kec-cawas",severity="advisory",rule="device-reachable"} 0');
    facts = { devices: "not a list" };
    expect(ext.metricsText()).not.toContain("device-reachable");
    expect(ext.metricsText()).toMatch(/^spbe_compliance_score\{opd="_all"\} 94\.7$/m);
  });

  it("serves the report as JSON next to the HTML", async () => {
    const res = await fetch(`${base}/report.json`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { findings: unknown[] }).findings).toHaveLength(15);
  });
});

describe("HTML and PDF in headless Chromium", () => {
  it("shows the key content, takes a screenshot, and prints a PDF whose text holds the findings", async () => {
    const requests: string[] = [];
    const { text, bars, pdf } = await withChromium(async (context) => {
      const page = await context.newPage();
      page.on("request", (r) => requests.push(r.url()));
      const res = await page.goto(`${base}/report`, { waitUntil: "load" });
      expect(res?.status()).toBe(200);
      const text = await page.innerText("body");
      const bars = await page.locator("svg g.bar").count();
      await page.screenshot({ path: join(OUT, "report-klaten.png"), fullPage: true });
      const pdf = await htmlToPdf(await page.content(), context);
      return { text, bars, pdf };
    });
    // Self-contained: the page asked for nothing but itself.
    expect(requests).toEqual([`${base}/report`]);
    expect(text).toContain("Evaluasi kepatuhan infrastruktur SPBE Kabupaten Klaten");
    expect(text).toContain("Skor keseluruhan 94,7/100: 14 temuan wajib dan 1 saran");
    expect(text).toContain("Temuan wajib: 14 · saran: 1 · predikat: tidak memenuhi");
    expect(text).toContain("klaten-18-2018 Pasal 14 (1)");
    expect(text).toContain("Register pengecualian");
    expect(text).toContain("SPJ-KD/DLH/2022/01");
    expect(bars).toBe(inventory.opds.length);

    const pdfFile = join(OUT, "report-klaten.pdf");
    writeFileSync(pdfFile, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pdfText = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const expected of ["Temuan per OPD", "e-parkir", "kecamatanwedi.web.id", "bb-kec-delanggu", "tanpa replika DR", "Pasal 8 (4)"]) {
      expect(pdfText).toContain(expected);
    }
  });
});
