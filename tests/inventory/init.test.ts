// `spbe init` as a new user runs it from a script (no terminal: every answer a flag): the file it
// writes validates, names the JSON Schema on its first line, and plan and report run on it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runSpbe } from "../../testkit/spbe-cli";

const dir = mkdtempSync(join(tmpdir(), "spbe-init-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FLAGS = ["--kabupaten", "Contoh Raya", "--domain", "contohkab.go.id", "--profile", "bt-7-2019,klaten-18-2018", "--block", "203.0.113.0/28"];

describe("spbe init", () => {
  const file = join(dir, "sub", "..", "inventory.yaml");

  it("writes a starter inventory from flags that validates, and plan and report run on it", () => {
    const r = runSpbe(["init", file, ...FLAGS]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const text = readFileSync(file, "utf8");
    // The schema is named relative to the file, and the path reaches the repository's schema.
    const ref = /^# yaml-language-server: \$schema=(.+)$/m.exec(text.split("\n")[0]!)![1]!;
    expect(JSON.parse(readFileSync(join(dir, ref), "utf8")).title).toBe("spbe-infra inventory");
    expect(text).toContain('kabupaten: "Contoh Raya"');

    const validate = runSpbe(["validate", file]);
    expect(validate.status, validate.stderr).toBe(0);
    const plan = runSpbe(["plan", file, "--format", "json"]);
    expect(plan.status, plan.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(plan.stdout))).toContain("203.0.113.0/28");
    const report = runSpbe(["report", file, "--format", "json"]);
    expect(report.status, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toBeTypeOf("object");
  });

  it("without --block writes an empty block list that validates (it once wrote `blocks:` null and crashed)", () => {
    const out = join(dir, "no-blocks.yaml");
    const r = runSpbe(["init", out, ...FLAGS.slice(0, -2)]);
    expect(r.status, r.stderr).toBe(0);
    expect(runSpbe(["validate", out]).status).toBe(0);
  });

  it("refuses to overwrite without --force, and overwrites with it", () => {
    writeFileSync(file, "# mine\n");
    const r = runSpbe(["init", file, ...FLAGS]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/exists: use --force/);
    expect(readFileSync(file, "utf8")).toBe("# mine\n");
    expect(runSpbe(["init", file, ...FLAGS, "--force"]).status).toBe(0);
  });

  it("without a terminal, a missing answer is exit 2 naming its flag", () => {
    const r = runSpbe(["init", join(dir, "none.yaml"), "--domain", "contohkab.go.id", "--profile", "bt-7-2019"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--kabupaten is required/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports every bad answer at once by its flag, and writes nothing", () => {
    const out = join(dir, "bad.yaml");
    const r = runSpbe(["init", out, "--kabupaten", "X", "--domain", "bad domain", "--profile", "bt-7-2019,nope", "--block", "10.0.0.5/24"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--domain: must be a DNS hostname/);
    expect(r.stderr).toMatch(/--profile: .*bt-7-2019/);
    expect(r.stderr).toMatch(/--block: must be a CIDR prefix/);
    expect(() => readFileSync(out)).toThrow();
  });
});
