// PDU → sample conversion, table-driven, no I/O.
import { describe, expect, it } from "vitest";
import { convertModule, type ModuleResult } from "../../collectors/convert";
import * as N from "../../collectors/metric-names";
import { HOST_RESOURCES, IF_MIB, mibEnumValue, SYSTEM, UPS_MIB } from "../../collectors/modules";
import { compareOids, counter64ToBigInt, inSubtree, numericValue, stringValue, T, type Varbind } from "../../collectors/varbind";

const u64 = (v: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(v);
  return b;
};

describe("numericValue", () => {
  const cases: [string, Varbind, string | undefined][] = [
    ["Integer", { oid: "1", type: T.Integer, value: -5 }, "-5"],
    ["Counter32 max", { oid: "1", type: T.Counter, value: 4294967295 }, "4294967295"],
    ["Gauge32", { oid: "1", type: T.Gauge, value: 1000 }, "1000"],
    ["TimeTicks", { oid: "1", type: T.TimeTicks, value: 697202257 }, "697202257"],
    ["Counter64 small", { oid: "1", type: T.Counter64, value: u64(42n) }, "42"],
    ["Counter64 2^53+1 (not representable as a double)", { oid: "1", type: T.Counter64, value: u64(9007199254740993n) }, "9007199254740993"],
    ["Counter64 max", { oid: "1", type: T.Counter64, value: u64(18446744073709551615n) }, "18446744073709551615"],
    ["Counter64 short buffer (agents trim leading zeros)", { oid: "1", type: T.Counter64, value: Buffer.from([0x01, 0x00]) }, "256"],
    ["Counter64 empty buffer", { oid: "1", type: T.Counter64, value: Buffer.alloc(0) }, "0"],
    ["OctetString number", { oid: "1", type: T.OctetString, value: Buffer.from(" 12.5 ") }, "12.5"],
    ["OctetString text", { oid: "1", type: T.OctetString, value: Buffer.from("eth0") }, undefined],
    ["NoSuchObject", { oid: "1", type: T.NoSuchObject, value: null }, undefined],
    ["EndOfMibView", { oid: "1", type: T.EndOfMibView, value: null }, undefined],
    ["OID", { oid: "1", type: T.OID, value: "1.3.6.1" }, undefined],
  ];
  it.each(cases)("%s", (_name, vb, want) => {
    expect(numericValue(vb)).toBe(want);
  });

  it("keeps every Counter64 digit above 2^53 where Number() would round", () => {
    const v = 2n ** 60n + 7n;
    expect(counter64ToBigInt(u64(v))).toBe(v);
    expect(String(Number(v))).not.toBe(v.toString()); // the trap we avoid
  });
});

describe("OID helpers", () => {
  it.each([
    ["1.3.6.1.2", "1.3.6.1.10", -1],
    ["1.3.6.1.10", "1.3.6.1.2", 1],
    ["1.3.6", "1.3.6.1", -1],
    ["1.3.6.1", "1.3.6.1", 0],
  ] as const)("compareOids(%s, %s) = %i", (a, b, want) => expect(compareOids(a, b)).toBe(want));
  it.each([
    ["1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.2.2.1.2.7", true],
    ["1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.2.2.1.20.7", false],
    ["1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.2.2.1.2", false],
  ] as const)("inSubtree(%s, %s) = %s", (base, oid, want) => expect(inSubtree(base, oid)).toBe(want));
  it("decodes DisplayString labels as UTF-8", () => {
    expect(stringValue({ oid: "1", type: T.OctetString, value: Buffer.from("Uplink ke Setda – lantai 2") })).toBe("Uplink ke Setda – lantai 2");
  });
});

const base: [string, string][] = [["device", "sw1"], ["site", "dc"], ["opd", "diskominfo"], ["role", "switch"]];
const vb = (oid: string, type: number, value: unknown): Varbind => ({ oid, type, value });

const UP = mibEnumValue(N.IF_OPER_STATUS, "up");
const DOWN = mibEnumValue(N.IF_OPER_STATUS, "down");

function ifResult(): ModuleResult {
  const IF = "1.3.6.1.2.1.2.2.1";
  const IFX = "1.3.6.1.2.1.31.1.1.1";
  return {
    scalars: new Map(),
    columns: new Map([
      [`${IF}.2`, [vb(`${IF}.2.1`, T.OctetString, Buffer.from("GigabitEthernet1/0/1")), vb(`${IF}.2.2`, T.OctetString, Buffer.from("Vlan1"))]],
      [`${IFX}.1`, [vb(`${IFX}.1.1`, T.OctetString, Buffer.from("Gi1/0/1")), vb(`${IFX}.1.2`, T.OctetString, Buffer.from("Vl1"))]],
      [`${IFX}.18`, [vb(`${IFX}.18.1`, T.OctetString, Buffer.from('uplink "core"'))]],
      [`${IF}.8`, [vb(`${IF}.8.1`, T.Integer, UP), vb(`${IF}.8.2`, T.Integer, DOWN)]],
      [`${IFX}.6`, [vb(`${IFX}.6.1`, T.Counter64, u64(2n ** 62n + 1n)), vb(`${IFX}.6.2`, T.Counter64, u64(0n))]],
      [`${IFX}.10`, [vb(`${IFX}.10.1`, T.NoSuchInstance, null)]],
    ]),
  };
}

describe("convertModule", () => {
  it("turns IF-MIB columns into snmp_exporter-named series with index and lookup labels", () => {
    const samples = convertModule(IF_MIB, ifResult(), base);
    const byKey = new Map(samples.map((s) => [`${s.name}/${Object.fromEntries(s.labels).ifIndex}`, s]));
    const hc1 = byKey.get("ifHCInOctets/1")!;
    expect(hc1.value).toBe((2n ** 62n + 1n).toString());
    expect(hc1.type).toBe("counter");
    expect(hc1.labels).toEqual([...base, ["ifIndex", "1"], ["ifAlias", 'uplink "core"'], ["ifDescr", "GigabitEthernet1/0/1"], ["ifName", "Gi1/0/1"]]);
    // a lookup missing for a row gives an empty label, like snmp_exporter
    expect(Object.fromEntries(byKey.get("ifOperStatus/2")!.labels).ifAlias).toBe("");
    expect(byKey.get("ifOperStatus/2")!.value).toBe(String(DOWN));
    // exceptions produce no sample
    expect(samples.filter((s) => s.name === "ifHCOutOctets")).toHaveLength(0);
    expect(samples).toHaveLength(4);
  });

  it("adds row labels from the labeler (link endpoints) only where it says so", () => {
    const samples = convertModule(IF_MIB, ifResult(), base, (_l, index) => (index === "1" ? [["link", "bb-setda"]] : undefined));
    const links = samples.map((s) => Object.fromEntries(s.labels).link);
    expect(links.filter((l) => l === "bb-setda")).toHaveLength(2);
    expect(links.filter((l) => l === undefined)).toHaveLength(2);
  });

  it("reads scalars and the system info series", () => {
    const r: ModuleResult = {
      scalars: new Map([
        ["1.3.6.1.2.1.1.3.0", vb("1.3.6.1.2.1.1.3.0", T.TimeTicks, 12345)],
        ["1.3.6.1.2.1.1.5.0", vb("1.3.6.1.2.1.1.5.0", T.OctetString, Buffer.from("core-1"))],
        ["1.3.6.1.2.1.1.1.0", vb("1.3.6.1.2.1.1.1.0", T.OctetString, Buffer.from("Cisco IOS\nline 2"))],
        ["1.3.6.1.2.1.1.2.0", vb("1.3.6.1.2.1.1.2.0", T.OID, "1.3.6.1.4.1.9.1.516")],
      ]),
      columns: new Map(),
    };
    const s = convertModule(SYSTEM, r, base);
    expect(s.map((x) => [x.name, x.value])).toEqual([["sysUpTime", "12345"], ["spbe_snmp_system_info", "1"]]);
    // A line break inside sysDescr becomes one space (label-text.ts): labels stay one line.
    expect(Object.fromEntries(s[1]!.labels)).toMatchObject({ sys_name: "core-1", sys_descr: "Cisco IOS line 2", sys_object_id: "1.3.6.1.4.1.9.1.516" });
  });

  it("reads UPS scalars and per-line tables", () => {
    const U = "1.3.6.1.2.1.33.1";
    const normal = mibEnumValue(N.UPS_BATTERY_STATUS, "batteryNormal");
    const battery = mibEnumValue(N.UPS_OUTPUT_SOURCE, "battery");
    const r: ModuleResult = {
      scalars: new Map([
        [`${U}.2.1.0`, vb(`${U}.2.1.0`, T.Integer, normal)],
        [`${U}.4.1.0`, vb(`${U}.4.1.0`, T.Integer, battery)],
      ]),
      columns: new Map([[`${U}.3.3.1.3`, [vb(`${U}.3.3.1.3.1`, T.Integer, 221)]]]),
    };
    const s = convertModule(UPS_MIB, r, base);
    expect(s.map((x) => `${x.name}${JSON.stringify(Object.fromEntries(x.labels.slice(4)))}=${x.value}`)).toEqual([
      `upsBatteryStatus{}=${normal}`,
      `upsOutputSource{}=${battery}`,
      'upsInputVoltage{"upsInputLineIndex":"1"}=221',
      "spbe_ups_on_battery{}=1", // derived: the output source is battery
    ]);
  });

  it("labels hrStorage rows with their description", () => {
    const H = "1.3.6.1.2.1.25.2.3.1";
    const r: ModuleResult = {
      scalars: new Map(),
      columns: new Map([
        [`${H}.3`, [vb(`${H}.3.1`, T.OctetString, Buffer.from("Physical memory"))]],
        [`${H}.6`, [vb(`${H}.6.1`, T.Integer, 1000)]],
      ]),
    };
    const s = convertModule(HOST_RESOURCES, r, base);
    expect(s).toHaveLength(1);
    expect(Object.fromEntries(s[0]!.labels)).toMatchObject({ hrStorageIndex: "1", hrStorageDescr: "Physical memory" });
  });
});
