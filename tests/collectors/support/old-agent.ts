// snmpsim recordings of an agent without ifXTable (no ifHC* counters, no ifName/ifAlias/ifHighSpeed),
// as cheap OPD switches and old Windows hosts answer: the same agent at two moments 30 s apart
// (`old0`, `old1`), with the 1 Gb/s port's 32-bit octet counters wrapping in between.
import * as fs from "node:fs";
import * as path from "node:path";

const IF = "1.3.6.1.2.1.2.2.1";

export interface OldInterface {
  ifIndex: number;
  descr: string;
  speedBps: number;
  /** ifInOctets, ifOutOctets at t0 and t1 */
  in: [number, number];
  out: [number, number];
}

export const OLD_INTERFACES: OldInterface[] = [
  { ifIndex: 1, descr: "eth0", speedBps: 100_000_000, in: [1_000, 3_751_000], out: [5_000, 1_255_000] },
  // wraps: 4,294,000,000 → 1,500,000 (967,296 + 1,500,000 octets); 4,294,967,000 → 2,000,000
  { ifIndex: 2, descr: "eth1", speedBps: 1_000_000_000, in: [4_294_000_000, 1_500_000], out: [4_294_967_000, 2_000_000] },
  { ifIndex: 3, descr: "eth2", speedBps: 10_000_000, in: [77, 77], out: [0, 0] },
];
export const OLD_SECONDS_APART = 30;

function recording(at: 0 | 1): string {
  const lines = [
    "1.3.6.1.2.1.1.1.0|4|Old switch without ifXTable",
    "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
    `1.3.6.1.2.1.1.3.0|67|${100_000 + at * OLD_SECONDS_APART * 100}`,
    "1.3.6.1.2.1.1.5.0|4|old-sw",
    `1.3.6.1.2.1.2.1.0|2|${OLD_INTERFACES.length}`,
  ];
  // snmprec rows must be in OID order: column by column, then row by row.
  const columns: [number, number, (i: OldInterface) => string | number][] = [
    [1, 2, (i) => i.ifIndex],
    [2, 4, (i) => i.descr],
    [3, 2, () => 6],
    [4, 2, () => 1500],
    [5, 66, (i) => i.speedBps],
    [7, 2, () => 1],
    [8, 2, () => 1],
    [9, 67, () => 0],
    [10, 65, (i) => i.in[at]],
    [11, 65, (i) => Math.floor(i.in[at] / 800)],
    [13, 65, () => 0],
    [14, 65, () => at * 3],
    [16, 65, (i) => i.out[at]],
    [17, 65, (i) => Math.floor(i.out[at] / 800)],
    [19, 65, () => 0],
    [20, 65, () => 0],
  ];
  for (const [col, tag, value] of columns) for (const i of OLD_INTERFACES) lines.push(`${IF}.${col}.${i.ifIndex}|${tag}|${value(i)}`);
  // Real agents have more MIB after IF-MIB (SNMP-FRAMEWORK-MIB's snmpEngineID at least).
  lines.push("1.3.6.1.6.3.10.2.1.1.0|4x|80001f8880a1b2c3d4");
  return lines.join("\n") + "\n";
}

/** Writes old0.snmprec and old1.snmprec into `dir`; returns community → file for startSnmpsim. */
export function writeOldAgentRecordings(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const at of [0, 1] as const) {
    const file = path.join(dir, `old${at}.snmprec`);
    fs.writeFileSync(file, recording(at));
    out[`old${at}`] = file;
  }
  return out;
}
