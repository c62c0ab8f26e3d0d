// The neighbour tables as data: LLDP-MIB (IEEE 802.1AB-2005, `iso.std.iso8802.ieee802dot1.ieee802dot1mibs.lldpMIB`,
// 1.0.8802.1.1.2) and CISCO-CDP-MIB's cache (1.3.6.1.4.1.9.9.23). One home for their OIDs, the
// subtype enumerations and the decoding of chassis and port ids, read by the walker
// (neighbour-walk.ts) and served by the simulator (sim-mib.ts), so the two cannot drift apart.
//
// Why not a polled module (modules.ts) with metrics: every LLDP column that matters is a string
// (chassis id, port id, sysName); as metrics they would be `info` series whose labels change with
// every re-cabling, and snmp_exporter users keep them out of their polled modules for that reason.
// The comparison with the declared links needs the whole table at one moment, not a time series,
// so the walk feeds the observer (observe/topology.ts) and becomes facts, read by policies/.
import * as ipaddr from "ipaddr.js";
import type { EnumValues } from "./mib-enum";

const LLDP = "1.0.8802.1.1.2.1";

/** lldpLocalSystemData scalars (the walked device's own identity). */
export const LLDP_LOC = {
  chassisIdSubtype: `${LLDP}.3.1`,
  chassisId: `${LLDP}.3.2`,
  sysName: `${LLDP}.3.3`,
} as const;

/** lldpLocPortTable (index lldpLocPortNum): columns 2..4. */
export const LLDP_LOC_PORT = {
  entry: `${LLDP}.3.7.1`,
  portIdSubtype: `${LLDP}.3.7.1.2`,
  portId: `${LLDP}.3.7.1.3`,
  portDesc: `${LLDP}.3.7.1.4`,
} as const;

/** lldpRemTable (index lldpRemTimeMark.lldpRemLocalPortNum.lldpRemIndex): the accessible columns 4..9. */
export const LLDP_REM = {
  entry: `${LLDP}.4.1.1`,
  chassisIdSubtype: `${LLDP}.4.1.1.4`,
  chassisId: `${LLDP}.4.1.1.5`,
  portIdSubtype: `${LLDP}.4.1.1.6`,
  portId: `${LLDP}.4.1.1.7`,
  portDesc: `${LLDP}.4.1.1.8`,
  sysName: `${LLDP}.4.1.1.9`,
} as const;

/**
 * lldpRemManAddrTable (index TimeMark.LocalPortNum.RemIndex.lldpRemManAddrSubtype.lldpRemManAddr):
 * the address is in the index, so walking one column (lldpRemManAddrIfSubtype) is enough.
 */
export const LLDP_REM_MAN_ADDR = {
  entry: `${LLDP}.4.2.1`,
  ifSubtype: `${LLDP}.4.2.1.3`,
} as const;

/** LLDP-MIB LldpChassisIdSubtype. */
export const CHASSIS_ID_SUBTYPES = { 1: "chassisComponent", 2: "interfaceAlias", 3: "portComponent", 4: "macAddress", 5: "networkAddress", 6: "interfaceName", 7: "local" } as const satisfies EnumValues;
/** LLDP-MIB LldpPortIdSubtype. */
export const PORT_ID_SUBTYPES = { 1: "interfaceAlias", 2: "portComponent", 3: "macAddress", 4: "networkAddress", 5: "interfaceName", 6: "agentCircuitId", 7: "local" } as const satisfies EnumValues;

const CDP = "1.3.6.1.4.1.9.9.23.1";
/** cdpCacheTable (index cdpCacheIfIndex.cdpCacheDeviceIndex). */
export const CDP_CACHE = {
  entry: `${CDP}.2.1.1`,
  addressType: `${CDP}.2.1.1.3`,
  address: `${CDP}.2.1.1.4`,
  deviceId: `${CDP}.2.1.1.6`,
  devicePort: `${CDP}.2.1.1.7`,
} as const;
/** cdpGlobalRun: present (true or false) on every agent that implements CISCO-CDP-MIB. */
export const CDP_GLOBAL_RUN = `${CDP}.3.1`;

/** IF-MIB ifName: CDP names the local port by ifIndex only. */
export const IF_NAME = "1.3.6.1.2.1.31.1.1.1.1";

/** Octets as lowercase colon-separated hex, as snmp_exporter renders PhysAddress48: `aa:bb:cc:dd:ee:ff`. */
export function hexColons(b: Buffer): string {
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join(":");
}

/** Text when every octet is printable ASCII, else hex (a binary "local" id must not become mojibake). */
function printableOrHex(b: Buffer): string {
  return b.length > 0 && [...b].every((x) => x >= 0x20 && x < 0x7f) ? b.toString("latin1") : hexColons(b);
}

/**
 * An LLDP network address (IANA address family octet, then the address: 1 = IPv4, 2 = IPv6) as text;
 * hex for another family.
 */
export function networkAddress(b: Buffer): string {
  const family = b[0];
  const rest = b.subarray(1);
  if (family === 1 && rest.length === 4) return ipaddr.fromByteArray([...rest]).toString();
  if (family === 2 && rest.length === 16) return ipaddr.fromByteArray([...rest]).toString();
  return hexColons(b);
}

/** A chassis id per its subtype: MAC as aa:bb:…, network address as an IP, names as text. */
export function decodeChassisId(subtype: number | undefined, b: Buffer): string {
  if (subtype === 4 && b.length === 6) return hexColons(b);
  if (subtype === 5) return networkAddress(b);
  return printableOrHex(b);
}

/** A port id per its subtype (the same encodings as the chassis id, numbered differently). */
export function decodePortId(subtype: number | undefined, b: Buffer): string {
  if (subtype === 3 && b.length === 6) return hexColons(b);
  if (subtype === 4) return networkAddress(b);
  return printableOrHex(b);
}

/** Port id subtypes that carry the interface's name as the device calls it. */
export const NAMING_PORT_SUBTYPES: readonly number[] = [1, 5, 7];

/**
 * The management address in an lldpRemManAddrTable index suffix `subtype.length.octets…`
 * (IANA family 1 = IPv4, 2 = IPv6); undefined for other families.
 */
export function manAddrFromIndex(parts: number[]): string | undefined {
  const [subtype, length, ...octets] = parts;
  if (length === undefined || octets.length !== length) return undefined;
  if ((subtype === 1 && length === 4) || (subtype === 2 && length === 16)) return ipaddr.fromByteArray(octets).toString();
  return undefined;
}
