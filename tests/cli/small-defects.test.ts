// The smaller defects of issue 15, each shown as it was: data sources without a URL when no flag is
// given, "1 racks"/"1 errors", a 25-digit IPv6 free count, an --out error naming a temporary file,
// README command lines that fail as written. (`spbe simulate`'s credentials: tests/collectors/serve-cli.test.ts.)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { renderPlan } from "../../cli/commands/plan";
import { UsageError } from "../../cli/context";
import { writeFileWhole } from "../../cli/output-files";
import { buildGrafanaFiles } from "../../dashboards/build";
import { DATASOURCES_PATH } from "../../dashboards/build";
import { MESSAGES, render, t } from "../../i18n";
import { loadInventoryText } from "../../inventory/load";
import { summarize } from "../../inventory/summary";
import { minimalInventory } from "../fixtures/minimal-inventory";

const work = mkdtempSync(join(tmpdir(), "spbe-small-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function inventory() {
  const r = loadInventoryText(stringify(minimalInventory()), "min.yaml");
  if (!r.inventory) throw new Error(JSON.stringify(r.diagnostics));
  return r.inventory;
}

describe("smaller defects (issue 15 item 5)", () => {
  it("dashboards build without URL flags: the documented defaults, not data sources without a URL", () => {
    // What the CLI passes when no flag is given: the keys are there, their values undefined.
    const files = buildGrafanaFiles(inventory(), { prometheusUrl: undefined, influxUrl: undefined, influxDatabase: undefined });
    const ds = parse(files.find((f) => f.path === DATASOURCES_PATH)!.content) as { datasources: { url?: string; jsonData: { dbName?: string } }[] };
    expect(ds.datasources.map((d) => d.url)).toEqual(["http://prometheus:9090", "http://influxdb:8086"]);
    expect(ds.datasources[1]!.jsonData.dbName).toBe("spbe");
  });

  it("counts agree with their nouns in English; Indonesian has no plural", () => {
    expect(t("en", "cli.invalid", { file: "x.yaml", errors: 1, warnings: 0 })).toBe("x.yaml: 1 error, 0 warnings");
    expect(t("en", "cli.invalid", { file: "x.yaml", errors: 2, warnings: 1 })).toBe("x.yaml: 2 errors, 1 warning");
    expect(t("id", "cli.invalid", { file: "x.yaml", errors: 1, warnings: 0 })).toBe("x.yaml: 1 kesalahan, 0 peringatan");
    expect(render(MESSAGES["plan.site-line"], "en", { id: "dc", kind: "datacenter", name: "DC", racks: 1, devices: 1 })).toBe("dc (datacenter): DC; 1 rack, 1 device");
    const plan = renderPlan(summarize(inventory()), "en");
    expect(plan).toMatch(/Pusat Data; 1 rack, 3 devices/);
    expect(plan).toMatch(/Pusat Pemulihan Data; 1 rack, 1 device$/m);
    expect(plan).toMatch(/^  1 OPD office site$/m);
    expect(plan).not.toMatch(/\b1 racks\b/);
  });

  it("an IPv6 block's free count reads as a power of two, not 25 digits", () => {
    const plan = renderPlan(summarize(inventory()), "en");
    const v6 = plan.split("\n").find((l) => l.includes("2001:db8::/48"))!;
    expect(v6).toMatch(/0 used, 2\^80 free of 2\^80/);
    expect(v6).not.toMatch(/\d{10,}/);
  });

  it("--out in a directory that does not exist: names the file and the directory, not a temporary file", () => {
    const target = join(work, "no-such-dir", "laporan.html");
    let error: unknown;
    try {
      writeFileWhole(target, "x");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`cannot write ${target}: the directory ${join(work, "no-such-dir")} does not exist`);
    expect((error as Error).message).not.toMatch(/\.tmp/);
  });

  it("README command lines run as written: `npx spbe` or `node bin/spbe.cjs`, never a bare `spbe` (not on PATH)", () => {
    const readme = readFileSync(resolve(__dirname, "../../README.md"), "utf8");
    const bare: string[] = [];
    let inBlock = false;
    for (const line of readme.split("\n")) {
      if (line.startsWith("```")) inBlock = !inBlock;
      // A command (`spbe report ...`), not a line of output (`spbe init: devices.csv!B3: ...`).
      else if (inBlock && /^\s*spbe\s+[a-z][a-z-]*(\s|$)/.test(line)) bare.push(line);
    }
    expect(bare).toEqual([]);
  });
});
