// What an inventory describes, as plain data: the content of `spbe plan`. Pure and linear in the
// size of the inventory; the CLI only renders it.
import { parseRange, size, tryParseRange } from "./ip";
import type { DeviceRole, Inventory } from "./schema";

export interface RackSummary {
  site: string;
  rack: string;
  heightU: number;
  usedU: number;
  utilisation: number;
  /** From the top U down: the device occupying each U, or null when empty. */
  units: (string | null)[];
}

export interface BlockSummary {
  id: string;
  cidr: string;
  total: string;
  used: string;
  free: string;
  utilisation: number;
  allocations: number;
}

export interface PlacementSummary {
  application: string;
  opd: string;
  classification: string;
  placement: "datacenter" | "external" | "opd-server";
  where: string;
  dr?: string;
}

export interface InventorySummary {
  kabupaten: string;
  domain: string;
  profiles: string[];
  counts: { opds: number; sites: number; devices: number; links: number; applications: number; allocations: number };
  sites: { id: string; name: string; kind: string; racks: number; devices: number }[];
  racks: RackSummary[];
  devicesByRole: Partial<Record<DeviceRole, number>>;
  links: { id: string; a: string; b: string; medium: string; capacityMbps: number; labelCode?: string }[];
  backboneCapacityMbps: number;
  blocks: BlockSummary[];
  quotas: {
    upstreamMbps?: number;
    totalDownMbps: number;
    totalUpMbps: number;
    oversubscription?: number;
    perOpd: { opd: string; downMbps: number; upMbps: number; monthlyVolumeGB?: number }[];
    opdsWithoutQuota: string[];
  };
  placements: {
    inDatacenter: number;
    external: number;
    onOpdServers: number;
    withDrReplica: number;
    list: PlacementSummary[];
  };
}

export function summarize(inv: Inventory): InventorySummary {
  const devicesBySite = new Map<string, number>();
  const devicesByRole: Partial<Record<DeviceRole, number>> = {};
  for (const d of inv.devices) {
    devicesBySite.set(d.site, (devicesBySite.get(d.site) ?? 0) + 1);
    devicesByRole[d.role] = (devicesByRole[d.role] ?? 0) + 1;
  }

  const racks: RackSummary[] = [];
  const rackIndex = new Map<string, RackSummary>();
  for (const site of inv.sites) {
    for (const rack of site.racks) {
      const r: RackSummary = { site: site.id, rack: rack.id, heightU: rack.heightU, usedU: 0, utilisation: 0, units: new Array(rack.heightU).fill(null) };
      racks.push(r);
      rackIndex.set(`${site.id}\u0000${rack.id}`, r);
    }
  }
  for (const d of inv.devices) {
    if (!d.rack || d.position === undefined) continue;
    const r = rackIndex.get(`${d.site}\u0000${d.rack}`);
    if (!r) continue;
    for (let u = d.position; u < d.position + d.heightU && u <= r.heightU; u++) {
      r.units[r.heightU - u] = d.id;
      r.usedU++;
    }
  }
  for (const r of racks) r.utilisation = r.usedU / r.heightU;

  const blocks: BlockSummary[] = inv.publicIp.blocks.map((b) => ({ id: b.id, cidr: b.cidr, total: "0", used: "0", free: "0", utilisation: 0, allocations: 0 }));
  const blockIndex = new Map(blocks.map((b, i) => [b.id, i]));
  const usedPerBlock = new Array<bigint>(blocks.length).fill(0n);
  for (const a of inv.publicIp.allocations) {
    const i = blockIndex.get(a.block);
    if (i === undefined) continue;
    blocks[i]!.allocations++;
    usedPerBlock[i]! += a.address ? (tryParseRange(a.address) ? size(parseRange(a.address)) : 0n) : 1n;
  }
  // Reserved addresses (the ISP's router, the gateway) are as used as allocated ones.
  inv.publicIp.blocks.forEach((b, i) => {
    for (const r of b.reserved) usedPerBlock[i]! += tryParseRange(r.address) ? size(parseRange(r.address)) : 0n;
  });
  blocks.forEach((b, i) => {
    const total = size(parseRange(b.cidr));
    const used = usedPerBlock[i]!;
    b.total = total.toString();
    b.used = used.toString();
    b.free = (total > used ? total - used : 0n).toString();
    // Ratio in parts per million keeps precision for IPv6 blocks whose sizes exceed 2^53.
    b.utilisation = Number((used * 1_000_000n) / total) / 1_000_000;
  });

  const quotas = inv.bandwidth?.quotas ?? [];
  const withQuota = new Set(quotas.map((q) => q.opd));
  const totalDownMbps = quotas.reduce((s, q) => s + q.downMbps, 0);
  const totalUpMbps = quotas.reduce((s, q) => s + q.upMbps, 0);
  const upstream = inv.bandwidth?.upstreamMbps;

  const list: PlacementSummary[] = inv.applications.map((a) => {
    const p = a.placement;
    const where = p.type === "external" ? `${p.provider} (${p.country})` : p.server;
    return { application: a.id, opd: a.opd, classification: a.classification, placement: p.type, where, ...(a.dr ? { dr: a.dr.server } : {}) };
  });

  return {
    kabupaten: inv.meta.kabupaten,
    domain: inv.meta.domain,
    profiles: [...inv.meta.profiles],
    counts: {
      opds: inv.opds.length,
      sites: inv.sites.length,
      devices: inv.devices.length,
      links: inv.links.length,
      applications: inv.applications.length,
      allocations: inv.publicIp.allocations.length,
    },
    sites: inv.sites.map((s) => ({ id: s.id, name: s.name, kind: s.kind, racks: s.racks.length, devices: devicesBySite.get(s.id) ?? 0 })),
    racks,
    devicesByRole,
    links: inv.links.map((l) => ({
      id: l.id,
      a: `${l.a.device}:${l.a.interface}`,
      b: `${l.b.device}:${l.b.interface}`,
      medium: l.medium,
      capacityMbps: l.capacityMbps,
      ...(l.labelCode ? { labelCode: l.labelCode } : {}),
    })),
    backboneCapacityMbps: inv.links.reduce((s, l) => s + l.capacityMbps, 0),
    blocks,
    quotas: {
      ...(upstream !== undefined ? { upstreamMbps: upstream, oversubscription: totalDownMbps / upstream } : {}),
      totalDownMbps,
      totalUpMbps,
      perOpd: quotas.map((q) => ({ opd: q.opd, downMbps: q.downMbps, upMbps: q.upMbps, ...(q.monthlyVolumeGB ? { monthlyVolumeGB: q.monthlyVolumeGB } : {}) })),
      opdsWithoutQuota: inv.opds.filter((o) => !withQuota.has(o.code)).map((o) => o.code),
    },
    placements: {
      inDatacenter: list.filter((p) => p.placement === "datacenter").length,
      external: list.filter((p) => p.placement === "external").length,
      onOpdServers: list.filter((p) => p.placement === "opd-server").length,
      withDrReplica: list.filter((p) => p.dr).length,
      list,
    },
  };
}
