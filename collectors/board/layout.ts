// Where the NOC board draws each site and link: computed once per inventory, pure and deterministic.
//
// Written by hand rather than with a layout library (d3-force, elkjs): a kabupaten's backbone is a
// star around the data center (every office hangs off the core), and the readable picture of a star
// is rings by site kind: the data center in the middle, the recovery site next to it, OPD offices on
// a ring, kecamatan offices on the ring outside it. That is a few lines of trigonometry, O(sites),
// the same picture on every load; a force simulation would need a tick budget, a seed and a new
// dependency to arrive at a worse version of the same rings, and would move sites when one is added.
import type { Inventory } from "../../inventory/schema";

export type SiteLayer = "datacenter" | "recovery" | "opd-office" | "kecamatan";

export interface SitePlace {
  id: string;
  name: string;
  layer: SiteLayer;
  x: number;
  y: number;
  /** Which side of the node the label goes on (outwards from the centre). */
  anchor: "start" | "middle" | "end";
  labelX: number;
  labelY: number;
}

export interface LinkPlace {
  id: string;
  a: string; // site ids
  b: string;
  capacityBps: number;
  /** SVG path: a straight line, a curve when several links join the same two sites, a loop inside one site. */
  path: string;
}

export interface BoardLayout {
  width: number;
  height: number;
  sites: SitePlace[];
  links: LinkPlace[];
}

/** Minimum distance between neighbours on a ring, px: room for a node and its label. */
const SPACING = 46;
const FIRST_RING = 190;
const RING_GAP = 120;
const MARGIN = 150; // labels stick out of the outermost ring

const LAYER_ORDER: SiteLayer[] = ["datacenter", "recovery", "opd-office", "kecamatan"];

const round = (n: number) => Math.round(n * 10) / 10;

function layerOf(inv: Inventory, site: Inventory["sites"][number]): SiteLayer {
  if (site.kind !== "opd-office") return site.kind;
  const opd = inv.opds.find((o) => o.code === site.opd);
  return opd?.kind === "kecamatan" ? "kecamatan" : "opd-office";
}

/** Rings of offices: each layer starts a new ring; a ring that is full spills into the next one. */
function rings(sites: { id: string; layer: SiteLayer }[]): string[][] {
  const out: string[][] = [];
  for (const layer of ["opd-office", "kecamatan"] as const) {
    let pending = sites.filter((s) => s.layer === layer).map((s) => s.id);
    while (pending.length > 0) {
      const radius = FIRST_RING + out.length * RING_GAP;
      const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / SPACING));
      out.push(pending.slice(0, capacity));
      pending = pending.slice(capacity);
    }
  }
  return out;
}

export function layoutBoard(inv: Inventory): BoardLayout {
  const layered = inv.sites.map((s) => ({ id: s.id, name: s.name, layer: layerOf(inv, s) }));
  const officeRings = rings(layered);
  const outer = FIRST_RING + Math.max(0, officeRings.length - 1) * RING_GAP;
  const size = 2 * (outer + MARGIN);
  const c = size / 2;
  const pos = new Map<string, { x: number; y: number; angle: number }>();
  // The core: the (first) data center in the middle, other core sites close around it at half-steps
  // of the first ring, so no office's line to the centre runs through them.
  const core = LAYER_ORDER.slice(0, 2).flatMap((l) => layered.filter((s) => s.layer === l));
  const step = Math.PI / Math.max(1, officeRings[0]?.length ?? 1);
  core.forEach((s, i) => {
    if (i === 0) return void pos.set(s.id, { x: c, y: c, angle: -Math.PI / 2 });
    const angle = -Math.PI / 2 + step * (2 * i - 1);
    pos.set(s.id, { x: c + 85 * Math.cos(angle), y: c + 85 * Math.sin(angle), angle });
  });
  officeRings.forEach((ring, r) => {
    const radius = FIRST_RING + r * RING_GAP;
    // Rings after the first are turned by a quarter of the first ring's step: a site straight behind
    // another would have its line to the centre drawn over the inner site's line and hide its colour.
    const offset = r === 0 ? 0 : step / 2;
    ring.forEach((id, i) => {
      const angle = -Math.PI / 2 + offset + (2 * Math.PI * i) / ring.length;
      pos.set(id, { x: c + radius * Math.cos(angle), y: c + radius * Math.sin(angle), angle });
    });
  });
  const sites: SitePlace[] = layered.map((s) => {
    const p = pos.get(s.id)!;
    const cos = Math.cos(p.angle);
    const anchor = cos > 0.3 ? "start" : cos < -0.3 ? "end" : "middle";
    const labelR = anchor === "middle" ? 22 : 14;
    return { ...s, x: round(p.x), y: round(p.y), anchor, labelX: round(p.x + labelR * cos), labelY: round(p.y + labelR * Math.sin(p.angle) + 4) };
  });
  return { width: round(size), height: round(size), sites, links: linkPaths(inv, new Map(sites.map((s) => [s.id, s]))) };
}

/** Each link from its a-site to its b-site; parallels bow apart, links inside a site become loops. */
function linkPaths(inv: Inventory, places: Map<string, SitePlace>): LinkPlace[] {
  const siteOf = new Map(inv.devices.map((d) => [d.id, d.site]));
  const seen = new Map<string, number>(); // site pair → links drawn so far
  const out: LinkPlace[] = [];
  for (const l of inv.links) {
    const a = siteOf.get(l.a.device)!;
    const b = siteOf.get(l.b.device)!;
    const pa = places.get(a)!;
    const pb = places.get(b)!;
    const key = a < b ? `${a}\0${b}` : `${b}\0${a}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    out.push({ id: l.id, a, b, capacityBps: l.capacityMbps * 1e6, path: a === b ? loop(pa, k) : curve(pa, pb, k) });
  }
  return out;
}

/** The k-th link between two sites: straight for the first, then bowing alternately left and right. */
function curve(a: SitePlace, b: SitePlace, k: number): string {
  if (k === 0) return `M${a.x} ${a.y}L${b.x} ${b.y}`;
  const bow = Math.ceil(k / 2) * 18 * (k % 2 === 0 ? -1 : 1);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const mx = (a.x + b.x) / 2 - (dy / len) * bow;
  const my = (a.y + b.y) / 2 + (dx / len) * bow;
  return `M${a.x} ${a.y}Q${round(mx)} ${round(my)} ${b.x} ${b.y}`;
}

/** The k-th link inside one site: a small loop around the node, 24 to a turn, growing turn by turn. */
function loop(s: SitePlace, k: number): string {
  const angle = ((k % 24) * Math.PI) / 12 + Math.PI / 4;
  const r = 16 + 3 * Math.floor(k / 24);
  const x = round(s.x + r * Math.cos(angle));
  const y = round(s.y + r * Math.sin(angle));
  return `M${s.x} ${s.y}A${round(r / 2)} ${round(r / 2)} 0 1 1 ${x} ${y}Z`;
}
