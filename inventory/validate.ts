// Cross-reference and arithmetic checks over a schema-valid inventory. Every check runs, none stops
// at the first problem, and each is linear or n·log n in the size of what it reads: the benchmark's
// 50,000 allocations and 5,000 devices must validate in well under a second.
import { DiagnosticList, formatPath, type Diagnostic, type Path } from "./diagnostics";
import { contains, findOverlaps, isPrivate, size, tryParseRange, type IpRange } from "./ip";
import type { Inventory } from "./schema";
import { checkQuotaShaping } from "./quota-check";
import { checkPublicNat } from "./nat-check";
import { checkRouting } from "./routing-check";
import { checkAlerting } from "./validate-alerting";
import { checkDnsServing } from "./validate-dns";

/** Ids of elements that failed the schema: references to them are not reported again. */
export interface KnownIds {
  opds: Set<string>;
  sites: Set<string>;
  devices: Set<string>;
  applications: Set<string>;
  blocks: Set<string>;
  allocations: Set<string>;
}

export function emptyKnownIds(): KnownIds {
  return { opds: new Set(), sites: new Set(), devices: new Set(), applications: new Set(), blocks: new Set(), allocations: new Set() };
}

/** Fraction of a block in use from which a warning is raised. */
export const BLOCK_EXHAUSTION_WARNING = 0.9;

export function validateInventory(inv: Inventory, skip: KnownIds = emptyKnownIds()): Diagnostic[] {
  const d = new DiagnosticList();
  const ctx = new Context(inv, skip, d);
  checkDuplicates(ctx);
  checkSitesAndDevices(ctx);
  checkRacks(ctx);
  checkLinksAndCables(ctx);
  checkOpdSubnets(ctx);
  checkPublicIp(ctx);
  checkBandwidth(ctx);
  checkBackbone(ctx);
  checkApplications(ctx);
  for (const f of checkPublicNat(inv)) d.error(f.path, f.code, f.params);
  checkEvidenceYears(ctx);
  checkAlerting(inv, skip, d);
  checkDnsServing(inv, skip.devices, d);
  return d.items;
}

class Context {
  readonly opds = new Map<string, number>();
  readonly sites = new Map<string, number>();
  readonly devices = new Map<string, number>();
  readonly applications = new Map<string, number>();
  readonly blocks = new Map<string, number>();
  readonly allocations = new Map<string, number>();
  /** For each index above, the items whose key an earlier item has (checkDuplicates reports them). */
  readonly repeated = new Map<Map<string, number>, number[]>();
  constructor(readonly inv: Inventory, readonly skip: KnownIds, readonly d: DiagnosticList) {
    this.repeated.set(this.opds, index(inv.opds, (o) => o.code, this.opds));
    this.repeated.set(this.sites, index(inv.sites, (s) => s.id, this.sites));
    this.repeated.set(this.devices, index(inv.devices, (x) => x.id, this.devices));
    this.repeated.set(this.applications, index(inv.applications, (a) => a.id, this.applications));
    this.repeated.set(this.blocks, index(inv.publicIp.blocks, (b) => b.id, this.blocks));
    this.repeated.set(this.allocations, index(inv.publicIp.allocations, (a) => a.id, this.allocations));
  }

  /** Reports an unknown reference unless it names an element that already failed the schema. */
  ref(map: Map<string, number>, skip: Set<string>, idValue: string, path: Path, kind: string): number | undefined {
    const at = map.get(idValue);
    if (at === undefined && !skip.has(idValue)) this.d.error(path, "ref.unknown", { kind, id: idValue });
    return at;
  }
}

/** Each key's first item's index, into `into`; returns the positions of the items whose key came before. */
function index<T>(items: readonly T[], key: (item: T) => string, into: Map<string, number>): number[] {
  const repeated: number[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (into.has(k)) repeated.push(i);
    else into.set(k, i);
  });
  return repeated;
}

function checkDuplicates(ctx: Context): void {
  const { inv, d } = ctx;
  /** `firstOf` is the index of each key's first item: the context's when it has one (no second pass over 50,000 ids). */
  const dup = <T>(items: readonly T[], key: (t: T) => string, base: Path, field: string, kind: string, firstOf?: Map<string, number>) => {
    const first = firstOf ?? new Map<string, number>();
    const repeated = firstOf ? ctx.repeated.get(firstOf)! : index(items, key, first);
    for (const i of repeated) {
      const k = key(items[i]!);
      d.error([...base, i, field], "dup.id", { kind, id: k, first: formatPath([...base, first.get(k)!]) });
    }
  };
  dup(inv.opds, (o) => o.code, ["opds"], "code", "OPD", ctx.opds);
  dup(inv.sites, (s) => s.id, ["sites"], "id", "site", ctx.sites);
  inv.sites.forEach((s, si) => dup(s.racks, (r) => r.id, ["sites", si, "racks"], "id", "rack"));
  dup(inv.devices, (x) => x.id, ["devices"], "id", "device", ctx.devices);
  inv.devices.forEach((dev, di) => dup(dev.interfaces, (f) => f.name, ["devices", di, "interfaces"], "name", "interface"));
  dup(inv.links, (l) => l.id, ["links"], "id", "link");
  dup(inv.cables, (c) => c.id, ["cables"], "id", "cable");
  dup(inv.publicIp.blocks, (b) => b.id, ["publicIp", "blocks"], "id", "block", ctx.blocks);
  dup(inv.publicIp.allocations, (a) => a.id, ["publicIp", "allocations"], "id", "allocation", ctx.allocations);
  dup(inv.applications, (a) => a.id, ["applications"], "id", "application", ctx.applications);
}

function checkSitesAndDevices(ctx: Context): void {
  const { inv, d } = ctx;
  if (!ctx.opds.has(inv.meta.dinas) && !ctx.skip.opds.has(inv.meta.dinas)) {
    d.error(["meta", "dinas"], "placement.dinas-is-opd", { id: inv.meta.dinas });
  }
  inv.sites.forEach((s, i) => {
    if (s.opd) ctx.ref(ctx.opds, ctx.skip.opds, s.opd, ["sites", i, "opd"], "OPD");
  });
  inv.devices.forEach((dev, i) => {
    ctx.ref(ctx.sites, ctx.skip.sites, dev.site, ["devices", i, "site"], "site");
    if (dev.owner !== "dinas" && !ctx.opds.has(dev.owner) && !ctx.skip.opds.has(dev.owner)) {
      d.error(["devices", i, "owner"], "device.owner-unknown", { owner: dev.owner });
    }
    if (dev.snmp && !dev.mgmtAddress) d.error(["devices", i, "snmp"], "snmp.no-address");
  });
}

function checkRacks(ctx: Context): void {
  const { inv, d } = ctx;
  // Per rack, the devices it holds: sorted by position, each compared with the highest reach so far.
  const byRack = new Map<string, { i: number; from: number; to: number }[]>();
  inv.devices.forEach((dev, i) => {
    if (dev.position !== undefined && !dev.rack) {
      d.error(["devices", i, "position"], "rack.no-rack");
      return;
    }
    if (!dev.rack) return;
    const siteIndex = ctx.sites.get(dev.site);
    if (siteIndex === undefined) return; // the unknown site is already reported
    const site = inv.sites[siteIndex]!;
    const rack = site.racks.find((r) => r.id === dev.rack);
    if (!rack) {
      d.error(["devices", i, "rack"], "ref.unknown-in", { kind: "rack", id: dev.rack, scope: "site", scopeId: site.id });
      return;
    }
    if (dev.position === undefined) {
      d.error(["devices", i, "rack"], "rack.position-missing", { rack: rack.id });
      return;
    }
    const from = dev.position;
    const to = dev.position + dev.heightU - 1;
    if (to > rack.heightU) {
      d.error(["devices", i, "position"], "rack.outside", { from, to, rack: rack.id, height: rack.heightU });
      return;
    }
    const key = `${site.id}\u0000${rack.id}`;
    let list = byRack.get(key);
    if (!list) byRack.set(key, (list = []));
    list.push({ i, from, to });
  });
  for (const list of byRack.values()) {
    list.sort((a, b) => a.from - b.from || a.i - b.i);
    let reach = list[0];
    for (const cur of list.slice(1)) {
      if (reach && cur.from <= reach.to) {
        d.error(["devices", cur.i, "position"], "rack.overlap", {
          from: cur.from,
          to: cur.to,
          rack: inv.devices[cur.i]!.rack!,
          other: inv.devices[reach.i]!.id,
          otherFrom: reach.from,
          otherTo: reach.to,
        });
        if (cur.to > reach.to) reach = cur;
      } else {
        reach = cur;
      }
    }
  }
}

function checkEndpoint(ctx: Context, endpoint: { device: string; interface: string }, path: Path): void {
  const at = ctx.ref(ctx.devices, ctx.skip.devices, endpoint.device, [...path, "device"], "device");
  if (at === undefined) return;
  const dev = ctx.inv.devices[at]!;
  // Interfaces are optional in the inventory; when a device lists them, a link must name one of them.
  if (dev.interfaces.length > 0 && !dev.interfaces.some((f) => f.name === endpoint.interface)) {
    ctx.d.error([...path, "interface"], "ref.unknown-in", { kind: "interface", id: endpoint.interface, scope: "device", scopeId: dev.id });
  }
}

function checkLinksAndCables(ctx: Context): void {
  const { inv, d } = ctx;
  inv.links.forEach((link, i) => {
    checkEndpoint(ctx, link.a, ["links", i, "a"]);
    checkEndpoint(ctx, link.b, ["links", i, "b"]);
    if (link.a.device === link.b.device) d.error(["links", i, "b", "device"], "link.same-device", { device: link.a.device });
  });
  inv.cables.forEach((cable, i) => {
    ctx.ref(ctx.sites, ctx.skip.sites, cable.site, ["cables", i, "site"], "site");
    checkEndpoint(ctx, cable.from, ["cables", i, "from"]);
  });
}

function checkOpdSubnets(ctx: Context): void {
  const { inv, d } = ctx;
  const subnets: { opd: number; s: number; cidr: string; range: IpRange }[] = [];
  inv.opds.forEach((opd, o) =>
    opd.subnets.forEach((cidr, s) => {
      const range = tryParseRange(cidr);
      if (!range) return;
      if (!isPrivate(range)) d.error(["opds", o, "subnets", s], "ip.subnet-public", { cidr });
      subnets.push({ opd: o, s, cidr, range });
    }),
  );
  for (const { first, second } of laterInFile(findOverlaps(subnets, (x) => x.range), (x) => x.opd * 1e6 + x.s)) {
    d.error(["opds", second.opd, "subnets", second.s], "ip.subnet-overlap", {
      cidr: second.cidr,
      other: first.cidr,
      otherOpd: inv.opds[first.opd]!.code,
    });
  }
}

function checkPublicIp(ctx: Context): void {
  const { inv, d } = ctx;
  const blocks = inv.publicIp.blocks.map((b) => ({ block: b, range: tryParseRange(b.cidr) }));
  for (const { first, second } of laterInFile(findOverlaps(blocks.map((b, i) => ({ ...b, i })), (b) => b.range), (b) => b.i)) {
    d.error(["publicIp", "blocks", second.i, "cidr"], "ip.block-overlap", {
      cidr: second.block.cidr,
      other: first.block.id,
      otherCidr: first.block.cidr,
    });
  }
  const fixed: { i: number; range: IpRange; address: string }[] = [];
  const usedPerBlock = new Map<number, bigint>();
  const reservedPerBlock = checkReserved(ctx, blocks, usedPerBlock);
  const autoPerBlock = new Map<number, number[]>();
  // Single addresses counted as plain numbers, added to usedPerBlock once at the end: a bigint sum
  // per allocation was a third of this loop on 60,000 allocations.
  const singlesPerBlock = new Map<number, number>();
  // Paths written out rather than spread from a common prefix: tens of thousands of allocations.
  inv.publicIp.allocations.forEach((alloc, i) => {
    const bi = ctx.ref(ctx.blocks, ctx.skip.blocks, alloc.block, ["publicIp", "allocations", i, "block"], "block");
    const to = alloc.to;
    if ("application" in to) ctx.ref(ctx.applications, ctx.skip.applications, to.application, ["publicIp", "allocations", i, "to", "application"], "application");
    if ("opd" in to) ctx.ref(ctx.opds, ctx.skip.opds, to.opd, ["publicIp", "allocations", i, "to", "opd"], "OPD");
    if (bi === undefined) return;
    const block = blocks[bi]!;
    if (!block.range) return;
    if (alloc.address === undefined) {
      let list = autoPerBlock.get(bi);
      if (!list) autoPerBlock.set(bi, (list = []));
      list.push(i);
      return;
    }
    const range = tryParseRange(alloc.address);
    if (!range) return;
    const addressPath: Path = ["publicIp", "allocations", i, "address"];
    if (range.family !== block.range.family) {
      d.error(addressPath, "ip.family", { address: alloc.address, block: block.block.id, cidr: block.block.cidr });
      return;
    }
    if (!contains(block.range, range)) {
      d.error(addressPath, "ip.outside-block", { address: alloc.address, block: block.block.id, cidr: block.block.cidr });
      return;
    }
    const edge = ipv4EdgeAddress(block.range, range, alloc.address);
    if (edge) {
      d.error(addressPath, edge, { address: alloc.address, block: block.block.id, cidr: block.block.cidr });
      return;
    }
    const reserved = reservedPerBlock.get(bi)?.find((r) => r.range.start <= range.end && range.start <= r.range.end);
    if (reserved) {
      d.error(addressPath, "ip.alloc-reserved", { address: alloc.address, block: block.block.id, reserved: reserved.address, reason: reserved.reason });
      return;
    }
    fixed.push({ i, range, address: alloc.address });
    if (range.start === range.end) singlesPerBlock.set(bi, (singlesPerBlock.get(bi) ?? 0) + 1);
    else usedPerBlock.set(bi, (usedPerBlock.get(bi) ?? 0n) + size(range));
  });
  for (const [bi, singles] of singlesPerBlock) usedPerBlock.set(bi, (usedPerBlock.get(bi) ?? 0n) + BigInt(singles));
  for (const { first, second } of laterInFile(findOverlaps(fixed, (f) => f.range), (f) => f.i)) {
    const allocs = inv.publicIp.allocations;
    const same = first.range.start === second.range.start && first.range.end === second.range.end;
    d.error(["publicIp", "allocations", second.i, "address"], same ? "ip.alloc-duplicate" : "ip.alloc-overlap", {
      address: second.address,
      other: allocs[first.i]!.id,
      otherAddress: first.address,
    });
  }
  // Capacity: each allocation without an address takes one address of its block.
  blocks.forEach(({ block, range }, bi) => {
    if (!range) return;
    const total = size(range);
    const autos = autoPerBlock.get(bi) ?? [];
    const used = (usedPerBlock.get(bi) ?? 0n) + BigInt(autos.length);
    if (used > total) {
      const firstOver = autos[autos.length - Number(used - total)];
      if (firstOver !== undefined) {
        d.error(["publicIp", "allocations", firstOver], "ip.block-full", {
          block: block.id,
          cidr: block.cidr,
          allocation: inv.publicIp.allocations[firstOver]!.id,
        });
      }
      return;
    }
    const percent = Number((used * 1000n) / total) / 10;
    if (percent >= BLOCK_EXHAUSTION_WARNING * 100) {
      d.warning(["publicIp", "blocks", bi], "ip.block-exhausted", {
        block: block.id,
        cidr: block.cidr,
        percent,
        used: used.toString(),
        total: total.toString(),
      });
    }
  });
}

/**
 * A single address on the network or broadcast address of an IPv4 block larger than /31 (RFC 3021
 * makes both addresses of a /31 hosts): no host can answer there. A prefix allocation is a sub-block
 * with its own edges, so only addresses are judged.
 */
function ipv4EdgeAddress(block: IpRange, range: IpRange, written: string): "ip.network-address" | "ip.broadcast-address" | undefined {
  if (block.family !== 4 || size(block) <= 2n || written.includes("/")) return undefined;
  if (range.start === block.start) return "ip.network-address";
  if (range.end === block.end) return "ip.broadcast-address";
  return undefined;
}

/**
 * Each block's reserved addresses: inside the block and of its family (else an error at the
 * reservation), counted as used. Returns the valid ones by block index.
 */
function checkReserved(
  ctx: Context,
  blocks: { block: Inventory["publicIp"]["blocks"][number]; range: IpRange | undefined }[],
  usedPerBlock: Map<number, bigint>,
): Map<number, { range: IpRange; address: string; reason: string }[]> {
  const out = new Map<number, { range: IpRange; address: string; reason: string }[]>();
  blocks.forEach(({ block, range: blockRange }, bi) => {
    if (!blockRange) return;
    const valid: { range: IpRange; address: string; reason: string }[] = [];
    block.reserved.forEach((r, ri) => {
      const path: Path = ["publicIp", "blocks", bi, "reserved", ri, "address"];
      const range = tryParseRange(r.address);
      if (!range) return;
      const params = { address: r.address, block: block.id, cidr: block.cidr };
      if (range.family !== blockRange.family) return ctx.d.error(path, "ip.family", params);
      if (!contains(blockRange, range)) return ctx.d.error(path, "ip.outside-block", params);
      valid.push({ range, address: r.address, reason: r.reason });
      usedPerBlock.set(bi, (usedPerBlock.get(bi) ?? 0n) + size(range));
    });
    out.set(bi, valid);
  });
  return out;
}

/** Orders each overlapping pair so the error lands on the entry written later in the file. */
function laterInFile<T>(pairs: { first: T; second: T }[], order: (t: T) => number): { first: T; second: T }[] {
  return pairs.map((p) => (order(p.first) > order(p.second) ? { first: p.second, second: p.first } : p));
}

function checkBandwidth(ctx: Context): void {
  const { inv, d } = ctx;
  const bw = inv.bandwidth;
  if (!bw) return;
  // The gateway's device is a reference; its interfaces, its kind, the OPDs' subnets and each
  // quota's capacity are what rendering needs, checked once in quota-check.ts (the planner in
  // infra/quota refuses the same findings), so what validates also renders and deploys.
  if (bw.gateway) ctx.ref(ctx.devices, ctx.skip.devices, bw.gateway.device, ["bandwidth", "gateway", "device"], "device");
  for (const f of checkQuotaShaping(inv)) d.error(f.path, f.code, f.params);
  const seen = new Set<string>();
  let down = 0;
  let up = 0;
  bw.quotas.forEach((q, i) => {
    ctx.ref(ctx.opds, ctx.skip.opds, q.opd, ["bandwidth", "quotas", i, "opd"], "OPD");
    if (seen.has(q.opd)) d.error(["bandwidth", "quotas", i, "opd"], "quota.duplicate", { opd: q.opd });
    seen.add(q.opd);
    down += q.downMbps;
    up += q.upMbps;
  });
  // Oversubscription is normal practice (not every OPD peaks at once), so this is a warning.
  if (down > bw.upstreamMbps) d.warning(["bandwidth", "quotas"], "quota.over-upstream", { sum: down, direction: "down", upstream: bw.upstreamMbps });
  if (up > bw.upstreamMbps) d.warning(["bandwidth", "quotas"], "quota.over-upstream", { sum: up, direction: "up", upstream: bw.upstreamMbps });
}

function checkBackbone(ctx: Context): void {
  const bb = ctx.inv.backbone;
  if (!bb) return;
  // The routers are references; what rendering needs (roles, routed links, block sizes) is checked
  // once in routing-check.ts, which the routing planner also refuses.
  bb.routers.forEach((r, i) => ctx.ref(ctx.devices, ctx.skip.devices, r.device, ["backbone", "routers", i, "device"], "device"));
  for (const f of checkRouting(ctx.inv)) ctx.d.error(f.path, f.code, f.params);
}

function checkServer(ctx: Context, serverId: string, path: Path): void {
  const at = ctx.ref(ctx.devices, ctx.skip.devices, serverId, path, "server");
  if (at === undefined) return;
  const dev = ctx.inv.devices[at]!;
  if (dev.role !== "server") ctx.d.error(path, "ref.not-server", { id: dev.id, role: dev.role });
}

function checkApplications(ctx: Context): void {
  const { inv, d } = ctx;
  // Paths written out rather than spread from a common prefix: tens of thousands of applications.
  inv.applications.forEach((app, i) => {
    ctx.ref(ctx.opds, ctx.skip.opds, app.opd, ["applications", i, "opd"], "OPD");
    const p = app.placement;
    if (p.type === "datacenter" || p.type === "opd-server") checkServer(ctx, p.server, ["applications", i, "placement", "server"]);
    if (p.type === "datacenter") checkPorts(ctx, p.ports, ["applications", i, "placement", "ports"]);
    if (p.type === "datacenter" && p.publicIp !== undefined) {
      const at = ctx.ref(ctx.allocations, ctx.skip.allocations, p.publicIp, ["applications", i, "placement", "publicIp"], "allocation");
      if (at !== undefined) {
        const to = inv.publicIp.allocations[at]!.to;
        if (!("application" in to) || to.application !== app.id) {
          d.error(["applications", i, "placement", "publicIp"], "placement.public-ip-not-assigned", { allocation: p.publicIp, application: app.id });
        }
      }
    }
    if (app.dr) {
      checkServer(ctx, app.dr.server, ["applications", i, "dr", "server"]);
      if ((p.type === "datacenter" || p.type === "opd-server") && p.server === app.dr.server) {
        d.error(["applications", i, "dr", "server"], "dr.same-server");
      }
    }
  });
}

/**
 * A public port declared twice (same number and protocol): docker refuses the second publication and
 * the edge gateway's firewall would hold one rule for two entries. Reported at the later entry.
 */
function checkPorts(ctx: Context, ports: { container: number; public?: number; protocol: "tcp" | "udp" }[], path: Path): void {
  if (ports.length < 2) return;
  const seen = new Map<string, number>();
  ports.forEach((port, j) => {
    const number = port.public ?? port.container;
    const key = `${number}/${port.protocol}`;
    const first = seen.get(key);
    if (first !== undefined) ctx.d.error([...path, j, port.public !== undefined ? "public" : "container"], "placement.port-duplicate", { port: number, protocol: port.protocol, first });
    else seen.set(key, j);
  });
}

/** The years a reference names as a word of its own ("BA-KAMINFO/simrs/2026" → 2026). */
const yearsIn = (ref: string) => [...ref.matchAll(/(?<![0-9])(19|20)[0-9]{2}(?![0-9])/g)].map((m) => m[0]);

/**
 * Plausibility of the evidence the compliance report rests on (issue 14): an assessment record whose
 * reference names a year other than its date's is probably a copied reference. A warning, with its
 * position: the evidence may be right and the reference scheme odd.
 */
function checkEvidenceYears(ctx: Context): void {
  const { inv, d } = ctx;
  inv.applications.forEach((app, i) => {
    const s = app.securityAssessment;
    if (!s?.ref) return;
    const years = yearsIn(s.ref);
    if (years.length > 0 && !years.includes(s.date.slice(0, 4))) d.warning(["applications", i, "securityAssessment", "ref"], "evidence.year-mismatch", { ref: s.ref, date: s.date });
  });
}
