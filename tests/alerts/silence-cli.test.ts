// `spbe alerts silence` against Debian's Alertmanager (the configuration generated from the
// barito-timur inventory, on a loopback port): a silence created for a site mutes that site's alert
// and not another's; list shows it in both languages and as JSON; expire ends it; bad input gets every
// mistake at once with exit 2, an Alertmanager that is not there exit 1, neither a stack trace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALERTMANAGER_CONFIG_PATH, buildAlertmanagerFiles } from "../../dashboards/alertmanager/build";
import { ALERT } from "../../dashboards/build";
import { loadInventoryOrThrow } from "../../inventory/load";
import { startAlertmanager, type AlertmanagerHandle } from "../../testkit/servers/alertmanager";
import { freeTcpPort, waitFor } from "../../testkit/servers/common";
import { runSpbe } from "../../testkit/spbe-cli";

const FILE = "examples/barito-timur/inventory.yaml";
const inv = loadInventoryOrThrow(FILE);
let am: AlertmanagerHandle;

beforeAll(async () => {
  am = await startAlertmanager(buildAlertmanagerFiles(inv), ALERTMANAGER_CONFIG_PATH);
}, 60_000);
afterAll(async () => {
  await am?.stop();
});

const alertAt = (site: string, device: string) => ({ labels: { alertname: ALERT.deviceDown, severity: "critical", site, device }, startsAt: new Date().toISOString() });

async function stateOf(device: string): Promise<{ state: string; silencedBy: string[] }> {
  const q = new URLSearchParams({ filter: `device="${device}"` });
  const [a] = (await (await fetch(`${am.url}/api/v2/alerts?${q}`)).json()) as { status: { state: string; silencedBy: string[] } }[];
  return a!.status;
}

describe("spbe alerts silence", () => {
  it("creates a silence for a site that mutes its alerts only, lists it, expires it", async () => {
    const created = runSpbe(["alerts", "silence", "create", FILE, "--site", "kantor-kec-awang", "--duration", "2h", "--comment", "ganti UPS / UPS swap", "--author", "budi", "--alertmanager-url", am.url, "--format", "json"]);
    expect(created.status, created.stderr).toBe(0);
    const out = JSON.parse(created.stdout) as { id: string; matchers: unknown[]; endsAt: string; createdBy: string };
    expect(out.matchers).toEqual([{ name: "site", value: "kantor-kec-awang", isRegex: false, isEqual: true }]);
    expect(out.createdBy).toBe("budi");
    expect(Date.parse(out.endsAt) - Date.now()).toBeGreaterThan(7_100_000);

    await am.postAlerts([alertAt("kantor-kec-awang", "kec-awang-rtr-01"), alertAt("kantor-setda", "setda-rtr-01")]);
    await waitFor("the alerts in Alertmanager", async () => (await stateOf("kec-awang-rtr-01")).silencedBy.includes(out.id), 10_000, 100);
    expect((await stateOf("setda-rtr-01")).state).toBe("active");

    const listed = runSpbe(["alerts", "silence", "list", "--alertmanager-url", am.url, "--lang", "id"]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`Senyap di ${am.url}:`);
    expect(listed.stdout).toMatch(new RegExp(`${out.id}  aktif  site="kantor-kec-awang"  .* s\\.d\\. .*  budi: ganti UPS / UPS swap`));

    const expired = runSpbe(["alerts", "silence", "expire", out.id, "--alertmanager-url", am.url, "--lang", "en"]);
    expect(expired.status, expired.stderr).toBe(0);
    expect(expired.stdout).toBe(`Silence ${out.id} expired\n`);
    await waitFor("the alert active again", async () => (await stateOf("kec-awang-rtr-01")).state === "active", 10_000, 100);

    const active = runSpbe(["alerts", "silence", "list", "--alertmanager-url", am.url, "--format", "json"]);
    expect((JSON.parse(active.stdout) as { silences: unknown[] }).silences).toEqual([]);
    const all = runSpbe(["alerts", "silence", "list", "--all", "--alertmanager-url", am.url, "--format", "json"]);
    expect((JSON.parse(all.stdout) as { silences: { id: string; status: { state: string } }[] }).silences).toEqual([expect.objectContaining({ id: out.id, status: { state: "expired" } })]);
  }, 150_000); // six runs of spbe: ~1.5 s each on an idle machine, ~9 s each at a load of 20 on 2 cores

  it("silences several devices with one alternation, in the text output", () => {
    const r = runSpbe(["alerts", "silence", "create", FILE, "--device", "dc-srv-01", "--device", "dc-srv-02", "--until", new Date(Date.now() + 3_600_000).toISOString(), "--comment", "patch", "--alertmanager-url", am.url, "--lang", "en"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Silence [0-9a-f-]{36} created: device=~"dc-srv-01\|dc-srv-02" until \S+ \(by \S+\)\n$/);
  }, 60_000);

  it("names every mistake at once with exit 2 and no stack trace", () => {
    const r = runSpbe(["alerts", "silence", "create", FILE, "--device", "no-such-device", "--device", "dc-srv-01", "--duration", "soon", "--comment", "x", "--alertmanager-url", am.url, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${FILE}: device no-such-device is not in the inventory`);
    expect(r.stderr).toContain("--duration soon: not a duration");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const mixed = runSpbe(["alerts", "silence", "create", FILE, "--site", "dc", "--opd", "rsud", "--comment", "x", "--alertmanager-url", am.url, "--lang", "id"]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain("satu jenis per senyap");
    expect(mixed.stderr).toContain("sebutkan sampai kapan");
  }, 60_000);

  it("says so with exit 1 when no Alertmanager answers", async () => {
    const url = `http://127.0.0.1:${await freeTcpPort()}`;
    const r = runSpbe(["alerts", "silence", "list", "--alertmanager-url", url, "--lang", "en"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot reach Alertmanager at ${url}: ECONNREFUSED`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
