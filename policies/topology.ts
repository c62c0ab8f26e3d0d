// Declared vs observed topology: the inventory's backbone links and cables compared with the LLDP/CDP
// neighbour tables the topology observer walked (facts/schema.ts TopologyFact). Pure; the rules in
// rules/topology.ts and the report's "declared vs observed" section both read what this returns.
//
// How a neighbour is matched to an inventory device, first match wins:
//   1. its sysName is a device id (case-insensitive), or its first DNS label is one
//      (`dc-core-sw-01.diskominfo.go.id` is dc-core-sw-01): the convention the simulator and the
//      Dinas' device templates follow, sysName = inventory id;
//   2. its chassis id equals the chassis id a walked device reported for itself (lldpLocChassisId);
//   3. its management address equals a device's mgmtAddress.
// A neighbour that matches none is an unknown neighbour. A port matches the declared interface when
// the neighbour's port id or port description equals it (case-insensitive): devices that send their
// port id as a MAC (lldpd's default) still send the interface name as the description.
import type { Inventory } from "../inventory/schema";
import type { Neighbour, TopologyFact } from "../facts/schema";

/** What one declared end of a link sees on its port. */
export type EndState = "as-declared" | "missing" | "miswired" | "not-walked";
/** A link's state: miswired when an end is, else missing when an end is, else as declared; not-observed when no end was walked. */
export type LinkState = "as-declared" | "missing" | "miswired" | "not-observed" | "not-comparable";

export interface SeenNeighbour {
  /** The inventory device it was matched to, when one was. */
  device?: string;
  sysName?: string;
  port?: string;
  chassisId?: string;
}

export interface EndObservation {
  device: string;
  interface: string;
  state: EndState;
  /** The neighbours seen on the port (empty when missing or not walked). */
  seen: SeenNeighbour[];
}

export interface LinkComparison {
  kind: "link" | "cable";
  id: string;
  /** The declared ends, `device:interface` (a cable's far end is the inventory's free text). */
  a: string;
  b: string;
  state: LinkState;
  /** One per declared end that is an inventory device. */
  ends: EndObservation[];
}

export interface UnknownNeighbour {
  /** The walked device and its port where the neighbour was seen. */
  device: string;
  localPort: string;
  sysName?: string;
  chassisId?: string;
  port?: string;
  managementAddress?: string;
}

export interface TopologyComparison {
  links: LinkComparison[];
  unknownNeighbours: UnknownNeighbour[];
}

const same = (x: string | undefined, y: string | undefined) => x !== undefined && y !== undefined && x.trim().toLowerCase() === y.trim().toLowerCase();

/** Matches neighbours to inventory devices (the rules in the header comment). */
export function neighbourMatcher(inv: Inventory, facts: readonly TopologyFact[]): (n: Neighbour) => string | undefined {
  const ids = new Map(inv.devices.map((d) => [d.id.toLowerCase(), d.id]));
  const byChassis = new Map(facts.filter((f) => f.chassisId).map((f) => [f.chassisId!.toLowerCase(), f.device]));
  const byAddress = new Map(inv.devices.filter((d) => d.mgmtAddress).map((d) => [d.mgmtAddress!, d.id]));
  return (n) => {
    const name = n.remoteSysName?.trim().toLowerCase();
    if (name) {
      const found = ids.get(name) ?? ids.get(name.split(".")[0]!);
      if (found) return found;
    }
    const chassis = n.remoteChassisId ? byChassis.get(n.remoteChassisId.toLowerCase()) : undefined;
    if (chassis) return chassis;
    return n.remoteManagementAddress ? byAddress.get(n.remoteManagementAddress) : undefined;
  };
}

export function compareTopology(inv: Inventory, facts: readonly TopologyFact[]): TopologyComparison {
  const match = neighbourMatcher(inv, facts);
  // The newest answering walk of each device (a file may merge several observations).
  const walked = new Map<string, TopologyFact>();
  for (const f of facts) {
    if (f.error) continue;
    const prev = walked.get(f.device);
    if (!prev || prev.observedAt < f.observedAt) walked.set(f.device, f);
  }
  const seenOn = (device: string, port: string): SeenNeighbour[] | undefined => {
    const f = walked.get(device);
    if (!f) return undefined;
    return f.neighbours
      .filter((n) => same(n.localPort, port))
      .map((n) => clean({ device: match(n), sysName: n.remoteSysName, port: portName(n), chassisId: n.remoteChassisId }));
  };
  const portMatches = (n: Neighbour, iface: string) => same(n.remotePortId, iface) || same(n.remotePortDescription, iface);
  /** One declared end: what its port sees, compared with the far end (any port of it when `farPort` is undefined). */
  const end = (device: string, iface: string, farDevice: string, farPort: string | undefined): EndObservation => {
    const f = walked.get(device);
    const seen = seenOn(device, iface);
    if (!f || !seen) return { device, interface: iface, state: "not-walked", seen: [] };
    if (seen.length === 0) return { device, interface: iface, state: "missing", seen };
    const ok = f.neighbours.some((n) => same(n.localPort, iface) && match(n) === farDevice && (farPort === undefined || portMatches(n, farPort)));
    return { device, interface: iface, state: ok ? "as-declared" : "miswired", seen };
  };
  const links: LinkComparison[] = inv.links.map((l) => {
    const ends = [end(l.a.device, l.a.interface, l.b.device, l.b.interface), end(l.b.device, l.b.interface, l.a.device, l.a.interface)];
    return { kind: "link", id: l.id, a: `${l.a.device}:${l.a.interface}`, b: `${l.b.device}:${l.b.interface}`, state: linkState(ends), ends };
  });
  const deviceIds = new Set(inv.devices.map((d) => d.id));
  for (const c of inv.cables) {
    // A cable's far end is free text ("switch akses lantai 1"); it is compared only when it names an inventory device.
    const far = deviceIds.has(c.to.trim()) ? c.to.trim() : undefined;
    const near = far ? end(c.from.device, c.from.interface, far, undefined) : { device: c.from.device, interface: c.from.interface, state: walked.has(c.from.device) ? ("as-declared" as const) : ("not-walked" as const), seen: seenOn(c.from.device, c.from.interface) ?? [] };
    const state: LinkState = far ? linkState([near]) : "not-comparable";
    links.push({ kind: "cable", id: c.id, a: `${c.from.device}:${c.from.interface}`, b: c.to, state, ends: [near] });
  }
  const unknownNeighbours: UnknownNeighbour[] = [];
  for (const f of walked.values()) {
    for (const n of f.neighbours) {
      if (match(n) !== undefined) continue;
      unknownNeighbours.push(clean({ device: f.device, localPort: n.localPort, sysName: n.remoteSysName, chassisId: n.remoteChassisId, port: portName(n), managementAddress: n.remoteManagementAddress }));
    }
  }
  return { links, unknownNeighbours };
}

function linkState(ends: EndObservation[]): LinkState {
  if (ends.some((e) => e.state === "miswired")) return "miswired";
  if (ends.some((e) => e.state === "missing")) return "missing";
  if (ends.some((e) => e.state === "as-declared")) return "as-declared";
  return "not-observed";
}

const isMacLike = (s: string | undefined) => s !== undefined && /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(s);
/** A neighbour's port as people name it: the description when the id is a MAC (lldpd's default), else the id. */
const portName = (n: Neighbour) => (isMacLike(n.remotePortId) && n.remotePortDescription ? n.remotePortDescription : n.remotePortId ?? n.remotePortDescription);

/** `device:port` as the evidence writes a neighbour: the inventory id when matched, else what it calls itself. */
export function describeSeen(s: SeenNeighbour): string {
  const who = s.device ?? s.sysName ?? s.chassisId ?? "?";
  return s.port ? `${who}:${s.port}` : who;
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
