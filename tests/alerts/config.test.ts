// The generated Alertmanager configuration against Debian's amtool: every example's configuration
// passes `amtool check-config`; the routing cases derived from each inventory (every OPD with a site
// × every severity, and the watchdog) pass `amtool config routes test --verify.receivers`; the
// inhibition rules cover what inventory/topology.ts puts behind each link; the notification
// template names what is behind a failed link (`amtool template render`); and the alerting
// section's mistakes are reported with file:line and exit 2.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ALERTMANAGER_CONFIG_PATH, ALERTMANAGER_DIR, buildAlertmanagerFiles, routeCases } from "../../dashboards/alertmanager/build";
import { behindForAlerting } from "../../dashboards/alertmanager/inhibit";
import type { AmConfig } from "../../dashboards/alertmanager/model";
import { TEMPLATE, TEMPLATE_FILE } from "../../dashboards/alertmanager/templates";
import { oneOffRanges } from "../../dashboards/alertmanager/time-intervals";
import { ALERT } from "../../dashboards/build";
import { loadInventoryOrThrow } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";
import { amtool } from "../../testkit/servers/alertmanager";
import { runSpbe } from "../../testkit/spbe-cli";

const EXAMPLES = ["barito-timur", "klaten"] as const;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function writeBuild(inv: Inventory): { dir: string; config: string; parsed: AmConfig } {
  const dir = mkdtempSync(join(tmpdir(), "spbe-am-config-"));
  dirs.push(dir);
  const files = buildAlertmanagerFiles(inv);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  const config = join(dir, ALERTMANAGER_CONFIG_PATH);
  return { dir, config, parsed: parse(files.find((f) => f.path === ALERTMANAGER_CONFIG_PATH)!.content) as AmConfig };
}

describe.each(EXAMPLES)("Alertmanager configuration of the %s example", (example) => {
  const inv = loadInventoryOrThrow(`examples/${example}/inventory.yaml`);
  const built = writeBuild(inv);

  it("passes amtool check-config", async () => {
    const r = await amtool(["check-config", built.config]);
    expect(r.stdout + r.stderr).toContain("SUCCESS");
    expect(r.code).toBe(0);
  });

  it("routes every OPD's alerts of every severity to the receivers the inventory names (amtool config routes test)", async () => {
    const cases = routeCases(inv, inv.alerting!);
    const opdsWithSite = inv.opds.filter((o) => inv.sites.some((s) => s.opd === o.code));
    expect(cases.length).toBe(opdsWithSite.length * 3 + 1);
    const failures: string[] = [];
    const pending = [...cases];
    // Four amtool processes at a time: each case is its own process.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let c = pending.shift(); c; c = pending.shift()) {
          const labels = Object.entries(c.labels).map(([k, v]) => `${k}=${v}`);
          const r = await amtool(["config", "routes", "test", `--config.file=${built.config}`, `--verify.receivers=${c.receivers.join(",")}`, ...labels]);
          if (r.code !== 0) failures.push(`${labels.join(" ")}: expected ${c.receivers.join(",")}, got ${r.stdout.trim()}`);
        }
      }),
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it("holds back every alert of what sits behind a backbone link while that link's alert fires", () => {
    const behind = behindForAlerting(inv).filter((b) => b.failed.kind === "link");
    expect(behind.length).toBeGreaterThan(0);
    for (const b of behind) {
      const rules = built.parsed.inhibit_rules.filter((r) => r.source_matchers.includes(`link=${JSON.stringify(b.failed.id)}`));
      expect(rules.length, b.failed.id).toBeGreaterThan(0);
      for (const r of rules) expect(r.source_matchers).toContain(`alertname=${JSON.stringify(ALERT.backboneInterfaceDown)}`);
      const targets = rules.flatMap((r) => r.target_matchers).join(" ");
      const siteOf = new Map(inv.devices.map((d) => [d.id, d.site]));
      for (const d of b.devices) expect(targets.includes(`"${d}`) || targets.includes(`|${d}`) || targets.includes(siteOf.get(d)!), `${b.failed.id} → ${d}`).toBe(true);
    }
  });

  it("writes no secret value: every secret is a placeholder naming its reference", () => {
    const text = JSON.stringify(built.parsed);
    for (const r of built.parsed.receivers) for (const tg of r.telegram_configs ?? []) expect(tg.bot_token).toMatch(/^https:\/\/spbe-secret\.invalid\//);
    expect(text).not.toMatch(/\d{6,}:[A-Za-z0-9_-]{20,}/); // the shape of a real Telegram bot token
  });
});

describe("the notification of a failed uplink", () => {
  it("names the site's devices behind it (amtool template render)", async () => {
    const inv = loadInventoryOrThrow("examples/barito-timur/inventory.yaml");
    const built = writeBuild(inv);
    const link = behindForAlerting(inv).find((b) => b.failed.kind === "link" && b.sites.some((s) => s.includes("kec-awang")))!;
    const data = join(built.dir, "data.json");
    writeFileSync(
      data,
      JSON.stringify({
        status: "firing",
        commonLabels: { site: "dc", link: link.failed.id },
        alerts: [{ status: "firing", labels: { alertname: ALERT.backboneInterfaceDown, link: link.failed.id, site: "dc", device: "dc-core-sw-01", severity: "critical" }, annotations: { summary_id: "Link putus", description_id: "-", runbook_id: "-" } }],
      }),
    );
    const glob = join(built.dir, ALERTMANAGER_DIR, TEMPLATE_FILE);
    const r = await amtool(["template", "render", `--template.glob=${glob}`, `--template.text={{ template "${TEMPLATE.text}" . }}`, `--template.data=${data}`]);
    expect(r.code, r.stderr).toBe(0);
    for (const d of link.devices) expect(r.stdout).toContain(d);
    expect(r.stdout).toContain("Ikut terputus di belakangnya");
    expect(r.stdout).toContain("var-device=dc-core-sw-01");
  });
});

describe("maintenance windows as time intervals", () => {
  it("splits a one-off window at midnight, each day its own entry", () => {
    const r = oneOffRanges("2026-12-31T22:00", "2027-01-02T01:30", "Asia/Jakarta");
    expect(r.map((x) => `${x.years}-${x.months}-${x.days_of_month} ${x.times![0]!.start_time}-${x.times![0]!.end_time}`)).toEqual([
      "2026-12-31 22:00-24:00",
      "2027-1-1 00:00-24:00",
      "2027-1-2 00:00-01:30",
    ]);
  });
});

describe("spbe alerts build", () => {
  it("writes the files and prints the routing tree with --explain", () => {
    const out = mkdtempSync(join(tmpdir(), "spbe-am-cli-"));
    dirs.push(out);
    const r = runSpbe(["alerts", "build", "examples/barito-timur/inventory.yaml", "--out", out, "--explain"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("routing tree");
    expect(r.stdout).toMatch(/\{opd="kec-awang", severity=~"critical"\}\s+→ tik-kec-awang/);
  });

  it("reports alerting mistakes with file:line and exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "spbe-am-bad-"));
    dirs.push(dir);
    const text = (
      // an unknown OPD, an inline token, email without SMTP, a window on an unknown device
      "meta: {kabupaten: Contoh, domain: contohkab.go.id, profiles: [bt-7-2019], dinas: diskominfo}\n" +
      "opds: [{code: diskominfo, name: Dinas}]\n" +
      "sites: [{id: dc, name: Pusat Data, kind: datacenter, opd: diskominfo}]\n" +
      "alerting:\n  noc: noc\n  receivers:\n" +
      "    - {id: noc, name: NOC, opd: dinsos, email: [noc@contohkab.go.id]}\n" +
      "    - {id: tg, name: TG, telegram: [{botToken: \"123456:ABCDEF\", chatId: 1}]}\n" +
      "  maintenance:\n    - {id: mw, scope: {device: nope}, reason: x, start: 2026-12-01T10:00, end: 2026-12-01T09:00}\n"
    );
    const file = join(dir, "bad.yaml");
    writeFileSync(file, text);
    const r = runSpbe(["validate", file]);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/bad\.yaml:\d+:\d+ error: alerting\.receivers\[1\]\.telegram\[0\]\.botToken: must be a secret reference/);
    expect(r.stdout + r.stderr).toMatch(/bad\.yaml:\d+:\d+ error: alerting\.maintenance\[0\]\.end: must come after the start/);
    // The schema failed, so the cross-references wait for the next run; fix the schema errors and see them.
    writeFileSync(file, text.replace('"123456:ABCDEF"', "{env: TG_TOKEN}").replace("end: 2026-12-01T09:00", "end: 2026-12-01T11:00"));
    const r2 = runSpbe(["validate", file]);
    expect(r2.status).toBe(2);
    const out = r2.stdout + r2.stderr;
    expect(out).toMatch(/bad\.yaml:7:\d+ error: alerting\.receivers\[0\]\.opd: unknown OPD "dinsos"/);
    expect(out).toMatch(/alerting\.receivers\[0\]\.email: receiver noc uses email but alerting\.smtp is not set/);
    expect(out).toMatch(/alerting\.maintenance\[0\]\.scope\.device: unknown device "nope"/);
  });
});
