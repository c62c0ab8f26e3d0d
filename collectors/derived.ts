// Derived series: backbone link traffic and utilisation against the inventory's capacity, each
// OPD's backbone traffic, and each OPD's internet traffic (from the quota gateway's per-OPD
// counters, spbe_opd_internet_bytes_total), month-to-date volume and quota. planDerived() is pure over the inventory;
// DerivedState turns consecutive octet counters into rates (pure arithmetic, clock passed in).
import type { Inventory } from "../inventory/schema";
import { counterDelta, interfaceOctets } from "./counter-width";
import type { Sample } from "./sample";
import * as N from "./metric-names";
import { deviceOpd } from "./targets";

export interface LinkPlan {
  link: string;
  capacityBps: number;
  a: { device: string; iface: string };
  b: { device: string; iface: string };
}

export interface OpdPlan {
  opd: string;
  downBps?: number;
  upBps?: number;
  volumeBytes?: number;
  /** Dinas-side endpoints of the links that connect this OPD's office devices to the Dinas network. */
  dinasSide: { device: string; link: string }[];
}

export interface DerivedPlan {
  links: LinkPlan[];
  opds: OpdPlan[];
}

/** Which links carry each OPD's traffic, and on which (Dinas) side they are read: see metric-names.ts. */
export function planDerived(inv: Inventory): DerivedPlan {
  const byId = new Map(inv.devices.map((d) => [d.id, d]));
  const isDinas = (id: string) => {
    const d = byId.get(id);
    return d !== undefined && deviceOpd(inv, d) === inv.meta.dinas;
  };
  const links: LinkPlan[] = inv.links.map((l) => ({
    link: l.id,
    capacityBps: l.capacityMbps * 1e6,
    a: { device: l.a.device, iface: l.a.interface },
    b: { device: l.b.device, iface: l.b.interface },
  }));
  const opdCodes = new Set<string>(inv.opds.map((o) => o.code));
  const dinasSide = new Map<string, { device: string; link: string }[]>();
  for (const l of inv.links) {
    for (const [dinasEnd, opdEnd] of [[l.a, l.b], [l.b, l.a]] as const) {
      const od = byId.get(opdEnd.device);
      if (!od || !isDinas(dinasEnd.device) || isDinas(opdEnd.device)) continue;
      const opd = deviceOpd(inv, od);
      if (!opdCodes.has(opd)) continue;
      const list = dinasSide.get(opd) ?? [];
      list.push({ device: dinasEnd.device, link: l.id });
      dinasSide.set(opd, list);
    }
  }
  const quotas = new Map((inv.bandwidth?.quotas ?? []).map((q) => [q.opd, q]));
  const opds: OpdPlan[] = [];
  for (const code of new Set([...dinasSide.keys(), ...quotas.keys()])) {
    const q = quotas.get(code);
    opds.push({
      opd: code,
      downBps: q ? q.downMbps * 1e6 : undefined,
      upBps: q ? q.upMbps * 1e6 : undefined,
      volumeBytes: q?.monthlyVolumeGB !== undefined ? q.monthlyVolumeGB * 1e9 : undefined,
      dinasSide: dinasSide.get(code) ?? [],
    });
  }
  return { links, opds };
}

interface Reading {
  t: number; // ms
  inOctets: bigint;
  outOctets: bigint;
  /** Counter width: 64 (ifHC*Octets, the default) or 32 (ifIn/OutOctets, which wrap). */
  bits?: 32 | 64;
  speedBps?: number;
}

interface Rate {
  inBps: number;
  outBps: number;
  dIn: bigint;
  dOut: bigint;
  at: number;
}

/**
 * Rate between two readings; undefined when no time passed, the counter width changed, or a counter
 * went backwards for another reason than one 32-bit wrap (restart: see counterDelta).
 */
export function rateOf(prev: Reading, cur: Reading): Rate | undefined {
  const dt = (cur.t - prev.t) / 1000;
  const bits = cur.bits ?? 64;
  if (dt <= 0 || (prev.bits ?? 64) !== bits) return undefined;
  const dIn = counterDelta(prev.inOctets, cur.inOctets, bits, dt, cur.speedBps);
  const dOut = counterDelta(prev.outOctets, cur.outOctets, bits, dt, cur.speedBps);
  if (dIn === undefined || dOut === undefined) return undefined;
  return { inBps: (Number(dIn) * 8) / dt, outBps: (Number(dOut) * 8) / dt, dIn, dOut, at: cur.t };
}

const monthKey = (ms: number) => new Date(ms).toISOString().slice(0, 7);

export class DerivedState {
  private readonly last = new Map<string, Reading>(); // device \0 link
  private readonly rates = new Map<string, Rate>();
  private readonly volume = new Map<string, { month: string; down: bigint; up: bigint }>();
  /** The quota gateway's per-OPD internet byte counters: opd \0 direction → last reading and rate. */
  private readonly internetLast = new Map<string, { t: number; bytes: bigint }>();
  private readonly internetRates = new Map<string, number>();
  /** Which OPD's counters the gateway has reported (opd \0 direction): they have a volume series. */
  private readonly internetSeen = new Set<string>();

  constructor(private plan: DerivedPlan) {}

  setPlan(plan: DerivedPlan): void {
    this.plan = plan;
  }

  /**
   * Feeds one poll's samples of a device (only link-labelled octet counters and speeds matter): the
   * 64-bit counters where the interface has them, else the 32-bit ones (counter-width.ts).
   */
  observe(device: string, samples: Sample[], atMs: number): void {
    this.observeInternet(samples, atMs);
    const octets = interfaceOctets(samples, (s) => {
      const link = s.labels.find(([k]) => k === N.LABEL_LINK)?.[1];
      return link ? `${device}\0${link}` : undefined;
    });
    for (const [key, o] of octets) {
      const r: Reading = { t: atMs, ...o };
      const prev = this.last.get(key);
      this.last.set(key, r);
      if (!prev) continue;
      const rate = rateOf(prev, r);
      if (!rate) {
        this.rates.delete(key);
        continue;
      }
      this.rates.set(key, rate);
    }
  }

  /**
   * The OPDs' internet counters (derived by the quota gateway's module, module-derive.ts): a rate per
   * OPD and direction between two polls, and their deltas added to the month's volume. A counter
   * that went backwards (shaping rebuilt, agent restarted) gives no rate for that interval.
   */
  private observeInternet(samples: Sample[], atMs: number): void {
    for (const s of samples) {
      if (s.name !== N.SPBE_OPD_INTERNET_BYTES_TOTAL) continue;
      const opd = s.labels.find(([k]) => k === N.LABEL_OPD)?.[1];
      const direction = s.labels.find(([k]) => k === N.LABEL_DIRECTION)?.[1];
      if (opd === undefined || direction === undefined) continue;
      const key = `${opd}\0${direction}`;
      const cur = { t: atMs, bytes: BigInt(s.value) };
      const prev = this.internetLast.get(key);
      this.internetLast.set(key, cur);
      this.internetSeen.add(key);
      if (!prev) continue;
      const dt = (cur.t - prev.t) / 1000;
      const delta = counterDelta(prev.bytes, cur.bytes, 64, dt);
      if (dt <= 0 || delta === undefined) {
        this.internetRates.delete(key);
        continue;
      }
      this.internetRates.set(key, (Number(delta) * 8) / dt);
      const month = monthKey(atMs);
      let v = this.volume.get(opd);
      if (!v || v.month !== month) this.volume.set(opd, (v = { month, down: 0n, up: 0n }));
      if (direction === N.DIRECTION_DOWN) v.down += delta;
      else v.up += delta;
    }
  }

  /** Samples of every derived family, for the sinks. */
  samples(nowMs: number): Sample[] {
    const out: Sample[] = [];
    const g = (name: string, help: string, labels: [string, string][], value: number | bigint, type: "gauge" | "counter" = "gauge") =>
      out.push({ name, help, type, labels, value: typeof value === "bigint" ? value.toString() : String(value) });
    for (const l of this.plan.links) {
      g(N.SPBE_LINK_CAPACITY_BPS, "Declared capacity of the inventory link, bits/s.", [[N.LABEL_LINK, l.link]], l.capacityBps);
      const ra = this.rates.get(`${l.a.device}\0${l.link}`);
      const rb = this.rates.get(`${l.b.device}\0${l.link}`);
      const r = ra ? { out: ra.outBps, in: ra.inBps } : rb ? { out: rb.inBps, in: rb.outBps } : undefined;
      if (!r) continue;
      for (const [dir, bps] of [[N.DIRECTION_OUT, r.out], [N.DIRECTION_IN, r.in]] as const) {
        g(N.SPBE_LINK_TRAFFIC_BPS, "Traffic on the link over the last poll interval, bits/s, seen from endpoint a.", [[N.LABEL_LINK, l.link], [N.LABEL_DIRECTION, dir]], bps);
        g(N.SPBE_LINK_UTILISATION_RATIO, "Link traffic / declared capacity (0..1).", [[N.LABEL_LINK, l.link], [N.LABEL_DIRECTION, dir]], bps / l.capacityBps);
      }
    }
    const month = monthKey(nowMs);
    for (const o of this.plan.opds) {
      if (o.downBps !== undefined) g(N.SPBE_OPD_QUOTA_BPS, "The OPD's bandwidth quota from the inventory, bits/s.", [[N.LABEL_OPD, o.opd], [N.LABEL_DIRECTION, N.DIRECTION_DOWN]], o.downBps);
      if (o.upBps !== undefined) g(N.SPBE_OPD_QUOTA_BPS, "The OPD's bandwidth quota from the inventory, bits/s.", [[N.LABEL_OPD, o.opd], [N.LABEL_DIRECTION, N.DIRECTION_UP]], o.upBps);
      if (o.volumeBytes !== undefined) g(N.SPBE_OPD_QUOTA_VOLUME_BYTES, "The OPD's monthly volume quota, bytes.", [[N.LABEL_OPD, o.opd]], o.volumeBytes);
      const rates = o.dinasSide.map((e) => this.rates.get(`${e.device}\0${e.link}`)).filter((r): r is Rate => r !== undefined);
      if (rates.length > 0) {
        const down = rates.reduce((s, r) => s + r.outBps, 0);
        const up = rates.reduce((s, r) => s + r.inBps, 0);
        const help = "All traffic on the OPD's backbone links (read on the Dinas side), bits/s: internet and intranet.";
        g(N.SPBE_OPD_BACKBONE_TRAFFIC_BPS, help, [[N.LABEL_OPD, o.opd], [N.LABEL_DIRECTION, N.DIRECTION_DOWN]], down);
        g(N.SPBE_OPD_BACKBONE_TRAFFIC_BPS, help, [[N.LABEL_OPD, o.opd], [N.LABEL_DIRECTION, N.DIRECTION_UP]], up);
      }
      for (const direction of [N.DIRECTION_DOWN, N.DIRECTION_UP]) {
        const bps = this.internetRates.get(`${o.opd}\0${direction}`);
        if (bps !== undefined) g(N.SPBE_OPD_TRAFFIC_BPS, "The OPD's internet traffic, measured where its quota is shaped (the quota gateway), bits/s.", [[N.LABEL_OPD, o.opd], [N.LABEL_DIRECTION, direction]], bps);
      }
      const v = this.volume.get(o.opd);
      if ([N.DIRECTION_DOWN, N.DIRECTION_UP].some((d) => this.internetSeen.has(`${o.opd}\0${d}`))) {
        const cur = v && v.month === month ? v : { down: 0n, up: 0n };
        g(N.SPBE_OPD_VOLUME_BYTES_TOTAL, "Internet octets the OPD moved this calendar month (UTC), month to date.", [[N.LABEL_OPD, o.opd], [N.LABEL_DIRECTION, N.DIRECTION_DOWN]], cur.down, "counter");
        g(N.SPBE_OPD_VOLUME_BYTES_TOTAL, "Internet octets the OPD moved this calendar month (UTC), month to date.", [[N.LABEL_OPD, o.opd], [N.LABEL_DIRECTION, N.DIRECTION_UP]], cur.up, "counter");
      }
    }
    return out;
  }
}
