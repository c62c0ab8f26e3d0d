// 64-bit or 32-bit: which octet counters an interface has, and what that means for rates. Pure.
// IF-MIB (RFC 2863 §3.1.6) asks for ifHCInOctets/ifHCOutOctets on interfaces faster than 20 Mb/s,
// but agents without ifXTable (cheap OPD switches, printers, old Windows) only have the 32-bit
// ifInOctets/ifOutOctets, which wrap at 2^32 octets: 34 s at 1 Gb/s, 5.7 min at 100 Mb/s.
import * as N from "./metric-names";
import type { Labels, Sample } from "./sample";

export const COUNTER32_MODULUS = 2n ** 32n;

/** The octet counters of one interface from one poll, the widest the agent has. */
export interface InterfaceOctets {
  inOctets: bigint;
  outOctets: bigint;
  /** 64 when read from ifHC*Octets, 32 from ifIn/OutOctets. */
  bits: 32 | 64;
  /** ifHighSpeed × 10^6 when the agent has it and it is non-zero, else ifSpeed; undefined when neither is known. */
  speedBps?: number;
}

/** What one poll says of one interface's octet counters: their exact decimal text, before parsing. */
interface OctetsText { hcIn?: string; hcOut?: string; in?: string; out?: string; high?: number; speed?: number }

/** The families interfaceOctets reads, and where each goes (a Map: this runs for every sample of every poll). */
const FIELD_OF_FAMILY = new Map<string, keyof OctetsText>([
  [N.IF_HC_IN_OCTETS, "hcIn"],
  [N.IF_HC_OUT_OCTETS, "hcOut"],
  [N.IF_IN_OCTETS, "in"],
  [N.IF_OUT_OCTETS, "out"],
  [N.IF_HIGH_SPEED, "high"],
  [N.IF_SPEED, "speed"],
]);

const label = (labels: Labels, name: string) => labels.find(([k]) => k === name)?.[1];

/** InterfaceOctets with the counters still as text: what the wrap risk needs, without a BigInt per counter. */
type InterfaceOctetsText = Omit<InterfaceOctets, "inOctets" | "outOctets"> & { inOctets: string; outOctets: string };

/**
 * Groups one poll's if_mib samples by `keyOf(sample)` (undefined: skipped) and picks per interface the
 * HC counters when both directions are there, else the 32-bit pair.
 */
function interfaceOctetsText(samples: Sample[], keyOf: (s: Sample) => string | undefined): Map<string, InterfaceOctetsText> {
  const acc = new Map<string, OctetsText>();
  for (const s of samples) {
    const field = FIELD_OF_FAMILY.get(s.name);
    if (field === undefined) continue;
    const key = keyOf(s);
    if (key === undefined) continue;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = {}));
    if (field === "high" || field === "speed") a[field] = Number(s.value);
    else a[field] = s.value;
  }
  const out = new Map<string, InterfaceOctetsText>();
  for (const [key, a] of acc) {
    // ifSpeed saturates at 2^32-1 on fast links: ifHighSpeed is the truth there when present.
    const speedBps = a.high ? a.high * 1e6 : a.speed ? a.speed : undefined;
    if (a.hcIn !== undefined && a.hcOut !== undefined) out.set(key, { inOctets: a.hcIn, outOctets: a.hcOut, bits: 64, speedBps });
    else if (a.in !== undefined && a.out !== undefined) out.set(key, { inOctets: a.in, outOctets: a.out, bits: 32, speedBps });
  }
  return out;
}

/** interfaceOctetsText with the chosen counters parsed (exact: BigInt). */
export function interfaceOctets(samples: Sample[], keyOf: (s: Sample) => string | undefined): Map<string, InterfaceOctets> {
  const out = new Map<string, InterfaceOctets>();
  for (const [key, o] of interfaceOctetsText(samples, keyOf)) out.set(key, { ...o, inOctets: BigInt(o.inOctets), outOctets: BigInt(o.outOctets) });
  return out;
}

/**
 * Octets moved between two readings of a counter of `bits` width. A 64-bit counter that went
 * backwards was reset (agent restart): undefined. A 32-bit one wrapped once, unless the implied rate
 * exceeds the interface speed by more than 5% (then it was a restart too: undefined).
 */
export function counterDelta(prev: bigint, cur: bigint, bits: 32 | 64, seconds: number, speedBps?: number): bigint | undefined {
  if (cur >= prev) return cur - prev;
  if (bits === 64) return undefined;
  const d = cur + COUNTER32_MODULUS - prev;
  if (speedBps !== undefined && speedBps > 0 && Number(d) * 8 > speedBps * seconds * 1.05) return undefined;
  return d;
}

/** True when a 32-bit octet counter can wrap within `intervalSeconds` at `speedBps`. */
export function counter32CanWrap(speedBps: number, intervalSeconds: number): boolean {
  return speedBps > 0 && (Number(COUNTER32_MODULUS) * 8) / speedBps <= intervalSeconds;
}

/**
 * SPBE_IF_COUNTER32_WRAP_RISK for every interface of one if_mib poll that has only 32-bit octet
 * counters and a known speed (labels: those of its ifInOctets series).
 */
export function counter32WrapRisk(samples: Sample[], intervalSeconds: number): Sample[] {
  const labelsByIndex = new Map<string, Labels>();
  const ifInOctets = N.IF_IN_OCTETS;
  const ifIndex = N.LABEL_IF_INDEX;
  for (const s of samples) if (s.name === ifInOctets) labelsByIndex.set(label(s.labels, ifIndex) ?? "", s.labels);
  const out: Sample[] = [];
  for (const [index, o] of interfaceOctetsText(samples, (s) => label(s.labels, ifIndex))) {
    const labels = labelsByIndex.get(index);
    if (o.bits !== 32 || o.speedBps === undefined || !labels) continue;
    out.push({
      name: N.SPBE_IF_COUNTER32_WRAP_RISK,
      type: "gauge",
      help: "1 when the interface has only 32-bit octet counters and they can wrap within one poll interval at its speed (2^32*8/speed <= interval), else 0.",
      labels,
      value: counter32CanWrap(o.speedBps, intervalSeconds) ? "1" : "0",
    });
  }
  return out;
}
