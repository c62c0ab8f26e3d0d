// Inventory → poll targets: which devices are polled, where, with which modules and labels.
// Pure: no sockets, no env. Nothing is configured twice: targets come only from the inventory.
import type { Device, Inventory, SnmpAccess } from "../inventory/schema";
import type { Labels } from "./sample";
import * as N from "./metric-names";
import type { ModuleDef } from "./module-def";
import { deviceModules, ROLE_INTERVAL_SECONDS } from "./modules";

export interface Target {
  device: string;
  role: string;
  site: string;
  opd: string;
  host: string;
  port: number;
  access: SnmpAccess;
  /** The module names polled, in order (shipped modules, or one of userModules). */
  modules: string[];
  /** The modules of the inventory's own module files that this target polls (shipped ones are found by name). */
  userModules?: ModuleDef[];
  intervalSeconds: number;
  /** device, site, opd, role: on every series of this device. */
  labels: Labels;
  /** ifName (or String(ifIndex)) → link id, for interfaces that are a link endpoint. */
  linkByIfName: Map<string, string>;
  linkByIfIndex: Map<string, string>;
}

export interface SkippedDevice {
  device: string;
  reason: "no-snmp" | "no-address";
}

/** The OPD a device serves: its owner when that is an OPD, else its site's OPD, else the Dinas. */
export function deviceOpd(inv: Inventory, d: Device): string {
  if (d.owner !== "dinas" && d.owner !== inv.meta.dinas) return d.owner;
  return inv.sites.find((s) => s.id === d.site)?.opd ?? inv.meta.dinas;
}

export interface TargetPlanOptions {
  /** Where to reach a device instead of mgmtAddress:161 (the simulator, tests). */
  endpoint?: (d: Device) => { host: string; port: number } | undefined;
  intervalSeconds?: number | ((role: string) => number);
  /** The modules read from the inventory's module files (module-catalog.ts). */
  userModules?: ModuleDef[];
}

export function planTargets(inv: Inventory, opts: TargetPlanOptions = {}): { targets: Target[]; skipped: SkippedDevice[] } {
  const targets: Target[] = [];
  const skipped: SkippedDevice[] = [];
  for (const d of inv.devices) {
    if (!d.snmp) {
      skipped.push({ device: d.id, reason: "no-snmp" });
      continue;
    }
    const ep = opts.endpoint?.(d) ?? (d.mgmtAddress ? { host: d.mgmtAddress, port: d.snmp.port ?? 161 } : undefined);
    if (!ep) {
      skipped.push({ device: d.id, reason: "no-address" });
      continue;
    }
    const opd = deviceOpd(inv, d);
    const linkByIfName = new Map<string, string>();
    const linkByIfIndex = new Map<string, string>();
    for (const l of inv.links) {
      for (const end of [l.a, l.b]) {
        if (end.device !== d.id) continue;
        linkByIfName.set(end.interface, l.id);
        const ifIndex = d.interfaces.find((i) => i.name === end.interface)?.ifIndex;
        if (ifIndex !== undefined) linkByIfIndex.set(String(ifIndex), l.id);
      }
    }
    const modules = deviceModules(inv, d);
    const userModules = opts.userModules?.filter((m) => modules.includes(m.name)) ?? [];
    const interval = typeof opts.intervalSeconds === "function" ? opts.intervalSeconds(d.role) : opts.intervalSeconds ?? ROLE_INTERVAL_SECONDS[d.role];
    targets.push({
      device: d.id,
      role: d.role,
      site: d.site,
      opd,
      host: ep.host,
      port: ep.port,
      access: d.snmp,
      modules,
      ...(userModules.length > 0 ? { userModules } : {}),
      intervalSeconds: interval,
      labels: [
        [N.LABEL_DEVICE, d.id],
        [N.LABEL_SITE, d.site],
        [N.LABEL_OPD, opd],
        [N.LABEL_ROLE, d.role],
      ],
      linkByIfName,
      linkByIfIndex,
    });
  }
  return { targets, skipped };
}

/** The `link` label for an interface row: matched on ifName first, then on the inventory's ifIndex. */
export function linkOf(t: Target, ifIndex: string, ifName: string | undefined): string | undefined {
  return (ifName !== undefined ? t.linkByIfName.get(ifName) : undefined) ?? t.linkByIfIndex.get(ifIndex);
}
