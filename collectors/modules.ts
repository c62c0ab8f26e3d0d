// The shipped MIB modules, read from their files (collectors/modules/*.yaml, beside this file in the
// sources and in dist/ alike: `npm run build` copies them), and what the rest of the project asks of
// them: a module by name, the modules of a device role or vendor, the number of an enumeration's
// name (alert rules and dashboards ask mibEnumValue() instead of writing 5 for "battery").
// The in-memory model is module-def.ts; a file is read by module-file.ts; user files named in the
// inventory join these in module-catalog.ts.
import { join } from "node:path";
import type { Device, DeviceRole, Inventory } from "../inventory/schema";
import { gatewayKindOf, ROUTEROS_VENDOR } from "../inventory/quota-check";
import { renderDiagnostic } from "../inventory/diagnostics";
import { enumNumber } from "./mib-enum";
import type { ModuleDef } from "./module-def";
import { readModuleFile } from "./module-file";
import { BUILTIN_MODULES_DIR, shippedModuleFiles } from "./shipped-modules";

export type { ColumnMetric, DeriveContext, InfoDef, LookupColumn, ModuleDef, ScalarMetric, SnmpSyntax, TableDef } from "./module-def";
export { indexLabelsOf, scalarOids, STRING_SYNTAXES, walkedColumns } from "./module-def";

export { BUILTIN_MODULES_DIR } from "./shipped-modules";

/** The shipped modules by name. A shipped file that does not parse is a bug of the release: it throws at once. */
function loadBuiltins(): Record<string, ModuleDef> {
  const out: Record<string, ModuleDef> = {};
  for (const f of shippedModuleFiles()) {
    const r = readModuleFile(join(BUILTIN_MODULES_DIR, f));
    if (!r.module) throw new Error(`shipped module file is invalid:\n${r.diagnostics.map((d) => renderDiagnostic(d, "en")).join("\n")}`);
    if (`${r.module.name}.yaml` !== f) throw new Error(`${join(BUILTIN_MODULES_DIR, f)}: module ${r.module.name} must be in ${r.module.name}.yaml`);
    out[r.module.name] = r.module;
  }
  return out;
}

const BUILTINS = loadBuiltins();

/** The names code refers to (role defaults, the simulator): a file missing for one of them fails at load. */
export const BUILTIN_MODULE_NAMES = ["system", "if_mib", "host_resources", "ups_mib", "entity_sensor", "mikrotik", "cisco_cpu_memory", "printer", "spbe_quota"] as const;
export type ModuleName = (typeof BUILTIN_MODULE_NAMES)[number];
for (const n of BUILTIN_MODULE_NAMES) if (!BUILTINS[n]) throw new Error(`no shipped module file ${n}.yaml in ${BUILTIN_MODULES_DIR}`);

/** Every shipped module (those above and any other file shipped in the folder). */
export const MODULES: Readonly<Record<string, ModuleDef>> = BUILTINS;

/** A shipped module by its name. */
export function builtinModule(name: ModuleName): ModuleDef {
  return BUILTINS[name]!;
}

export const SYSTEM = builtinModule("system");
export const IF_MIB = builtinModule("if_mib");
export const HOST_RESOURCES = builtinModule("host_resources");
export const UPS_MIB = builtinModule("ups_mib");
export const ENTITY_SENSOR = builtinModule("entity_sensor");
export const MIKROTIK = builtinModule("mikrotik");
export const CISCO_CPU_MEMORY = builtinModule("cisco_cpu_memory");
export const PRINTER = builtinModule("printer");
export const SPBE_QUOTA = builtinModule("spbe_quota");

/** Modules whose empty walk is a problem (every shipped module not marked optional). */
export function requiredModuleNames(): string[] {
  return Object.values(BUILTINS).filter((m) => !m.optional).map((m) => m.name);
}

/** The shipped module a target's module name stands for (undefined for an unknown one). */
export function moduleNamed(name: string): ModuleDef | undefined {
  return Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
}

/** Which modules each device role is polled with, when the inventory says nothing: a new role fails type-checking until it has its modules. */
export const ROLE_MODULES: Record<DeviceRole, ModuleName[]> = {
  router: ["system", "if_mib", "entity_sensor"],
  switch: ["system", "if_mib", "entity_sensor"],
  firewall: ["system", "if_mib", "entity_sensor"],
  gateway: ["system", "if_mib", "host_resources"],
  "access-point": ["system", "if_mib"],
  server: ["system", "if_mib", "host_resources"],
  ups: ["system", "ups_mib"],
};

/** Vendor modules added to the role's defaults, by the inventory's `vendor` (a MikroTik answers MIKROTIK-MIB whatever its role). */
export const VENDOR_MODULES: readonly { vendor: RegExp; modules: ModuleName[] }[] = [
  { vendor: ROUTEROS_VENDOR, modules: ["mikrotik"] },
  { vendor: /^cisco/i, modules: ["cisco_cpu_memory"] },
];

/** The default modules of a device: its role's, then its vendor's. */
export function defaultModules(role: DeviceRole, vendor: string | undefined): ModuleName[] {
  const extra = vendor === undefined ? [] : VENDOR_MODULES.filter((v) => v.vendor.test(vendor)).flatMap((v) => v.modules);
  return [...ROLE_MODULES[role], ...extra.filter((m) => !ROLE_MODULES[role].includes(m))];
}

/**
 * The modules a device is polled with, by name: its own `modules`, else `monitoring.roleModules` of
 * its role, else its role's and vendor's defaults; the quota gateway (with quotas) always adds the
 * module its kind reports per-OPD counters with (spbe_opd_internet_bytes_total): spbe_quota on
 * Linux, mikrotik on RouterOS, since the quota series and the over-quota alert depend on it.
 */
export function deviceModules(inv: Inventory, d: Device): string[] {
  const modules = d.modules ?? inv.monitoring?.roleModules[d.role] ?? defaultModules(d.role, d.vendor);
  const counters = quotaCounterModule(inv, d);
  return counters === undefined || modules.includes(counters) ? modules : [...modules, counters];
}

function quotaCounterModule(inv: Inventory, d: Device): ModuleName | undefined {
  const bw = inv.bandwidth;
  if (!bw?.gateway || bw.gateway.device !== d.id || bw.quotas.length === 0) return undefined;
  return gatewayKindOf(inv)?.kind === "routeros" ? "mikrotik" : "spbe_quota";
}

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

/** The enumeration of a shipped object, by its metric name (e.g. N.UPS_OUTPUT_SOURCE). */
function enumerationOf(object: string) {
  for (const m of Object.values(BUILTINS)) {
    for (const o of [...m.scalars, ...m.tables.flatMap((t) => t.columns)]) if (o.name === object && o.enumValues) return o.enumValues;
  }
  throw new Error(`${object} is not an enumerated object of the shipped modules`);
}

/**
 * The number the MIB gives `name` in `object`, e.g. mibEnumValue(N.UPS_OUTPUT_SOURCE, "battery").
 * The enumerations live in the module files, so a wrong name is found when this runs (at import of
 * the dashboards and rules that ask), not at type-checking.
 */
export function mibEnumValue(object: string, name: string): number {
  return enumNumber(enumerationOf(object), name);
}
