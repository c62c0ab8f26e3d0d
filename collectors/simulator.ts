// `spbe simulate`: one net-snmp agent per inventory device on a loopback port, serving the MIB
// objects the collector's modules read, with the device's own SNMP access (v2c community or v3
// user) and counters that move with time. The values come from sim-model.ts (pure).
import * as crypto from "node:crypto";
import * as dgram from "node:dgram";
import type { Inventory } from "../inventory/schema";
import { secretEnvName, snmpSecretRefs } from "../inventory/secret-refs";
import { cpuLoadAt, hash01, octetsAt, simulatedDevices, type SimDevice } from "./sim-model";
import type { SecretResolver } from "./secrets";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snmp: any = require("net-snmp");

export interface SimulatorOptions {
  secrets: SecretResolver;
  host?: string;
  /** Fixed first port (devices get consecutive ports); default: free ports chosen by the OS. */
  basePort?: number;
}

export interface Simulator {
  endpoints: Map<string, { host: string; port: number }>;
  /** After an inventory reload: agents for new devices start, agents of removed devices stop. */
  sync(inv: Inventory): Promise<void>;
  stop(): Promise<void>;
}

/** A free UDP port on host, chosen by the OS. */
export function freeUdpPort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket("udp4");
    s.once("error", reject);
    s.bind(0, host, () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Env-var secrets the inventory's SNMP access refers to but the environment lacks: generated
 * here (random) so `serve --simulate` works out of the box. Returns name → value (never printed).
 */
export function generateMissingSecrets(inv: Inventory, secrets: SecretResolver): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ref of snmpSecretRefs(inv)) {
    if (secrets.resolve(ref) !== undefined) continue;
    out[secretEnvName(ref)] ??= crypto.randomBytes(12).toString("hex");
  }
  return out;
}

const O = () => snmp.ObjectType;
const RO = () => snmp.MaxAccess["read-only"];

function col(number: number, name: string, type: number) {
  return { number, name, type, maxAccess: RO() };
}

function counter64(v: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt.asUintN(64, v));
  return b;
}

function buildMib(agent: any, dev: SimDevice, t0: number): void {
  const mib = agent.getMib();
  const ot = O();
  const uptime = () => Math.floor((Date.now() - t0) / 10);
  const scalar = (name: string, oid: string, type: number, value: unknown, handler?: (req: any) => void) => {
    mib.registerProvider({ name, type: snmp.MibProviderType.Scalar, oid, scalarType: type, maxAccess: RO(), handler });
    mib.setScalarValue(name, value);
  };
  scalar("sysDescr", "1.3.6.1.2.1.1.1", ot.OctetString, dev.sysDescr);
  scalar("sysObjectID", "1.3.6.1.2.1.1.2", ot.OID, "1.3.6.1.4.1.8072.3.2.10");
  scalar("sysUpTime", "1.3.6.1.2.1.1.3", ot.TimeTicks, 0, (req) => {
    req.instanceNode.value = uptime();
    req.done();
  });
  scalar("sysName", "1.3.6.1.2.1.1.5", ot.OctetString, dev.id);

  if (dev.interfaces.length > 0) {
    const byIndex = new Map(dev.interfaces.map((i) => [i.ifIndex, i]));
    const seconds = () => (Date.now() - t0) / 1000;
    mib.registerProvider({
      name: "ifTable",
      type: snmp.MibProviderType.Table,
      oid: "1.3.6.1.2.1.2.2.1",
      maxAccess: snmp.MaxAccess["not-accessible"],
      tableColumns: [
        col(1, "ifIndex", ot.Integer), col(2, "ifDescr", ot.OctetString), col(4, "ifMtu", ot.Integer),
        col(7, "ifAdminStatus", ot.Integer), col(8, "ifOperStatus", ot.Integer), col(9, "ifLastChange", ot.TimeTicks),
        col(13, "ifInDiscards", ot.Counter), col(14, "ifInErrors", ot.Counter), col(19, "ifOutDiscards", ot.Counter), col(20, "ifOutErrors", ot.Counter),
      ],
      tableIndex: [{ columnName: "ifIndex" }],
      handler: (req: any) => {
        const parts = req.oid.split("."); // 1.3.6.1.2.1.2.2.1.<column>.<ifIndex>
        const column = Number(parts[9]);
        const i = byIndex.get(Number(parts[10]));
        if (i && column >= 13) {
          // errors and discards: a slow trickle proportional to traffic
          const s = seconds();
          const seed = hash01(`${dev.id}/${i.name}/${column}`);
          req.instanceNode.value = Math.floor(s * seed * 0.05) % 0xffffffff;
        }
        req.done();
      },
    });
    mib.registerProvider({
      name: "ifXTable",
      type: snmp.MibProviderType.Table,
      oid: "1.3.6.1.2.1.31.1.1.1",
      maxAccess: snmp.MaxAccess["not-accessible"],
      tableColumns: [
        col(1, "ifName", ot.OctetString), col(6, "ifHCInOctets", ot.Counter64), col(7, "ifHCInUcastPkts", ot.Counter64),
        col(10, "ifHCOutOctets", ot.Counter64), col(11, "ifHCOutUcastPkts", ot.Counter64), col(15, "ifHighSpeed", ot.Gauge),
        col(18, "ifAlias", ot.OctetString),
      ],
      tableAugments: "ifTable",
      handler: (req: any) => {
        const parts = req.oid.split("."); // 1.3.6.1.2.1.31.1.1.1.<column>.<ifIndex>
        const column = Number(parts[10]);
        const i = byIndex.get(Number(parts[11]));
        if (i && column >= 6 && column <= 11) {
          const s = seconds();
          const out = column >= 10;
          const bps = out ? i.outBps : i.inBps;
          const seed = hash01(`${dev.id}/${i.name}/${out ? "out" : "in"}`);
          const octets = octetsAt(bps, s, seed);
          req.instanceNode.value = counter64(column === 6 || column === 10 ? octets : octets / 800n);
        }
        req.done();
      },
    });
    for (const i of dev.interfaces) {
      mib.addTableRow("ifTable", [i.ifIndex, i.name, 1500, 1, 1, 0, 0, 0, 0, 0]);
      mib.addTableRow("ifXTable", [i.ifIndex, i.name, counter64(0n), counter64(0n), counter64(0n), counter64(0n), i.speedMbps, i.alias]);
    }
  }

  if (dev.role === "server" || dev.role === "gateway") {
    scalar("hrSystemUptime", "1.3.6.1.2.1.25.1.1", ot.TimeTicks, 0, (req) => {
      req.instanceNode.value = uptime() + 8_640_000;
      req.done();
    });
    mib.registerProvider({
      name: "hrProcessorTable",
      type: snmp.MibProviderType.Table,
      oid: "1.3.6.1.2.1.25.3.3.1",
      maxAccess: snmp.MaxAccess["not-accessible"],
      tableColumns: [col(1, "hrProcessorFrwID", ot.Integer), col(2, "hrProcessorLoad", ot.Integer)],
      tableIndex: [{ columnName: "hrProcessorFrwID" }],
      handler: (req: any) => {
        const idx = req.oid.split(".").pop();
        if (req.oid.startsWith("1.3.6.1.2.1.25.3.3.1.2.")) req.instanceNode.value = cpuLoadAt(hash01(`${dev.id}/cpu${idx}`), (Date.now() - t0) / 1000);
        req.done();
      },
    });
    for (let c = 0; c < dev.cpus; c++) mib.addTableRow("hrProcessorTable", [196608 + c, 0]);
    mib.registerProvider({
      name: "hrStorageTable",
      type: snmp.MibProviderType.Table,
      oid: "1.3.6.1.2.1.25.2.3.1",
      maxAccess: snmp.MaxAccess["not-accessible"],
      tableColumns: [col(1, "hrStorageIndex", ot.Integer), col(3, "hrStorageDescr", ot.OctetString), col(4, "hrStorageAllocationUnits", ot.Integer), col(5, "hrStorageSize", ot.Integer), col(6, "hrStorageUsed", ot.Integer)],
      tableIndex: [{ columnName: "hrStorageIndex" }],
    });
    const memUsed = Math.floor(dev.memoryKiB * (0.3 + 0.5 * hash01(`${dev.id}/mem`)));
    mib.addTableRow("hrStorageTable", [1, "Physical memory", 1024, dev.memoryKiB, memUsed]);
    const diskBlocks = 250_000_000; // 4 KiB blocks: ~1 TB
    mib.addTableRow("hrStorageTable", [31, "/", 4096, diskBlocks, Math.floor(diskBlocks * (0.2 + 0.6 * hash01(`${dev.id}/disk`)))]);
  }

  if (dev.ups) {
    const seed = hash01(`${dev.id}/ups`);
    scalar("upsBatteryStatus", "1.3.6.1.2.1.33.1.2.1", ot.Integer, 2);
    scalar("upsSecondsOnBattery", "1.3.6.1.2.1.33.1.2.2", ot.Integer, 0);
    scalar("upsEstimatedMinutesRemaining", "1.3.6.1.2.1.33.1.2.3", ot.Integer, Math.round(30 + 60 * seed));
    scalar("upsEstimatedChargeRemaining", "1.3.6.1.2.1.33.1.2.4", ot.Integer, 100);
    scalar("upsOutputSource", "1.3.6.1.2.1.33.1.4.1", ot.Integer, 3);
    mib.registerProvider({
      name: "upsInputTable",
      type: snmp.MibProviderType.Table,
      oid: "1.3.6.1.2.1.33.1.3.3.1",
      maxAccess: snmp.MaxAccess["not-accessible"],
      tableColumns: [col(1, "upsInputLineIndex", ot.Integer), col(3, "upsInputVoltage", ot.Integer)],
      tableIndex: [{ columnName: "upsInputLineIndex" }],
    });
    mib.addTableRow("upsInputTable", [1, 220 + Math.round(10 * seed)]);
    mib.registerProvider({
      name: "upsOutputTable",
      type: snmp.MibProviderType.Table,
      oid: "1.3.6.1.2.1.33.1.4.4.1",
      maxAccess: snmp.MaxAccess["not-accessible"],
      tableColumns: [col(1, "upsOutputLineIndex", ot.Integer), col(2, "upsOutputVoltage", ot.Integer), col(5, "upsOutputPercentLoad", ot.Integer)],
      tableIndex: [{ columnName: "upsOutputLineIndex" }],
    });
    mib.addTableRow("upsOutputTable", [1, 220, Math.round(20 + 40 * seed)]);
  }
}

const AUTH: Record<string, string> = { md5: "md5", sha: "sha", sha224: "sha224", sha256: "sha256", sha384: "sha384", sha512: "sha512" };
const PRIV: Record<string, string> = { des: "des", aes: "aes", aes256b: "aes256b", aes256r: "aes256r" };

export async function startSimulator(inv: Inventory, opts: SimulatorOptions): Promise<Simulator> {
  const host = opts.host ?? "127.0.0.1";
  const agents = new Map<string, any>();
  const endpoints = new Map<string, { host: string; port: number }>();
  const t0 = Date.now() - 3_600_000; // agents "booted" an hour ago
  let n = 0;
  const startAgents = async (current: Inventory) => {
    const byId = new Map(current.devices.map((d) => [d.id, d]));
    for (const dev of simulatedDevices(current)) {
      if (agents.has(dev.id)) continue;
      const d = byId.get(dev.id)!;
      const port = opts.basePort ? opts.basePort + n++ : await freeUdpPort(host);
      const agent = snmp.createAgent({ port, address: host, disableAuthorization: false }, () => undefined);
      const authz = agent.getAuthorizer();
      const a = d.snmp!;
      if (a.version === "2c") {
        const community = opts.secrets.resolve(a.community);
        if (community) authz.addCommunity(community);
      } else {
        const user: Record<string, unknown> = { name: a.user, level: snmp.SecurityLevel[a.securityLevel] };
        if (a.securityLevel !== "noAuthNoPriv" && a.authKey) {
          user.authProtocol = snmp.AuthProtocols[AUTH[a.authProtocol ?? "sha"]!];
          user.authKey = opts.secrets.resolve(a.authKey);
        }
        if (a.securityLevel === "authPriv" && a.privKey) {
          user.privProtocol = snmp.PrivProtocols[PRIV[a.privProtocol ?? "aes"]!];
          user.privKey = opts.secrets.resolve(a.privKey);
        }
        authz.addUser(user);
      }
      buildMib(agent, dev, t0);
      agents.set(dev.id, agent);
      endpoints.set(dev.id, { host, port });
    }
  };
  const close = (id: string) => {
    try { agents.get(id)?.close(); } catch { /* already closed */ }
    agents.delete(id);
    endpoints.delete(id);
  };
  await startAgents(inv);
  return {
    endpoints,
    async sync(next) {
      const keep = new Set(next.devices.filter((d) => d.snmp).map((d) => d.id));
      for (const id of [...agents.keys()]) if (!keep.has(id)) close(id);
      await startAgents(next);
    },
    async stop() {
      for (const id of [...agents.keys()]) close(id);
    },
  };
}
