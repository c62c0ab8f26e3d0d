// The simulated agent's MIB, built from the collector's module tables (modules.ts): every OID,
// SNMP syntax and enumeration the simulator serves is the one the poller reads, so the two cannot
// drift apart. One function per MIB subject says what a device answers; the values come from
// sim-model.ts (pure) and the counters move with the clock.
import * as N from "./metric-names";
import { CISCO_CPU_MEMORY, HOST_RESOURCES, IF_MIB, mibEnumValue, MIKROTIK, SYSTEM, UPS_MIB } from "./modules";
import { QUOTA_EXTEND_NAME, quotaCounterLine, routerOsQueueName } from "../inventory/quota-names";
import { CHASSIS_ID_SUBTYPES, LLDP_LOC, LLDP_LOC_PORT, LLDP_REM, PORT_ID_SUBTYPES } from "./neighbour-mib";
import { enumNumber } from "./mib-enum";
import { cpuLoadAt, hash01, octetsAt, type SimDevice, type SimInterface } from "./sim-model";
import { counter64, SimMib, type CellAnswers } from "./sim-providers";
import type { SimTraffic } from "./sim-traffic";

/** Time as the agent sees it; it "booted" at t0 (ms). */
interface SimClock {
  /** sysUpTime: hundredths of a second since boot. */
  uptime(): number;
  seconds(): number;
}

/** Asked at every request: is this port's link cut right now (the simulator's linkFaults)? */
export type PortDown = (device: string, ifName: string) => boolean;

/** The agent's MIB for one device: what it serves, subject by subject. */
/**
 * `polled`: called each time sysUpTime is asked. Every poll asks it exactly once (the `system`
 * module's scalars come first for every role), so the simulator counts polls per device with it.
 */
export function buildMib(agent: any, dev: SimDevice, t0: number, portDown: PortDown = () => false, traffic?: SimTraffic, polled?: () => void): void {
  const clock: SimClock = { uptime: () => Math.floor((Date.now() - t0) / 10), seconds: () => (Date.now() - t0) / 1000 };
  const mib = new SimMib(agent.getMib());
  serveSystem(mib, dev, clock, polled);
  if (dev.interfaces.length > 0) serveInterfaces(mib, dev, clock, portDown, traffic);
  if (dev.hostResources) serveHostResources(mib, dev, clock);
  if (dev.ups) serveUps(mib, dev);
  if (dev.mikrotik) serveMikrotik(mib, dev, clock);
  if (dev.ciscoCpuMemory) serveCiscoCpuMemory(mib, dev, clock);
  if (dev.lldp) serveLldp(mib, dev);
  if (dev.quotaCounters) serveQuotaCounters(mib, dev, clock);
}

/** NET-SNMP-EXTEND-MIB nsExtendConfigEntry and nsExtendOutput2Entry (the lines the spbe_quota module reads). */
const NS_EXTEND_CONFIG_ENTRY = "1.3.6.1.4.1.8072.1.3.2.2.1";
const NS_EXTEND_OUTPUT2_ENTRY = "1.3.6.1.4.1.8072.1.3.2.4.1";
/** What a real gateway's extend runs (infra/quota/counters.ts installs it there); shown as nsExtendCommand only. */
const COUNTERS_COMMAND = "/bin/sh";

/**
 * NET-SNMP-EXTEND-MIB nsExtendOutLine."spbe-quota": the Linux quota gateway's report, one line per
 * OPD and direction with its class's bytes moving at its rate (the same counter a RouterOS queue of
 * that OPD would show).
 */
function serveQuotaCounters(mib: SimMib, dev: SimDevice, clock: SimClock): void {
  const lines = dev.quotaCounters!.map((u) => () => quotaCounterLine(u.opd, u.direction, octetsAt(u.bps, clock.seconds(), hash01(`${dev.id}/${routerOsQueueName(u.opd, u.direction)}`))));
  mib.extendOutput(NS_EXTEND_CONFIG_ENTRY, NS_EXTEND_OUTPUT2_ENTRY, QUOTA_EXTEND_NAME, COUNTERS_COMMAND, lines);
}

const lastArc = (oid: string) => Number(oid.slice(oid.lastIndexOf(".") + 1));
const mac = (text: string) => Buffer.from(text.replace(/:/g, ""), "hex");

/**
 * LLDP-MIB: the device's chassis (a MAC) and sysName (its inventory id), its ports named by
 * interfaceName (lldpLocPortNum = ifIndex, as lldpd and most switches number them), and per port the
 * neighbour sim-wiring.ts says is patched there, announcing its sysName and its port by interfaceName.
 */
function serveLldp(mib: SimMib, dev: SimDevice): void {
  const lldp = dev.lldp!;
  const macSubtype = enumNumber(CHASSIS_ID_SUBTYPES, "macAddress");
  const nameSubtype = enumNumber(PORT_ID_SUBTYPES, "interfaceName");
  mib.scalar(LLDP_LOC.chassisIdSubtype, "Integer32", macSubtype);
  mib.scalar(LLDP_LOC.chassisId, "DisplayString", mac(lldp.chassisMac));
  mib.scalar(LLDP_LOC.sysName, "DisplayString", dev.id);
  const portNum = new Map(dev.interfaces.map((i) => [i.name, i.ifIndex]));
  mib.indexedTable(
    LLDP_LOC_PORT.entry,
    [
      { number: 1, name: "lldpLocPortNum", syntax: "Integer32", index: true },
      { number: lastArc(LLDP_LOC_PORT.portIdSubtype), name: "lldpLocPortIdSubtype", syntax: "Integer32" },
      { number: lastArc(LLDP_LOC_PORT.portId), name: "lldpLocPortId", syntax: "DisplayString" },
      { number: lastArc(LLDP_LOC_PORT.portDesc), name: "lldpLocPortDesc", syntax: "DisplayString" },
    ],
    dev.interfaces.map((i) => [i.ifIndex, nameSubtype, i.name, i.alias]),
  );
  // lldpRemTimeMark: sysUpTime when the neighbour was learnt, a minute after the agent booted.
  const timeMark = 6000;
  const remIndex = new Map<number, number>();
  const rows = lldp.remotes.flatMap((r) => {
    const port = portNum.get(r.localPort);
    if (port === undefined) return [];
    const index = (remIndex.get(port) ?? 0) + 1;
    remIndex.set(port, index);
    return [[timeMark, port, index, macSubtype, mac(r.chassisMac), nameSubtype, r.portName, r.portName, r.sysName]];
  });
  mib.indexedTable(
    LLDP_REM.entry,
    [
      { number: 1, name: "lldpRemTimeMark", syntax: "TimeTicks", index: true },
      { number: 2, name: "lldpRemLocalPortNum", syntax: "Integer32", index: true },
      { number: 3, name: "lldpRemIndex", syntax: "Integer32", index: true },
      { number: lastArc(LLDP_REM.chassisIdSubtype), name: "lldpRemChassisIdSubtype", syntax: "Integer32" },
      { number: lastArc(LLDP_REM.chassisId), name: "lldpRemChassisId", syntax: "DisplayString" },
      { number: lastArc(LLDP_REM.portIdSubtype), name: "lldpRemPortIdSubtype", syntax: "Integer32" },
      { number: lastArc(LLDP_REM.portId), name: "lldpRemPortId", syntax: "DisplayString" },
      { number: lastArc(LLDP_REM.portDesc), name: "lldpRemPortDesc", syntax: "DisplayString" },
      { number: lastArc(LLDP_REM.sysName), name: "lldpRemSysName", syntax: "DisplayString" },
    ],
    rows,
  );
}

/** SNMPv2-MIB system group: the inventory id as sysName, vendor and model as sysDescr. */
function serveSystem(mib: SimMib, dev: SimDevice, clock: SimClock, polled?: () => void): void {
  mib.scalars(SYSTEM, {
    [N.SYS_UPTIME]: () => {
      polled?.();
      return clock.uptime();
    },
    [N.LABEL_SYS_NAME]: dev.id,
    [N.LABEL_SYS_DESCR]: dev.sysDescr,
    [N.LABEL_SYS_OBJECT_ID]: "1.3.6.1.4.1.8072.3.2.10", // NET-SNMP-TC netSnmpAgentOIDs linux(10), as snmpd on Linux answers
  });
}

/** IF-MIB ifTable + ifXTable: one row per inventory interface, up unless its link is cut. */
function serveInterfaces(mib: SimMib, dev: SimDevice, clock: SimClock, portDown: PortDown, traffic?: SimTraffic): void {
  mib.table(IF_MIB, N.LABEL_IF_INDEX, dev.interfaces.map((i) => ({ index: i.ifIndex, answers: interfaceAnswers(dev, i, clock, portDown, traffic) })));
}

function interfaceAnswers(dev: SimDevice, i: SimInterface, clock: SimClock, portDown: PortDown, traffic?: SimTraffic): CellAnswers {
  const up = mibEnumValue(N.IF_OPER_STATUS, "up");
  const down = mibEnumValue(N.IF_OPER_STATUS, "down");
  // Errors and discards: a slow trickle proportional to traffic, seeded per column.
  const trickle = (column: number) => Math.floor(clock.seconds() * hash01(`${dev.id}/${i.name}/${column}`) * 0.05) % 0xffffffff;
  // Extra traffic set on the link (sim-traffic.ts) flows both ways, so both ends read the same load.
  const extra = () => (traffic && i.link ? traffic.octets(i.link) : 0n);
  const octets = (direction: "in" | "out") => octetsAt(direction === "out" ? i.outBps : i.inBps, clock.seconds(), hash01(`${dev.id}/${i.name}/${direction}`)) + extra();
  const packets = (direction: "in" | "out") => octets(direction) / 800n; // 800-octet packets on average
  return {
    [N.LABEL_IF_DESCR]: i.name,
    [N.LABEL_IF_NAME]: i.name,
    [N.LABEL_IF_ALIAS]: i.alias,
    [N.IF_MTU]: 1500,
    [N.IF_ADMIN_STATUS]: mibEnumValue(N.IF_ADMIN_STATUS, "up"),
    [N.IF_OPER_STATUS]: () => (portDown(dev.id, i.name) ? down : up),
    [N.IF_LAST_CHANGE]: 0,
    [N.IF_IN_DISCARDS]: trickle,
    [N.IF_IN_ERRORS]: trickle,
    [N.IF_OUT_DISCARDS]: trickle,
    [N.IF_OUT_ERRORS]: trickle,
    [N.IF_HC_IN_OCTETS]: () => counter64(octets("in")),
    [N.IF_HC_IN_UCAST_PKTS]: () => counter64(packets("in")),
    [N.IF_HC_OUT_OCTETS]: () => counter64(octets("out")),
    [N.IF_HC_OUT_UCAST_PKTS]: () => counter64(packets("out")),
    [N.IF_HIGH_SPEED]: i.speedMbps,
    // The 32-bit ifTable view of the same counters (what an agent keeps: the low 32 bits).
    [N.IF_IN_OCTETS]: () => Number(BigInt.asUintN(32, octets("in"))),
    [N.IF_IN_UCAST_PKTS]: () => Number(BigInt.asUintN(32, packets("in"))),
    [N.IF_OUT_OCTETS]: () => Number(BigInt.asUintN(32, octets("out"))),
    [N.IF_OUT_UCAST_PKTS]: () => Number(BigInt.asUintN(32, packets("out"))),
    // Gauge32 saturates above 4.29 Gb/s (RFC 2863: ifHighSpeed tells the truth there).
    [N.IF_SPEED]: Math.min(i.speedMbps * 1e6, 0xffffffff),
    // A locally administered unicast MAC (02:...) per device and interface.
    [N.IF_PHYS_ADDRESS]: Buffer.from([0x02, ...Array.from({ length: 5 }, (_, k) => Math.floor(hash01(`${dev.id}/${i.name}/mac${k}`) * 256))]),
  };
}

/** HOST-RESOURCES-MIB: uptime, a load per CPU that wanders, physical memory and one ~1 TB disk. */
function serveHostResources(mib: SimMib, dev: SimDevice, clock: SimClock): void {
  // The host booted a day (8 640 000 hundredths of a second) before its SNMP agent.
  mib.scalars(HOST_RESOURCES, { [N.HR_SYSTEM_UPTIME]: () => clock.uptime() + 8_640_000 });
  // hrDeviceIndex of processors: net-snmp numbers them from 196608 (hrDeviceProcessor << 16).
  const cpus = Array.from({ length: dev.cpus }, (_, c) => 196608 + c);
  mib.table(HOST_RESOURCES, N.LABEL_HR_DEVICE_INDEX, cpus.map((index) => ({
    index,
    answers: { [N.HR_PROCESSOR_LOAD]: () => cpuLoadAt(hash01(`${dev.id}/cpu${index}`), clock.seconds()) },
  })));
  const memUsed = Math.floor(dev.memoryKiB * (0.3 + 0.5 * hash01(`${dev.id}/mem`)));
  const diskBlocks = 250_000_000; // 4 KiB blocks: ~1 TB
  const diskUsed = Math.floor(diskBlocks * (0.2 + 0.6 * hash01(`${dev.id}/disk`)));
  mib.table(HOST_RESOURCES, N.LABEL_HR_STORAGE_INDEX, [
    { index: 1, answers: storage("Physical memory", 1024, dev.memoryKiB, memUsed) },
    { index: 31, answers: storage("/", 4096, diskBlocks, diskUsed) },
  ]);
}

function storage(descr: string, allocationUnits: number, size: number, used: number): CellAnswers {
  return { [N.LABEL_HR_STORAGE_DESCR]: descr, [N.HR_STORAGE_ALLOCATION_UNITS]: allocationUnits, [N.HR_STORAGE_SIZE]: size, [N.HR_STORAGE_USED]: used };
}

/**
 * CISCO-PROCESS-MIB's CPU total table (one CPU, on entity 1) and CISCO-MEMORY-POOL-MIB's processor and
 * I/O pools, so a simulated Cisco answers the cisco_cpu_memory module as a real one does.
 */
function serveCiscoCpuMemory(mib: SimMib, dev: SimDevice, clock: SimClock): void {
  const cpuSeed = hash01(`${dev.id}/cisco-cpu`);
  const busy = (window: number) => () => Math.min(100, cpuLoadAt(cpuSeed, clock.seconds() - window / 2));
  mib.table(CISCO_CPU_MEMORY, N.LABEL_CPM_CPU_TOTAL_INDEX, [
    { index: 1, answers: { [N.CPM_CPU_TOTAL_PHYSICAL_INDEX]: 1, [N.CPM_CPU_TOTAL_5SEC_REV]: busy(5), [N.CPM_CPU_TOTAL_1MIN_REV]: busy(60), [N.CPM_CPU_TOTAL_5MIN_REV]: busy(300) } },
  ]);
  const seed = hash01(`${dev.id}/cisco-memory`);
  const pool = (name: string, total: number) => {
    const used = Math.round(total * (0.3 + 0.4 * seed));
    return { [N.LABEL_CISCO_MEMORY_POOL_NAME]: name, [N.CISCO_MEMORY_POOL_USED]: used, [N.CISCO_MEMORY_POOL_FREE]: total - used, [N.CISCO_MEMORY_POOL_LARGEST_FREE]: Math.round((total - used) * 0.8) };
  };
  mib.table(CISCO_CPU_MEMORY, N.LABEL_CISCO_MEMORY_POOL_TYPE, [
    { index: 1, answers: pool("Processor", 512 * 1024 * 1024) },
    { index: 2, answers: pool("I/O", 64 * 1024 * 1024) },
  ]);
}

/** UPS-MIB: on mains with a full, normal battery; one input and one output line. */
function serveUps(mib: SimMib, dev: SimDevice): void {
  const seed = hash01(`${dev.id}/ups`);
  mib.scalars(UPS_MIB, {
    [N.UPS_BATTERY_STATUS]: mibEnumValue(N.UPS_BATTERY_STATUS, "batteryNormal"),
    [N.UPS_SECONDS_ON_BATTERY]: 0,
    [N.UPS_ESTIMATED_MINUTES_REMAINING]: Math.round(30 + 60 * seed),
    [N.UPS_ESTIMATED_CHARGE_REMAINING]: 100,
    [N.UPS_OUTPUT_SOURCE]: mibEnumValue(N.UPS_OUTPUT_SOURCE, "normal"),
  });
  mib.table(UPS_MIB, N.LABEL_UPS_INPUT_LINE, [{ index: 1, answers: { [N.UPS_INPUT_VOLTAGE]: 220 + Math.round(10 * seed) } }]);
  mib.table(UPS_MIB, N.LABEL_UPS_OUTPUT_LINE, [{ index: 1, answers: { [N.UPS_OUTPUT_VOLTAGE]: 220, [N.UPS_OUTPUT_PERCENT_LOAD]: Math.round(20 + 40 * seed) } }]);
}

/**
 * MIKROTIK-MIB: health (RouterOS 6's scalars and RouterOS 7's gauge table), the queue tree with its
 * byte and packet counters moving at each queue's rate, and the access points' registered clients.
 */
function serveMikrotik(mib: SimMib, dev: SimDevice, clock: SimClock): void {
  const mt = dev.mikrotik!;
  const seed = hash01(`${dev.id}/mikrotik`);
  const tenths = (v: number) => Math.round(v * 10);
  mib.scalars(MIKROTIK, {
    [N.MTXR_HL_VOLTAGE]: tenths(24 + seed),
    [N.MTXR_HL_TEMPERATURE]: () => tenths(38 + 8 * seed + 2 * Math.sin(clock.seconds() / 300)),
    [N.MTXR_HL_CPU_TEMPERATURE]: () => tenths(45 + 10 * seed + 3 * Math.sin(clock.seconds() / 200)),
  });
  mib.table(MIKROTIK, N.LABEL_MTXR_GAUGE_INDEX, [
    { index: 1, answers: { [N.LABEL_MTXR_GAUGE_NAME]: "voltage", [N.MTXR_GAUGE_VALUE]: tenths(24 + seed), [N.MTXR_GAUGE_UNIT]: mibEnumValue(N.MTXR_GAUGE_UNIT, "dV") } },
    { index: 2, answers: { [N.LABEL_MTXR_GAUGE_NAME]: "temperature", [N.MTXR_GAUGE_VALUE]: Math.round(38 + 8 * seed), [N.MTXR_GAUGE_UNIT]: mibEnumValue(N.MTXR_GAUGE_UNIT, "celsius") } },
  ]);
  if (mt.queues.length > 0) {
    mib.table(MIKROTIK, N.LABEL_MTXR_QUEUE_TREE_INDEX, mt.queues.map((q, i) => {
      const bytes = () => octetsAt(q.bps, clock.seconds(), hash01(`${dev.id}/${q.name}`));
      return {
        index: i + 1,
        answers: {
          [N.LABEL_MTXR_QUEUE_TREE_NAME]: q.name,
          [N.MTXR_QUEUE_TREE_BYTES]: () => Number(BigInt.asUintN(32, bytes())),
          [N.MTXR_QUEUE_TREE_PACKETS]: () => Number(BigInt.asUintN(32, bytes() / 800n)),
          [N.MTXR_QUEUE_TREE_HC_BYTES]: () => counter64(bytes()),
        },
      };
    }));
  }
  if (mt.accessPoints.length > 0) {
    mib.table(MIKROTIK, N.LABEL_MTXR_WL_AP_INDEX, mt.accessPoints.map((ap, i) => ({
      index: i + 1,
      answers: { [N.LABEL_MTXR_WL_AP_SSID]: ap.ssid, [N.MTXR_WL_AP_CLIENT_COUNT]: () => Math.round(5 + 20 * hash01(`${dev.id}/${ap.ssid}`) + 4 * Math.sin(clock.seconds() / 600)) },
    })));
  }
}
