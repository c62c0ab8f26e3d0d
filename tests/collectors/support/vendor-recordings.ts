// snmpsim recordings written from the vendors' MIBs (not walked from real devices): a MikroTik
// gateway (MIKROTIK-MIB: health scalars and gauge table, simple queues, the quota queue tree, an
// access point), a Cisco switch (CISCO-PROCESS-MIB, CISCO-MEMORY-POOL-MIB, ENTITY-SENSOR-MIB) and a
// printer (HOST-RESOURCES-MIB hrPrinterTable, Printer-MIB). Small on purpose: snmpsim spins on some
// multi-column GETBULKs over large recordings. Each line: OID|type tag|value (2 Integer, 4 OctetString,
// 6 OID, 65 Counter32, 66 Gauge32, 67 TimeTicks, 70 Counter64).
import * as fs from "node:fs";
import * as path from "node:path";

const system = (descr: string, objectId: string) => [`1.3.6.1.2.1.1.1.0|4|${descr}`, `1.3.6.1.2.1.1.2.0|6|${objectId}`, "1.3.6.1.2.1.1.3.0|67|123456", "1.3.6.1.2.1.1.5.0|4|rec"];

const MT = "1.3.6.1.4.1.14988.1.1";
/** What the MikroTik recording holds, for the assertions. */
export const MIKROTIK_RECORDED = {
  voltageTenths: 241,
  temperatureTenths: 385,
  gauges: [
    { index: 1, name: "cpu-temperature", value: 47, unit: 1 },
    { index: 2, name: "psu1-voltage", value: 240, unit: 3 },
  ],
  simple: [{ index: 1, name: "tamu-wifi", bytesIn: "123456789012", bytesOut: "9876543210987", packetsIn: 1000, packetsOut: 2000 }],
  tree: [
    { index: 7, name: "spbe-dinkes-down", bytes: 4000000000, packets: 3000000, hcBytes: "54000000000" },
    { index: 8, name: "spbe-dinkes-up", bytes: 1234567, packets: 2000, hcBytes: "1234567" },
  ],
  ap: [{ index: 3, ssid: "Kantor-Dinkes", clients: 17 }],
};

function mikrotik(): string[] {
  const r = MIKROTIK_RECORDED;
  // Lines in OID order, table column by column, as a walk returns them.
  return [
    ...system("RouterOS RB4011iGS+", "1.3.6.1.4.1.14988.1"),
    ...r.ap.map((a) => `${MT}.1.3.1.4.${a.index}|4|${a.ssid}`),
    ...r.ap.map((a) => `${MT}.1.3.1.6.${a.index}|65|${a.clients}`),
    ...r.simple.map((q) => `${MT}.2.1.1.2.${q.index}|4|${q.name}`),
    ...r.simple.map((q) => `${MT}.2.1.1.8.${q.index}|70|${q.bytesIn}`),
    ...r.simple.map((q) => `${MT}.2.1.1.9.${q.index}|70|${q.bytesOut}`),
    ...r.simple.map((q) => `${MT}.2.1.1.10.${q.index}|65|${q.packetsIn}`),
    ...r.simple.map((q) => `${MT}.2.1.1.11.${q.index}|65|${q.packetsOut}`),
    ...r.tree.map((q) => `${MT}.2.2.1.2.${q.index}|4|${q.name}`),
    ...r.tree.map((q) => `${MT}.2.2.1.5.${q.index}|65|${q.bytes}`),
    ...r.tree.map((q) => `${MT}.2.2.1.6.${q.index}|65|${q.packets}`),
    ...r.tree.map((q) => `${MT}.2.2.1.7.${q.index}|70|${q.hcBytes}`),
    // mtxrHlVoltage and mtxrHlTemperature; this board has no mtxrHlCpuTemperature (an optional scalar).
    `${MT}.3.8.0|2|${r.voltageTenths}`,
    `${MT}.3.10.0|2|${r.temperatureTenths}`,
    ...r.gauges.map((g) => `${MT}.3.100.1.2.${g.index}|4|${g.name}`),
    ...r.gauges.map((g) => `${MT}.3.100.1.3.${g.index}|66|${g.value}`),
    ...r.gauges.map((g) => `${MT}.3.100.1.4.${g.index}|2|${g.unit}`),
  ];
}

export const CISCO_RECORDED = {
  cpu: { index: 1, physical: 1001, sec5: 12, min1: 9, min5: 7 },
  pools: [
    { type: 1, name: "Processor", used: 52000000, free: 148000000, largest: 100000000 },
    { type: 2, name: "I/O", used: 9000000, free: 7000000, largest: 6000000 },
  ],
  // entPhySensorType celsius(8), scale units(9), precision 0, value 41, status ok(1)
  sensor: { index: 1008, type: 8, scale: 9, precision: 0, value: 41, status: 1 },
};

function cisco(): string[] {
  const c = CISCO_RECORDED;
  const s = c.sensor;
  return [
    ...system("Cisco IOS Software, C2960X", "1.3.6.1.4.1.9.1.1208"),
    `1.3.6.1.2.1.99.1.1.1.1.${s.index}|2|${s.type}`,
    `1.3.6.1.2.1.99.1.1.1.2.${s.index}|2|${s.scale}`,
    `1.3.6.1.2.1.99.1.1.1.3.${s.index}|2|${s.precision}`,
    `1.3.6.1.2.1.99.1.1.1.4.${s.index}|2|${s.value}`,
    `1.3.6.1.2.1.99.1.1.1.5.${s.index}|2|${s.status}`,
    ...c.pools.map((p) => `1.3.6.1.4.1.9.9.48.1.1.1.2.${p.type}|4|${p.name}`),
    ...c.pools.map((p) => `1.3.6.1.4.1.9.9.48.1.1.1.5.${p.type}|66|${p.used}`),
    ...c.pools.map((p) => `1.3.6.1.4.1.9.9.48.1.1.1.6.${p.type}|66|${p.free}`),
    ...c.pools.map((p) => `1.3.6.1.4.1.9.9.48.1.1.1.7.${p.type}|66|${p.largest}`),
    `1.3.6.1.4.1.9.9.109.1.1.1.1.2.${c.cpu.index}|2|${c.cpu.physical}`,
    `1.3.6.1.4.1.9.9.109.1.1.1.1.6.${c.cpu.index}|66|${c.cpu.sec5}`,
    `1.3.6.1.4.1.9.9.109.1.1.1.1.7.${c.cpu.index}|66|${c.cpu.min1}`,
    `1.3.6.1.4.1.9.9.109.1.1.1.1.8.${c.cpu.index}|66|${c.cpu.min5}`,
  ];
}

export const PRINTER_RECORDED = {
  hrDeviceIndex: 1,
  status: 3, // idle
  lifeCount: 48213,
  supplies: [
    { index: 1, description: "Black Toner Cartridge", type: 21, max: 100, level: 63 },
    { index: 2, description: "Imaging Unit", type: 9, max: 100, level: -3 },
  ],
};

function printer(): string[] {
  const p = PRINTER_RECORDED;
  const d = p.hrDeviceIndex;
  return [
    ...system("HP LaserJet M404", "1.3.6.1.4.1.11.2.3.9.1"),
    `1.3.6.1.2.1.25.3.5.1.1.${d}|2|${p.status}`,
    `1.3.6.1.2.1.43.10.2.1.4.${d}.1|65|${p.lifeCount}`,
    ...p.supplies.map((s) => `1.3.6.1.2.1.43.11.1.1.5.${d}.${s.index}|2|${s.type}`),
    ...p.supplies.map((s) => `1.3.6.1.2.1.43.11.1.1.6.${d}.${s.index}|4|${s.description}`),
    ...p.supplies.map((s) => `1.3.6.1.2.1.43.11.1.1.8.${d}.${s.index}|2|${s.max}`),
    ...p.supplies.map((s) => `1.3.6.1.2.1.43.11.1.1.9.${d}.${s.index}|2|${s.level}`),
  ];
}

/** Writes the three recordings into `dir`; community → file, for startSnmpsim. */
export function writeVendorRecordings(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [community, lines] of Object.entries({ mikrotik: mikrotik(), cisco2960: cisco(), printer: printer() })) {
    const file = path.join(dir, `${community}.snmprec`);
    fs.writeFileSync(file, lines.join("\n") + "\n");
    files[community] = file;
  }
  return files;
}
