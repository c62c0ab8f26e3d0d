// Against snmpsim's bundled Cisco Catalyst 3750 recording: our if_mib series (names, labels,
// values) match what Debian's prometheus-snmp-exporter 0.21 produces with the same module.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { renderByFamily } from "../../collectors/exposition";
import { HOST_RESOURCES, IF_MIB } from "../../collectors/modules";
import { pollTarget } from "../../collectors/poller";
import { envSecrets } from "../../collectors/secrets";
import { snmpExporterModule } from "../../collectors/snmp-exporter-config";
import { SnmpClient } from "../../collectors/snmp-client";
import type { Target } from "../../collectors/targets";
import { startSnmpExporter, type SnmpExporterHandle } from "../../testkit/servers/snmp-exporter";
import { SNMPSIM_EXAMPLES, startSnmpsim, type SnmpsimHandle } from "../../testkit/servers/snmpsim";
import { writeOldAgentRecordings } from "./support/old-agent";
import { parsePromText, seriesKey } from "./support/prom-text";

let sim: SnmpsimHandle;
let exporter: SnmpExporterHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-c64-"));
// An agent whose 64-bit counters sit where doubles lose digits: 2^53+1, 2^63+7 and 2^64-1.
const BIG = ["9007199254740993", "9223372036854775815", "18446744073709551615"];
fs.writeFileSync(
  path.join(dir, "big.snmprec"),
  [
    ...BIG.map((_, i) => `1.3.6.1.2.1.2.2.1.2.${i + 1}|4|port${i + 1}`),
    ...BIG.map((v, i) => `1.3.6.1.2.1.31.1.1.1.6.${i + 1}|70|${v}`),
  ].join("\n") + "\n",
);

beforeAll(async () => {
  sim = await startSnmpsim({
    recordings: {
      cisco: path.join(SNMPSIM_EXAMPLES, "cisco_16_switch.snmprec.gz"),
      linux: path.join(SNMPSIM_EXAMPLES, "recorded/linux-full-walk.snmprec.gz"),
      big: path.join(dir, "big.snmprec"),
      ...writeOldAgentRecordings(dir),
    },
  });
  const auth = { maxRepetitions: 25, retries: 1, timeoutSeconds: 10 };
  exporter = await startSnmpExporter({
    configYaml: stringify({
      if_mib: snmpExporterModule(IF_MIB, { community: "cisco", ...auth }),
      if_mib_old: snmpExporterModule(IF_MIB, { community: "old0", ...auth }),
      host_resources: snmpExporterModule(HOST_RESOURCES, { community: "linux", ...auth }),
    }),
  });
}, 120_000);
afterAll(async () => {
  await exporter?.stop();
  await sim?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Our if_mib series against the exporter's on the same agent, series for series; returns the exporter's.
 * One column per GETBULK, as snmp_exporter walks: snmpsim (pysnmp) spins forever on some multi-column
 * GETBULKs over this recording (e.g. ifSpeed with ifInOctets: columns of 59 and 57 rows) and then
 * answers no one; the multi-column walk is proven against real snmpd in snmpd.test.ts.
 */
async function compareIfMib(exporterModule: string, community: string, minSeries: number) {
    const theirsText = await exporter.scrape(`${sim.host}:${sim.port}`, exporterModule);
    const names = new Set(IF_MIB.tables[0]!.columns.map((c) => c.name));
    const theirs = parsePromText(theirsText).filter((s) => names.has(s.name));
    expect(theirs.length, theirsText.slice(0, 2000)).toBeGreaterThan(minSeries);

    const t: Target = {
      device: "cat3750", role: "switch", site: "dc", opd: "diskominfo", host: sim.host, port: sim.port,
      access: { version: "2c", community: { env: "COMMUNITY" } }, modules: ["if_mib"], intervalSeconds: 60,
      labels: [["device", "cat3750"], ["site", "dc"], ["opd", "diskominfo"], ["role", "switch"]],
      linkByIfName: new Map(), linkByIfIndex: new Map(),
    };
    const client = new SnmpClient({ host: sim.host, port: sim.port, access: t.access, secrets: envSecrets({}, { COMMUNITY: community }), timeoutMs: 10_000, retries: 1, maxRepetitions: 25, maxColumnsPerPdu: 1 });
    const r = await pollTarget(t, client);
    client.close();
    expect(r.errors).toEqual([]);
    // Compare through the rendered text, as Prometheus would see it (the module's columns: what the
    // exporter's module has; our derived series such as the 32-bit wrap risk are our own).
    const oursText = [...renderByFamily(r.samples).chunks.values()].join("");
    const ours = parsePromText(oursText).filter((s) => names.has(s.name));

    // ifPhysAddress too: the MAC rendered as the exporter's PhysAddress48 does, octet for octet.
    const objectLabels = ["ifIndex", "ifName", "ifDescr", "ifAlias", "ifPhysAddress"];
    const mine = new Map(ours.map((s) => [seriesKey(s.name, s.labels, objectLabels), s]));
    expect(ours.length).toBe(theirs.length);
    for (const s of theirs) {
      const key = seriesKey(s.name, s.labels, objectLabels);
      const m = mine.get(key);
      expect(m, `missing ${key}`).toBeDefined();
      // snmp_exporter renders floats (e.g. 3.7505809994e+10); ours are exact integers: equal as numbers.
      expect(m!.value, key).toBe(s.value);
      expect(m!.labels).toMatchObject({ device: "cat3750", site: "dc", opd: "diskominfo", role: "switch" });
    }
    return theirs;
}

describe("if_mib on the Cisco 3750 recording", () => {
  it("matches prometheus-snmp-exporter series for series", async () => {
    const theirs = await compareIfMib("if_mib", "cisco", 500);
    // The 32-bit counters and ifSpeed are among them, beside the HC ones.
    const theirNames = new Set(theirs.map((s) => s.name));
    for (const n of ["ifInOctets", "ifOutOctets", "ifInUcastPkts", "ifOutUcastPkts", "ifSpeed", "ifHCInOctets", "ifHighSpeed", "ifPhysAddress"]) expect(theirNames, n).toContain(n);
    expect(theirs.some((s) => /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(s.labels.ifPhysAddress ?? ""))).toBe(true);
    // 59 interfaces in the recording (some agents' tables are sparse: count what the exporter saw)
    const ifIndexes = new Set(theirs.filter((s) => s.name === "ifOperStatus").map((s) => s.labels.ifIndex));
    expect(ifIndexes.size).toBeGreaterThanOrEqual(50);
  }, 120_000);

  it("matches it on an agent with only 32-bit counters (no ifXTable) too", async () => {
    const theirs = await compareIfMib("if_mib_old", "old0", 20);
    const theirNames = new Set(theirs.map((s) => s.name));
    expect(theirNames).toContain("ifInOctets");
    expect(theirNames).not.toContain("ifHCInOctets");
  }, 120_000);

  it("keeps Counter64 values above 2^53 exact, digit for digit, into the exposition text", async () => {
    const t: Target = {
      device: "big", role: "switch", site: "dc", opd: "diskominfo", host: sim.host, port: sim.port,
      access: { version: "2c", community: { env: "COMMUNITY" } }, modules: ["if_mib"], intervalSeconds: 60,
      labels: [["device", "big"], ["site", "dc"], ["opd", "diskominfo"], ["role", "switch"]],
      linkByIfName: new Map(), linkByIfIndex: new Map(),
    };
    const client = new SnmpClient({ host: sim.host, port: sim.port, access: t.access, secrets: envSecrets({}, { COMMUNITY: "big" }), timeoutMs: 10_000, retries: 1, maxRepetitions: 25, maxColumnsPerPdu: 1 });
    const r = await pollTarget(t, client);
    client.close();
    expect(r.errors).toEqual([]);
    const text = renderByFamily(r.samples).chunks.get("ifHCInOctets")!;
    for (const [i, v] of BIG.entries()) expect(text).toContain(`ifIndex="${i + 1}",ifAlias="",ifDescr="port${i + 1}",ifName=""} ${v}\n`);
  }, 60_000);

  it("host_resources on the Linux recording matches prometheus-snmp-exporter too", async () => {
    const theirsText = await exporter.scrape(`${sim.host}:${sim.port}`, "host_resources");
    const names = new Set([...HOST_RESOURCES.scalars.map((m) => m.name), ...HOST_RESOURCES.tables.flatMap((t) => t.columns.map((c) => c.name))]);
    const theirs = parsePromText(theirsText).filter((x) => names.has(x.name));
    expect(theirs.some((x) => x.name === "hrStorageUsed"), theirsText.slice(0, 1500)).toBe(true);
    const t: Target = {
      device: "linux", role: "server", site: "dc", opd: "diskominfo", host: sim.host, port: sim.port,
      access: { version: "2c", community: { env: "COMMUNITY" } }, modules: ["host_resources"], intervalSeconds: 60,
      labels: [["device", "linux"], ["site", "dc"], ["opd", "diskominfo"], ["role", "server"]],
      linkByIfName: new Map(), linkByIfIndex: new Map(),
    };
    // One column per GETBULK here, as snmp_exporter walks: snmpsim (pysnmp) spins forever on a
    // multi-column GETBULK that reaches the end of this recording's MIB view, and then answers no one.
    const client = new SnmpClient({ host: sim.host, port: sim.port, access: t.access, secrets: envSecrets({}, { COMMUNITY: "linux" }), timeoutMs: 10_000, retries: 1, maxRepetitions: 25, maxColumnsPerPdu: 1 });
    const r = await pollTarget(t, client);
    client.close();
    expect(r.errors).toEqual([]);
    const ours = parsePromText([...renderByFamily(r.samples).chunks.values()].join(""));
    const objectLabels = ["hrDeviceIndex", "hrStorageIndex", "hrStorageDescr"];
    const mine = new Map(ours.map((x) => [seriesKey(x.name, x.labels, objectLabels), x]));
    expect(ours.length).toBe(theirs.length);
    for (const x of theirs) {
      const key = seriesKey(x.name, x.labels, objectLabels);
      expect(mine.get(key)?.value, key).toBe(x.value);
    }
  }, 60_000);
});
