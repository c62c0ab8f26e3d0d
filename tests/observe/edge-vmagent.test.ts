// The edge renderers (observe/edge/): remote_write URLs per tenant, the hashmod shares and how
// little they move, and what Debian's vmagent/vmalert 1.79 say of the rendered files (-dryRun).
// Also measured here: how much vmagent's own cluster mode moves on a resize (modulo hashing), the
// reason the renderer shards by hashmod.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { RuleGroup } from "../../dashboards/rules/model";
import { vmalert179Groups } from "../../dashboards/rules/vmalert";
import { bucketOwners, SHARD_BUCKETS } from "../../observe/edge/shards";
import { planEdgeMember, remoteWriteUrl, type EdgeMemberInput } from "../../observe/edge/vmagent";
import { planVmalert, queryUrl } from "../../observe/edge/vmalert";
import { requireBinary, run, tempDir } from "../../testkit/servers/common";
import { startVmagent, vmagentDryRun } from "../../testkit/servers/victoria-metrics";
import { runSpbe } from "../../testkit/spbe-cli";

let dir: string;
beforeAll(() => {
  dir = tempDir("edge-vmagent");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const base = (over: Partial<EdgeMemberInput> = {}): EdgeMemberInput => ({
  province: "Kalimantan Tengah",
  kabupaten: "Barito Timur",
  members: ["vmagent-0", "vmagent-1", "vmagent-2"],
  member: "vmagent-1",
  replicationFactor: 2,
  sharding: "hashmod",
  sources: [{ job: "snmp", httpSd: { url: "http://127.0.0.1:9116", basicAuth: { username: "vmagent", passwordFile: "/etc/spbe/sd-password" } } }],
  collectorAuth: { username: "vmagent", passwordFile: "/etc/spbe/collector-password" },
  remoteWrite: { kind: "cluster", vminsertUrl: "http://vminsert.prov:8480", accountId: 6213 },
  bufferDir: "/var/lib/vmagent/buffer",
  maxDiskUsage: "4GB",
  scrapeConfigFile: path.join(dir ?? "/tmp", "scrape.yml"),
  ...over,
});

describe("remote_write and query URLs", () => {
  it("the kabupaten's tenant on the cluster, the plain path on a single node", () => {
    expect(remoteWriteUrl({ kind: "cluster", vminsertUrl: "http://vminsert:8480/", accountId: 6213 })).toBe("http://vminsert:8480/insert/6213/prometheus/api/v1/write");
    expect(remoteWriteUrl({ kind: "single", url: "http://127.0.0.1:8428" })).toBe("http://127.0.0.1:8428/api/v1/write");
    expect(() => remoteWriteUrl({ kind: "cluster", vminsertUrl: "http://v", accountId: -1 })).toThrow(/accountID/);
    expect(queryUrl({ kind: "cluster", vmselectUrl: "http://vmselect:8481", accountId: 62 })).toBe("http://vmselect:8481/select/62/prometheus");
  });
});

describe("hashmod shares", () => {
  const members = (n: number) => Array.from({ length: n }, (_, i) => `vmagent-${i}`);
  it("adding a fourth member moves only the buckets it takes (~1/4), losing one moves only its own", () => {
    const three = bucketOwners(members(3), 1);
    const four = bucketOwners(members(4), 1);
    const moved = three.filter((o, b) => o[0] !== four[b]![0]);
    expect(moved.length / SHARD_BUCKETS).toBeLessThanOrEqual(1 / 3);
    expect(moved.length / SHARD_BUCKETS).toBeGreaterThan(0.15);
    expect(three.filter((o, b) => o[0] !== four[b]![0] && four[b]![0] !== "vmagent-3")).toEqual([]);
    const lost = bucketOwners(["vmagent-0", "vmagent-2"], 1);
    expect(three.filter((o, b) => o[0] !== lost[b]![0]).every((o) => o[0] === "vmagent-1")).toBe(true);
  });
  it("replication 2: two different members per bucket, each member a fair share", () => {
    const owners = bucketOwners(members(3), 2);
    expect(owners.every((o) => o.length === 2 && o[0] !== o[1])).toBe(true);
    for (const m of members(3)) {
      const share = owners.filter((o) => o.includes(m)).length / SHARD_BUCKETS;
      expect(share).toBeGreaterThan(0.5);
      expect(share).toBeLessThan(0.85);
    }
  });
});

describe("rendered for vmagent 1.79", () => {
  it("flags: tenant URL, disk buffer, province and kabupaten as external labels; the scrape configuration passes -dryRun", async () => {
    const plan = planEdgeMember(base());
    expect(plan.flags).toEqual(expect.arrayContaining([
      "-remoteWrite.url=http://vminsert.prov:8480/insert/6213/prometheus/api/v1/write",
      "-remoteWrite.tmpDataPath=/var/lib/vmagent/buffer",
      "-remoteWrite.maxDiskUsagePerURL=4GB",
      "-remoteWrite.label=province=kalimantan-tengah",
      "-remoteWrite.label=kabupaten=barito-timur",
    ]));
    expect(plan.flags.some((f) => f.startsWith("-promscrape.cluster."))).toBe(false);
    fs.writeFileSync(base().scrapeConfigFile, plan.scrapeConfigYaml);
    const r = await vmagentDryRun(base().scrapeConfigFile);
    expect(r, r.output).toMatchObject({ code: 0 });
    // And a typo is caught by the same check (the check can fail).
    fs.writeFileSync(base().scrapeConfigFile, plan.scrapeConfigYaml.replace("relabel_configs", "relabel_config"));
    expect((await vmagentDryRun(base().scrapeConfigFile)).code).not.toBe(0);
  });

  it("cluster-flags sharding renders vmagent's own flags, 1.79 takes a pod name as member number, and moves most targets on a resize (modulo hashing)", async () => {
    // 200 device ids in a file_sd file; each member's active targets read from its /api/v1/targets.
    const sd = path.join(dir, "targets.json");
    fs.writeFileSync(sd, JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ targets: [`dev-${i}`], labels: { device: `dev-${i}` } }))));
    const plan = (count: number, i: number) => {
      const names = Array.from({ length: count }, (_, k) => `vmagent-${k}`);
      const file = path.join(dir, `cluster-${count}-${i}.yml`);
      return { file, ...planEdgeMember(base({ members: names, member: names[i]!, replicationFactor: 1, sharding: "cluster-flags", sources: [{ job: "snmp", fileSd: [sd] }], collectorAuth: undefined, remoteWrite: { kind: "single", url: "http://127.0.0.1:9" }, bufferDir: path.join(dir, `buf-${count}-${i}`), scrapeConfigFile: file })) };
    };
    const devicesOf = async (flags: string[], file: string, yaml: string): Promise<string[]> => {
      const agent = await startVmagent(flags, { file, yaml });
      try {
        const targets = await agent.settledTargets();
        return targets.map((t) => t.labels.device!);
      } finally {
        await agent.stop();
      }
    };
    const owner = async (count: number) => {
      const out = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        const p = plan(count, i);
        expect(p.flags).toEqual(expect.arrayContaining([`-promscrape.cluster.membersCount=${count}`, `-promscrape.cluster.memberNum=${i}`, "-promscrape.cluster.replicationFactor=1"]));
        for (const d of await devicesOf(p.flags, p.file, p.scrapeConfigYaml)) out.set(d, i);
      }
      return out;
    };
    const three = await owner(3);
    // A StatefulSet could pass the pod name (-promscrape.cluster.memberNum=$(POD_NAME)): 1.79 takes the
    // number after the last dash, so "vmagent-2" owns what member 2 owns. (The provincial StatefulSet
    // shards by hashmod instead: tests/infra/province-vmagent-shards.test.ts.)
    const p2 = plan(3, 2);
    const byPodName = await devicesOf(p2.flags.map((f) => (f === "-promscrape.cluster.memberNum=2" ? "-promscrape.cluster.memberNum=vmagent-2" : f)), p2.file, p2.scrapeConfigYaml);
    expect(byPodName.sort()).toEqual([...three].filter(([, m]) => m === 2).map(([d]) => d).sort());
    const four = await owner(4);
    expect(three.size).toBe(200);
    expect(four.size).toBe(200);
    const moved = [...three].filter(([d, m]) => four.get(d) !== m).length;
    process.stdout.write(`vmagent 1.79 -promscrape.cluster.*: resize 3 -> 4 moved ${moved} of 200 targets\n`);
    expect(moved / 200).toBeGreaterThan(1 / 2);
  }, 120_000);

  it("vmalert: flags for the province tenant; 1.79 refuses only keep_firing_for in the project's alert rules, and accepts their 1.79 copy", async () => {
    const out = path.join(dir, "monitoring");
    const r = runSpbe(["dashboards", "build", "examples/barito-timur/inventory.yaml", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const rules = path.join(out, "prometheus/rules/spbe.rules.yml");
    const flags = planVmalert({ rulesFiles: [rules], datasource: { kind: "cluster", vmselectUrl: "http://vmselect:8481", accountId: 62 }, notifierUrl: "http://127.0.0.1:9093", externalLabels: { province: "kalimantan-tengah" } });
    expect(flags).toContain("-datasource.url=http://vmselect:8481/select/62/prometheus");
    const vmalert = requireBinary("vmalert", "victoria-metrics");
    const check = await run(vmalert, [`-rule=${rules}`, "-dryRun", "-loggerLevel=ERROR"]);
    // keep_firing_for (Prometheus 2.42) came to vmalert after 1.79: the one field it does not know.
    expect(check.code).not.toBe(0);
    expect(check.stdout + check.stderr).toMatch(/unknown fields in rule: keep_firing_for/);
    // The vmalert 1.79 copy (dashboards/rules/vmalert.ts) of every rule the kabupaten has: accepted,
    // with only keep_firing_for gone, and the one alert that had it named.
    const built = parse(fs.readFileSync(rules, "utf8")) as { groups: RuleGroup[] };
    const copy = vmalert179Groups(built.groups);
    expect(copy.dropped).toEqual([{ group: "spbe-network", alert: "SpbeBackboneInterfaceDown", field: "keep_firing_for", value: "120s" }]);
    expect(copy.groups.flatMap((g) => g.rules).length).toBe(built.groups.flatMap((g) => g.rules).length);
    const without = path.join(dir, "vmalert-1.79.yml");
    fs.writeFileSync(without, stringify({ groups: copy.groups }, { lineWidth: 0 }));
    const again = await run(vmalert, [`-rule=${without}`, "-dryRun", "-loggerLevel=ERROR"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
  }, 60_000);
});
