// The MIB enumerations written on the module tables (modules.ts), checked against MIB text that is
// not ours: the IF-MIB net-snmp ships, parsed by its module store. (UPS-MIB and ENTITY-SENSOR-MIB
// are not shipped with it; their tables cite RFC 1628 and RFC 3433.)
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import * as N from "../../collectors/metric-names";
import { IF_MIB, mibEnumValue, UPS_MIB } from "../../collectors/modules";

// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any
const snmp: any = require("net-snmp");

function shippedIfMibEnumerations(): Map<string, Record<string, string>> {
  const mibs = join(dirname(require.resolve("net-snmp")), "lib", "mibs");
  const store = snmp.createModuleStore();
  store.loadFromFile(join(mibs, "IANAifType-MIB.mib"));
  store.loadFromFile(join(mibs, "IF-MIB.mib"));
  const out = new Map<string, Record<string, string>>();
  for (const p of store.getProvidersForModule("IF-MIB")) {
    for (const c of p.tableColumns ?? []) if (c.constraints?.enumeration) out.set(c.name, c.constraints.enumeration);
  }
  return out;
}

describe("MIB enumerations of the module tables", () => {
  it("IF-MIB: every enumerated column matches the IF-MIB net-snmp ships, and mibEnumValue answers its numbers", () => {
    const shipped = shippedIfMibEnumerations();
    const ours = IF_MIB.tables.flatMap((t) => t.columns).filter((c) => c.enumValues);
    expect(ours.map((c) => c.name)).toEqual([N.IF_ADMIN_STATUS, N.IF_OPER_STATUS]);
    for (const c of ours) expect({ [c.name]: { ...c.enumValues } }).toEqual({ [c.name]: shipped.get(c.name) });
    for (const [n, name] of Object.entries(shipped.get(N.IF_OPER_STATUS)!)) {
      expect(mibEnumValue(N.IF_OPER_STATUS, name as "up")).toBe(Number(n));
    }
  });

  it("derives the on-battery series from the output source's battery value", () => {
    const battery = String(mibEnumValue(N.UPS_OUTPUT_SOURCE, "battery"));
    const source = (value: string) => ({ name: N.UPS_OUTPUT_SOURCE, type: "gauge" as const, help: "", labels: [], value });
    expect(UPS_MIB.derive!([source(battery), source(String(mibEnumValue(N.UPS_OUTPUT_SOURCE, "normal")))], {}).map((s) => s.value)).toEqual(["1", "0"]);
  });
});
