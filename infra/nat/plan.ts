// From the inventory to what the edge gateway does with the public allocations (pure, no I/O):
// - an allocation to an application placed in the data center is FORWARDED: routed to its server and
//   let through the firewall on the ports the application declares, nothing else;
// - an allocation to an OPD becomes the SOURCE NAT of the OPD's subnets of its family.
//
// Why the application's address is routed rather than destination-NATed: the deployment publishes
// each container on its public address on the server itself (the CrossGuard pack requires exactly
// that), and applications share servers and ports (five of them serve 443 on dc-srv-01 in the
// Barito Timur example), so a DNAT to the server's one private address could not tell them apart.
// Routing the /32 to the server keeps one public address per application end to end; the gateway's
// part is the route and the firewall. Source NAT is where translation is needed: OPD LANs are private.
import { checkPublicNat, edgeGatewayOf } from "../../inventory/nat-check";
import { parseRange, tryParseRange, addressAt, size } from "../../inventory/ip";
import type { Inventory } from "../../inventory/schema";
import { planPublicIps, type PlannedAllocation } from "../planning/public-ips";

export type Protocol = "tcp" | "udp";

export interface DeclaredPort {
  port: number;
  protocol: Protocol;
}

export interface ForwardedAddress {
  allocation: string;
  application: string;
  /** The public address (one host). */
  address: string;
  family: 4 | 6;
  server: string;
  /** The server's address the route points at; absent when it has none of this family (no route rendered, still filtered). */
  nextHop?: string;
  /** What the firewall lets through from the upstream, sorted; empty: everything is refused. */
  ports: DeclaredPort[];
}

export interface SourceNat {
  allocation: string;
  opd: string;
  /** One address, or a range `first-last` for a prefix allocation. */
  address: string;
  family: 4 | 6;
  subnets: string[];
}

export interface NatPlan {
  gateway: string;
  wanInterface: string;
  lanInterface: string;
  /** Sorted by allocation id, so the script does not depend on the inventory's order. */
  forwards: ForwardedAddress[];
  sourceNats: SourceNat[];
}

export interface NatProblem {
  code: string;
  params: Record<string, string | number>;
}

/** Thrown before anything is rendered, with every problem found. */
export class NatConfigError extends Error {
  constructor(readonly problems: NatProblem[]) {
    super(problems.map((p) => `${p.code} (${Object.entries(p.params).map(([k, v]) => `${k}=${v}`).join(", ")})`).join("; "));
    this.name = "NatConfigError";
  }
}

const byId = <T extends { allocation: string }>(a: T, b: T) => (a.allocation < b.allocation ? -1 : a.allocation > b.allocation ? 1 : 0);

/** `a.b.c.d` for one address, `first-last` for a prefix (nft's range syntax). */
function natAddress(address: string): string {
  if (!address.includes("/")) return address;
  const range = parseRange(address);
  return `${addressAt(range, 0n)}-${addressAt(range, size(range) - 1n)}`;
}

/**
 * The plan for the edge gateway (`bandwidth.gateway`, Linux), or undefined when there is none.
 * `allocations` defaults to the public IP planner's result. Throws NatConfigError on the findings
 * validation reports (inventory/nat-check.ts).
 */
export function planPublicNat(inv: Inventory, allocations: PlannedAllocation[] = planPublicIps(inv)): NatPlan | undefined {
  const edge = edgeGatewayOf(inv);
  if (!edge) return undefined;
  const findings = checkPublicNat(inv);
  if (findings.length > 0) throw new NatConfigError(findings.map((f) => ({ code: f.code, params: f.params as NatProblem["params"] })));
  const apps = new Map(inv.applications.map((a) => [a.id, a]));
  const devices = new Map(inv.devices.map((d) => [d.id, d]));
  const opds = new Map(inv.opds.map((o) => [o.code, o]));
  const forwards: ForwardedAddress[] = [];
  const sourceNats: SourceNat[] = [];
  for (const a of allocations) {
    if ("application" in a.to) {
      const app = apps.get(a.to.application);
      // Only what the Dinas runs in its data center is forwarded; an external or OPD-server
      // placement's allocation is not the gateway's to open.
      if (!app || app.placement.type !== "datacenter" || app.placement.publicIp !== a.id) continue;
      const server = devices.get(app.placement.server)!;
      const hop = server.mgmtAddress;
      const seen = new Set<string>();
      const ports: DeclaredPort[] = [];
      for (const p of app.placement.ports) {
        const port = { port: p.public ?? p.container, protocol: p.protocol };
        if (!seen.has(`${port.port}/${port.protocol}`)) ports.push(port);
        seen.add(`${port.port}/${port.protocol}`);
      }
      ports.sort((x, y) => (x.protocol < y.protocol ? -1 : x.protocol > y.protocol ? 1 : x.port - y.port));
      forwards.push({
        allocation: a.id,
        application: app.id,
        // Canonical (RFC 5952 for IPv6), as `ip route` prints it: the script's prune compares the two.
        address: addressAt(parseRange(a.address), 0n),
        family: a.family,
        server: server.id,
        ...(hop !== undefined && tryParseRange(hop)?.family === a.family ? { nextHop: hop } : {}),
        ports,
      });
    } else if ("opd" in a.to) {
      const opd = opds.get(a.to.opd)!;
      const subnets = opd.subnets.filter((s) => tryParseRange(s)?.family === a.family);
      sourceNats.push({ allocation: a.id, opd: opd.code, address: natAddress(a.address), family: a.family, subnets });
    }
  }
  return { gateway: edge.device, wanInterface: edge.wanInterface, lanInterface: edge.lanInterface, forwards: forwards.sort(byId), sourceNats: sourceNats.sort(byId) };
}
