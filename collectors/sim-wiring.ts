// The cabling the simulator pretends is in the racks, and what each port's LLDP agent therefore sees:
// every declared backbone link as declared, unless a demo or a test asks for a miswiring (two links'
// far ends swapped, as crossed patch cords do) or for an unknown neighbour (an OPD's own switch
// plugged into a port), or a cut link (linkFaults: its ports down, what is behind it silent). Pure
// and deterministic; sim-mib.ts serves the result as LLDP-MIB and ifOperStatus.
import * as crypto from "node:crypto";
import type { Inventory, Link } from "../inventory/schema";
import { cutOff, monitoringSite } from "../inventory/topology";

export interface SimWiringOptions {
  /** Link ids whose far (b) end is swapped with the far end of the next declared link. */
  miswire?: string[];
  /** Ports (device and interface) where an unknown device answers LLDP. */
  unknownNeighbours?: { device: string; interface: string }[];
}

/** What one port of a simulated device hears from its neighbour. */
export interface SimLldpRemote {
  localPort: string;
  chassisMac: string;
  sysName: string;
  portName: string;
  managementAddress?: string;
}

/** A device's LLDP identity (chassis MAC, sysName = inventory id) and what its ports hear. */
export interface SimLldp {
  chassisMac: string;
  remotes: SimLldpRemote[];
}

/** The sysName an unknown neighbour announces: plainly not an inventory id. */
export const UNKNOWN_NEIGHBOUR_SYSNAME = "opd-own-switch";

/** A stable, locally administered MAC (02:…) for a device id. */
export function simChassisMac(id: string): string {
  const h = crypto.createHash("sha256").update(id).digest();
  return ["02", ...[...h.subarray(0, 5)].map((b) => b.toString(16).padStart(2, "0"))].join(":");
}

export class UnknownLinkError extends Error {}

/** The links as physically patched: declared, with the requested pairs of far ends swapped. */
export function physicalLinks(links: readonly Link[], miswire: readonly string[] = []): Link[] {
  const out = links.map((l) => ({ ...l, a: { ...l.a }, b: { ...l.b } }));
  for (const id of miswire) {
    const i = out.findIndex((l) => l.id === id);
    if (i < 0) throw new UnknownLinkError(`no backbone link "${id}" in the inventory`);
    // The partner: the next link (cyclically) whose far end is another device, so the swap is visible.
    const j = [...out.keys()].map((k) => (i + 1 + k) % out.length).find((k) => k !== i && out[k]!.b.device !== out[i]!.b.device);
    if (j === undefined) throw new UnknownLinkError(`link "${id}" has no other link to be swapped with`);
    const far = out[i]!.b;
    out[i]!.b = out[j]!.b;
    out[j]!.b = far;
  }
  return out;
}

/** Each simulated device's LLDP view, by device id. */
export function simulatedLldp(inv: Inventory, opts: SimWiringOptions = {}): Map<string, SimLldp> {
  const byId = new Map(inv.devices.map((d) => [d.id, d]));
  const views = new Map<string, SimLldp>(inv.devices.map((d) => [d.id, { chassisMac: simChassisMac(d.id), remotes: [] }]));
  for (const l of physicalLinks(inv.links, opts.miswire)) {
    for (const [near, far] of [[l.a, l.b], [l.b, l.a]] as const) {
      const mgmt = byId.get(far.device)?.mgmtAddress;
      views.get(near.device)?.remotes.push({ localPort: near.interface, chassisMac: simChassisMac(far.device), sysName: far.device, portName: far.interface, ...(mgmt ? { managementAddress: mgmt } : {}) });
    }
  }
  for (const u of opts.unknownNeighbours ?? []) {
    const view = views.get(u.device);
    if (!view) throw new UnknownLinkError(`no device "${u.device}" in the inventory`);
    view.remotes.push({ localPort: u.interface, chassisMac: simChassisMac(`unknown/${u.device}/${u.interface}`), sysName: UNKNOWN_NEIGHBOUR_SYSNAME, portName: "gi0/24" });
  }
  return views;
}

/** What the monitoring site sees while some backbone links are cut (a demo, a test of alerting). */
export interface LinkFaults {
  /** Interfaces at either end of a cut link: ifOperStatus down (key: `device\0ifName`). */
  downInterfaces: Set<string>;
  /** Devices with no path left to the monitoring site: their agents do not answer at all. */
  unreachable: Set<string>;
}

export const interfaceKey = (device: string, ifName: string) => `${device}\0${ifName}`;

/**
 * The effect of cutting `links`: both ends report the port down, and whatever the topology
 * (inventory/topology.ts, the same computation alerting inhibits by) puts behind them goes silent.
 */
export function linkFaults(inv: Inventory, links: readonly string[]): LinkFaults {
  const cut = new Set(links);
  for (const id of cut) if (!inv.links.some((l) => l.id === id)) throw new UnknownLinkError(`no backbone link "${id}" in the inventory`);
  const downInterfaces = new Set(inv.links.filter((l) => cut.has(l.id)).flatMap((l) => [interfaceKey(l.a.device, l.a.interface), interfaceKey(l.b.device, l.b.interface)]));
  const root = monitoringSite(inv);
  const unreachable = new Set(root === undefined || cut.size === 0 ? [] : cutOff(inv, root, { links: [...cut] }));
  return { downInterfaces, unreachable };
}
