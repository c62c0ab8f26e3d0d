// `spbe probes build`, run as a user runs it: the files it writes are accepted by the real
// blackbox exporter (--config.check) and by promtool; bad input exits 2 with a clear message.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BLACKBOX_FILE, PROBE_JOBS_FILE } from "../../cli/commands/probes";
import { promtoolPath } from "../../testkit/promtool";
import { checkBlackboxConfig } from "../../testkit/servers/blackbox";
import { runSpbe } from "../../testkit/spbe-cli";

const work = mkdtempSync(join(tmpdir(), "spbe-probes-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("spbe probes build", () => {
  it("writes blackbox.yml and the probe jobs for barito-timur, both accepted by the real tools", async () => {
    const out = join(work, "bt");
    const r = runSpbe(["probes", "build", "examples/barito-timur/inventory.yaml", "--out", out, "--exporter", "10.30.0.12:9115", "--ca-file", "/etc/ssl/dinas-ca.pem"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote 2 files \(blackbox exporter modules, 1 Prometheus probe jobs for \d+ names\)/);
    const blackbox = readFileSync(join(out, BLACKBOX_FILE), "utf8");
    expect(await checkBlackboxConfig(blackbox)).toMatchObject({ ok: true });
    expect(parse(blackbox).modules.https_2xx.http.tls_config.ca_file).toBe("/etc/ssl/dinas-ca.pem");
    const promtool = execFileSync(promtoolPath(), ["check", "config", join(out, PROBE_JOBS_FILE)], { encoding: "utf8" });
    expect(promtool).toMatch(/SUCCESS/);
    const jobs = parse(readFileSync(join(out, PROBE_JOBS_FILE), "utf8")).scrape_configs as { relabel_configs: { target_label: string; replacement?: string }[] }[];
    expect(jobs[0]!.relabel_configs.at(-1)).toEqual({ target_label: "__address__", replacement: "10.30.0.12:9115" });
  });

  it("answers in Indonesian and as JSON with the targets", () => {
    const id = runSpbe(["probes", "build", "examples/klaten/inventory.yaml", "--out", join(work, "kl"), "--lang", "id"]);
    expect(id.status).toBe(0);
    expect(id.stdout).toMatch(/berkas ditulis/);
    const json = runSpbe(["probes", "build", "examples/klaten/inventory.yaml", "--out", join(work, "kl"), "--format", "json"]);
    const doc = JSON.parse(json.stdout) as { files: string[]; targets: { name: string; opd: string }[] };
    expect(doc.files).toEqual([BLACKBOX_FILE, PROBE_JOBS_FILE]);
    expect(doc.targets.length).toBeGreaterThan(0);
  });

  it("exits 2 on a bad timeout or a missing inventory, without a stack trace", () => {
    const bad = runSpbe(["probes", "build", "examples/klaten/inventory.yaml", "--out", join(work, "x"), "--timeout", "soon"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--timeout must be a positive number of seconds, not "soon"/);
    const missing = runSpbe(["probes", "build", join(work, "nope.yaml"), "--out", join(work, "x")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nope.yaml");
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
