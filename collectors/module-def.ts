// The in-memory model of a MIB module, in the spirit of snmp_exporter's snmp.yml modules: which OIDs
// to GET or walk and how each becomes a metric. The module files (collectors/modules/*.yaml, and the
// user's files named in the inventory) are read into it by module-file.ts; the poller, the converter,
// the simulator and the snmp_exporter config generator all read it. Pure types and walk helpers.
import type { EnumValues } from "./mib-enum";
import type { MetricType, Sample } from "./sample";

/**
 * The SMIv2 type an agent answers with (SNMPv2-SMI names; DisplayString is the SNMPv2-TC text
 * convention over OCTET STRING, PhysAddress48 a 6-octet MAC (snmp_exporter's name for IF-MIB's
 * PhysAddress on Ethernet), OctetString binary bytes, ObjectIdentifier is OBJECT IDENTIFIER).
 * Enumerations are Integer32. How each string syntax becomes label text: label-text.ts.
 */
export const SNMP_SYNTAXES = ["Integer32", "Counter32", "Gauge32", "Counter64", "TimeTicks", "DisplayString", "PhysAddress48", "OctetString", "ObjectIdentifier"] as const;
export type SnmpSyntax = (typeof SNMP_SYNTAXES)[number];

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
  /** Many agents of the MIB lack this object (e.g. MikroTik's health scalars differ per board): its absence is not "partial". */
  optional?: boolean;
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
  /** Label that carries the row index (e.g. ifIndex); with innerIndexLabels, its first sub-identifier. */
  indexLabel: string;
  /**
   * A table with an INDEX of several integers (Printer-MIB's prtMarkerSuppliesTable: hrDeviceIndex,
   * prtMarkerSuppliesIndex): the labels of the sub-identifiers after the first, one each.
   */
  innerIndexLabels?: string[];
  columns: ColumnMetric[];
  lookups: LookupColumn[];
  /** Agents often have no rows here (a router without simple queues): an empty table is not "partial". */
  optional?: boolean;
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
  /** Objects only derive() reads: polled, not exported (module-derive.ts DERIVATION_CONSUMES). */
  consumed?: readonly string[];
  /**
   * Polled where the agent has it: many agents of the role do not implement the MIB, so an empty
   * walk is normal (its status still says "empty"; the SpbeSnmpModuleEmpty alert leaves it out).
   */
  optional?: boolean;
}

/** The labels a table row's index gives: [indexLabel, ...innerIndexLabels]. */
export function indexLabelsOf(t: TableDef): string[] {
  return [t.indexLabel, ...(t.innerIndexLabels ?? [])];
}

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
