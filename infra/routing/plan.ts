// The routed backbone as data: a /30 transfer network per routed link and a /32 loopback per FRR
// router, both from the inventory's private blocks (allocate.ts: stable when links or routers are
// added), each FRR router's interfaces with their OSPF cost, and the networks it announces. Pure;
// refuses (RoutingConfigError) exactly what validation reports, so what validates also renders.
import { addressAt, parseRange, tryParseRange } from "../../inventory/ip";
import { checkRouting, routedLinks, TRANSFER_PREFIX, TRANSFER_SIZE, type RoutingFinding } from "../../inventory/routing-check";
import type { Inventory, LinkMedium } from "../../inventory/schema";
import { allocateSlots } from "./allocate";
import { ospfCost } from "./cost";

export class RoutingConfigError extends Error {
  constructor(readonly findings: RoutingFinding[]) {
    super(`the backbone routing cannot be planned: ${findings.map((f) => f.code).join(", ")}`);
  }
}

export interface TransferEnd {
  device: string;
  interface: string;
  /** The end's address (without prefix length). */
  address: string;
  /** Whether the program configures this end (an FRR router); other ends are configured by hand from the plan. */
  frr: boolean;
}

export interface PlannedTransfer {
  link: string;
  /** The /30, e.g. 10.255.1.4/30. */
  network: string;
  medium: LinkMedium;
  capacityMbps: number;
  cost: number;
  a: TransferEnd;
  b: TransferEnd;
}

export interface RouterInterface {
  name: string;
  link: string;
  medium: LinkMedium;
  capacityMbps: number;
  cost: number;
  address: string;
  network: string;
  peer: TransferEnd;
}

export interface PlannedRouter {
  device: string;
  /** SSH host: the management address. */
  host: string;
  /** The loopback /32's address, also the OSPF router id. */
  routerId: string;
  interfaces: RouterInterface[];
  /** Announced besides transfer networks and loopback: backbone.routers[].announce, and at an OPD office its subnets. */
  announce: string[];
}

export interface BackbonePlan {
  transferBlock: string;
  loopbackBlock: string;
  links: PlannedTransfer[];
  routers: PlannedRouter[];
}

export const TRANSFER_PREFIX_LENGTH = TRANSFER_PREFIX;

/** Undefined without `backbone`; throws RoutingConfigError on any finding of routing-check. */
export function planBackbone(inv: Inventory): BackbonePlan | undefined {
  const bb = inv.backbone;
  if (!bb) return undefined;
  const findings = checkRouting(inv);
  const devices = new Map(inv.devices.map((d) => [d.id, d] as const));
  const unknown = bb.routers.filter((r) => !devices.has(r.device));
  if (unknown.length) findings.push(...unknown.map((r) => ({ code: "ref.unknown" as const, path: ["backbone", "routers"], params: { kind: "device", id: r.device } })));
  if (findings.length) throw new RoutingConfigError(findings);

  const frr = new Set(bb.routers.map((r) => r.device));
  const transfer = parseRange(bb.transferBlock);
  const loopback = parseRange(bb.loopbackBlock);
  const routed = routedLinks(inv);
  const slots = allocateSlots(routed.map((r) => r.link.id), (transfer.end - transfer.start + 1n) / TRANSFER_SIZE);
  const links: PlannedTransfer[] = routed.map(({ link }) => {
    const base = slots.get(link.id)! * TRANSFER_SIZE;
    const end = (e: typeof link.a, host: bigint): TransferEnd => ({ device: e.device, interface: e.interface, address: addressAt(transfer, base + host), frr: frr.has(e.device) });
    return {
      link: link.id,
      network: `${addressAt(transfer, base)}/${TRANSFER_PREFIX}`,
      medium: link.medium,
      capacityMbps: link.capacityMbps,
      cost: ospfCost(link.medium, link.capacityMbps),
      a: end(link.a, 1n),
      b: end(link.b, 2n),
    };
  });

  const loopbacks = allocateSlots(bb.routers.map((r) => r.device), loopback.end - loopback.start + 1n);
  const sites = new Map(inv.sites.map((s) => [s.id, s] as const));
  const opds = new Map(inv.opds.map((o) => [o.code, o] as const));
  const routers = bb.routers.map((r): PlannedRouter => {
    const dev = devices.get(r.device)!;
    const site = sites.get(dev.site);
    const opdSubnets = site?.kind === "opd-office" && site.opd ? (opds.get(site.opd)?.subnets ?? []).filter((s) => tryParseRange(s)?.family === 4) : [];
    const interfaces = links.flatMap((t): RouterInterface[] =>
      (["a", "b"] as const)
        .filter((e) => t[e].device === r.device)
        .map((e) => ({ name: t[e].interface, link: t.link, medium: t.medium, capacityMbps: t.capacityMbps, cost: t.cost, address: t[e].address, network: t.network, peer: t[e === "a" ? "b" : "a"] })),
    );
    return {
      device: r.device,
      host: dev.mgmtAddress!,
      routerId: addressAt(loopback, loopbacks.get(r.device)!),
      interfaces,
      announce: [...new Set([...r.announce, ...opdSubnets])],
    };
  });
  return { transferBlock: bb.transferBlock, loopbackBlock: bb.loopbackBlock, links, routers };
}
