// spbe report --province as a user runs it: the two examples and two generated kabupaten (one under
// each Perda) side by side, each evaluated under its own profile, ranked; earlier report JSONs of
// Klaten and of a generated kabupaten give their trend; --format prom carries every kabupaten's
// gauges with its kabupaten label.
// Bad input (no directory, nothing in it, unreadable or foreign files, an invalid inventory, two
// evaluations of one kabupaten on one date) is named and exits 2 with nothing written.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInventoryYaml } from "../../testkit/generate-inventory";
import { runSpbe } from "../../testkit/spbe-cli";
import type { ProvinceReport } from "../../policies/province/model";

const root = mkdtempSync(join(tmpdir(), "spbe-province-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const AS_OF = "2026-11-23";

function spbe(args: string[], env: Record<string, string> = {}) {
  const r = runSpbe(args, { LANG: "en_US.UTF-8", ...env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A province directory: examples/<kabupaten>/ copied as they are, generated kabupaten as files and folders. */
function province(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  cpSync("examples/barito-timur", join(dir, "barito-timur"), { recursive: true });
  cpSync("examples/klaten", join(dir, "klaten"), { recursive: true });
  mkdirSync(join(dir, "sintetis-utara"));
  writeFileSync(join(dir, "sintetis-utara", "inventory.yaml"), generateInventoryYaml(0.01, { kabupaten: "Sintetis Utara", domain: "sintetisutarakab.go.id", profiles: ["bt-7-2019"] }));
  writeFileSync(join(dir, "sintetis-selatan.yaml"), generateInventoryYaml(0.02, { kabupaten: "Sintetis Selatan", domain: "sintetisselatankab.go.id", profiles: ["klaten-18-2018"] }));
  return dir;
}

describe("spbe report --province over the examples and generated kabupaten", () => {
  let dir: string;
  let report: ProvinceReport;

  beforeAll(() => {
    dir = province("kalteng");
    // Last year's Klaten report beside this year's inventory: the inventory is the current evaluation.
    const last = spbe(["report", "examples/klaten/inventory.yaml", "--format", "json", "--as-of", "2025-11-20", "--out", join(dir, "klaten", "laporan-2025.json")]);
    expect(last.code, last.stderr).toBe(0);
    // And a generated kabupaten's report of half a year ago beside its inventory.
    const utara = spbe(["report", join(dir, "sintetis-utara", "inventory.yaml"), "--format", "json", "--as-of", "2026-05-20", "--out", join(dir, "sintetis-utara", "laporan-2026-05.json")]);
    expect(utara.code, utara.stderr).toBe(0);
    const r = spbe(["report", "--province", dir, "--format", "json", "--as-of", AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    report = JSON.parse(r.stdout);
  }, 300_000);

  it("ranks the kabupaten by score, each evaluated under its own Perda profile", () => {
    expect(report.schema).toBe("spbe-province-report/1");
    expect(report.kabupaten.map((k) => [k.rank, k.kabupaten, k.profiles.join(",")])).toEqual([
      [1, "Klaten", "klaten-18-2018"],
      [2, "Barito Timur", "bt-7-2019"],
      [3, "Sintetis Selatan", "klaten-18-2018"],
      [4, "Sintetis Utara", "bt-7-2019"],
    ]);
    const scores = report.kabupaten.map((k) => k.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // The same figures as each kabupaten's own report (spbe check/report counts).
    const klaten = report.kabupaten.find((k) => k.kabupaten === "Klaten")!;
    const bt = report.kabupaten.find((k) => k.kabupaten === "Barito Timur")!;
    expect([klaten.mandatory, bt.mandatory]).toEqual([14, 18]);
    expect(klaten.source).toBe(join(dir, "klaten", "inventory.yaml"));
    expect(report.profiles).toEqual(
      expect.arrayContaining([
        { profile: "klaten-18-2018", kabupaten: ["Klaten", "Sintetis Selatan"] },
        { profile: "bt-7-2019", kabupaten: ["Barito Timur", "Sintetis Utara"] },
      ]),
    );
  });

  it("gives Klaten's trend from last year's report JSON, and every OPD's score change", () => {
    const klaten = report.kabupaten.find((k) => k.kabupaten === "Klaten")!;
    expect(klaten.trend.map((p) => p.asOf)).toEqual(["2025-11-20", AS_OF]);
    expect(klaten.trend.at(-1)!.score).toBe(klaten.score);
    expect(report.kabupaten.find((k) => k.kabupaten === "Barito Timur")!.trend).toHaveLength(1);
    const klatenOpds = report.opds.filter((o) => o.kabupaten === "Klaten");
    expect(klatenOpds).toHaveLength(21);
    expect(klatenOpds.every((o) => typeof o.previousScore === "number")).toBe(true);
    // The generated kabupaten's trend from its own earlier report, under its own profile.
    const utara = report.kabupaten.find((k) => k.kabupaten === "Sintetis Utara")!;
    expect(utara.trend.map((p) => p.asOf)).toEqual(["2026-05-20", AS_OF]);
    expect(utara.trend.at(-1)!.score).toBe(utara.score);
    expect(report.opds.filter((o) => o.kabupaten === "Sintetis Utara").every((o) => typeof o.previousScore === "number")).toBe(true);
    const withHistory = new Set(["Klaten", "Sintetis Utara"]);
    expect(report.opds.filter((o) => !withHistory.has(o.kabupaten)).every((o) => o.previousScore === undefined)).toBe(true);
  });

  it("ranks every OPD of the province, best first", () => {
    expect(report.opds).toHaveLength(21 + 21 + 2 + 4);
    expect(report.opds.map((o) => o.rank)).toEqual(report.opds.map((_, i) => i + 1));
    for (let i = 1; i < report.opds.length; i++) {
      const [a, b] = [report.opds[i - 1]!, report.opds[i]!];
      expect(a.score > b.score || (a.score === b.score && a.mandatory <= b.mandatory)).toBe(true);
    }
    expect(report.opds.at(-1)!.score).toBeLessThan(80);
  });

  it("writes the ranking in Markdown, in Indonesian and in English", () => {
    const id = spbe(["report", "--province", dir, "--format", "md", "--as-of", AS_OF, "--lang", "id", "--out", join(root, "provinsi.md")]);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stderr).toContain("laporan provinsi ditulis (md, 4 kabupaten/kota)");
    const markdown = readFileSync(join(root, "provinsi.md"), "utf8");
    expect(markdown).toContain("## Peringkat kabupaten/kota");
    expect(markdown).toMatch(/^\| 2 \| Barito Timur \| baritotimurkab\.go\.id \| bt-7-2019 \| 92,9 \| - \|/m);
    const en = spbe(["report", "--province", dir, "--format", "md", "--as-of", AS_OF, "--lang", "en"]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain("## Ranking of kabupaten/kota");
    expect(en.stdout).toMatch(/^\| 1 \| Klaten \| klatenkab\.go\.id \| klaten-18-2018 \| 94\.7 \| \+0\.3 \|/m);
    expect(en.stdout).toContain("- Klaten: score 94.4 → 94.7 (2025-11-20 → 2026-11-23)");
    expect(en.stdout).toMatch(/^- Sintetis Utara: score [\d.]+ → [\d.]+ \(2026-05-20 → 2026-11-23\)$/m);
    expect(en.stdout).toContain("Perda Kabupaten Barito Timur No. 7 Tahun 2019 (SPBE): Barito Timur, Sintetis Utara");
  }, 300_000);

  it("--format prom exports each kabupaten's gauges with its kabupaten label", () => {
    const r = spbe(["report", "--province", dir, "--format", "prom", "--as-of", AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    for (const k of report.kabupaten) expect(r.stdout).toContain(`spbe_compliance_score{kabupaten="${k.domain}",opd="_all"} ${k.score}\n`);
    expect(r.stdout.match(/^# TYPE spbe_compliance_score gauge$/gm)).toHaveLength(1);
    expect(r.stdout).toMatch(/^spbe_compliance_findings\{kabupaten="klatenkab\.go\.id",opd="dishub",severity="mandatory",rule="app-placement-dc"\} 1$/m);
  }, 300_000);
});

describe("spbe report --province, bad input", () => {
  it("a missing or empty directory: exit 2, named", () => {
    const missing = spbe(["report", "--province", join(root, "nowhere")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${join(root, "nowhere")}: no such directory; no report written`);
    mkdirSync(join(root, "empty"));
    const empty = spbe(["report", "--province", join(root, "empty"), "--out", join(root, "empty.html")]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("no kabupaten inventory (.yaml, .yml) or report (.json");
    expect(existsSync(join(root, "empty.html"))).toBe(false);
  });

  it("unreadable and foreign files and an invalid inventory: every one named, exit 2, nothing written", () => {
    const dir = join(root, "broken");
    mkdirSync(dir);
    cpSync("examples/klaten", join(dir, "klaten"), { recursive: true });
    symlinkSync(join(root, "gone.json"), join(dir, "hilang.json"));
    writeFileSync(join(dir, "rusak.json"), "{ not json");
    writeFileSync(join(dir, "facts.json"), JSON.stringify({ schema: "spbe-observed-facts/2" }));
    writeFileSync(join(dir, "salah.yaml"), "meta:\n  kabupaten: Salah\n  domain: salahkab.go.id\n  profiles: [perda-lain]\n");
    const r = spbe(["report", "--province", dir, "--out", join(root, "broken.html")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, "hilang.json")}: no such file`);
    expect(r.stderr).toMatch(/rusak\.json: not valid JSON/);
    expect(r.stderr).toMatch(/facts\.json: not a compliance report .*schema: must be "spbe-compliance-report\/1"/);
    expect(r.stderr).toMatch(new RegExp(`${join(dir, "salah.yaml").replace(/[.]/g, "\\.")}:4:\\d+ error: meta\\.profiles\\[0\\]`));
    expect(r.stderr).toContain("4 files could not be used; no provincial report written");
    expect(existsSync(join(root, "broken.html"))).toBe(false);
  }, 300_000);

  it("two evaluations of one kabupaten on one date, or --province with an inventory: exit 2", () => {
    const dir = join(root, "twice");
    mkdirSync(dir);
    for (const name of ["a.json", "b.json"]) {
      const r = spbe(["report", "examples/barito-timur/inventory.yaml", "--format", "json", "--as-of", AS_OF, "--out", join(dir, name)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const twice = spbe(["report", "--province", dir]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`${join(dir, "b.json")}: baritotimurkab.go.id is evaluated on ${AS_OF} twice (also by ${join(dir, "a.json")})`);
    const both = spbe(["report", "examples/klaten/inventory.yaml", "--province", dir]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("do not also give <inventory>");
    const prom = spbe(["report", "examples/klaten/inventory.yaml", "--format", "prom"]);
    expect(prom.code).toBe(2);
    expect(prom.stderr).toContain("--format prom is for --province only");
  }, 300_000);
});
