// The generated Prometheus rules, checked and unit-tested by Debian's promtool.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { buildAlertRules, OVER_QUOTA_ALERT, RULES_FILE_PATH } from "../../dashboards/build";
import { ALERT, PROVINCE_ALERT } from "../../dashboards/rules/names";
import { provinceAlertGroups } from "../../dashboards/rules/alerts";
import { ruleFileYaml } from "../../dashboards/rules/render";
import { vmalert179Groups } from "../../dashboards/rules/vmalert";
import { loadInventoryOrThrow } from "../../inventory/load";
import { ALERT_CASES, ALWAYS_FIRING } from "./alert-cases";
import { runPromtool, writeRuleTests, type AlertCase } from "../../testkit/promtool";

const EXAMPLES = ["examples/barito-timur/inventory.yaml", "examples/klaten/inventory.yaml"];
interface RuleDoc {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string; labels?: Record<string, string>; annotations?: Record<string, string> }[] }[];
}

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const track = <T extends { dir: string }>(x: T): T => (tempDirs.push(x.dir), x);

function rulesFor(file: string): string {
  const files = buildAlertRules(loadInventoryOrThrow(file));
  expect(files.map((f) => f.path)).toEqual([RULES_FILE_PATH]);
  return files[0]!.content;
}

describe("alert rules", () => {
  it.each(EXAMPLES)("promtool check rules accepts the rules of %s", (file) => {
    const { dir } = track({ dir: mkdtempSync(join(tmpdir(), "spbe-rules-")) });
    writeFileSync(join(dir, "rules.yml"), rulesFor(file));
    const r = runPromtool(["check", "rules", "rules.yml"], dir);
    expect(r.output).toContain("SUCCESS");
    expect(r.code, r.output).toBe(0);
  });

  it("every alert has a severity and bilingual summary, description and first step", () => {
    const doc = parse(rulesFor(EXAMPLES[0]!)) as RuleDoc;
    const alerts = doc.groups.flatMap((g) => g.rules).filter((r) => r.alert);
    expect(new Set(alerts.map((a) => a.alert))).toEqual(new Set(Object.values(ALERT)));
    for (const a of alerts) {
      expect(["critical", "warning", "info", "none"], a.alert).toContain(a.labels?.severity);
      for (const key of ["summary", "summary_id", "description", "description_id", "runbook", "runbook_id"]) {
        expect(a.annotations?.[key]?.length ?? 0, `${a.alert} ${key}`).toBeGreaterThan(10);
      }
      expect(a.annotations!.summary, a.alert).not.toEqual(a.annotations!.summary_id);
    }
  });

  it("the over-quota alert keeps its name for the quota tests", () => {
    expect(OVER_QUOTA_ALERT).toBe("SpbeOpdOverQuota");
    expect(rulesFor(EXAMPLES[0]!)).toContain(`alert: ${OVER_QUOTA_ALERT}`);
  });

  it("every alert has a case where it fires and one where it stays quiet", () => {
    for (const name of Object.values(ALERT)) {
      const cases = ALERT_CASES.filter((c) => c.alert === name);
      expect(cases.some((c) => c.expect.length > 0), `${name} firing case`).toBe(true);
      if (!ALWAYS_FIRING.has(name)) expect(cases.some((c) => c.expect.length === 0), `${name} quiet case`).toBe(true);
    }
  });

  it("promtool test rules: each alert fires and stays quiet as the cases say", () => {
    const { dir, testFile } = track(writeRuleTests(rulesFor(EXAMPLES[0]!), ALERT_CASES));
    const r = runPromtool(["test", "rules", testFile], dir);
    expect(r.output).toContain("SUCCESS");
    expect(r.code, r.output).toBe(0);
  });

  it("promtool test rules notices a wrong expectation (the harness can fail)", () => {
    const broken = ALERT_CASES.filter((c) => c.alert === "SpbeDeviceDown" && c.expect.length === 0).map((c) => ({ ...c, evalTime: "30m", input: [{ series: c.input[0]!.series, values: "0x40" }] }));
    const { dir, testFile } = track(writeRuleTests(rulesFor(EXAMPLES[0]!), broken));
    const r = runPromtool(["test", "rules", testFile], dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("SpbeDeviceDown");
  });
});

describe("the provincial alert rules", () => {
  const kabupaten = ["baritotimurkab.go.id", "klatenkab.go.id"];
  const rules = ruleFileYaml(vmalert179Groups(provinceAlertGroups(kabupaten)).groups, "Provinsi Kalimantan Tengah");
  const up = (k: string) => `spbe_snmp_up{kabupaten="${k}",device="sw-01",site="dc",opd="diskominfo",role="switch"}`;
  const cases: AlertCase[] = [
    {
      name: "a kabupaten silent for 15 minutes fires, for it alone",
      alert: PROVINCE_ALERT.kabupatenSilent,
      // Klaten sends every minute; Barito Timur stops after 5 minutes.
      input: [{ series: up("klatenkab.go.id"), values: "1x30" }, { series: up("baritotimurkab.go.id"), values: "1x5 _x25" }],
      evalTime: "25m",
      expect: [{ labels: { kabupaten: "baritotimurkab.go.id", severity: "warning" }, summary: "No series from baritotimurkab.go.id for 15 minutes", summary_id: "Tidak ada data dari baritotimurkab.go.id selama 15 menit" }],
    },
    {
      name: "a kabupaten away for 8 minutes (a link blip) stays quiet",
      alert: PROVINCE_ALERT.kabupatenSilent,
      input: [{ series: up("klatenkab.go.id"), values: "1x30" }, { series: up("baritotimurkab.go.id"), values: "1x5 _x8 1x16" }],
      evalTime: "20m",
      expect: [],
    },
  ];

  it("every provincial alert has a case where it fires and one where it stays quiet", () => {
    for (const name of Object.values(PROVINCE_ALERT)) {
      expect(cases.some((c) => c.alert === name && c.expect.length > 0), `${name} firing case`).toBe(true);
      expect(cases.some((c) => c.alert === name && c.expect.length === 0), `${name} quiet case`).toBe(true);
    }
  });

  it("promtool test rules on the provincial rule file (its vmalert 1.79 copy)", () => {
    const { dir, testFile } = track(writeRuleTests(rules, cases));
    const r = runPromtool(["test", "rules", testFile], dir);
    expect(r.output).toContain("SUCCESS");
    expect(r.code, r.output).toBe(0);
  });
});
