// The poll targets as Prometheus service discovery (http_sd at /sd/targets behind the guard, file_sd
// from `spbe targets`), and polling on scrape (`spbe serve --poll-on scrape`): the collector asks a
// device only when /snmp?target= asks it, counted at the simulator.
import * as fs from "node:fs";
import * as path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../inventory/load";
import { startServe, type ServeHandle } from "../../collectors/serve";
import { sdTargetGroups, kabupatenSlug } from "../../collectors/scrape-sd";
import { planTargets } from "../../collectors/targets";
import { tempDir } from "../../testkit/servers/common";
import { runSpbe } from "../../testkit/spbe-cli";

const INVENTORY = "examples/barito-timur/inventory.yaml";
const handles: ServeHandle[] = [];
const dir = tempDir("scrape-sd");
afterAll(async () => {
  for (const h of handles) await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("service discovery of the poll targets", () => {
  it("http_sd: one group per polled device, with kabupaten and its interval; not without credentials", async () => {
    const users = new Map([["vmagent", bcrypt.hashSync("sd-secret", 4)]]);
    const h = await startServe({ inventory: INVENTORY, port: 0, simulate: true, pollOn: "scrape", web: { file: "web.yml", users }, log: () => {} });
    handles.push(h);
    expect((await fetch(`${h.url}/sd/targets`)).status).toBe(401);
    const r = await fetch(`${h.url}/sd/targets`, { headers: { Authorization: `Basic ${Buffer.from("vmagent:sd-secret").toString("base64")}` } });
    expect(r.status).toBe(200);
    const groups = (await r.json()) as { targets: string[]; labels: Record<string, string> }[];
    expect(groups).toHaveLength(h.targets().length);
    const router = groups.find((g) => g.targets[0] === "dc-rtr-01")!;
    expect(router.labels).toMatchObject({ device: "dc-rtr-01", site: "dc", role: "router", kabupaten: "barito-timur", __scrape_interval__: "30s" });
  }, 60_000);

  it("file_sd: spbe targets writes the same groups; a wrong format is bad input", () => {
    const out = path.join(dir, "targets.json");
    const r = runSpbe(["targets", INVENTORY, "--interval", "60", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const inv = loadInventoryOrThrow(INVENTORY);
    expect(JSON.parse(fs.readFileSync(out, "utf8"))).toEqual(sdTargetGroups(planTargets(inv, { intervalSeconds: 60 }).targets, inv.meta.kabupaten));
    expect(runSpbe(["targets", INVENTORY, "--format", "yaml"]).status).toBe(2);
  });

  it("kabupaten label values", () => {
    expect(kabupatenSlug("Barito Timur")).toBe("barito-timur");
    expect(kabupatenSlug("Kabupaten Klaten")).toBe("klaten");
  });
});

describe("poll on scrape", () => {
  it("polls nothing by itself; /snmp?target= polls the device once and answers with that poll", async () => {
    const h = await startServe({ inventory: INVENTORY, port: 0, simulate: true, pollOn: "scrape", log: () => {} });
    handles.push(h);
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.simulator!.polls().size).toBe(0);
    const r = await fetch(`${h.url}/snmp?target=dc-rtr-01`);
    expect(r.status).toBe(200);
    expect(await r.text()).toMatch(/spbe_snmp_up\{device="dc-rtr-01",[^}]*\} 1/);
    // Two scrapes at once (a retry, a second scraper): one poll.
    await Promise.all([fetch(`${h.url}/snmp?target=dc-core-sw-01`), fetch(`${h.url}/snmp?target=dc-core-sw-01`)]);
    expect(h.simulator!.polls().get("dc-rtr-01")?.count).toBe(1);
    expect(h.simulator!.polls().get("dc-core-sw-01")?.count).toBe(1);
    expect((await fetch(`${h.url}/snmp?target=no-such-device`)).status).toBe(404);
  }, 60_000);
});
