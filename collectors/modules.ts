// MIB modules as data, in the spirit of snmp_exporter's snmp.yml modules: which OIDs to GET or walk
// and how each becomes a metric. The poller, the converter, the simulator and the snmp_exporter
// config generator (used by tests and the benchmark to do "the same work") all read these tables.
// They are also the one home of the MIB facts others need: each object's SNMP syntax (the
// simulator serves it) and the numbers of enumerated objects (alert rules and dashboards ask
// mibEnumValue() instead of writing 5 for "battery").
import type { DeviceRole } from "../inventory/schema";
import * as N from "./metric-names";
import { counter32WrapRisk } from "./counter-width";
import { enumLegend, enumNumber, type EnumNameOf, type EnumValues } from "./mib-enum";
import type { MetricType, Sample } from "./sample";
/**
 * The SMIv2 type an agent answers with (SNMPv2-SMI names; DisplayString is the SNMPv2-TC text
 * convention over OCTET STRING, PhysAddress48 a 6-octet MAC (snmp_exporter's name for IF-MIB's
 * PhysAddress on Ethernet), OctetString binary bytes, ObjectIdentifier is OBJECT IDENTIFIER).
 * Enumerations are Integer32. How each string syntax becomes label text: label-text.ts.
 */
export type SnmpSyntax = "Integer32" | "Counter32" | "Gauge32" | "Counter64" | "TimeTicks" | "DisplayString" | "PhysAddress48" | "OctetString" | "ObjectIdentifier";

/** String syntaxes: a column of one of these is exported as snmp_exporter does, value 1 with the text in a label named after the metric. */
export const STRING_SYNTAXES: ReadonlySet<SnmpSyntax> = new Set(["DisplayString", "PhysAddress48", "OctetString"]);

/** A scalar object: GET `${oid}.0`. */
export interface ScalarMetric {
  name: string;
  oid: string;
  type: MetricType;
  syntax: SnmpSyntax;
  help: string;
  /** The MIB's named numbers, when the SYNTAX is an enumeration (snmp_exporter: enum_values). */
  enumValues?: EnumValues;
}

/** A column of a conceptual table: walked; the OID suffix after `oid` is the row index. */
export interface ColumnMetric {
  name: string;
  oid: string;
  type: MetricType;
  syntax: SnmpSyntax;
  help: string;
  /** The MIB's named numbers, when the SYNTAX is an enumeration (snmp_exporter: enum_values). */
  enumValues?: EnumValues;
}

/** A column whose (string) value becomes a label on every metric of the same row. */
export interface LookupColumn {
  label: string;
  oid: string;
  syntax: SnmpSyntax;
}

export interface TableDef {
  /** Label that carries the row index (e.g. ifIndex). */
  indexLabel: string;
  columns: ColumnMetric[];
  lookups: LookupColumn[];
}

/** Scalars whose values become labels of one `info` series (value 1). */
export interface InfoDef {
  name: string;
  help: string;
  labels: LookupColumn[]; // oid without .0
}

/** What a module's derive() may know besides its samples. */
export interface DeriveContext {
  /** The target's poll interval; unknown outside a poller (series that need it are then left out). */
  intervalSeconds?: number;
}

export interface ModuleDef {
  name: string;
  scalars: ScalarMetric[];
  info?: InfoDef;
  tables: TableDef[];
  /** Series computed from this module's own samples (pure), e.g. "on battery" from the output source. */
  derive?: (samples: Sample[], ctx: DeriveContext) => Sample[];
  /**
   * Polled where the agent has it: many agents of the role do not implement the MIB, so an empty
   * walk is normal (its status still says "empty"; the SpbeSnmpModuleEmpty alert leaves it out).
   */
  optional?: boolean;
}

const SYS = "1.3.6.1.2.1.1";
export const SYSTEM: ModuleDef = {
  name: "system",
  scalars: [{ name: N.SYS_UPTIME, oid: `${SYS}.3`, type: "gauge", syntax: "TimeTicks", help: "The time (in hundredths of a second) since the network management portion of the system was last re-initialized. - 1.3.6.1.2.1.1.3" }],
  info: {
    name: N.SYS_INFO,
    help: "System identification (SNMPv2-MIB sysName, sysDescr, sysObjectID); value is always 1.",
    labels: [
      { label: N.LABEL_SYS_NAME, oid: `${SYS}.5`, syntax: "DisplayString" },
      { label: N.LABEL_SYS_DESCR, oid: `${SYS}.1`, syntax: "DisplayString" },
      { label: N.LABEL_SYS_OBJECT_ID, oid: `${SYS}.2`, syntax: "ObjectIdentifier" },
    ],
  },
  tables: [],
};

const IF = "1.3.6.1.2.1.2.2.1";
const IFX = "1.3.6.1.2.1.31.1.1.1";

/** IF-MIB (RFC 2863) ifAdminStatus. */
const ifAdminStatus = {
  name: N.IF_ADMIN_STATUS,
  oid: `${IF}.7`,
  type: "gauge",
  syntax: "Integer32",
  help: "The desired state of the interface. - 1.3.6.1.2.1.2.2.1.7",
  enumValues: { 1: "up", 2: "down", 3: "testing" },
} as const satisfies ColumnMetric;

/** IF-MIB (RFC 2863) ifOperStatus. */
const ifOperStatus = {
  name: N.IF_OPER_STATUS,
  oid: `${IF}.8`,
  type: "gauge",
  syntax: "Integer32",
  help: "The current operational state of the interface. - 1.3.6.1.2.1.2.2.1.8",
  enumValues: { 1: "up", 2: "down", 3: "testing", 4: "unknown", 5: "dormant", 6: "notPresent", 7: "lowerLayerDown" },
} as const satisfies ColumnMetric;

export const IF_MIB: ModuleDef = {
  name: "if_mib",
  scalars: [],
  tables: [
    {
      indexLabel: N.LABEL_IF_INDEX,
      lookups: [
        { label: N.LABEL_IF_ALIAS, oid: `${IFX}.18`, syntax: "DisplayString" },
        { label: N.LABEL_IF_DESCR, oid: `${IF}.2`, syntax: "DisplayString" },
        { label: N.LABEL_IF_NAME, oid: `${IFX}.1`, syntax: "DisplayString" },
      ],
      columns: [
        { name: N.IF_MTU, oid: `${IF}.4`, type: "gauge", syntax: "Integer32", help: "The size of the largest packet which can be sent/received on the interface, specified in octets. - 1.3.6.1.2.1.2.2.1.4" },
        { name: N.IF_PHYS_ADDRESS, oid: `${IF}.6`, type: "gauge", syntax: "PhysAddress48", help: "The interface's address at its protocol sub-layer. - 1.3.6.1.2.1.2.2.1.6" },
        { name: N.IF_SPEED, oid: `${IF}.5`, type: "gauge", syntax: "Gauge32", help: "An estimate of the interface's current bandwidth in bits per second. - 1.3.6.1.2.1.2.2.1.5" },
        ifAdminStatus,
        ifOperStatus,
        { name: N.IF_LAST_CHANGE, oid: `${IF}.9`, type: "gauge", syntax: "TimeTicks", help: "The value of sysUpTime at the time the interface entered its current operational state. - 1.3.6.1.2.1.2.2.1.9" },
        // The 32-bit counters too: agents without ifXTable have nothing else (derived rates and the
        // dashboards use the HC counters where the interface has them, these otherwise).
        { name: N.IF_IN_OCTETS, oid: `${IF}.10`, type: "counter", syntax: "Counter32", help: "The total number of octets received on the interface, including framing characters. - 1.3.6.1.2.1.2.2.1.10" },
        { name: N.IF_IN_UCAST_PKTS, oid: `${IF}.11`, type: "counter", syntax: "Counter32", help: "The number of packets, delivered by this sub-layer to a higher (sub-)layer, which were not addressed to a multicast or broadcast address at this sub-layer. - 1.3.6.1.2.1.2.2.1.11" },
        { name: N.IF_IN_DISCARDS, oid: `${IF}.13`, type: "counter", syntax: "Counter32", help: "The number of inbound packets which were chosen to be discarded even though no errors had been detected. - 1.3.6.1.2.1.2.2.1.13" },
        { name: N.IF_IN_ERRORS, oid: `${IF}.14`, type: "counter", syntax: "Counter32", help: "The number of inbound packets that contained errors. - 1.3.6.1.2.1.2.2.1.14" },
        { name: N.IF_OUT_OCTETS, oid: `${IF}.16`, type: "counter", syntax: "Counter32", help: "The total number of octets transmitted out of the interface, including framing characters. - 1.3.6.1.2.1.2.2.1.16" },
        { name: N.IF_OUT_UCAST_PKTS, oid: `${IF}.17`, type: "counter", syntax: "Counter32", help: "The total number of packets that higher-level protocols requested be transmitted, and which were not addressed to a multicast or broadcast address at this sub-layer, including those that were discarded or not sent. - 1.3.6.1.2.1.2.2.1.17" },
        { name: N.IF_OUT_DISCARDS, oid: `${IF}.19`, type: "counter", syntax: "Counter32", help: "The number of outbound packets which were chosen to be discarded even though no errors had been detected. - 1.3.6.1.2.1.2.2.1.19" },
        { name: N.IF_OUT_ERRORS, oid: `${IF}.20`, type: "counter", syntax: "Counter32", help: "The number of outbound packets that could not be transmitted because of errors. - 1.3.6.1.2.1.2.2.1.20" },
        { name: N.IF_HC_IN_OCTETS, oid: `${IFX}.6`, type: "counter", syntax: "Counter64", help: "The total number of octets received on the interface, including framing characters (64-bit). - 1.3.6.1.2.1.31.1.1.1.6" },
        { name: N.IF_HC_IN_UCAST_PKTS, oid: `${IFX}.7`, type: "counter", syntax: "Counter64", help: "The number of unicast packets delivered to a higher-layer protocol (64-bit). - 1.3.6.1.2.1.31.1.1.1.7" },
        { name: N.IF_HC_OUT_OCTETS, oid: `${IFX}.10`, type: "counter", syntax: "Counter64", help: "The total number of octets transmitted out of the interface, including framing characters (64-bit). - 1.3.6.1.2.1.31.1.1.1.10" },
        { name: N.IF_HC_OUT_UCAST_PKTS, oid: `${IFX}.11`, type: "counter", syntax: "Counter64", help: "The total number of unicast packets requested to be transmitted (64-bit). - 1.3.6.1.2.1.31.1.1.1.11" },
        { name: N.IF_HIGH_SPEED, oid: `${IFX}.15`, type: "gauge", syntax: "Gauge32", help: "An estimate of the interface's current bandwidth in units of 1,000,000 bits per second. - 1.3.6.1.2.1.31.1.1.1.15" },
      ],
    },
  ],
  derive: (samples, ctx) => (ctx.intervalSeconds === undefined ? [] : counter32WrapRisk(samples, ctx.intervalSeconds)),
};

const HR = "1.3.6.1.2.1.25";
export const HOST_RESOURCES: ModuleDef = {
  name: "host_resources",
  scalars: [{ name: N.HR_SYSTEM_UPTIME, oid: `${HR}.1.1`, type: "gauge", syntax: "TimeTicks", help: "The amount of time since this host was last initialized (hundredths of a second). - 1.3.6.1.2.1.25.1.1" }],
  tables: [
    {
      indexLabel: N.LABEL_HR_DEVICE_INDEX,
      lookups: [],
      columns: [{ name: N.HR_PROCESSOR_LOAD, oid: `${HR}.3.3.1.2`, type: "gauge", syntax: "Integer32", help: "The average, over the last minute, of the percentage of time that this processor was not idle. - 1.3.6.1.2.1.25.3.3.1.2" }],
    },
    {
      indexLabel: N.LABEL_HR_STORAGE_INDEX,
      lookups: [{ label: N.LABEL_HR_STORAGE_DESCR, oid: `${HR}.2.3.1.3`, syntax: "DisplayString" }],
      columns: [
        { name: N.HR_STORAGE_ALLOCATION_UNITS, oid: `${HR}.2.3.1.4`, type: "gauge", syntax: "Integer32", help: "The size, in bytes, of the data objects allocated from this pool. - 1.3.6.1.2.1.25.2.3.1.4" },
        { name: N.HR_STORAGE_SIZE, oid: `${HR}.2.3.1.5`, type: "gauge", syntax: "Integer32", help: "The size of the storage represented by this entry, in units of hrStorageAllocationUnits. - 1.3.6.1.2.1.25.2.3.1.5" },
        { name: N.HR_STORAGE_USED, oid: `${HR}.2.3.1.6`, type: "gauge", syntax: "Integer32", help: "The amount of the storage represented by this entry that is allocated, in units of hrStorageAllocationUnits. - 1.3.6.1.2.1.25.2.3.1.6" },
      ],
    },
  ],
};

const UPS = "1.3.6.1.2.1.33.1";

/** UPS-MIB (RFC 1628) upsBatteryStatus. */
const UPS_BATTERY_STATUS_VALUES = { 1: "unknown", 2: "batteryNormal", 3: "batteryLow", 4: "batteryDepleted" } as const;
const upsBatteryStatus = {
  name: N.UPS_BATTERY_STATUS,
  oid: `${UPS}.2.1`,
  type: "gauge",
  syntax: "Integer32",
  help: `The indication of the capacity remaining in the UPS system's batteries (${enumLegend(UPS_BATTERY_STATUS_VALUES, undefined, (n) => n.replace(/^battery/, "").toLowerCase())}). - 1.3.6.1.2.1.33.1.2.1`,
  enumValues: UPS_BATTERY_STATUS_VALUES,
} as const satisfies ScalarMetric;

/** UPS-MIB (RFC 1628) upsOutputSource. */
const UPS_OUTPUT_SOURCE_VALUES = { 1: "other", 2: "none", 3: "normal", 4: "bypass", 5: "battery", 6: "booster", 7: "reducer" } as const;
const upsOutputSource = {
  name: N.UPS_OUTPUT_SOURCE,
  oid: `${UPS}.4.1`,
  type: "gauge",
  syntax: "Integer32",
  help: `The present source of output power (${enumLegend(UPS_OUTPUT_SOURCE_VALUES, ["normal", "bypass", "battery"])}, ...). - 1.3.6.1.2.1.33.1.4.1`,
  enumValues: UPS_OUTPUT_SOURCE_VALUES,
} as const satisfies ScalarMetric;

const ON_BATTERY = enumNumber(UPS_OUTPUT_SOURCE_VALUES, "battery");

export const UPS_MIB: ModuleDef = {
  name: "ups_mib",
  scalars: [
    upsBatteryStatus,
    { name: N.UPS_SECONDS_ON_BATTERY, oid: `${UPS}.2.2`, type: "gauge", syntax: "Integer32", help: "Seconds since the UPS last switched to battery power, or 0. - 1.3.6.1.2.1.33.1.2.2" },
    { name: N.UPS_ESTIMATED_MINUTES_REMAINING, oid: `${UPS}.2.3`, type: "gauge", syntax: "Integer32", help: "An estimate of the time to battery charge depletion, in minutes. - 1.3.6.1.2.1.33.1.2.3" },
    { name: N.UPS_ESTIMATED_CHARGE_REMAINING, oid: `${UPS}.2.4`, type: "gauge", syntax: "Integer32", help: "An estimate of the battery charge remaining expressed as a percent of full charge. - 1.3.6.1.2.1.33.1.2.4" },
    upsOutputSource,
  ],
  tables: [
    {
      indexLabel: N.LABEL_UPS_INPUT_LINE,
      lookups: [],
      columns: [{ name: N.UPS_INPUT_VOLTAGE, oid: `${UPS}.3.3.1.3`, type: "gauge", syntax: "Integer32", help: "The magnitude of the present input voltage, RMS volts. - 1.3.6.1.2.1.33.1.3.3.1.3" }],
    },
    {
      indexLabel: N.LABEL_UPS_OUTPUT_LINE,
      lookups: [],
      columns: [
        { name: N.UPS_OUTPUT_VOLTAGE, oid: `${UPS}.4.4.1.2`, type: "gauge", syntax: "Integer32", help: "The present output voltage, RMS volts. - 1.3.6.1.2.1.33.1.4.4.1.2" },
        { name: N.UPS_OUTPUT_PERCENT_LOAD, oid: `${UPS}.4.4.1.5`, type: "gauge", syntax: "Integer32", help: "The percentage of the UPS power capacity presently being used on this output line. - 1.3.6.1.2.1.33.1.4.4.1.5" },
      ],
    },
  ],
  derive: (samples) =>
    samples
      .filter((s) => s.name === N.UPS_OUTPUT_SOURCE)
      .map((s) => ({ name: N.SPBE_UPS_ON_BATTERY, type: "gauge", help: `1 when the UPS runs on battery (upsOutputSource = ${ON_BATTERY}), else 0.`, labels: s.labels, value: s.value === String(ON_BATTERY) ? "1" : "0" })),
};

const ENTS = "1.3.6.1.2.1.99.1.1.1";

/** ENTITY-SENSOR-MIB (RFC 3433) entPhySensorType: EntitySensorDataType. */
const entPhySensorType = {
  name: N.ENT_PHY_SENSOR_TYPE,
  oid: `${ENTS}.1`,
  type: "gauge",
  syntax: "Integer32",
  help: "The type of data returned by the associated entPhySensorValue object. - 1.3.6.1.2.1.99.1.1.1.1",
  enumValues: { 1: "other", 2: "unknown", 3: "voltsAC", 4: "voltsDC", 5: "amperes", 6: "watts", 7: "hertz", 8: "celsius", 9: "percentRH", 10: "rpm", 11: "cmm", 12: "truthvalue" },
} as const satisfies ColumnMetric;

/** ENTITY-SENSOR-MIB (RFC 3433) entPhySensorScale: EntitySensorDataScale (exa(14) before peta(15) as in the RFC). */
const entPhySensorScale = {
  name: N.ENT_PHY_SENSOR_SCALE,
  oid: `${ENTS}.2`,
  type: "gauge",
  syntax: "Integer32",
  help: "The exponent to apply to values returned by the associated entPhySensorValue object. - 1.3.6.1.2.1.99.1.1.1.2",
  enumValues: { 1: "yocto", 2: "zepto", 3: "atto", 4: "femto", 5: "pico", 6: "nano", 7: "micro", 8: "milli", 9: "units", 10: "kilo", 11: "mega", 12: "giga", 13: "tera", 14: "exa", 15: "peta", 16: "zetta", 17: "yotta" },
} as const satisfies ColumnMetric;

/** ENTITY-SENSOR-MIB (RFC 3433) entPhySensorOperStatus: EntitySensorStatus. */
const entPhySensorOperStatus = {
  name: N.ENT_PHY_SENSOR_OPER_STATUS,
  oid: `${ENTS}.5`,
  type: "gauge",
  syntax: "Integer32",
  help: "The operational status of the sensor. - 1.3.6.1.2.1.99.1.1.1.5",
  enumValues: { 1: "ok", 2: "unavailable", 3: "nonoperational" },
} as const satisfies ColumnMetric;

export const ENTITY_SENSOR: ModuleDef = {
  name: "entity_sensor",
  // Routers and switches without sensors (or without ENTITY-SENSOR-MIB) answer nothing here.
  optional: true,
  scalars: [],
  tables: [
    {
      indexLabel: N.LABEL_ENT_PHYSICAL_INDEX,
      lookups: [],
      columns: [
        entPhySensorType,
        entPhySensorScale,
        { name: N.ENT_PHY_SENSOR_PRECISION, oid: `${ENTS}.3`, type: "gauge", syntax: "Integer32", help: "The number of decimal places of precision in fixed-point sensor values. - 1.3.6.1.2.1.99.1.1.1.3" },
        { name: N.ENT_PHY_SENSOR_VALUE, oid: `${ENTS}.4`, type: "gauge", syntax: "Integer32", help: "The most recent measurement obtained by the agent for this sensor. - 1.3.6.1.2.1.99.1.1.1.4" },
        entPhySensorOperStatus,
      ],
    },
  ],
};

/** Every object above whose SYNTAX is an enumeration: what mibEnumValue() can be asked about. */
const ENUMERATED = [ifAdminStatus, ifOperStatus, upsBatteryStatus, upsOutputSource, entPhySensorType, entPhySensorScale, entPhySensorOperStatus] as const;
type Enumerated = (typeof ENUMERATED)[number];

/** Metric names of the enumerated objects (e.g. N.UPS_OUTPUT_SOURCE). */
export type EnumeratedObject = Enumerated["name"];
/** The MIB's names of one object's values (e.g. "battery" for upsOutputSource). */
export type EnumName<O extends EnumeratedObject> = EnumNameOf<Extract<Enumerated, { name: O }>["enumValues"]>;

/** The number the MIB gives `name` in `object`, e.g. mibEnumValue(N.UPS_OUTPUT_SOURCE, "battery"). */
export function mibEnumValue<O extends EnumeratedObject>(object: O, name: EnumName<O>): number {
  const def = ENUMERATED.find((e) => e.name === object);
  if (!def) throw new Error(`${object} is not an enumerated object of the module tables`);
  return enumNumber<EnumValues>(def.enumValues, name);
}

export const MODULES = {
  system: SYSTEM,
  if_mib: IF_MIB,
  host_resources: HOST_RESOURCES,
  ups_mib: UPS_MIB,
  entity_sensor: ENTITY_SENSOR,
} satisfies Record<string, ModuleDef>;

export type ModuleName = keyof typeof MODULES;

/** Modules whose empty walk is a problem (every module not marked optional). */
export function requiredModuleNames(): ModuleName[] {
  return (Object.keys(MODULES) as ModuleName[]).filter((n) => !(MODULES[n] as ModuleDef).optional);
}

/** The module a target's module name stands for (targets carry names; undefined for an unknown one). */
export function moduleNamed(name: string): ModuleDef | undefined {
  return Object.hasOwn(MODULES, name) ? MODULES[name as ModuleName] : undefined;
}

/** Which modules each device role is polled with: a new role fails type-checking until it has its modules. */
export const ROLE_MODULES: Record<DeviceRole, ModuleName[]> = {
  router: ["system", "if_mib", "entity_sensor"],
  switch: ["system", "if_mib", "entity_sensor"],
  firewall: ["system", "if_mib", "entity_sensor"],
  gateway: ["system", "if_mib", "host_resources"],
  "access-point": ["system", "if_mib"],
  server: ["system", "if_mib", "host_resources"],
  ups: ["system", "ups_mib"],
};

/** Poll interval per role (seconds): UPS and servers change slowly compared with traffic counters. */
export const ROLE_INTERVAL_SECONDS: Record<DeviceRole, number> = {
  router: 30,
  switch: 30,
  firewall: 30,
  gateway: 15,
  "access-point": 60,
  server: 60,
  ups: 60,
};

/** Every OID a module walks (table columns and lookups), in walk order. */
export function walkedColumns(m: ModuleDef): string[] {
  const out: string[] = [];
  for (const t of m.tables) {
    for (const l of t.lookups) out.push(l.oid);
    for (const c of t.columns) out.push(c.oid);
  }
  return out;
}

/** Every scalar OID a module GETs (with the .0 instance). */
export function scalarOids(m: ModuleDef): string[] {
  return [...m.scalars.map((s) => `${s.oid}.0`), ...(m.info?.labels.map((l) => `${l.oid}.0`) ?? [])];
}
