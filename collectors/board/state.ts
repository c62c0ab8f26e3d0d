// What the NOC board shows now (GET /board.json, and the server-rendered page): pure over the
// layout, the poller's target status (/targets' rows), the derived series (link utilisation, OPD
// traffic against quota) and the compliance summary the serve command passes in.
import type { Sample } from "../sample";
import type { TargetStatus } from "../prom-store";
import * as N from "../metric-names";
import { LINK_UTILISATION_CRITICAL, LINK_UTILISATION_WARN } from "../thresholds";
import type { BoardLayout } from "./layout";

export type SiteState = "up" | "down" | "degraded" | "unknown";
export type LinkLevel = "ok" | "warn" | "crit" | "none";

export interface ComplianceSummary {
  /** 0..100 */
  score: number;
  /** policies/verdict.ts: "memenuhi" | "memenuhi-dengan-catatan" | "tidak-memenuhi". */
  predicate?: string;
}

export interface BoardDevice {
  id: string;
  site: string;
  up: boolean | null;
  lastPoll: string | null;
  /** Reasons of the last poll's failed modules (timeout, auth, …). */
  errors: string[];
}

export interface BoardState {
  generatedAt: string;
  summary: {
    devicesUp: number;
    devicesDown: number;
    devicesUnknown: number;
    errorsByReason: Record<string, number>;
    opdsOverQuota: string[];
    compliance: ComplianceSummary | null;
  };
  sites: { id: string; state: SiteState; up: number; down: number; unknown: number }[];
  links: { id: string; utilisation: number | null; level: LinkLevel }[];
  devices: BoardDevice[];
}

export function linkLevel(utilisation: number | null): LinkLevel {
  if (utilisation === null) return "none";
  if (utilisation >= LINK_UTILISATION_CRITICAL) return "crit";
  if (utilisation >= LINK_UTILISATION_WARN) return "warn";
  return "ok";
}

/** A site is up when every polled device answered, down when none did, degraded in between. */
export function siteState(up: number, down: number): SiteState {
  if (up + down === 0) return "unknown";
  if (down === 0) return "up";
  return up === 0 ? "down" : "degraded";
}

const label = (s: Sample, name: string) => s.labels.find(([k]) => k === name)?.[1];

/** Highest of in/out utilisation per link (the derived spbe_link_utilisation_ratio). */
function utilisationByLink(derived: Sample[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of derived) {
    if (s.name !== N.SPBE_LINK_UTILISATION_RATIO) continue;
    const link = label(s, N.LABEL_LINK)!;
    out.set(link, Math.max(out.get(link) ?? 0, Number(s.value)));
  }
  return out;
}

/** OPDs whose traffic exceeds their quota in either direction (derived spbe_opd_traffic_bps vs spbe_opd_quota_bps). */
function opdsOverQuota(derived: Sample[]): string[] {
  const quota = new Map<string, number>();
  for (const s of derived) if (s.name === N.SPBE_OPD_QUOTA_BPS) quota.set(`${label(s, N.LABEL_OPD)}\0${label(s, N.LABEL_DIRECTION)}`, Number(s.value));
  const over = new Set<string>();
  for (const s of derived) {
    if (s.name !== N.SPBE_OPD_TRAFFIC_BPS) continue;
    const q = quota.get(`${label(s, N.LABEL_OPD)}\0${label(s, N.LABEL_DIRECTION)}`);
    if (q !== undefined && Number(s.value) > q) over.add(label(s, N.LABEL_OPD)!);
  }
  return [...over].sort();
}

export function boardState(layout: BoardLayout, status: TargetStatus[], derived: Sample[], compliance: ComplianceSummary | null, now: Date): BoardState {
  const devices: BoardDevice[] = status.map((t) => ({ id: t.device, site: t.site, up: t.up, lastPoll: t.lastPoll, errors: [...new Set(t.errors.map((e) => e.reason))] }));
  const perSite = new Map<string, { up: number; down: number; unknown: number }>(layout.sites.map((s) => [s.id, { up: 0, down: 0, unknown: 0 }]));
  const errorsByReason: Record<string, number> = {};
  for (const d of devices) {
    const c = perSite.get(d.site);
    const key = d.up === null ? "unknown" : d.up ? "up" : "down";
    if (c) c[key]++;
    for (const r of d.errors) errorsByReason[r] = (errorsByReason[r] ?? 0) + 1;
  }
  const util = utilisationByLink(derived);
  const count = (k: "up" | "down" | "unknown") => [...perSite.values()].reduce((n, c) => n + c[k], 0);
  return {
    generatedAt: now.toISOString(),
    summary: { devicesUp: count("up"), devicesDown: count("down"), devicesUnknown: count("unknown"), errorsByReason, opdsOverQuota: opdsOverQuota(derived), compliance },
    sites: layout.sites.map((s) => {
      const c = perSite.get(s.id)!;
      return { id: s.id, state: siteState(c.up, c.down), ...c };
    }),
    links: layout.links.map((l) => {
      const u = util.get(l.id);
      const utilisation = u === undefined ? null : Math.round(u * 1000) / 1000;
      return { id: l.id, utilisation, level: linkLevel(utilisation) };
    }),
    devices,
  };
}
