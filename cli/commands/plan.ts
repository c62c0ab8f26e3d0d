import type { Command } from "commander";
import { formatNumber, formatPercent, t, type Lang, type MessageCode } from "../../i18n";
import { planPublicIps, plannedReservations, type PlannedAllocation, type PlannedReservation } from "../../infra/planning/public-ips";
import { summarize, type InventorySummary, type RackSummary } from "../../inventory/summary";

/** Every public address of the plan: allocations (fixed in the file or assigned by the planner) and reservations. */
export interface PlannedAddresses {
  allocations: PlannedAllocation[];
  reserved: PlannedReservation[];
}
import { formatOption, langOf, langOption, loadForCommand } from "../context";

export function configurePlan(command: Command): void {
  command
    .argument("<inventory>", "inventory YAML file")
    .addOption(formatOption())
    .addOption(langOption())
    .action((file: string, opts: { format: string; lang?: string }) => {
      const { inventory } = loadForCommand(file, opts);
      if (!inventory) return;
      const summary = summarize(inventory);
      const addresses: PlannedAddresses = { allocations: planPublicIps(inventory), reserved: plannedReservations(inventory) };
      if (opts.format === "json") process.stdout.write(JSON.stringify({ ...summary, publicIpAddresses: addresses }, null, 2) + "\n");
      else process.stdout.write(renderPlan(summary, langOf(opts), addresses));
    });
}


/** A rack elevation from the top: each device's U range, empty runs folded into one line. */
export function elevation(r: RackSummary, lang: Lang): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < r.units.length) {
    const who = r.units[i];
    let j = i;
    while (j + 1 < r.units.length && r.units[j + 1] === who) j++;
    const top = r.heightU - i;
    const bottom = r.heightU - j;
    const range = top === bottom ? `U${top}` : `U${top}-U${bottom}`;
    lines.push(`    ${range.padEnd(9)} ${who ? `[${who}]` : `· ${t(lang, "plan.empty-units")}`}`);
    i = j + 1;
  }
  return lines;
}

/**
 * An address count as a reader takes it in: digits up to a billion; beyond (an IPv6 /48 has 2^80
 * addresses, 25 digits), a power of two, or a power of two less a few, as the count is written.
 */
export function countText(count: string, blockTotal: string, lang: Lang): string {
  const n = BigInt(count);
  if (n < 1_000_000_000n) return formatNumber(lang, Number(n));
  const total = BigInt(blockTotal);
  const bits = total.toString(2).length - 1;
  const isPowerOfTwo = (total & (total - 1n)) === 0n;
  if (isPowerOfTwo && n === total) return `2^${bits}`;
  if (isPowerOfTwo && total - n < 1_000_000n) return `2^${bits} - ${total - n}`;
  const digits = n.toString();
  return `~${formatNumber(lang, Number(`${digits[0]}.${digits.slice(1, 3)}`), { fractionDigits: 2 })}e${digits.length - 1}`;
}

export function renderPlan(s: InventorySummary, lang: Lang, addresses?: PlannedAddresses): string {
  const out: string[] = [];
  const h = (code: MessageCode, params: Record<string, string | number> = {}) => {
    out.push("", `== ${t(lang, code, params)}`);
  };
  out.push(t(lang, "plan.title", { kabupaten: s.kabupaten, domain: s.domain, profiles: s.profiles.join(", ") }));
  out.push(t(lang, "plan.counts", s.counts));

  h("plan.sites");
  const offices = s.sites.filter((x) => x.kind === "opd-office");
  for (const site of s.sites.filter((x) => x.kind !== "opd-office")) {
    out.push("  " + t(lang, "plan.site-line", { ...site, kind: t(lang, `plan.site-kind.${site.kind}` as MessageCode) }));
  }
  if (offices.length) out.push("  " + t(lang, "plan.opd-offices", { count: offices.length }));

  h("plan.racks");
  for (const r of s.racks) {
    out.push("  " + t(lang, "plan.rack-line", { site: r.site, rack: r.rack, used: r.usedU, height: r.heightU, percent: formatPercent(lang, r.utilisation) }));
    out.push(...elevation(r, lang));
  }

  h("plan.devices");
  out.push("  " + Object.entries(s.devicesByRole).map(([role, n]) => `${role}: ${n}`).join(", "));

  h("plan.links", { count: s.links.length, capacity: formatNumber(lang, s.backboneCapacityMbps) });
  const w = Math.max(0, ...s.links.map((l) => l.id.length));
  for (const l of s.links) {
    out.push(`  ${l.id.padEnd(w)}  ${l.a} <-> ${l.b}  ${l.medium} ${formatNumber(lang, l.capacityMbps)} Mbps  ${l.labelCode ?? `(${t(lang, "plan.no-label")})`}`);
  }

  h("plan.ip");
  for (const b of s.blocks) out.push("  " + t(lang, "plan.ip-line", { ...b, used: countText(b.used, b.total, lang), free: countText(b.free, b.total, lang), total: countText(b.total, b.total, lang), percent: formatPercent(lang, b.utilisation) }));
  if (addresses) out.push(...addressLines(addresses, lang));

  h("plan.quotas");
  const q = s.quotas;
  out.push("  " + t(lang, "plan.quota-total", {
    down: formatNumber(lang, q.totalDownMbps),
    up: formatNumber(lang, q.totalUpMbps),
    upstream: q.upstreamMbps !== undefined ? formatNumber(lang, q.upstreamMbps) : "-",
    ratio: q.oversubscription !== undefined ? formatNumber(lang, q.oversubscription, { fractionDigits: 2 }) : "-",
  }));
  const qw = Math.max(0, ...q.perOpd.map((x) => x.opd.length));
  for (const x of q.perOpd) {
    out.push(`  ${x.opd.padEnd(qw)}  ${formatNumber(lang, x.downMbps).padStart(5)} / ${formatNumber(lang, x.upMbps).padStart(5)} Mbps${x.monthlyVolumeGB ? `  ${formatNumber(lang, x.monthlyVolumeGB)} GB/${t(lang, "plan.per-month")}` : ""}`);
  }
  if (q.opdsWithoutQuota.length) out.push("  " + t(lang, "plan.quota-missing", { list: q.opdsWithoutQuota.join(", ") }));

  h("plan.placements");
  const p = s.placements;
  out.push("  " + t(lang, "plan.placement-counts", { dc: p.inDatacenter, external: p.external, opd: p.onOpdServers, dr: p.withDrReplica }));
  const aw = Math.max(0, ...p.list.map((x) => x.application.length));
  for (const x of p.list) {
    const kind = t(lang, `plan.placement.${x.placement}` as MessageCode);
    out.push(`  ${x.application.padEnd(aw)}  ${x.opd.padEnd(16)} ${x.classification.padEnd(9)} ${kind}: ${x.where}${x.dr ? `  ${t(lang, "plan.dr", { server: x.dr })}` : ""}`);
  }
  return out.join("\n") + "\n";
}

/** Each address by block: reserved (with its reason), fixed in the file, or assigned by the planner. */
function addressLines(a: PlannedAddresses, lang: Lang): string[] {
  const rows: { block: string; address: string; source: string; what: string }[] = [
    ...a.reserved.map((r) => ({ block: r.block, address: r.address, source: t(lang, "plan.address-reserved"), what: r.reason + (r.description ? `: ${r.description}` : "") })),
    ...a.allocations.map((x) => ({
      block: x.block,
      address: x.address,
      source: t(lang, x.source === "fixed" ? "plan.address-fixed" : "plan.address-assigned"),
      what: `${x.id} -> ${Object.entries(x.to).map(([k, v]) => `${k} ${v}`).join("")}`,
    })),
  ];
  const aw = Math.max(0, ...rows.map((r) => r.address.length));
  const sw = Math.max(0, ...rows.map((r) => r.source.length));
  const bw = Math.max(0, ...rows.map((r) => r.block.length));
  return rows.map((r) => `    ${r.block.padEnd(bw)}  ${r.address.padEnd(aw)}  ${r.source.padEnd(sw)}  ${r.what}`);
}
