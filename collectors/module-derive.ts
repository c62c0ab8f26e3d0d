// Series a module computes from its own samples, named so a module file can ask for them
// (`derive: counter32_wrap_risk`): the facts that are code, not data. Each is made for its module,
// so it reads the module's own enumeration (the number of "battery") instead of writing 5.
import * as N from "./metric-names";
import { counter32WrapRisk } from "./counter-width";
import { enumNumber } from "./mib-enum";
import type { ModuleDef } from "./module-def";

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
} satisfies Record<string, (m: Tables) => Derive>;

export type DerivationName = keyof typeof DERIVATIONS;
export const DERIVATION_NAMES = Object.keys(DERIVATIONS) as DerivationName[];
