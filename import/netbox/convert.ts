// NetBox's answers -> inventory sections, pure. What has a place in the inventory is mapped; every
// object that has none (a patch panel, a console cable, a private address nobody polls) is returned
// in `unmapped` with the reason, so the user sees what stayed behind: nothing is dropped silently.
// Tenants become OPDs (NetBox's tenant is the organisation that owns an object; here that is an OPD).
import type { MessageCode, Params } from "../../i18n";
import { contains, isPrivate, tryParseRange, type IpRange } from "../../inventory/ip";
import { DEVICE_ROLES, type DeviceRole } from "../../inventory/schema";
import type { Brief, NbCable, NbDevice, NbTermination, NetboxAnswers } from "./answers";

export interface Unmapped {
  /** NetBox's object type: dcim.device, dcim.cable, ipam.prefix... */
  kind: string;
  id: number;
  name: string;
  code: MessageCode;
  params: Params;
}

export interface NetboxImport {
  document: Record<string, unknown>;
  unmapped: Unmapped[];
  counts: { sites: number; devices: number; links: number; cables: number; blocks: number; allocations: number };
}

type Item = Record<string, unknown>;

/** An inventory identifier from a NetBox name: anything outside [A-Za-z0-9._-] becomes "-". */
export const identifier = (name: string) => name.trim().replace(/[^a-zA-Z0-9._-]+/g, "-").replace(/^[^a-zA-Z0-9]+/, "") || "x";

// Checked in this order: "access-switch" is a switch, "access-point" and "wireless-ap" are access points.
const ROLE_WORDS: readonly [RegExp, DeviceRole][] = [
  [/access-point|(^|-)ap($|-)|wireless/, "access-point"],
  [/firewall/, "firewall"],
  [/router/, "router"],
  [/switch/, "switch"],
  [/server|hypervisor|host/, "server"],
  [/(^|-)ups($|-)/, "ups"],
  [/gateway/, "gateway"],
];

export function deviceRole(slug: string): DeviceRole | undefined {
  if ((DEVICE_ROLES as readonly string[]).includes(slug)) return slug as DeviceRole;
  return ROLE_WORDS.find(([re]) => re.test(slug))?.[1];
}

const FIBER_TYPES = /^(smf|mmf|aoc)/;
const withoutLength = (address: string) => address.split("/")[0]!;

/** Merges items by id: an item of the base with the same id is replaced, the others are kept. */
function merge(base: unknown, items: Item[], key = "id"): Item[] {
  const out = Array.isArray(base) ? [...(base as Item[])] : [];
  for (const item of items) {
    const i = out.findIndex((o) => o[key] === item[key]);
    if (i >= 0) out[i] = item;
    else out.push(item);
  }
  return out;
}

export function netboxToInventory(base: Record<string, unknown>, nb: NetboxAnswers): NetboxImport {
  const document = structuredClone(base);
  const unmapped: Unmapped[] = [];
  const skip = (kind: string, id: number, name: string, code: MessageCode, params: Params = {}) => unmapped.push({ kind, id, name, code, params });

  // Tenants referred to by what is mapped become OPDs (code = slug) unless the base has them.
  const tenants = new Map<string, string>();
  const tenantOf = (t: Brief | null | undefined) => {
    if (!t?.slug) return undefined;
    tenants.set(t.slug, t.name ?? t.slug);
    return t.slug;
  };

  const racksBySite = new Map<number, Item[]>();
  for (const r of nb.racks) {
    const list = racksBySite.get(r.site.id) ?? [];
    list.push({ id: identifier(r.name), heightU: r.u_height, name: r.name });
    racksBySite.set(r.site.id, list);
  }
  const siteIds = new Map<number, string>();
  const sites: Item[] = nb.sites.map((s) => {
    const tags = (s.tags ?? []).map((t) => t.slug);
    const kind = tags.some((t) => /datacenter|data-center|pusat-data/.test(t)) ? "datacenter" : tags.some((t) => /recovery|drc|pemulihan/.test(t)) ? "recovery" : "opd-office";
    const id = identifier(s.slug);
    siteIds.set(s.id, id);
    const opd = tenantOf(s.tenant);
    return { id, name: s.name, kind, ...(opd ? { opd } : {}), ...(s.physical_address ? { address: s.physical_address } : {}), racks: racksBySite.get(s.id) ?? [] };
  });

  const interfacesByDevice = new Map<number, Item[]>();
  const interfaceById = new Map(nb.interfaces.map((i) => [i.id, i]));
  const devices: Item[] = [];
  const deviceIds = new Map<number, string>();
  const deviceSite = new Map<number, string>();
  const primaryAddresses = new Set<string>();
  for (const i of nb.interfaces) {
    const list = interfacesByDevice.get(i.device.id) ?? [];
    list.push({ name: i.name, ...(i.speed ? { speedMbps: i.speed / 1000 } : {}), ...(i.description ? { description: i.description } : {}) });
    interfacesByDevice.set(i.device.id, list);
  }
  for (const d of nb.devices) {
    const roleSlug = (d.role ?? d.device_role)?.slug ?? "";
    const role = deviceRole(roleSlug);
    const label = d.name ?? `#${d.id}`;
    if (!d.name) { skip("dcim.device", d.id, label, "netbox.reason-unnamed"); continue; }
    if (!role) { skip("dcim.device", d.id, label, "netbox.reason-role", { role: roleSlug }); continue; }
    const id = identifier(d.name);
    deviceIds.set(d.id, id);
    const site = siteIds.get(d.site.id) ?? identifier(d.site.slug ?? String(d.site.id));
    deviceSite.set(d.id, site);
    const primary = d.primary_ip4?.address ?? d.primary_ip6?.address;
    if (primary) primaryAddresses.add(withoutLength(primary));
    const owner = tenantOf(d.tenant);
    const position = d.position === null || d.position === undefined ? undefined : Math.floor(Number(d.position));
    devices.push({
      id, role, site,
      ...(d.rack?.name && position !== undefined ? { rack: identifier(d.rack.name), position } : {}),
      ...(d.device_type?.manufacturer?.name ? { vendor: d.device_type.manufacturer.name } : {}),
      ...(d.device_type?.model ? { model: d.device_type.model } : {}),
      ...(primary ? { mgmtAddress: withoutLength(primary) } : {}),
      ...(owner ? { owner } : {}),
      interfaces: interfacesByDevice.get(d.id) ?? [],
    });
  }
  for (const i of nb.interfaces) {
    if (!deviceIds.has(i.device.id)) skip("dcim.interface", i.id, `${i.device.name ?? `#${i.device.id}`} ${i.name}`, "netbox.reason-device-dropped", { device: i.device.name ?? `#${i.device.id}` });
  }

  const links: Item[] = [];
  const cables: Item[] = [];
  const end = (t: NbTermination | undefined) => {
    if (!t || t.object_type !== "dcim.interface") return undefined;
    const iface = interfaceById.get(t.object_id);
    const deviceId = iface?.device.id ?? t.object?.device?.id;
    const name = iface?.name ?? t.object?.name;
    if (deviceId === undefined || !name || !deviceIds.has(deviceId)) return undefined;
    return { nbDevice: deviceId, device: deviceIds.get(deviceId)!, interface: name, speed: iface?.speed ?? undefined };
  };
  const cableName = (c: NbCable) => c.label || `#${c.id}`;
  for (const c of nb.cables) {
    const a = end(c.a_terminations[0]);
    const b = end(c.b_terminations[0]);
    if (!a || !b || c.a_terminations.length !== 1 || c.b_terminations.length !== 1) {
      const types = [...c.a_terminations, ...c.b_terminations].map((t) => t.object_type).join(", ");
      const dropped = [...c.a_terminations, ...c.b_terminations].find((t) => t.object_type === "dcim.interface" && !end(t));
      if (dropped && types.split(", ").every((t) => t === "dcim.interface")) skip("dcim.cable", c.id, cableName(c), "netbox.reason-device-dropped", { device: dropped.object?.device?.name ?? `#${dropped.object_id}` });
      else skip("dcim.cable", c.id, cableName(c), "netbox.reason-termination", { types });
      continue;
    }
    const id = identifier(c.label || `cable-${c.id}`);
    const label = c.label ? { labelCode: c.label } : {};
    if (FIBER_TYPES.test(c.type ?? "")) {
      const speeds = [a.speed, b.speed].filter((s): s is number => typeof s === "number" && s > 0);
      if (speeds.length === 0) { skip("dcim.cable", c.id, cableName(c), "netbox.reason-no-speed"); continue; }
      links.push({ id, a: { device: a.device, interface: a.interface }, b: { device: b.device, interface: b.interface }, medium: "fiber", capacityMbps: Math.min(...speeds) / 1000, ...label });
    } else {
      // A copper patch inside a building is a cable of the site (labelled per klaten-18-2018 Pasal 11 (3)).
      cables.push({ id, site: deviceSite.get(a.nbDevice)!, from: { device: a.device, interface: a.interface }, to: `${b.device} ${b.interface}`, ...label });
    }
  }

  const blocks: Item[] = [];
  const baseBlocks = ((document.publicIp as Item | undefined)?.blocks as Item[] | undefined) ?? [];
  const blockRanges: { id: string; range: IpRange }[] = [];
  const subnets = new Map<string, string[]>();
  for (const p of nb.prefixes) {
    const range = tryParseRange(p.prefix);
    if (!range) continue;
    if (!isPrivate(range)) {
      // A block the base already has (from `spbe init --block`) keeps its id: allocations refer to it.
      const known = baseBlocks.find((b) => b.cidr === p.prefix);
      const id = known ? (known.id as string) : identifier(p.prefix.replace("/", "-"));
      if (!known) blocks.push({ id, cidr: p.prefix, ...(p.description ? { description: p.description } : {}) });
      blockRanges.push({ id, range });
    } else if (p.tenant?.slug) {
      const opd = tenantOf(p.tenant)!;
      subnets.set(opd, [...(subnets.get(opd) ?? []), p.prefix]);
    } else {
      skip("ipam.prefix", p.id, p.prefix, "netbox.reason-private-prefix");
    }
  }
  const allocations: Item[] = [];
  for (const ip of nb.ipAddresses) {
    const address = withoutLength(ip.address);
    const range = tryParseRange(address);
    if (!range) continue;
    if (isPrivate(range)) {
      if (!primaryAddresses.has(address)) skip("ipam.ipaddress", ip.id, ip.address, "netbox.reason-private-address");
      continue;
    }
    const block = blockRanges.find((b) => contains(b.range, range));
    if (!block) { skip("ipam.ipaddress", ip.id, ip.address, "netbox.reason-outside-blocks"); continue; }
    const opd = tenantOf(ip.tenant);
    const name = ip.dns_name ? ip.dns_name.split(".")[0]! : `ip-${address}`;
    allocations.push({
      id: identifier(name), block: block.id, address,
      to: opd ? { opd } : { service: name },
      ...(ip.description || ip.dns_name ? { description: [ip.description, ip.dns_name].filter(Boolean).join(" ") } : {}),
    });
  }

  const opds = merge(document.opds, [], "code").map((o) => (subnets.has(o.code as string) ? { ...o, subnets: [...new Set([...((o.subnets as string[]) ?? []), ...subnets.get(o.code as string)!])] } : o));
  for (const [code, name] of tenants) {
    if (!opds.some((o) => o.code === code)) opds.push({ code, name, ...(subnets.has(code) ? { subnets: subnets.get(code) } : {}) });
  }
  document.opds = opds;
  document.sites = merge(document.sites, sites);
  document.devices = merge(document.devices, devices);
  document.links = merge(document.links, links);
  document.cables = merge(document.cables, cables);
  const publicIp = (document.publicIp ?? {}) as Item;
  document.publicIp = { ...publicIp, blocks: merge(publicIp.blocks, blocks), allocations: merge(publicIp.allocations, allocations) };

  return {
    document,
    unmapped,
    counts: { sites: sites.length, devices: devices.length, links: links.length, cables: cables.length, blocks: blockRanges.length, allocations: allocations.length },
  };
}
