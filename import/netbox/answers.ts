// The parts of NetBox's REST answers (API v4: /api/dcim/..., /api/ipam/...) that the import reads.
// Nested objects are NetBox's "brief" representations (id, name, slug...). Only what is read is
// typed: NetBox sends far more, and an answer from 3.x (device_role instead of role) is accepted too.

export interface Brief {
  id: number;
  name?: string | null;
  slug?: string;
  display?: string;
}

export interface NbTag {
  slug: string;
  name?: string;
}

export interface NbSite {
  id: number;
  name: string;
  slug: string;
  physical_address?: string;
  description?: string;
  tenant?: Brief | null;
  tags?: NbTag[];
}

export interface NbRack {
  id: number;
  name: string;
  site: Brief;
  u_height: number;
}

export interface NbDevice {
  id: number;
  name: string | null;
  role?: Brief | null;
  /** NetBox 3.x's name for role. */
  device_role?: Brief | null;
  device_type?: { model?: string; manufacturer?: Brief } | null;
  site: Brief;
  rack?: Brief | null;
  position?: number | string | null;
  tenant?: Brief | null;
  primary_ip4?: { address: string } | null;
  primary_ip6?: { address: string } | null;
}

export interface NbInterface {
  id: number;
  device: Brief;
  name: string;
  /** kbit/s */
  speed?: number | null;
  description?: string;
}

export interface NbTermination {
  object_type: string;
  object_id: number;
  object?: { id: number; name?: string; device?: Brief } | null;
}

export interface NbCable {
  id: number;
  type?: string | null;
  label?: string;
  a_terminations: NbTermination[];
  b_terminations: NbTermination[];
}

export interface NbPrefix {
  id: number;
  prefix: string;
  tenant?: Brief | null;
  description?: string;
}

export interface NbIpAddress {
  id: number;
  address: string;
  tenant?: Brief | null;
  dns_name?: string;
  description?: string;
}

export interface NetboxAnswers {
  sites: NbSite[];
  racks: NbRack[];
  devices: NbDevice[];
  interfaces: NbInterface[];
  cables: NbCable[];
  prefixes: NbPrefix[];
  ipAddresses: NbIpAddress[];
}

/** The endpoints read, with the file each is saved to for `--from <dir>`. */
export const ENDPOINTS: readonly { key: keyof NetboxAnswers; path: string; file: string }[] = [
  { key: "sites", path: "dcim/sites", file: "dcim-sites.json" },
  { key: "racks", path: "dcim/racks", file: "dcim-racks.json" },
  { key: "devices", path: "dcim/devices", file: "dcim-devices.json" },
  { key: "interfaces", path: "dcim/interfaces", file: "dcim-interfaces.json" },
  { key: "cables", path: "dcim/cables", file: "dcim-cables.json" },
  { key: "prefixes", path: "ipam/prefixes", file: "ipam-prefixes.json" },
  { key: "ipAddresses", path: "ipam/ip-addresses", file: "ipam-ip-addresses.json" },
];
