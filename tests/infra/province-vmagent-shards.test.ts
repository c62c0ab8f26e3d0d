// The provincial vmagent StatefulSet's sharding (infra/planning/province/vmagent.ts): hashmod buckets
// kept by rendezvous-hashed owners (observe/edge/shards.ts), the member named by %{POD_NAME} in one
// scrape file shared by every pod. Pure: a resize moves about 1/(n+1) of the scrape assignments and
// each device is kept by exactly replicationFactor members. Real: Debian's vmagent 1.79 reads the
// planned file with POD_NAME in its environment (as the downward API sets it) and keeps exactly the
// member's share of devices served by an http_sd endpoint (a small HTTP server in this test stands
// for the collectors' /sd; the scrapes themselves fail, only which member keeps which target counts).
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planProvince } from "../../infra/planning/province/plan";
import { PROVINCE_DEFAULTS, type ProvinceSettings } from "../../infra/planning/province/settings";
import { VMAGENT_SECRETS_DIR } from "../../infra/planning/province/vmagent";
import { bucketOwners, SHARD_BUCKETS } from "../../observe/edge/shards";
import { tempDir, waitFor } from "../../testkit/servers/common";
import { startVmagent } from "../../testkit/servers/victoria-metrics";

const settings = (members: number, replicationFactor: number, collectorUrl = "https://noc.example.go.id:9116"): ProvinceSettings => ({
  province: "Kalimantan Tengah",
  namespace: PROVINCE_DEFAULTS.namespace,
  cluster: { name: "kalteng", country: "ID", region: "Palangka Raya", operator: "Diskominfo", operatorCountry: "ID" },
  provinceAccountId: 0,
  kabupaten: [
    { name: "Barito Timur", domain: "baritotimurkab.go.id", accountId: 6213, collectorUrl },
    { name: "Klaten", domain: "klatenkab.go.id", accountId: 3310, collectorUrl },
  ],
  vmagent: { ...PROVINCE_DEFAULTS.vmagent, members, replicationFactor },
  vmalert: { ...PROVINCE_DEFAULTS.vmalert },
  storage: { ...PROVINCE_DEFAULTS.storage },
  charts: { victoriaMetricsCluster: { version: "0" }, vmalert: { version: "0" }, grafana: { version: "0" }, alertmanager: { version: "0" } },
});
const plan = (members: number, rf: number, url?: string) => planProvince(settings(members, rf, url), [], bucketOwners).vmagent;

/** device → the members keeping it, for a fleet spread over the buckets by a uniform hash (as hashmod spreads it). */
function owners(shares: Record<string, number[]>, devices: string[]): Map<string, string[]> {
  const bucket = (d: string) => createHash("md5").update(d).digest().readUInt32BE(12) % SHARD_BUCKETS;
  return new Map(devices.map((d) => [d, Object.keys(shares).filter((m) => shares[m]!.includes(bucket(d)))]));
}
/** Scrape assignments (device, member) present after and not before, as a share of those after. */
function moved(before: Map<string, string[]>, after: Map<string, string[]>): number {
  let fresh = 0;
  let total = 0;
  for (const [d, ms] of after) {
    total += ms.length;
    fresh += ms.filter((m) => !before.get(d)!.includes(m)).length;
  }
  return fresh / total;
}

const fleet = Array.from({ length: 3000 }, (_, i) => `kab-${i % 10}/dev-${i}`);

describe("provincial shares (pure)", () => {
  it.each([
    { from: 3, to: 4, rf: 1 },
    { from: 3, to: 4, rf: 2 },
    { from: 4, to: 5, rf: 2 },
    { from: 2, to: 3, rf: 1 },
    { from: 4, to: 3, rf: 2 },
  ])("$from -> $to members, replication $rf: about 1/(n+1) moved, every device kept by exactly $rf (with replication, always by one of its old owners too)", ({ from, to, rf }) => {
    const before = owners(plan(from, rf).shares, fleet);
    const after = owners(plan(to, rf).shares, fleet);
    for (const ms of [...before.values(), ...after.values()]) expect(new Set(ms).size === ms.length && ms.length === rf).toBe(true);
    const share = moved(before, after);
    expect(share).toBeLessThanOrEqual(1 / 3);
    expect(share).toBeGreaterThan(0);
    // With replication the series never stop: a device keeps at least one of its old owners.
    if (rf > 1) expect([...after].filter(([d, ms]) => !ms.some((m) => before.get(d)!.includes(m)))).toEqual([]);
  });

  it("renders one file for every pod: hashmod over kabupaten and device, kept by the member %{POD_NAME} names; no cluster flags", () => {
    const a = plan(3, 2);
    expect(Object.keys(a.shares)).toEqual(["vmagent-0", "vmagent-1", "vmagent-2"]);
    expect(a.args.some((f) => f.startsWith("-promscrape.cluster."))).toBe(false);
    expect(a.args).toContain("-promscrape.configCheckInterval=1m");
    const jobs = (parse(a.scrapeConfig) as { scrape_configs: { job_name: string; relabel_configs: Record<string, unknown>[] }[] }).scrape_configs;
    expect(jobs.map((j) => j.job_name)).toEqual(["spbe-devices-baritotimurkab-go-id", "spbe-collector-baritotimurkab-go-id", "spbe-devices-klatenkab-go-id", "spbe-collector-klatenkab-go-id"]);
    const rules = jobs[0]!.relabel_configs;
    expect(rules).toContainEqual({ source_labels: ["kabupaten", "__param_target"], modulus: SHARD_BUCKETS, target_label: "__tmp_shard", action: "hashmod" });
    expect(rules).toContainEqual({ target_label: "__tmp_member", replacement: "%{POD_NAME}" });
    const keep = rules.find((r) => r.action === "keep")!;
    expect(keep.regex).toBe(Object.entries(a.shares).filter(([, b]) => b.length > 0).map(([m, b]) => `(?:${b.join("|")});${m}`).join("|"));
  });
});

describe("Debian's vmagent 1.79 keeps each member's share from the one planned file", () => {
  let dir: string;
  let sd: http.Server;
  let sdUrl: string;
  const perKabupaten = 150;
  beforeAll(async () => {
    dir = tempDir("province-shards");
    sd = http.createServer((req, res) => {
      if (!req.url?.startsWith("/sd")) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify([{ targets: Array.from({ length: perKabupaten }, (_, i) => `dev-${i}`), labels: {} }]));
    });
    await new Promise<void>((r) => sd.listen(0, "127.0.0.1", r));
    sdUrl = `http://127.0.0.1:${(sd.address() as AddressInfo).port}`;
    fs.mkdirSync(path.join(dir, "secrets"));
    for (const f of ["baritotimurkab-go-id", "klatenkab-go-id"]) fs.writeFileSync(path.join(dir, "secrets", f), "test-not-real");
  });
  afterAll(async () => {
    await new Promise((r) => sd.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const targetKey = (t: { labels: Record<string, string> }) => `${t.labels.job}/${t.labels.kabupaten}/${t.labels.instance}`;
  /** The planned scrape file for `members`, its secrets under the test's directory. */
  const scrapeYaml = (members: number, rf: number) => plan(members, rf, sdUrl).scrapeConfig.replaceAll(VMAGENT_SECRETS_DIR, path.join(dir, "secrets"));
  const agentFlags = (file: string, buffer: string, extra: string[] = []) => [`-promscrape.config=${file}`, "-remoteWrite.url=http://127.0.0.1:9/api/v1/write", `-remoteWrite.tmpDataPath=${path.join(dir, buffer)}`, ...extra];

  /** Per target `<job>/<kabupaten>/<instance>`: the members (pod name in POD_NAME) that keep it. */
  async function keptBy(members: number, rf: number): Promise<Map<string, string[]>> {
    const yaml = scrapeYaml(members, rf);
    const out = new Map<string, string[]>();
    for (const member of Object.keys(plan(members, rf).shares)) {
      const file = path.join(dir, `scrape-${members}-${member}.yaml`);
      const agent = await startVmagent(agentFlags(file, `buf-${members}-${member}`), { file, yaml }, { POD_NAME: member });
      try {
        for (const t of await agent.settledTargets()) out.set(targetKey(t), [...(out.get(targetKey(t)) ?? []), member]);
      } finally {
        await agent.stop();
      }
    }
    return out;
  }

  it("3 members, replication 2: every device and collector kept by exactly 2, each member about its planned share; resizing to 4 moves at most 1/3", async () => {
    const three = await keptBy(3, 2);
    expect(three.size).toBe(2 * perKabupaten + 2);
    expect([...three.values()].every((ms) => ms.length === 2)).toBe(true);
    // Each member kept its own share, so POD_NAME reached the file (unexpanded, every member would keep nothing).
    for (const [member, buckets] of Object.entries(plan(3, 2).shares)) {
      const kept = [...three.values()].filter((ms) => ms.includes(member)).length / three.size;
      expect(Math.abs(kept - buckets.length / SHARD_BUCKETS), member).toBeLessThan(0.12);
    }
    const four = await keptBy(4, 2);
    expect(four.size).toBe(2 * perKabupaten + 2);
    expect([...four.values()].every((ms) => ms.length === 2)).toBe(true);
    const share = moved(three, four);
    process.stdout.write(`vmagent 1.79, provincial hashmod shares: resize 3 -> 4 (replication 2) moved ${(share * 100).toFixed(1)} % of scrape assignments\n`);
    expect(share).toBeLessThanOrEqual(1 / 3);
    expect([...four].filter(([k, ms]) => !ms.some((m) => three.get(k)!.includes(m)))).toEqual([]);
  }, 180_000);

  it("a running member rereads the file after a resize (as the kubelet rewrites the ConfigMap) and keeps its new share", async () => {
    const file = path.join(dir, "scrape-reload.yaml");
    const agent = await startVmagent(agentFlags(file, "buf-reload", ["-promscrape.configCheckInterval=1s"]), { file, yaml: scrapeYaml(3, 1) }, { POD_NAME: "vmagent-1" });
    try {
      const before = (await agent.settledTargets()).map(targetKey).sort();
      const after = [...(await keptBy(4, 1))].filter(([, ms]) => ms.includes("vmagent-1")).map(([k]) => k).sort();
      expect(after).not.toEqual(before);
      fs.writeFileSync(file, scrapeYaml(4, 1));
      const reread = await waitFor("the new share", async () => {
        const now = (await agent.activeTargets()).map(targetKey).sort();
        return JSON.stringify(now) === JSON.stringify(after) ? now : undefined;
      }, 30_000, 500);
      expect(reread).toEqual(after);
    } finally {
      await agent.stop();
    }
  }, 120_000);
});
