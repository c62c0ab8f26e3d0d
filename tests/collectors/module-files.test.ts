// Module files: the shipped ones agree with the contract of metric names; a user's module file named
// in the inventory is polled on a real agent (snmpsim) through `spbe serve`'s startServe; broken
// module files and unknown module names are findings with file:line:column and exit 2.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadModuleCatalog } from "../../collectors/module-catalog";
import { parseModuleText } from "../../collectors/module-file";
import * as N from "../../collectors/metric-names";
import { deviceModules, MODULES } from "../../collectors/modules";
import { envSecrets } from "../../collectors/secrets";
import { startServe } from "../../collectors/serve";
import { renderDiagnostic } from "../../inventory/diagnostics";
import { loadInventoryText } from "../../inventory/load";
import { startSnmpsim, type SnmpsimHandle } from "../../testkit/servers/snmpsim";
import { runSpbe } from "../../testkit/spbe-cli";
import { minimalInventory } from "../fixtures/minimal-inventory";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-modfiles-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("shipped module files", () => {
  it("every metric, label and index name they use is one of collectors/metric-names.ts (the one home of names)", () => {
    const contract = new Set<string>((Object.values(N) as unknown[]).filter((v): v is string => typeof v === "string"));
    const used: string[] = [];
    for (const m of Object.values(MODULES)) {
      used.push(...m.scalars.map((s) => s.name), ...(m.info ? [m.info.name, ...m.info.labels.map((l) => l.label)] : []));
      for (const t of m.tables) used.push(t.indexLabel, ...(t.innerIndexLabels ?? []), ...t.lookups.map((l) => l.label), ...t.columns.map((c) => c.name));
    }
    expect(used.filter((n) => !contract.has(n))).toEqual([]);
    expect(Object.keys(MODULES).sort()).toEqual(["cisco_cpu_memory", "entity_sensor", "host_resources", "if_mib", "mikrotik", "printer", "spbe_quota", "system", "ups_mib"]);
  });

  it("a MikroTik gets the mikrotik module by default, a Cisco cisco_cpu_memory; the inventory's lists win", () => {
    const inv = loadInventoryText(stringify({
      ...minimalInventory(),
      monitoring: { roleModules: { server: ["system", "host_resources"] } },
    })).inventory!;
    const dev = (extra: object) => ({ ...inv.devices[0]!, ...extra });
    expect(deviceModules(inv, dev({ role: "router", vendor: "MikroTik" }))).toEqual(["system", "if_mib", "entity_sensor", "mikrotik"]);
    expect(deviceModules(inv, dev({ role: "switch", vendor: "Cisco" }))).toEqual(["system", "if_mib", "entity_sensor", "cisco_cpu_memory"]);
    expect(deviceModules(inv, dev({ role: "server", vendor: "Dell" }))).toEqual(["system", "host_resources"]);
    expect(deviceModules(inv, dev({ role: "server", modules: ["system", "printer"] }))).toEqual(["system", "printer"]);
  });
});

describe("a malformed module file", () => {
  it("YAML syntax: the error at its line and column", () => {
    const r = parseModuleText("name: lab\ntables:\n  - index: x\n    columns: [\n", "lab.yaml");
    expect(r.module).toBeUndefined();
    expect(renderDiagnostic(r.diagnostics[0]!, "en")).toMatch(/^lab\.yaml:\d+:\d+ error: \(document\): YAML syntax error/);
  });

  it("schema: a bad OID, an unknown field and an unknown derivation, each at its own line", () => {
    const text = [
      "name: lab_sensor", //  1
      "derive: averages", //  2
      "tables:", //           3
      "  - index: labIndex", // 4
      "    columns:", //      5
      "      - name: labTemp", // 6
      "        oid: 1.3.6.x", // 7
      "        type: gauge", // 8
      "        syntax: Integer32", // 9
      "        help: Temperature.", // 10
      "        unit: celsius", // 11
    ].join("\n");
    const lines = parseModuleText(text, "lab.yaml").diagnostics.map((d) => renderDiagnostic(d, "en"));
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes("derive"))).toMatch(/^lab\.yaml:2:9 error: derive: /);
    expect(lines.find((l) => l.includes(".oid"))).toBe("lab.yaml:7:14 error: tables[0].columns[0].oid: must be an OID in dotted numbers, e.g. 1.3.6.1.2.1.2.2.1.10");
    expect(lines.find((l) => l.includes(".unit"))).toMatch(/^lab\.yaml:11:9 error: tables\[0\]\.columns\[0\]\.unit: /);
    // Indonesian too (the CLI speaks both).
    expect(parseModuleText(text, "lab.yaml").diagnostics.map((d) => renderDiagnostic(d, "id")).find((l) => l.includes(".oid"))).toContain("harus berupa OID");
  });

  it("spbe validate: a broken module file, a missing one and an unknown module name → every finding placed, exit 2", () => {
    const inv = minimalInventory();
    inv.monitoring = { moduleFiles: ["modules/broken.yaml", "modules/missing.yaml"] };
    inv.devices[0].modules = ["system", "nosuch"];
    fs.mkdirSync(path.join(dir, "modules"), { recursive: true });
    fs.writeFileSync(path.join(dir, "modules", "broken.yaml"), "name: broken\nscalars:\n  - name: x\n    oid: 1.3.6.1.4.1.1.1\n    type: rate\n    syntax: Integer32\n    help: x\n");
    const file = path.join(dir, "inventory.yaml");
    fs.writeFileSync(file, stringify(inv));
    const r = runSpbe(["validate", file]);
    expect(r.status, r.stderr).toBe(2);
    const text = fs.readFileSync(file, "utf8").split("\n");
    const lineOf = (needle: string) => text.findIndex((l) => l.includes(needle)) + 1;
    expect(r.stderr).toMatch(new RegExp(`modules/broken\\.yaml:5:11 error: scalars\\[0\\]\\.type: `));
    expect(r.stderr).toContain(`${file}:${lineOf("modules/missing.yaml")}:`);
    expect(r.stderr).toMatch(/error: monitoring\.moduleFiles\[1\]: cannot read the module file modules\/missing\.yaml: no such file/);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, "\\.")}:${lineOf("nosuch")}:\\d+ error: devices\\[0\\]\\.modules\\[1\\]: unknown SNMP module nosuch; known: .*if_mib`));
  }, 120_000);
});

describe("a user module file named in the inventory", () => {
  let sim: SnmpsimHandle;
  const LAB = "1.3.6.1.4.1.99999";
  beforeAll(async () => {
    // A lab's own environment sensor, with a private enterprise MIB no shipped module knows.
    const rec = path.join(dir, "lab.snmprec");
    fs.writeFileSync(rec, [
      "1.3.6.1.2.1.1.3.0|67|4242",
      `${LAB}.1.1.0|2|215`,
      `${LAB}.2.1.2.1|4|rack-a`,
      `${LAB}.2.1.2.2|4|rack-b`,
      `${LAB}.2.1.3.1|2|41`,
      `${LAB}.2.1.3.2|2|58`,
    ].join("\n") + "\n");
    sim = await startSnmpsim({ recordings: { lab: rec } });
  }, 120_000);
  afterAll(async () => sim?.stop());

  it("spbe serve polls it for the device that names it: the file's series with its labels", async () => {
    fs.mkdirSync(path.join(dir, "lab", "modules"), { recursive: true });
    fs.writeFileSync(path.join(dir, "lab", "modules", "lab-sensor.yaml"), [
      "# LAB-SENSOR-MIB of the data center's environment box.",
      "name: lab_sensor",
      "scalars:",
      `  - { name: labSupplyVoltage, oid: ${LAB}.1.1, type: gauge, syntax: Integer32, help: Supply voltage in tenths of a volt. }`,
      "tables:",
      "  - index: labSensorIndex",
      `    lookups: [{ label: labSensorName, oid: ${LAB}.2.1.2, syntax: DisplayString }]`,
      `    columns: [{ name: labSensorHumidity, oid: ${LAB}.2.1.3, type: gauge, syntax: Integer32, help: Relative humidity in percent. }]`,
    ].join("\n") + "\n");
    const inv = minimalInventory();
    inv.monitoring = { moduleFiles: ["modules/lab-sensor.yaml"] };
    inv.devices[0].modules = ["lab_sensor"];
    const file = path.join(dir, "lab", "inventory.yaml");
    fs.writeFileSync(file, stringify(inv));
    // The same checks validate runs: the file is found relative to the inventory, the name known.
    const loaded = loadInventoryText(fs.readFileSync(file, "utf8"), file).inventory!;
    expect(loadModuleCatalog(loaded, file).diagnostics).toEqual([]);

    const serve = await startServe({
      inventory: file, port: 0, env: {}, secrets: envSecrets({}, { SNMP_COMMUNITY: "lab" }),
      endpoint: (d) => (d.id === "core" ? { host: sim.host, port: sim.port } : undefined), log: () => undefined,
    });
    try {
      const r = await serve.pollNow("core");
      expect(r.errors).toEqual([]);
      expect(r.modules).toEqual([{ module: "lab_sensor", status: "ok" }]);
      const text = await (await fetch(`${serve.url}/metrics`)).text();
      expect(text).toMatch(/^labSupplyVoltage\{device="core",[^}]*\} 215$/m);
      expect(text).toMatch(/^labSensorHumidity\{device="core",[^}]*labSensorIndex="1",labSensorName="rack-a"\} 41$/m);
      expect(text).toMatch(/^labSensorHumidity\{device="core",[^}]*labSensorIndex="2",labSensorName="rack-b"\} 58$/m);
      expect(text).toContain("# HELP labSensorHumidity Relative humidity in percent.");
    } finally {
      await serve.close();
    }
  }, 120_000);
});
