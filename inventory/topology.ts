// What is reachable only through what: from the site where monitoring runs, which devices can no
// longer be reached when one backbone link or one device (a site's router, the core switch) fails.
// Alertmanager's inhibition (dashboards/alertmanager/) and anything else that wants "the devices
// behind it" read this one computation. Pure: the inventory in, plain data out.
//
// The graph: every device is a node joined to its site's LAN (a node that cannot fail: the
// inventory does not describe cabling inside a site), and each link joins its two devices. So a
// site's devices without links of their own are reached through the site's devices that have them.
import type { Inventory } from "./schema";

export type FailedElement = { kind: "link"; id: string } | { kind: "device"; id: string };

export interface BehindFailure {
  failed: FailedElement;
  /** Devices (other than the failed one) with no path left to the monitoring site, inventory order. */
  devices: string[];
  /** Sites all of whose devices are among them. */
  sites: string[];
}

/**
 * The site monitoring runs at (Prometheus and the collector): the first data-center site. Alerting
 * reads what is behind a failure from here, and the simulator cuts off what a failed link hides from it.
 */
export function monitoringSite(inv: Inventory): string | undefined {
  return inv.sites.find((s) => s.kind === "datacenter")?.id;
}

/**
 * Devices with no path left to `rootSite` while all of `failed` are down at once (links by id,
 * devices by id; a failed device itself is not listed), inventory order.
 */
export function cutOff(inv: Inventory, rootSite: string, failed: { links?: readonly string[]; devices?: readonly string[] }): string[] {
  const graph = buildGraph(inv);
  const root = siteNode(rootSite);
  if (!graph.adjacency.has(root)) return [];
  const down = new Set(failed.devices ?? []);
  const reached = reachable(graph, root, { edges: new Set(failed.links ?? []), nodes: new Set([...down].map(deviceNode)) });
  return inv.devices.map((d) => d.id).filter((id) => !reached.has(deviceNode(id)) && !down.has(id));
}

/**
 * For each link and each device whose failure cuts something off from `rootSite`, what is behind
 * it. A failure that cuts nothing off is not listed. Only link endpoints are tried as devices: a
 * device without links hangs off its site's LAN alone and cannot stand between it and anything.
 */
export function behindFailures(inv: Inventory, rootSite: string): BehindFailure[] {
  const graph = buildGraph(inv);
  const root = siteNode(rootSite);
  if (!graph.adjacency.has(root)) return [];
  const out: BehindFailure[] = [];
  const devicesOf = new Map<string, string[]>();
  for (const d of inv.devices) devicesOf.set(d.site, [...(devicesOf.get(d.site) ?? []), d.id]);
  const report = (failed: FailedElement, reached: Set<string>) => {
    const devices = inv.devices.map((d) => d.id).filter((id) => !reached.has(deviceNode(id)) && !(failed.kind === "device" && failed.id === id));
    if (devices.length === 0) return;
    const behind = new Set(devices);
    const sites = inv.sites.map((s) => s.id).filter((s) => (devicesOf.get(s) ?? []).length > 0 && devicesOf.get(s)!.every((d) => behind.has(d)));
    out.push({ failed, devices, sites });
  };
  for (const link of inv.links) report({ kind: "link", id: link.id }, reachable(graph, root, { edges: new Set([link.id]) }));
  const endpoints = new Set(inv.links.flatMap((l) => [l.a.device, l.b.device]));
  for (const d of inv.devices) {
    if (endpoints.has(d.id)) report({ kind: "device", id: d.id }, reachable(graph, root, { nodes: new Set([deviceNode(d.id)]) }));
  }
  return out;
}

const siteNode = (id: string) => `site:${id}`;
const deviceNode = (id: string) => `device:${id}`;

interface Graph {
  /** node → (neighbour, edge id) pairs; site-LAN edges have no id (they cannot fail). */
  adjacency: Map<string, { to: string; edge?: string }[]>;
}

function buildGraph(inv: Inventory): Graph {
  const adjacency = new Map<string, { to: string; edge?: string }[]>();
  const join = (a: string, b: string, edge?: string) => {
    if (!adjacency.has(a)) adjacency.set(a, []);
    if (!adjacency.has(b)) adjacency.set(b, []);
    adjacency.get(a)!.push({ to: b, edge });
    adjacency.get(b)!.push({ to: a, edge });
  };
  for (const s of inv.sites) if (!adjacency.has(siteNode(s.id))) adjacency.set(siteNode(s.id), []);
  for (const d of inv.devices) join(deviceNode(d.id), siteNode(d.site));
  for (const l of inv.links) join(deviceNode(l.a.device), deviceNode(l.b.device), l.id);
  return { adjacency };
}

function reachable(graph: Graph, root: string, without: { edges?: ReadonlySet<string>; nodes?: ReadonlySet<string> }): Set<string> {
  const seen = new Set<string>([root]);
  const queue = [root];
  while (queue.length > 0) {
    const at = queue.pop()!;
    for (const { to, edge } of graph.adjacency.get(at) ?? []) {
      if (seen.has(to) || without.nodes?.has(to) || (edge !== undefined && without.edges?.has(edge))) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}
