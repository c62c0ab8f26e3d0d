// What a shaping gateway needs from the inventory before any quota can be rendered or deployed: the
// gateway's kind, its LAN/WAN interfaces, a subnet for every quota'd OPD, and no quota above what
// can ever reach the OPD. One home for these checks: `validateInventory` reports them with their
// position (so `spbe validate`/`check`/`report` and the Pulumi program refuse them with
// file:line:column), and infra/quota's planner throws on the same findings for a model that never
// went through the loader. Pure, and linear in the inventory's size.
import type { MessageCode, Params } from "../i18n";
import type { Path } from "./diagnostics";
import type { Device, GatewayKind, Inventory } from "./schema";

export interface QuotaFinding {
  code: MessageCode;
  path: Path;
  params: Params;
}

/**
 * A MikroTik router runs RouterOS (no shell to run tc in), so its vendor cannot mislead about the kind
 * (the collectors poll such a device with their mikrotik module too).
 */
export const ROUTEROS_VENDOR = /mikro\s*tik/i;

export interface GatewayKindOf {
  kind: GatewayKind;
  /** Where the kind comes from: written in `bandwidth.gateway.kind`, derived from the vendor, or the default. */
  source: "kind" | "vendor" | "default";
  /** The field a finding about the kind points at. */
  path: Path;
}

/**
 * The shaping gateway's kind: `bandwidth.gateway.kind` when written; else routeros for a MikroTik
 * (the only thing a MikroTik can be); else linux, the kind this project rendered for before kinds
 * existed. Another vendor is not guessed from (a Supermicro may run Linux or RouterOS CHR).
 */
export function gatewayKindOf(inv: Inventory, deviceId?: string): GatewayKindOf | undefined {
  const gw = inv.bandwidth?.gateway;
  if (!gw) return undefined;
  if (gw.kind) return { kind: gw.kind, source: "kind", path: ["bandwidth", "gateway", "kind"] };
  const id = deviceId ?? gw.device;
  const at = inv.devices.findIndex((d) => d.id === id);
  const vendor = at >= 0 ? inv.devices[at]!.vendor : undefined;
  if (vendor !== undefined && ROUTEROS_VENDOR.test(vendor)) return { kind: "routeros", source: "vendor", path: ["devices", at, "vendor"] };
  return { kind: "linux", source: "default", path: ["bandwidth", "gateway", "device"] };
}

/** A backend serves one kind; asked to render for another, this is the finding (at the field that decided the kind). */
export function checkGatewayKindFor(inv: Inventory, backend: string, backendKind: GatewayKind, deviceId?: string): QuotaFinding[] {
  const of = gatewayKindOf(inv, deviceId);
  if (!of || of.kind === backendKind) return [];
  const gateway = deviceId ?? inv.bandwidth!.gateway!.device;
  return [{ code: "quota.backend-kind", path: of.path, params: { backend, backendKind, gateway, kind: of.kind } }];
}

/**
 * Every problem that would stop the quotas from being rendered for `gatewayId` (default: the
 * declared gateway). Unknown OPDs, duplicate quotas and overlapping subnets are validation's own
 * checks (with their own codes); an unknown gateway device is a reference error there too.
 */
export function checkQuotaShaping(inv: Inventory, gatewayId?: string): QuotaFinding[] {
  const bw = inv.bandwidth;
  const declared = bw?.gateway;
  if (!bw || !declared) return [];
  const id = gatewayId ?? declared.device;
  const device = inv.devices.find((d) => d.id === id);
  if (!device) return [];
  const out: QuotaFinding[] = [];
  const gwPath: Path = ["bandwidth", "gateway"];

  // A written kind that the hardware contradicts: rendering tc for a MikroTik is the mistake this prevents.
  if (declared.kind === "linux" && device.vendor !== undefined && ROUTEROS_VENDOR.test(device.vendor)) {
    out.push({ code: "quota.kind-vendor", path: [...gwPath, "kind"], params: { gateway: id, kind: declared.kind, vendor: device.vendor } });
  }
  // The interfaces must be listed on the device: the queues are named after them.
  for (const key of ["lanInterface", "wanInterface"] as const) {
    const name = declared[key];
    if (!device.interfaces.some((i) => i.name === name)) out.push({ code: "quota.gateway-interface", path: [...gwPath, key], params: { gateway: id, interface: name } });
  }
  if (declared.lanInterface === declared.wanInterface) {
    out.push({ code: "quota.same-interface", path: [...gwPath, "wanInterface"], params: { gateway: id, interface: declared.lanInterface } });
  }

  const capacity = gatewayCapacityMbps(inv, device, declared.lanInterface, declared.wanInterface, bw.upstreamMbps);
  const access = opdAccessCapacities(inv);
  const opds = new Map(inv.opds.map((o) => [o.code, o]));
  bw.quotas.forEach((q, i) => {
    const opd = opds.get(q.opd);
    if (!opd) return;
    const at: Path = ["bandwidth", "quotas", i];
    // Without a subnet nothing can be classified: the quota would silently shape nobody.
    if (opd.subnets.length === 0) out.push({ code: "quota.no-subnet", path: [...at, "opd"], params: { opd: q.opd } });
    const own = access.get(q.opd);
    for (const [direction, field, mbps] of [["down", "downMbps", q.downMbps], ["up", "upMbps", q.upMbps]] as const) {
      // One quota above what can ever reach the OPD is an error; the SUM of quotas above the
      // upstream is oversubscription, normal practice, and stays a warning (validate.ts).
      for (const limit of own ? [capacity, own] : [capacity]) {
        if (mbps > limit.value) out.push({ code: "quota.over-capacity", path: [...at, field], params: { opd: q.opd, direction, quota: mbps, capacity: limit.value, link: limit.source } });
      }
    }
  });
  return out;
}

interface Capacity {
  value: number;
  source: string;
}

/** The narrowest of: the upstream, the gateway's LAN/WAN interface speeds, the links on them. */
export function gatewayCapacityMbps(inv: Inventory, gw: Device, lan: string, wan: string, upstreamMbps: number): Capacity {
  let best: Capacity = { value: upstreamMbps, source: "bandwidth.upstreamMbps" };
  for (const name of [lan, wan]) {
    const speed = gw.interfaces.find((i) => i.name === name)?.speedMbps;
    if (speed !== undefined && speed < best.value) best = { value: speed, source: `${gw.id}:${name}` };
    for (const l of inv.links) {
      const onIt = [l.a, l.b].some((e) => e.device === gw.id && e.interface === name);
      if (onIt && l.capacityMbps < best.value) best = { value: l.capacityMbps, source: `link ${l.id}` };
    }
  }
  return best;
}

/**
 * Per OPD, the capacity of the links that connect its office devices (at a site of the OPD, or
 * owned by it) to devices that are not the OPD's: the most the OPD can ever receive. An OPD
 * without such a link (in the data-center building) is limited by the upstream only. One pass
 * over the devices and one over the links, so a 5,000-device inventory stays fast.
 */
export function opdAccessCapacities(inv: Inventory): Map<string, Capacity> {
  const siteOpd = new Map(inv.sites.map((s) => [s.id, s.opd]));
  const opdsOf = new Map<string, Set<string>>();
  for (const d of inv.devices) {
    const set = new Set<string>();
    if (d.owner !== "dinas") set.add(d.owner);
    const site = siteOpd.get(d.site);
    if (site) set.add(site);
    if (set.size > 0) opdsOf.set(d.id, set);
  }
  const links = new Map<string, { sum: number; ids: string[] }>();
  const none = new Set<string>();
  for (const l of inv.links) {
    const a = opdsOf.get(l.a.device) ?? none;
    const b = opdsOf.get(l.b.device) ?? none;
    for (const opd of new Set([...a, ...b])) {
      if (a.has(opd) === b.has(opd)) continue; // inside the OPD (or not its at all)
      const entry = links.get(opd) ?? { sum: 0, ids: [] };
      entry.sum += l.capacityMbps;
      entry.ids.push(l.id);
      links.set(opd, entry);
    }
  }
  return new Map([...links].map(([opd, e]) => [opd, { value: e.sum, source: `link ${e.ids.join("+")}` }]));
}
