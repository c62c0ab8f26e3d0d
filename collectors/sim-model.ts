// What the simulator serves for each inventory device: interfaces per the inventory (names, ifIndex,
// speeds, link descriptions), plausible moving counters, host resources for servers, UPS state.
// Pure and deterministic (seeded by device and interface names); time is passed in.
import type { Device, Inventory } from "../inventory/schema";
import { planDerived } from "./derived";
import { gatewayKindOf } from "../inventory/quota-check";
import { QUOTA_DIRECTIONS, routerOsQueueName, type QuotaDirection } from "../inventory/quota-names";
import { deviceModules } from "./modules";
import { simulatedLldp, type SimLldp, type SimWiringOptions } from "./sim-wiring";

export interface SimInterface {
  ifIndex: number;
  name: string;
  alias: string;
  /** The inventory link on this interface, if any (extra traffic is set per link: sim-traffic.ts). */
  link?: string;
  speedMbps: number;
  /** Mean rates in bits/s, and when the counters started. */
  inBps: number;
  outBps: number;
}

export interface SimDevice {
  id: string;
  role: string;
  sysDescr: string;
  interfaces: SimInterface[];
  cpus: number;
  memoryKiB: number;
  /** Serves HOST-RESOURCES-MIB (UPS-MIB): when the device is polled with host_resources (ups_mib). */
  hostResources: boolean;
  ups: boolean;
  /** MIKROTIK-MIB: when the device is polled with the mikrotik module. */
  mikrotik?: SimMikrotik;
  /** CISCO-PROCESS-MIB and CISCO-MEMORY-POOL-MIB: when the device is polled with cisco_cpu_memory. */
  ciscoCpuMemory?: boolean;
  /** LLDP-MIB: the network roles speak LLDP (sim-wiring.ts says what their ports hear). */
  lldp?: SimLldp;
  /** NET-SNMP-EXTEND-MIB spbe-quota: on a Linux quota gateway, each OPD's shaping class moving at its rate. */
  quotaCounters?: SimQuotaUse[];
}

/** One OPD's internet traffic in one direction, as the quota gateway's shaping counts it. */
export interface SimQuotaUse {
  opd: string;
  direction: QuotaDirection;
  bps: number;
}

/** What a simulated RouterOS answers in MIKROTIK-MIB. */
export interface SimMikrotik {
  /** The queue tree: on the quota gateway, one queue per OPD and direction as infra/quota/routeros.ts names them. */
  queues: { name: string; bps: number }[];
  /** Access-point interfaces (wlan*) of an access point, with their SSID. */
  accessPoints: { ssid: string }[];
}

/** The roles whose simulated agent serves LLDP-MIB. */
const LLDP_ROLES: readonly string[] = ["router", "switch", "firewall", "gateway", "access-point"];

/** FNV-1a: a cheap stable hash for deterministic "random" numbers. */
export function hash01(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0xffffffff;
}

export function simulatedDevices(inv: Inventory, wiring: SimWiringOptions = {}): SimDevice[] {
  const lldp = simulatedLldp(inv, wiring);
  const plan = planDerived(inv);
  // The Dinas side of an OPD's link carries traffic around its quota (30-110%), so quota panels move.
  const quotaOf = new Map<string, { down: number; up: number }>();
  for (const o of plan.opds) {
    for (const e of o.dinasSide) {
      if (o.downBps !== undefined && o.upBps !== undefined) quotaOf.set(`${e.device}\0${e.link}`, { down: o.downBps / o.dinasSide.length, up: o.upBps / o.dinasSide.length });
    }
  }
  const linkOf = new Map<string, { id: string; capacityBps: number }>();
  for (const l of inv.links) {
    linkOf.set(`${l.a.device}\0${l.a.interface}`, { id: l.id, capacityBps: l.capacityMbps * 1e6 });
    linkOf.set(`${l.b.device}\0${l.b.interface}`, { id: l.id, capacityBps: l.capacityMbps * 1e6 });
  }
  return inv.devices.filter((d) => d.snmp).map((d) => {
    const modules = deviceModules(inv, d);
    return {
      ...simulatedDevice(d, linkOf, quotaOf),
      hostResources: modules.includes("host_resources"),
      ups: modules.includes("ups_mib"),
      ...(modules.includes("mikrotik") ? { mikrotik: simulatedMikrotik(inv, d) } : {}),
      ...(modules.includes("cisco_cpu_memory") ? { ciscoCpuMemory: true } : {}),
      ...(modules.includes("spbe_quota") ? { quotaCounters: simulatedQuotaUse(inv, d) } : {}),
      ...(LLDP_ROLES.includes(d.role) ? { lldp: lldp.get(d.id) } : {}),
    };
  });
}

/**
 * A MikroTik's queues and access points. The quota gateway (a RouterOS one) has the queue tree the
 * quota backend renders, each OPD's queue moving at 30-110 % of its quota, so the quota panels move
 * when the gateway is a MikroTik; an access point has one SSID per wlan interface (wlan1 when none is listed).
 */
function simulatedMikrotik(inv: Inventory, d: Device): SimMikrotik {
  const queues = gatewayKindOf(inv)?.kind === "routeros" ? simulatedQuotaUse(inv, d).map((u) => ({ name: routerOsQueueName(u.opd, u.direction), bps: u.bps })) : [];
  const wlans = d.interfaces.filter((i) => /^wlan/i.test(i.name));
  const accessPoints = d.role !== "access-point" ? [] : (wlans.length > 0 ? wlans : [{ name: "wlan1" }]).map((i) => ({ ssid: `${d.site}-${i.name}` }));
  return { queues, accessPoints };
}

/**
 * On the quota gateway, each OPD's internet traffic per direction at 30-110 % of its quota (a fixed
 * share per OPD, so the demo has OPDs near their quota and none far above it); nothing elsewhere.
 */
export function simulatedQuotaUse(inv: Inventory, d: Device): SimQuotaUse[] {
  if (inv.bandwidth?.gateway?.device !== d.id) return [];
  return (inv.bandwidth.quotas ?? []).flatMap((q) =>
    QUOTA_DIRECTIONS.map((direction) => ({
      opd: q.opd,
      direction,
      bps: (direction === "down" ? q.downMbps : q.upMbps) * 1e6 * (0.3 + 0.8 * hash01(`${d.id}/${routerOsQueueName(q.opd, direction)}`)),
    })),
  );
}

function simulatedDevice(d: Device, linkOf: Map<string, { id: string; capacityBps: number }>, quotaOf: Map<string, { down: number; up: number }>): SimDevice {
  const ifaces = d.interfaces.length > 0 || d.role === "ups" ? d.interfaces : [{ name: "eth0", speedMbps: 1000, ifIndex: 1, description: undefined }];
  let nextIndex = 1;
  const used = new Set(ifaces.map((i) => i.ifIndex).filter((x): x is number => x !== undefined));
  const interfaces = ifaces.map((i) => {
    let ifIndex = i.ifIndex;
    if (ifIndex === undefined) {
      while (used.has(nextIndex)) nextIndex++;
      ifIndex = nextIndex++;
      used.add(ifIndex);
    }
    const speedMbps = i.speedMbps ?? 1000;
    const link = linkOf.get(`${d.id}\0${i.name}`);
    const quota = link ? quotaOf.get(`${d.id}\0${link.id}`) : undefined;
    const u1 = hash01(`${d.id}/${i.name}/in`);
    const u2 = hash01(`${d.id}/${i.name}/out`);
    let inBps: number;
    let outBps: number;
    if (quota) {
      // Dinas side: out = down for the OPD, in = up.
      outBps = quota.down * (0.3 + 0.8 * u2);
      inBps = quota.up * (0.3 + 0.8 * u1);
    } else if (link) {
      inBps = link.capacityBps * (0.05 + 0.5 * u1);
      outBps = link.capacityBps * (0.05 + 0.5 * u2);
    } else {
      const cap = speedMbps * 1e6;
      inBps = cap * 0.002 * (1 + 20 * u1 * u1);
      outBps = cap * 0.002 * (1 + 20 * u2 * u2);
    }
    return { ifIndex, name: i.name, alias: i.description ?? link?.id ?? "", ...(link ? { link: link.id } : {}), speedMbps, inBps, outBps };
  });
  return {
    id: d.id,
    role: d.role,
    sysDescr: [d.vendor, d.model].filter(Boolean).join(" ") || d.role,
    interfaces,
    cpus: Math.min(d.cpus ?? 4, 16),
    memoryKiB: Math.round((d.memoryGiB ?? 16) * 1024 * 1024),
    hostResources: false,
    ups: false,
  };
}

/**
 * Octets after `seconds` at a mean rate of `bps`, with a slow ±20 % wave: the derivative stays
 * positive, so the counter only ever increases. Starts near 2^40 so 64-bit handling is exercised.
 */
export function octetsAt(bps: number, seconds: number, seed: number): bigint {
  const period = 300 + 300 * seed;
  const bytesPerSec = bps / 8;
  const wave = 0.2 * bytesPerSec * (period / (2 * Math.PI)) * (1 - Math.cos((2 * Math.PI * seconds) / period));
  return (1n << 40n) + BigInt(Math.floor(seed * 1e12)) + BigInt(Math.floor(bytesPerSec * seconds + wave));
}

/** CPU load 0..100 that wanders with time. */
export function cpuLoadAt(seed: number, seconds: number): number {
  return Math.round(15 + 50 * seed + 15 * Math.sin(seconds / (60 + 120 * seed)));
}
