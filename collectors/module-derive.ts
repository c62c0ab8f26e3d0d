// Series a module computes from its own samples, named so a module file can ask for them
// (`derive: counter32_wrap_risk`): the facts that are code, not data. Each is made for its module,
// so it reads the module's own enumeration (the number of "battery") instead of writing 5.
import * as N from "./metric-names";
import { counter32WrapRisk } from "./counter-width";
import { enumNumber } from "./mib-enum";
import type { ModuleDef } from "./module-def";
import type { Labels, Sample } from "./sample";
import { parseQuotaCounterLine, parseRouterOsQueueName, type QuotaDirection } from "../inventory/quota-names";

type Derive = NonNullable<ModuleDef["derive"]>;

/** What the module's file says of its objects: derive() is added after the file is read. */
type Tables = Omit<ModuleDef, "derive">;

function enumValuesOf(m: Tables, object: string) {
  const def = [...m.scalars, ...m.tables.flatMap((t) => t.columns)].find((o) => o.name === object);
  if (!def?.enumValues) throw new Error(`module ${m.name}: ${object} is not an enumerated object of the module`);
  return def.enumValues;
}

export const DERIVATIONS = {
  /** IF-MIB: per interface with only 32-bit octet counters, whether they can wrap within one poll. */
  counter32_wrap_risk: (): Derive => (samples, ctx) => (ctx.intervalSeconds === undefined ? [] : counter32WrapRisk(samples, ctx.intervalSeconds)),
  /** UPS-MIB: 1 while upsOutputSource is battery(5), else 0. */
  ups_on_battery: (m: Tables): Derive => {
    const onBattery = String(enumNumber(enumValuesOf(m, N.UPS_OUTPUT_SOURCE), "battery"));
    return (samples) =>
      samples
        .filter((s) => s.name === N.UPS_OUTPUT_SOURCE)
        .map((s) => ({ name: N.SPBE_UPS_ON_BATTERY, type: "gauge", help: `1 when the UPS runs on battery (upsOutputSource = ${onBattery}), else 0.`, labels: s.labels, value: s.value === onBattery ? "1" : "0" }));
  },
  /** NET-SNMP-EXTEND-MIB: the Linux quota gateway's report lines "<opd> <direction> <bytes>" → the OPD's internet bytes. */
  quota_counter_lines: (): Derive => (samples) =>
    samples.flatMap((s) => {
      if (s.name !== N.NS_EXTEND_OUT_LINE) return [];
      const line = s.labels.find(([k]) => k === N.NS_EXTEND_OUT_LINE)?.[1];
      const r = line === undefined ? undefined : parseQuotaCounterLine(line);
      return r ? [opdInternetBytes(s.labels, [N.NS_EXTEND_OUT_LINE, N.LABEL_NS_EXTEND_LINE_INDEX], r.opd, r.direction, r.bytes)] : [];
    }),
  /** MIKROTIK-MIB: the 64-bit byte counters of the quota backend's queues (spbe-<opd>-<direction>) → the OPD's internet bytes. */
  opd_queue_bytes: (): Derive => (samples) =>
    samples.flatMap((s) => {
      if (s.name !== N.MTXR_QUEUE_TREE_HC_BYTES) return [];
      const name = s.labels.find(([k]) => k === N.LABEL_MTXR_QUEUE_TREE_NAME)?.[1];
      const q = name === undefined ? undefined : parseRouterOsQueueName(name);
      return q ? [opdInternetBytes(s.labels, [N.LABEL_MTXR_QUEUE_TREE_NAME, N.LABEL_MTXR_QUEUE_TREE_INDEX], q.opd, q.direction, s.value)] : [];
    }),
} satisfies Record<string, (m: Tables) => Derive>;

/**
 * The row's base labels (device, site...) without the table's own, with the OPD and direction: the
 * OPD the traffic belongs to replaces the target's own `opd` label (the gateway's, the Dinas).
 */
function opdInternetBytes(labels: Labels, drop: string[], opd: string, direction: QuotaDirection, bytes: bigint | string): Sample {
  drop = [...drop, N.LABEL_OPD, N.LABEL_DIRECTION];
  return {
    name: N.SPBE_OPD_INTERNET_BYTES_TOTAL,
    type: "counter",
    help: "Bytes of the OPD's internet traffic through its shaping queue on the quota gateway.",
    labels: [...labels.filter(([k]) => !drop.includes(k)), [N.LABEL_OPD, opd], [N.LABEL_DIRECTION, direction]],
    value: String(bytes),
  };
}

/** Objects a derivation reads and that are not exported themselves (the report lines carry changing numbers). */
export const DERIVATION_CONSUMES: Partial<Record<DerivationName, readonly string[]>> = {
  quota_counter_lines: [N.NS_EXTEND_OUT_LINE],
};

export type DerivationName = keyof typeof DERIVATIONS;
export const DERIVATION_NAMES = Object.keys(DERIVATIONS) as DerivationName[];
