// Availability per OPD, per backbone link, for the data center and for the recovery site, from the
// availability fact (observe/history.ts reads it from Prometheus). Pure. Information for the Dewan
// TIK, not a finding: neither Perda sets an availability level (docs/compliance-matrix.md).
import type { AvailabilityFact } from "../facts/schema";
import type { Inventory } from "../inventory/schema";
import { opdOfDevice } from "./rules/helpers";
import type { AvailabilityFigure, AvailabilitySection, GroupOutage, InventoryIndex } from "./types";

type DeviceHistory = AvailabilityFact["devices"][number];

function outageOf(kind: "device" | "probe", id: string, o: DeviceHistory["longestOutage"]): GroupOutage | undefined {
  return o ? { subject: { kind, id }, start: o.start, end: o.end, seconds: o.seconds } : undefined;
}

const longer = (a: GroupOutage | undefined, b: GroupOutage | undefined) => (!a ? b : !b ? a : b.seconds > a.seconds ? b : a);

/** The figure of a group of devices (undefined when none of them has history). */
export function figureOf(devices: readonly DeviceHistory[]): AvailabilityFigure | undefined {
  if (devices.length === 0) return undefined;
  let outage: GroupOutage | undefined;
  for (const d of devices) outage = longer(outage, outageOf("device", d.id, d.longestOutage));
  const ratio = devices.reduce((s, d) => s + d.ratio, 0) / devices.length;
  return { ratio, devices: devices.length, ...(outage ? { longestOutage: outage } : {}) };
}

/** The newest availability fact of the facts, if any. */
export function latestAvailability(facts: readonly AvailabilityFact[] | undefined): AvailabilityFact | undefined {
  return [...(facts ?? [])].sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt)).at(-1);
}

export function availabilitySection(inv: Inventory, index: InventoryIndex, fact: AvailabilityFact): AvailabilitySection {
  const base = { from: fact.from, to: fact.to, source: fact.source, observedAt: fact.observedAt };
  if (fact.error) return { ...base, error: fact.error, opds: [], links: [], probes: [], notObserved: [], quotaUse: [] };
  const history = new Map(fact.devices.map((d) => [d.id, d]));
  const inventoried = inv.devices.filter((d) => history.has(d.id)).map((d) => history.get(d.id)!);
  const siteKind = (deviceId: string) => index.sites.get(index.devices.get(deviceId)?.site ?? "")?.kind;

  const opds = inv.opds.flatMap((o) => {
    const figure = figureOf(inventoried.filter((d) => opdOfDevice(d.id, inv, index) === o.code));
    return figure ? [{ opd: o.code, name: o.name, ...figure }] : [];
  });

  // A backbone link is seen from the data center: it is up when the device behind it answers.
  const links = inv.links.flatMap((l) => {
    const ends = [l.a.device, l.b.device].filter((id) => history.has(id));
    const away = ends.filter((id) => siteKind(id) !== "datacenter");
    const candidates = away.length > 0 ? away : ends;
    const behind = candidates.map((id) => history.get(id)!).sort((x, y) => x.ratio - y.ratio)[0];
    if (!behind) return [];
    return [{ link: l.id, device: behind.id, ...figureOf([behind])! }];
  });

  const datacenter = figureOf(inventoried.filter((d) => siteKind(d.id) === "datacenter"));
  const recovery = figureOf(inventoried.filter((d) => siteKind(d.id) === "recovery"));
  const probes = fact.probes.map((p) => {
    const o = outageOf("probe", p.name, p.longestOutage);
    return { name: p.name, ratio: p.ratio, ...(o ? { longestOutage: o } : {}) };
  });
  let longestOutage: GroupOutage | undefined;
  for (const d of inventoried) longestOutage = longer(longestOutage, outageOf("device", d.id, d.longestOutage));
  for (const p of probes) longestOutage = longer(longestOutage, p.longestOutage);

  return {
    ...base,
    opds,
    links,
    ...(datacenter ? { datacenter } : {}),
    ...(recovery ? { recovery } : {}),
    probes,
    ...(longestOutage ? { longestOutage } : {}),
    notObserved: inv.devices.filter((d) => d.snmp && !history.has(d.id)).map((d) => d.id),
    quotaUse: (fact.quotaUse ?? []).map((u) => {
      const q = inv.bandwidth?.quotas.find((x) => x.opd === u.opd);
      const mbps = q ? (u.direction === "down" ? q.downMbps : q.upMbps) : undefined;
      return { ...u, name: inv.opds.find((o) => o.code === u.opd)?.name ?? u.opd, ...(mbps !== undefined ? { quotaBps: mbps * 1e6 } : {}) };
    }),
  };
}
