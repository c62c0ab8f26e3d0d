// Walk status per module against Debian's snmpd with SNMP views: an agent whose view ends after the
// system group answers endOfMibView at once for IF-MIB (if_mib "empty", not up=1 and silence), a
// view with only hrStorage gives host_resources "partial", the full view "ok", a wrong community
// "failed"; /targets' data and spbe_snmp_module_status say so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as N from "../../collectors/metric-names";
import { pollTarget, type PollResult } from "../../collectors/poller";
import { PromStore } from "../../collectors/prom-store";
import { envSecrets } from "../../collectors/secrets";
import { SnmpClient } from "../../collectors/snmp-client";
import type { Target } from "../../collectors/targets";
import { run } from "../../testkit/servers/common";
import { startSnmpd, type SnmpdHandle } from "../../testkit/servers/snmpd";
import { parsePromText } from "./support/prom-text";

let snmpd: SnmpdHandle;
const secrets = envSecrets({}, { FULL: "full-7731", SYSONLY: "sysonly-7731", STORAGE: "storage-7731", WRONG: "nobody-has-this" });

beforeAll(async () => {
  snmpd = await startSnmpd({
    community: "full-7731",
    extraConfig: [
      "view sysonly included .1.3.6.1.2.1.1",
      "rocommunity sysonly-7731 default -V sysonly",
      "view storage included .1.3.6.1.2.1.1",
      "view storage included .1.3.6.1.2.1.25.2",
      "rocommunity storage-7731 default -V storage",
    ].join("\n"),
  });
}, 60_000);
afterAll(async () => {
  await snmpd?.stop();
});

function target(community: string): Target {
  return {
    device: `snmpd-${community.toLowerCase()}`, role: "server", site: "dc", opd: "diskominfo", host: snmpd.host, port: snmpd.port,
    access: { version: "2c", community: { env: community } }, modules: ["system", "if_mib", "host_resources"], intervalSeconds: 60,
    labels: [["device", `snmpd-${community.toLowerCase()}`]], linkByIfName: new Map(), linkByIfIndex: new Map(),
  };
}

async function poll(community: string): Promise<PollResult> {
  const t = target(community);
  const client = new SnmpClient({ host: snmpd.host, port: snmpd.port, access: t.access, secrets, timeoutMs: 1000, retries: 0, maxRepetitions: 25 });
  try {
    return await pollTarget(t, client);
  } finally {
    client.close();
  }
}

const statuses = (r: PollResult) => Object.fromEntries(r.modules.map((m) => [m.module, m.status]));

describe("walk status per module", () => {
  it("an agent answering endOfMibView at once for IF-MIB: if_mib is empty, the poll still up", async () => {
    // what the agent itself says: the first GETBULK step past ifDescr is endOfMibView
    const cli = await run("snmpbulkget", ["-v2c", "-c", "sysonly-7731", "-Cn0", "-Cr1", "-On", `${snmpd.host}:${snmpd.port}`, "1.3.6.1.2.1.2.2.1.2"]);
    expect(cli.stdout, cli.stderr).toMatch(/No more variables left in this MIB View/);

    const r = await poll("SYSONLY");
    expect(r.up).toBe(true);
    expect(r.errors).toEqual([]);
    expect(statuses(r)).toEqual({ system: "ok", if_mib: "empty", host_resources: "empty" });
    expect(r.modules.find((m) => m.module === "if_mib")).toMatchObject({ reason: "no_objects" });

    const store = new PromStore();
    store.setTargetLister(() => [{ ...target("SYSONLY"), modules: target("SYSONLY").modules }]);
    store.update(r);
    const series = parsePromText(store.targetText(r.target.device)!).filter((s) => s.name === N.SPBE_SNMP_MODULE_STATUS);
    const one = (module: string, status: string) => series.find((s) => s.labels.module === module && s.labels.status === status)?.value;
    expect(one("if_mib", "empty")).toBe(1);
    expect(one("if_mib", "ok")).toBe(0);
    expect(one("system", "ok")).toBe(1);
    expect(series).toHaveLength(3 * N.MODULE_STATUSES.length);
    const st = store.status()[0]!;
    expect(st.moduleStatus.find((m) => m.module === "if_mib")).toMatchObject({ status: "empty", reason: "no_objects" });
    expect(st.moduleStatus.find((m) => m.module === "if_mib")!.message).toMatch(/none of the module's objects/);
  }, 30_000);

  it("a view with hrStorage only: host_resources is partial and says what is missing", async () => {
    const r = await poll("STORAGE");
    expect(statuses(r)).toEqual({ system: "ok", if_mib: "empty", host_resources: "partial" });
    const hr = r.modules.find((m) => m.module === "host_resources")!;
    expect(hr.reason).toBe("missing");
    expect(hr.message).toContain(N.HR_SYSTEM_UPTIME);
    expect(hr.message).toContain(N.LABEL_HR_DEVICE_INDEX);
    expect(hr.message).not.toContain(N.LABEL_HR_STORAGE_INDEX);
  }, 30_000);

  it("the full view: every module ok; a wrong community: every module failed with its reason", async () => {
    const full = await poll("FULL");
    // hrProcessorTable depends on the machine snmpd runs on (absent in some containers): ask snmpd.
    const cpu = await run("snmpbulkwalk", ["-v2c", "-c", "full-7731", "-On", `${snmpd.host}:${snmpd.port}`, "1.3.6.1.2.1.25.3.3.1.2"]);
    const hasCpuRows = /^\.1\.3\.6\.1\.2\.1\.25\.3\.3\.1\.2\./m.test(cpu.stdout);
    expect(statuses(full), JSON.stringify(full.modules)).toEqual({ system: "ok", if_mib: "ok", host_resources: hasCpuRows ? "ok" : "partial" });
    const bad = await poll("WRONG");
    expect(bad.up).toBe(false);
    expect(bad.modules.map((m) => [m.module, m.status, m.reason])).toEqual([
      ["system", "failed", "timeout"],
      ["if_mib", "failed", "timeout"],
      ["host_resources", "failed", "timeout"],
    ]);
  }, 30_000);
});
