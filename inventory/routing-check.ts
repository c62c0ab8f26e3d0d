// What the routed backbone needs from the inventory before any FRR configuration can be rendered or
// deployed: FRR routers that are routing devices with a management address, routed links with a
// router at both ends and Linux interface names on the FRR side, private IPv4 blocks large enough
// for every transfer network and loopback. One home for these checks, as for quotas: validation
// reports them with their position (so `spbe validate` and the Pulumi program refuse them with
// file:line:column), and infra/routing's planner throws on the same findings. Pure and linear.
import type { MessageCode, Params } from "../i18n";
import type { Path } from "./diagnostics";
import { isPrivate, size, tryParseRange, type IpRange } from "./ip";
import { ROUTING_ROLES, type Inventory, type Link } from "./schema";

export interface RoutingFinding {
  code: MessageCode;
  path: Path;
  params: Params;
}

/** Each routed link gets a /30: two hosts, no /31 (RFC 3021) so that any peer's OS accepts it. */
export const TRANSFER_PREFIX = 30;
export const TRANSFER_SIZE = 1n << BigInt(32 - TRANSFER_PREFIX);

/** Linux refuses interface names longer than IFNAMSIZ-1 or with '/', ':' or whitespace. */
const LINUX_IFNAME = /^[^\s/:]{1,15}$/;

const isRoutingRole = (role: string) => (ROUTING_ROLES as readonly string[]).includes(role);

/** The FRR routers' device ids (backbone.routers), empty without a backbone. */
export function frrRouterIds(inv: Inventory): Set<string> {
  return new Set((inv.backbone?.routers ?? []).map((r) => r.device));
}

/** The links with an FRR router at one end or both: each gets a transfer network. In file order, with their index. */
export function routedLinks(inv: Inventory): { link: Link; index: number }[] {
  const frr = frrRouterIds(inv);
  return inv.links.flatMap((link, index) => (frr.has(link.a.device) || frr.has(link.b.device) ? [{ link, index }] : []));
}

function checkBlock(cidr: string, path: Path, needed: number, unit: bigint, tooSmall: MessageCode, out: RoutingFinding[]): IpRange | undefined {
  const range = tryParseRange(cidr);
  if (!range) return undefined; // the schema's finding
  if (range.family !== 4 || !isPrivate(range)) {
    out.push({ code: "routing.block-not-private", path, params: { cidr } });
    return range;
  }
  const slots = size(range) / unit;
  if (slots < BigInt(needed)) out.push({ code: tooSmall, path, params: { cidr, slots: Number(slots), needed } });
  return range;
}

export function checkRouting(inv: Inventory): RoutingFinding[] {
  const bb = inv.backbone;
  if (!bb) return [];
  const out: RoutingFinding[] = [];
  const devices = new Map(inv.devices.map((d) => [d.id, d] as const));
  const frr = new Set<string>();
  bb.routers.forEach((r, i) => {
    const at: Path = ["backbone", "routers", i, "device"];
    if (frr.has(r.device)) out.push({ code: "routing.router-twice", path: at, params: { device: r.device } });
    frr.add(r.device);
    const dev = devices.get(r.device);
    if (!dev) return; // an unknown reference: validation's ref.unknown
    if (!isRoutingRole(dev.role)) out.push({ code: "routing.not-router", path: at, params: { device: r.device, role: dev.role } });
    else if (!dev.mgmtAddress) out.push({ code: "routing.no-address", path: at, params: { device: r.device } });
    r.announce.forEach((cidr, j) => {
      if (tryParseRange(cidr)?.family === 6) out.push({ code: "routing.announce-family", path: ["backbone", "routers", i, "announce", j], params: { cidr } });
    });
  });

  const routed = routedLinks(inv);
  for (const { link, index } of routed) {
    for (const [end, other] of [["a", "b"], ["b", "a"]] as const) {
      const here = link[end];
      const there = link[other];
      const dev = devices.get(there.device);
      if (frr.has(here.device) && dev && !isRoutingRole(dev.role)) {
        out.push({ code: "routing.link-not-router", path: ["links", index, other, "device"], params: { link: link.id, router: here.device, device: there.device, role: dev.role } });
      }
      // FRR names the kernel's interfaces: the inventory's name must be the Linux one.
      if (frr.has(here.device) && !LINUX_IFNAME.test(here.interface)) {
        out.push({ code: "routing.interface-name", path: ["links", index, end, "interface"], params: { device: here.device, interface: here.interface } });
      }
    }
  }

  const transfer = checkBlock(bb.transferBlock, ["backbone", "transferBlock"], routed.length, TRANSFER_SIZE, "routing.transfer-too-small", out);
  const loopback = checkBlock(bb.loopbackBlock, ["backbone", "loopbackBlock"], bb.routers.length, 1n, "routing.loopback-too-small", out);
  if (transfer && loopback && transfer.family === loopback.family && transfer.start <= loopback.end && loopback.start <= transfer.end) {
    out.push({ code: "routing.block-overlap", path: ["backbone", "loopbackBlock"], params: { cidr: bb.loopbackBlock, other: bb.transferBlock, otherPath: "backbone.transferBlock" } });
  }
  return out;
}
