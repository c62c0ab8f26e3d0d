// MIB modules as data, in the spirit of snmp_exporter's snmp.yml modules: which OIDs to GET or walk
// and how each becomes a metric. The poller, the converter, the simulator and the snmp_exporter
// config generator (used by tests and the benchmark to do "the same work") all read these tables.
import * as N from "./metric-names";
import type { MetricType, Sample } from "./sample";

/** A scalar object: GET `${oid}.0`. */
export interface ScalarMetric {
  name: string;
  oid: string;
  type: MetricType;
  help: string;
}

/** A column of a conceptual table: walked; the OID suffix after `oid` is the row index. */
export interface ColumnMetric {
  name: string;
  oid: string;
  type: MetricType;
  help: string;
}

/** A column whose (string) value becomes a label on every metric of the same row. */
export interface LookupColumn {
  label: string;
  oid: string;
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

export interface ModuleDef {
  name: string;
  scalars: ScalarMetric[];
  info?: InfoDef;
  tables: TableDef[];
  /** Series computed from this module's own samples (pure), e.g. "on battery" from the output source. */
  derive?: (samples: Sample[]) => Sample[];
}

export const SYSTEM: ModuleDef = {
  name: "system",
  scalars: [{ name: N.SYS_UPTIME, oid: "1.3.6.1.2.1.1.3", type: "gauge", help: "The time (in hundredths of a second) since the network management portion of the system was last re-initialized. - 1.3.6.1.2.1.1.3" }],
  info: {
    name: N.SYS_INFO,
    help: "System identification (SNMPv2-MIB sysName, sysDescr, sysObjectID); value is always 1.",
    labels: [
      { label: "sys_name", oid: "1.3.6.1.2.1.1.5" },
      { label: "sys_descr", oid: "1.3.6.1.2.1.1.1" },
      { label: "sys_object_id", oid: "1.3.6.1.2.1.1.2" },
    ],
  },
  tables: [],
};

const IF = "1.3.6.1.2.1.2.2.1";
const IFX = "1.3.6.1.2.1.31.1.1.1";

export const IF_MIB: ModuleDef = {
  name: "if_mib",
  scalars: [],
  tables: [
    {
      indexLabel: N.LABEL_IF_INDEX,
      lookups: [
        { label: N.LABEL_IF_ALIAS, oid: `${IFX}.18` },
        { label: N.LABEL_IF_DESCR, oid: `${IF}.2` },
        { label: N.LABEL_IF_NAME, oid: `${IFX}.1` },
      ],
      columns: [
        { name: N.IF_MTU, oid: `${IF}.4`, type: "gauge", help: "The size of the largest packet which can be sent/received on the interface, specified in octets. - 1.3.6.1.2.1.2.2.1.4" },
        { name: N.IF_ADMIN_STATUS, oid: `${IF}.7`, type: "gauge", help: "The desired state of the interface. - 1.3.6.1.2.1.2.2.1.7" },
        { name: N.IF_OPER_STATUS, oid: `${IF}.8`, type: "gauge", help: "The current operational state of the interface. - 1.3.6.1.2.1.2.2.1.8" },
        { name: N.IF_LAST_CHANGE, oid: `${IF}.9`, type: "gauge", help: "The value of sysUpTime at the time the interface entered its current operational state. - 1.3.6.1.2.1.2.2.1.9" },
        { name: N.IF_IN_DISCARDS, oid: `${IF}.13`, type: "counter", help: "The number of inbound packets which were chosen to be discarded even though no errors had been detected. - 1.3.6.1.2.1.2.2.1.13" },
        { name: N.IF_IN_ERRORS, oid: `${IF}.14`, type: "counter", help: "The number of inbound packets that contained errors. - 1.3.6.1.2.1.2.2.1.14" },
        { name: N.IF_OUT_DISCARDS, oid: `${IF}.19`, type: "counter", help: "The number of outbound packets which were chosen to be discarded even though no errors had been detected. - 1.3.6.1.2.1.2.2.1.19" },
        { name: N.IF_OUT_ERRORS, oid: `${IF}.20`, type: "counter", help: "The number of outbound packets that could not be transmitted because of errors. - 1.3.6.1.2.1.2.2.1.20" },
        { name: N.IF_HC_IN_OCTETS, oid: `${IFX}.6`, type: "counter", help: "The total number of octets received on the interface, including framing characters (64-bit). - 1.3.6.1.2.1.31.1.1.1.6" },
        { name: N.IF_HC_IN_UCAST_PKTS, oid: `${IFX}.7`, type: "counter", help: "The number of unicast packets delivered to a higher-layer protocol (64-bit). - 1.3.6.1.2.1.31.1.1.1.7" },
        { name: N.IF_HC_OUT_OCTETS, oid: `${IFX}.10`, type: "counter", help: "The total number of octets transmitted out of the interface, including framing characters (64-bit). - 1.3.6.1.2.1.31.1.1.1.10" },
        { name: N.IF_HC_OUT_UCAST_PKTS, oid: `${IFX}.11`, type: "counter", help: "The total number of unicast packets requested to be transmitted (64-bit). - 1.3.6.1.2.1.31.1.1.1.11" },
        { name: N.IF_HIGH_SPEED, oid: `${IFX}.15`, type: "gauge", help: "An estimate of the interface's current bandwidth in units of 1,000,000 bits per second. - 1.3.6.1.2.1.31.1.1.1.15" },
      ],
    },
  ],
};

const HR = "1.3.6.1.2.1.25";
export const HOST_RESOURCES: ModuleDef = {
  name: "host_resources",
  scalars: [{ name: N.HR_SYSTEM_UPTIME, oid: `${HR}.1.1`, type: "gauge", help: "The amount of time since this host was last initialized (hundredths of a second). - 1.3.6.1.2.1.25.1.1" }],
  tables: [
    {
      indexLabel: N.LABEL_HR_DEVICE_INDEX,
      lookups: [],
      columns: [{ name: N.HR_PROCESSOR_LOAD, oid: `${HR}.3.3.1.2`, type: "gauge", help: "The average, over the last minute, of the percentage of time that this processor was not idle. - 1.3.6.1.2.1.25.3.3.1.2" }],
    },
    {
      indexLabel: N.LABEL_HR_STORAGE_INDEX,
      lookups: [{ label: N.LABEL_HR_STORAGE_DESCR, oid: `${HR}.2.3.1.3` }],
      columns: [
        { name: N.HR_STORAGE_ALLOCATION_UNITS, oid: `${HR}.2.3.1.4`, type: "gauge", help: "The size, in bytes, of the data objects allocated from this pool. - 1.3.6.1.2.1.25.2.3.1.4" },
        { name: N.HR_STORAGE_SIZE, oid: `${HR}.2.3.1.5`, type: "gauge", help: "The size of the storage represented by this entry, in units of hrStorageAllocationUnits. - 1.3.6.1.2.1.25.2.3.1.5" },
        { name: N.HR_STORAGE_USED, oid: `${HR}.2.3.1.6`, type: "gauge", help: "The amount of the storage represented by this entry that is allocated, in units of hrStorageAllocationUnits. - 1.3.6.1.2.1.25.2.3.1.6" },
      ],
    },
  ],
};

const UPS = "1.3.6.1.2.1.33.1";
export const UPS_MIB: ModuleDef = {
  name: "ups_mib",
  scalars: [
    { name: N.UPS_BATTERY_STATUS, oid: `${UPS}.2.1`, type: "gauge", help: "The indication of the capacity remaining in the UPS system's batteries (1 unknown, 2 normal, 3 low, 4 depleted). - 1.3.6.1.2.1.33.1.2.1" },
    { name: N.UPS_SECONDS_ON_BATTERY, oid: `${UPS}.2.2`, type: "gauge", help: "Seconds since the UPS last switched to battery power, or 0. - 1.3.6.1.2.1.33.1.2.2" },
    { name: N.UPS_ESTIMATED_MINUTES_REMAINING, oid: `${UPS}.2.3`, type: "gauge", help: "An estimate of the time to battery charge depletion, in minutes. - 1.3.6.1.2.1.33.1.2.3" },
    { name: N.UPS_ESTIMATED_CHARGE_REMAINING, oid: `${UPS}.2.4`, type: "gauge", help: "An estimate of the battery charge remaining expressed as a percent of full charge. - 1.3.6.1.2.1.33.1.2.4" },
    { name: N.UPS_OUTPUT_SOURCE, oid: `${UPS}.4.1`, type: "gauge", help: "The present source of output power (3 normal, 4 bypass, 5 battery, ...). - 1.3.6.1.2.1.33.1.4.1" },
  ],
  tables: [
    {
      indexLabel: N.LABEL_UPS_INPUT_LINE,
      lookups: [],
      columns: [{ name: N.UPS_INPUT_VOLTAGE, oid: `${UPS}.3.3.1.3`, type: "gauge", help: "The magnitude of the present input voltage, RMS volts. - 1.3.6.1.2.1.33.1.3.3.1.3" }],
    },
    {
      indexLabel: N.LABEL_UPS_OUTPUT_LINE,
      lookups: [],
      columns: [
        { name: N.UPS_OUTPUT_VOLTAGE, oid: `${UPS}.4.4.1.2`, type: "gauge", help: "The present output voltage, RMS volts. - 1.3.6.1.2.1.33.1.4.4.1.2" },
        { name: N.UPS_OUTPUT_PERCENT_LOAD, oid: `${UPS}.4.4.1.5`, type: "gauge", help: "The percentage of the UPS power capacity presently being used on this output line. - 1.3.6.1.2.1.33.1.4.4.1.5" },
      ],
    },
  ],
  derive: (samples) =>
    samples
      .filter((s) => s.name === N.UPS_OUTPUT_SOURCE)
      .map((s) => ({ name: N.SPBE_UPS_ON_BATTERY, type: "gauge", help: "1 when the UPS runs on battery (upsOutputSource = 5), else 0.", labels: s.labels, value: s.value === "5" ? "1" : "0" })),
};

const ENTS = "1.3.6.1.2.1.99.1.1.1";
export const ENTITY_SENSOR: ModuleDef = {
  name: "entity_sensor",
  scalars: [],
  tables: [
    {
      indexLabel: N.LABEL_ENT_PHYSICAL_INDEX,
      lookups: [],
      columns: [
        { name: N.ENT_PHY_SENSOR_TYPE, oid: `${ENTS}.1`, type: "gauge", help: "The type of data returned by the associated entPhySensorValue object. - 1.3.6.1.2.1.99.1.1.1.1" },
        { name: N.ENT_PHY_SENSOR_SCALE, oid: `${ENTS}.2`, type: "gauge", help: "The exponent to apply to values returned by the associated entPhySensorValue object. - 1.3.6.1.2.1.99.1.1.1.2" },
        { name: N.ENT_PHY_SENSOR_PRECISION, oid: `${ENTS}.3`, type: "gauge", help: "The number of decimal places of precision in fixed-point sensor values. - 1.3.6.1.2.1.99.1.1.1.3" },
        { name: N.ENT_PHY_SENSOR_VALUE, oid: `${ENTS}.4`, type: "gauge", help: "The most recent measurement obtained by the agent for this sensor. - 1.3.6.1.2.1.99.1.1.1.4" },
        { name: N.ENT_PHY_SENSOR_OPER_STATUS, oid: `${ENTS}.5`, type: "gauge", help: "The operational status of the sensor. - 1.3.6.1.2.1.99.1.1.1.5" },
      ],
    },
  ],
};

export const MODULES: Record<string, ModuleDef> = {
  system: SYSTEM,
  if_mib: IF_MIB,
  host_resources: HOST_RESOURCES,
  ups_mib: UPS_MIB,
  entity_sensor: ENTITY_SENSOR,
};

/** Which modules each device role is polled with. */
export const ROLE_MODULES: Record<string, string[]> = {
  router: ["system", "if_mib", "entity_sensor"],
  switch: ["system", "if_mib", "entity_sensor"],
  firewall: ["system", "if_mib", "entity_sensor"],
  gateway: ["system", "if_mib", "host_resources"],
  "access-point": ["system", "if_mib"],
  server: ["system", "if_mib", "host_resources"],
  ups: ["system", "ups_mib"],
};

/** Poll interval per role (seconds): UPS and servers change slowly compared with traffic counters. */
export const ROLE_INTERVAL_SECONDS: Record<string, number> = {
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
