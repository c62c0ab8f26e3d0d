// The cabling the simulator pretends is in the racks, and what each port's LLDP agent therefore sees:
// every declared backbone link as declared, unless a demo or a test asks for a miswiring (two links'
// far ends swapped, as crossed patch cords do) or for an unknown neighbour (an OPD's own switch
// plugged into a port). Pure and deterministic; sim-mib.ts serves the result as LLDP-MIB.
import * as crypto from "node:crypto";
import type { Inventory, Link } from "../inventory/schema";

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
