// MIB enumerations (an INTEGER SYNTAX with named numbers, e.g. IF-MIB ifOperStatus up(1), down(2)):
// the shape snmp_exporter's generator writes as `enum_values` (number → name), and the two things
// the rest of the project asks of one. The enumerations themselves are written once, on the
// objects of the module tables (modules.ts).

/** number → the name the MIB gives it. */
export type EnumValues = Readonly<Record<number, string>>;

/** The names of an enumeration, as a type (typos in a name fail type-checking). */
export type EnumNameOf<V extends EnumValues> = Extract<V[keyof V], string>;

/** The number the enumeration gives `name`. */
export function enumNumber<V extends EnumValues>(values: V, name: EnumNameOf<V>): number {
  const found = Object.entries(values).find(([, n]) => n === name);
  if (!found) throw new Error(`no value named ${String(name)} in ${JSON.stringify(values)}`);
  return Number(found[0]);
}

/**
 * "<number> <name>, ..." for a HELP text: each of `names` (default: all) in number order; `short`
 * shortens a name for reading (e.g. batteryLow → low).
 */
export function enumLegend<V extends EnumValues>(values: V, names?: readonly EnumNameOf<V>[], short: (name: string) => string = (n) => n): string {
  return Object.entries(values)
    .filter(([, name]) => names === undefined || names.includes(name as EnumNameOf<V>))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([n, name]) => `${n} ${short(name)}`)
    .join(", ");
}
