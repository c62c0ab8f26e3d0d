// `spbe dashboards build`, run as a user runs it (a child process).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { RULES_FILE_PATH } from "../../dashboards/build";
import { runSpbe } from "../../testkit/spbe-cli";

const spbe = runSpbe;
const work = mkdtempSync(join(tmpdir(), "spbe-dash-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("spbe dashboards build", () => {
  it("writes dashboards, provisioning and rules for barito-timur (exit 0)", () => {
    const out = join(work, "bt");
    const r = spbe(["dashboards", "build", "examples/barito-timur/inventory.yaml", "--out", out, "--prometheus-url", "http://127.0.0.1:9999", "--poll-interval", "30"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote 9 files \(6 dashboards/);
    const ds = parse(readFileSync(join(out, "grafana/provisioning/datasources/spbe.yaml"), "utf8")) as { datasources: { url: string }[] };
    expect(ds.datasources[0]!.url).toBe("http://127.0.0.1:9999");
    expect(JSON.parse(readFileSync(join(out, "grafana/dashboards/barito-timur-overview.json"), "utf8")).uid).toBe("barito-timur-overview");
    // The poll interval reaches the staleness alert: 5 intervals.
    expect(readFileSync(join(out, RULES_FILE_PATH), "utf8")).toContain("spbe_snmp_last_poll_timestamp_seconds > 150");
  });

  it("answers in Indonesian and as JSON", () => {
    const out = join(work, "kl");
    const id = spbe(["dashboards", "build", "examples/klaten/inventory.yaml", "--out", out, "--lang", "id"]);
    expect(id.stdout).toMatch(/berkas ditulis/);
    // No URL flag given: the defaults the help promises, not data sources without a URL.
    const ds = parse(readFileSync(join(out, "grafana/provisioning/datasources/spbe.yaml"), "utf8")) as { datasources: { url: string; jsonData: { dbName?: string } }[] };
    expect(ds.datasources.map((d) => d.url)).toEqual(["http://prometheus:9090", "http://influxdb:8086"]);
    expect(ds.datasources[1]!.jsonData.dbName).toBe("spbe");
    const json = spbe(["dashboards", "build", "examples/klaten/inventory.yaml", "--out", out, "--format", "json"]);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).files).toContain(RULES_FILE_PATH);
  });

  it("refuses a broken inventory, a missing --out, a bad interval and an unwritable directory with exit 2 and no stack trace", () => {
    const blocker = join(work, "a-file");
    writeFileSync(blocker, "not a directory");
    const cases = [
      spbe(["dashboards", "build", "tests/fixtures/broken-inventory.yaml", "--out", join(work, "x")]),
      spbe(["dashboards", "build", "examples/klaten/inventory.yaml"]),
      spbe(["dashboards", "build", "examples/klaten/inventory.yaml", "--out", join(work, "y"), "--poll-interval", "soon"]),
      spbe(["dashboards", "build", "examples/klaten/inventory.yaml", "--out", join(blocker, "sub")]),
    ];
    for (const r of cases) {
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(cases[0]!.stderr).toMatch(/broken-inventory\.yaml/);
    expect(cases[2]!.stderr).toMatch(/--poll-interval/);
    expect(cases[3]!.stderr).toMatch(/cannot write to/);
    expect(existsSync(join(work, "x"))).toBe(false);
  });
});
