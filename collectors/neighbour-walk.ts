// Walks one agent's neighbour table over the collectors' SNMP client: LLDP-MIB first, CISCO-CDP-MIB's
// cache when the agent has no LLDP-MIB. Returns the decoded neighbours (neighbour-mib.ts says how each
// id is decoded); an agent with neither MIB throws NoNeighbourMibError, SNMP failures throw the
// client's PollError. The observer (observe/topology.ts) turns both into facts.
import type { Neighbour } from "../facts/schema";
import { CDP_CACHE, CDP_GLOBAL_RUN, decodeChassisId, decodePortId, IF_NAME, LLDP_LOC, LLDP_LOC_PORT, LLDP_REM, LLDP_REM_MAN_ADDR, manAddrFromIndex, NAMING_PORT_SUBTYPES, networkAddress } from "./neighbour-mib";
import type { SnmpClient } from "./snmp-client";
import { isExceptionType, type Varbind } from "./varbind";

export interface NeighbourTable {
  protocol: "lldp" | "cdp";
  /** The walked device's own chassis id (lldpLocChassisId, decoded); CDP has none. */
  chassisId?: string;
  neighbours: Neighbour[];
}

/** The agent answers noSuchObject (or ends its view) for both LLDP-MIB and CISCO-CDP-MIB. */
export class NoNeighbourMibError extends Error {}

const bytes = (vb: Varbind | undefined): Buffer | undefined => (vb && Buffer.isBuffer(vb.value) ? vb.value : undefined);
const int = (vb: Varbind | undefined): number | undefined => (vb && typeof vb.value === "number" ? vb.value : undefined);
const text = (vb: Varbind | undefined): string | undefined => {
  const b = bytes(vb);
  const s = b?.toString("utf8").replace(/\0+$/, "").trim();
  return s ? s : undefined;
};

/** Column varbinds by their row index (the OID suffix after the column). */
function byIndex(column: string, vbs: Varbind[] | undefined): Map<string, Varbind> {
  return new Map((vbs ?? []).map((vb) => [vb.oid.slice(column.length + 1), vb]));
}

export async function walkNeighbours(client: SnmpClient): Promise<NeighbourTable> {
  const loc = await client.get([`${LLDP_LOC.chassisIdSubtype}.0`, `${LLDP_LOC.chassisId}.0`, `${LLDP_LOC.sysName}.0`]);
  if (loc.every((vb) => isExceptionType(vb.type))) return walkCdp(client);
  const chassis = bytes(loc[1]);
  const cols = await client.walkColumns([
    LLDP_LOC_PORT.portIdSubtype,
    LLDP_LOC_PORT.portId,
    LLDP_LOC_PORT.portDesc,
    LLDP_REM.chassisIdSubtype,
    LLDP_REM.chassisId,
    LLDP_REM.portIdSubtype,
    LLDP_REM.portId,
    LLDP_REM.portDesc,
    LLDP_REM.sysName,
    LLDP_REM_MAN_ADDR.ifSubtype,
  ]);
  const col = (oid: string) => byIndex(oid, cols.get(oid));
  const locSubtype = col(LLDP_LOC_PORT.portIdSubtype);
  const locId = col(LLDP_LOC_PORT.portId);
  const locDesc = col(LLDP_LOC_PORT.portDesc);
  /** The local port's name: its id when the id is a name, else its description (lldpd sends the MAC as id, the ifname as description). */
  const localPort = (portNum: string): string => {
    const subtype = int(locSubtype.get(portNum));
    const id = bytes(locId.get(portNum));
    if (id && subtype !== undefined && NAMING_PORT_SUBTYPES.includes(subtype)) return decodePortId(subtype, id);
    return text(locDesc.get(portNum)) ?? (id ? decodePortId(subtype, id) : portNum);
  };
  const manAddr = new Map<string, string>();
  for (const vb of cols.get(LLDP_REM_MAN_ADDR.ifSubtype) ?? []) {
    const parts = vb.oid.slice(LLDP_REM_MAN_ADDR.ifSubtype.length + 1).split(".").map(Number);
    const addr = manAddrFromIndex(parts.slice(3));
    const key = parts.slice(0, 3).join(".");
    if (addr && !manAddr.has(key)) manAddr.set(key, addr);
  }
  const chassisSubtype = col(LLDP_REM.chassisIdSubtype);
  const chassisId = col(LLDP_REM.chassisId);
  const portSubtype = col(LLDP_REM.portIdSubtype);
  const portId = col(LLDP_REM.portId);
  const portDesc = col(LLDP_REM.portDesc);
  const sysName = col(LLDP_REM.sysName);
  const rows = new Set([...chassisId.keys(), ...sysName.keys(), ...portId.keys()]);
  const neighbours: Neighbour[] = [];
  for (const row of rows) {
    const [, localPortNum] = row.split(".");
    if (localPortNum === undefined) continue;
    const chassis = bytes(chassisId.get(row));
    const port = bytes(portId.get(row));
    neighbours.push(
      clean({
        localPort: localPort(localPortNum),
        remoteChassisId: chassis ? decodeChassisId(int(chassisSubtype.get(row)), chassis) : undefined,
        remoteSysName: text(sysName.get(row)),
        remotePortId: port ? decodePortId(int(portSubtype.get(row)), port) : undefined,
        remotePortDescription: text(portDesc.get(row)),
        remoteManagementAddress: manAddr.get(row),
      }),
    );
  }
  return { protocol: "lldp", ...(chassis ? { chassisId: decodeChassisId(int(loc[0]), chassis) } : {}), neighbours };
}

async function walkCdp(client: SnmpClient): Promise<NeighbourTable> {
  const [run] = await client.get([`${CDP_GLOBAL_RUN}.0`]);
  if (!run || isExceptionType(run.type)) throw new NoNeighbourMibError("the agent has neither LLDP-MIB (lldpLocChassisId) nor CISCO-CDP-MIB (cdpGlobalRun)");
  const cols = await client.walkColumns([CDP_CACHE.addressType, CDP_CACHE.address, CDP_CACHE.deviceId, CDP_CACHE.devicePort, IF_NAME]);
  const col = (oid: string) => byIndex(oid, cols.get(oid));
  const ifName = col(IF_NAME);
  const addrType = col(CDP_CACHE.addressType);
  const addr = col(CDP_CACHE.address);
  const deviceId = col(CDP_CACHE.deviceId);
  const devicePort = col(CDP_CACHE.devicePort);
  const neighbours: Neighbour[] = [];
  for (const [row, vb] of deviceId) {
    const [ifIndex] = row.split(".");
    const a = bytes(addr.get(row));
    // cdpCacheAddressType ip(1): four octets, written here in the LLDP network-address form to reuse its decoding.
    const address = a && int(addrType.get(row)) === 1 && a.length === 4 ? networkAddress(Buffer.concat([Buffer.from([1]), a])) : undefined;
    const id = bytes(vb);
    neighbours.push(
      clean({
        localPort: text(ifName.get(ifIndex!)) ?? ifIndex!,
        remoteSysName: id ? decodeChassisId(7, id) : undefined,
        remotePortId: text(devicePort.get(row)),
        remoteManagementAddress: address,
      }),
    );
  }
  return { protocol: "cdp", neighbours };
}

/** Drops the fields the agent did not answer (the fact schema is strict about undefined). */
function clean(n: Neighbour): Neighbour {
  return Object.fromEntries(Object.entries(n).filter(([, v]) => v !== undefined)) as Neighbour;
}
