// The provincial vmalert evaluating rules that span kabupaten: Debian's vmalert 1.79 and
// VictoriaMetrics' single node (the cluster's vmselect is not packaged in Debian; the query API is
// the same), loaded with the rule groups the provincial tier deploys in their vmalert 1.79 copy
// (dashboards/rules/vmalert.ts), flags from observe/edge/vmalert.ts. Two kabupaten each with a
// device down in one tenant: one rule holds an alert for each, told apart by the kabupaten label; a
// third kabupaten sends nothing and only it is held as silent.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { provinceAlertGroups } from "../../dashboards/rules/alerts";
import { vmalert179Groups } from "../../dashboards/rules/vmalert";
import { planVmalert } from "../../observe/edge/vmalert";
import { freeTcpPort, tempDir, waitFor } from "../../testkit/servers/common";
import { startVictoriaMetrics, startVmalert, type VictoriaMetricsHandle, type VmalertHandle } from "../../testkit/servers/victoria-metrics";

let vm: VictoriaMetricsHandle;
let vmalert: VmalertHandle | undefined;
let dir: string;

beforeAll(async () => {
  dir = tempDir("province-vmalert");
  vm = await startVictoriaMetrics();
}, 60_000);

afterAll(async () => {
  await vmalert?.stop();
  await vm?.remove();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe("the provincial vmalert over every kabupaten's series", () => {
  it("evaluates the deployed rule groups in one tenant: a device down in each of two kabupaten, one alert each; a silent third kabupaten", async () => {
    const rulesFile = path.join(dir, "province.rules.yml");
    // Three kabupaten expected; the third sends nothing (its link to the province is down).
    const expected = ["baritotimurkab.go.id", "klatenkab.go.id", "kotawaringinbaratkab.go.id"];
    fs.writeFileSync(rulesFile, stringify({ groups: vmalert179Groups(provinceAlertGroups(expected)).groups }, { lineWidth: 0 }));
    // Nobody listens at the notifier: pending alerts never reach it (SpbeDeviceDown waits 5 minutes).
    const notifier = `http://127.0.0.1:${await freeTcpPort()}`;
    const up = (kabupaten: string, device: string, value: number) => `spbe_snmp_up{province="kalimantan-tengah",kabupaten="${kabupaten}",device="${device}",role="switch",opd="diskominfo",site="dc"} ${value}`;
    const series = [up("baritotimurkab.go.id", "bt-sw-1", 0), up("baritotimurkab.go.id", "bt-sw-2", 1), up("klatenkab.go.id", "kl-sw-1", 0), up("klatenkab.go.id", "kl-sw-2", 1)].join("\n") + "\n";
    await vm.importPrometheus(series);
    await waitFor("the imported series", async () => (await vm.query("spbe_snmp_up")).length === 4, 30_000, 500);
    vmalert = await startVmalert(planVmalert({ rulesFiles: [rulesFile], datasource: { kind: "single", url: vm.url }, notifierUrl: notifier, evaluationIntervalSeconds: 2, externalLabels: { province: "kalimantan-tengah" }, listen: "127.0.0.1:0" }));
    const down = await waitFor(
      "SpbeDeviceDown for both kabupaten",
      async () => {
        await vm.importPrometheus(series); // keep the samples fresh while vmalert evaluates
        const a = (await vmalert!.alerts()).filter((x) => x.name === "SpbeDeviceDown");
        return a.length === 2 ? a : undefined;
      },
      30_000,
      1000,
    );
    expect(down.map((a) => [a.labels.kabupaten, a.labels.device, a.state]).sort()).toEqual([
      ["baritotimurkab.go.id", "bt-sw-1", "pending"],
      ["klatenkab.go.id", "kl-sw-1", "pending"],
    ]);
    // The silent kabupaten, and only it: told apart from devices down. Its rule lives in another
    // group, evaluated on its own schedule: on a busy machine its first evaluation can come after the
    // device-down group's, so wait for it rather than read the alerts once.
    const silent = await waitFor(
      "SpbeKabupatenSilent",
      async () => {
        await vm.importPrometheus(series);
        const a = (await vmalert!.alerts()).filter((x) => x.name === "SpbeKabupatenSilent");
        return a.length > 0 ? a : undefined;
      },
      30_000,
      1000,
    );
    expect(silent.map((a) => [a.labels.kabupaten, a.state])).toEqual([["kotawaringinbaratkab.go.id", "pending"]]);
  }, 90_000);
});
