// One language per --lang: the CSV report's headers and words, and numbers written as each
// language writes them (Indonesian 1.234,5; English 1,234.5) in the plan and the reports.
import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, render, t } from "../../i18n";
import { loadInventoryOrThrow } from "../../inventory/load";
import { summarize } from "../../inventory/summary";
import { evaluate } from "../../policies";
import { renderCsv } from "../../policies/report/csv";
import { formatRatio } from "../../policies/report/availability";
import { formatScore } from "../../policies/report/text";
import { countText, renderPlan } from "../../cli/commands/plan";
import { AS_OF } from "../policies/fixtures";

describe("formatNumber", () => {
  it.each([
    [1234.5, {}, "1.234,5", "1,234.5"],
    [26500, {}, "26.500", "26,500"],
    [0.25, {}, "0,25", "0.25"],
    [94.66, { fractionDigits: 1 }, "94,7", "94.7"],
    [100, { fractionDigits: 1 }, "100,0", "100.0"],
    [1.5, { fractionDigits: 2 }, "1,50", "1.50"],
  ])("%s %o → id %s, en %s", (n, style, id, en) => {
    expect(formatNumber("id", n, style)).toBe(id);
    expect(formatNumber("en", n, style)).toBe(en);
  });

  it("writes percentages and availability ratios per language", () => {
    expect(formatPercent("id", 0.119)).toBe("11,9");
    expect(formatPercent("en", 0.31)).toBe("31");
    expect(formatRatio("id", 0.99912)).toBe("99,912 %");
    expect(formatRatio("en", 0.99912)).toBe("99.912 %");
    expect(formatScore("id", 94.71)).toBe("94,7");
  });

  it("gives fractional message parameters the language's decimal separator, integers as they are", () => {
    const text = { id: "{a} dan {b}", en: "{a} and {b}" };
    expect(render(text, "id", { a: 0.5, b: 16161 })).toBe("0,5 dan 16161");
    expect(render(text, "en", { a: 0.5, b: 16161 })).toBe("0.5 and 16161");
  });

  it("groups address counts below a billion and writes larger ones as powers of two", () => {
    expect(countText("65536", "65536", "id")).toBe("65.536");
    expect(countText("65536", "65536", "en")).toBe("65,536");
    expect(countText(String(2n ** 80n), String(2n ** 80n), "en")).toBe("2^80");
  });
});

describe("plurals agree with the count in English", () => {
  it("says 1 advisory and 2 advisories", () => {
    const one = t("en", "report.overall", { score: "99.0", mandatory: 1, advisory: 1, checks: 1 });
    expect(one).toContain("1 mandatory finding and 1 advisory in 1 check.");
    const two = t("en", "report.overall", { score: "99.0", mandatory: 2, advisory: 2, checks: 2 });
    expect(two).toContain("2 mandatory findings and 2 advisories in 2 checks.");
    expect(t("id", "report.overall", { score: "99,0", mandatory: 1, advisory: 2, checks: 3 })).toContain("1 temuan wajib dan 2 saran dari 3 pemeriksaan");
  });
});

describe("the CSV report speaks one language", () => {
  const report = evaluate(loadInventoryOrThrow("examples/klaten/inventory.yaml"), { asOf: AS_OF });
  const header = (lang: "id" | "en") => renderCsv(report, lang).split("\r\n")[0]!.split(",");

  it("has every header in the chosen language", () => {
    expect(header("id")).toEqual(["Tanggal evaluasi", "OPD", "Nama OPD", "Tingkat", "Kode aturan", "Aturan", "Pasal", "Jenis objek", "Kode objek", "Bukti", "Tindak lanjut"]);
    expect(header("en")).toEqual(["Evaluation date", "OPD", "OPD name", "Severity", "Rule code", "Rule", "Article", "Subject kind", "Subject code", "Evidence", "Remediation"]);
  });

  it("writes severities and subject kinds as words of that language", () => {
    const column = (lang: "id" | "en", i: number) => new Set(renderCsv(report, lang).trim().split("\r\n").slice(1).map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""))[i]));
    const kindsId = column("id", 7);
    const kindsEn = column("en", 7);
    expect(kindsId.has("aplikasi")).toBe(true);
    expect(kindsId.has("application")).toBe(false);
    expect(kindsEn.has("application")).toBe(true);
    expect([...column("id", 3)].every((s) => s === "wajib" || s === "saran")).toBe(true);
    expect([...column("en", 3)].every((s) => s === "mandatory" || s === "advisory")).toBe(true);
  });
});

describe("the plan writes numbers per language", () => {
  const summary = summarize(loadInventoryOrThrow("examples/klaten/inventory.yaml"));
  it("groups Mbps and writes decimal percentages as the language does", () => {
    const id = renderPlan(summary, "id");
    const en = renderPlan(summary, "en");
    expect(id).toMatch(/total \d{1,3}(\.\d{3})+ Mbps/);
    expect(en).toMatch(/\d{1,3}(,\d{3})+ Mbps in total/);
    expect(id).toMatch(/\(\d+,\d%\)/);
    expect(en).toMatch(/\(\d+\.\d%\)/);
    expect(id).not.toMatch(/\(\d+\.\d%\)/);
  });
});
