// Module tables → net-snmp agent providers: a scalar per module scalar, a table per MIB table of a
// module's conceptual table, each object with the OID and SNMP syntax modules.ts gives it. What a
// device answers is decided in sim-mib.ts; this file only registers it.
import type { ModuleDef, SnmpSyntax } from "./modules";
import { compareOids } from "./varbind";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snmp: any = require("net-snmp");

export type SnmpValue = number | string | Buffer;
// What the agent answers for each object, by its metric name (scalars, columns) or label (lookups:
// ifDescr, sys_name, ...): a fixed value, or one computed at each request (a table cell's from its
// column number).
export type ScalarAnswers = Record<string, SnmpValue | (() => SnmpValue)>;
export type CellAnswers = Record<string, SnmpValue | ((column: number) => SnmpValue)>;

const OBJECT_TYPE: Record<SnmpSyntax, number> = {
  Integer32: snmp.ObjectType.Integer,
  Counter32: snmp.ObjectType.Counter,
  Gauge32: snmp.ObjectType.Gauge,
  Counter64: snmp.ObjectType.Counter64,
  TimeTicks: snmp.ObjectType.TimeTicks,
  DisplayString: snmp.ObjectType.OctetString,
  PhysAddress48: snmp.ObjectType.OctetString,
  OctetString: snmp.ObjectType.OctetString,
  ObjectIdentifier: snmp.ObjectType.OID,
};

/** A Counter64 value as net-snmp sends it: 8 bytes, big-endian. */
export function counter64(v: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt.asUintN(64, v));
  return b;
}

/** What a computed answer holds between requests (the handler overwrites it on each one). */
const placeholder = (syntax: SnmpSyntax): SnmpValue => (syntax === "Counter64" ? counter64(0n) : 0);

export interface Row {
  index: number;
  answers: CellAnswers;
}

/** A column as the agent registers it: its number under the table entry, the key of its answer, its syntax. */
interface SimColumn {
  number: number;
  key: string;
  syntax: SnmpSyntax;
}

const parentOid = (oid: string) => oid.slice(0, oid.lastIndexOf("."));
const lastArc = (oid: string) => Number(oid.slice(oid.lastIndexOf(".") + 1));

function answerOf<A>(answers: Record<string, A>, key: string, where: string): A {
  const a = answers[key];
  if (a === undefined) throw new Error(`simulator: no answer for ${key} in ${where}`);
  return a;
}

/** The providers of one agent's MIB. */
export class SimMib {
  constructor(private readonly mib: any) {}

  /** Serves every scalar (and info-series object) of the module with its answer. */
  scalars(m: ModuleDef, answers: ScalarAnswers): void {
    const objects = [...m.scalars.map((s) => ({ key: s.name, oid: s.oid, syntax: s.syntax })), ...(m.info?.labels.map((l) => ({ key: l.label, oid: l.oid, syntax: l.syntax })) ?? [])];
    for (const o of objects) this.scalar(o.oid, o.syntax, answerOf(answers, o.key, m.name));
  }

  /** One scalar object (the module-less MIBs: LLDP-MIB's local system data). */
  scalar(oid: string, syntax: SnmpSyntax, answer: ScalarAnswers[string]): void {
    const live = typeof answer === "function" ? answer : undefined;
    const handler = live
      ? (req: any) => {
          req.instanceNode.value = live();
          req.done();
        }
      : undefined;
    this.mib.registerProvider({ name: oid, type: snmp.MibProviderType.Scalar, oid, scalarType: OBJECT_TYPE[syntax], maxAccess: snmp.MaxAccess["read-only"], handler });
    this.mib.setScalarValue(oid, live ? placeholder(syntax) : answer);
  }

  /**
   * Serves the module's conceptual table indexed by `indexLabel`, every column and lookup it reads.
   * One that spans several MIB tables (IF-MIB ifTable + ifXTable) shares its rows: the first table
   * holds the index, the others AUGMENT it, as ifXEntry does ifEntry.
   */
  table(m: ModuleDef, indexLabel: string, rows: Row[]): void {
    const t = m.tables.find((x) => x.indexLabel === indexLabel);
    if (!t) throw new Error(`simulator: ${m.name} has no table indexed by ${indexLabel}`);
    const objects = [...t.lookups.map((l) => ({ key: l.label, oid: l.oid, syntax: l.syntax })), ...t.columns.map((c) => ({ key: c.name, oid: c.oid, syntax: c.syntax }))];
    const entries = [...new Set(objects.map((o) => parentOid(o.oid)))].sort(compareOids);
    const first = entries[0]!;
    for (const entry of entries) {
      const columns: SimColumn[] = objects
        .filter((o) => parentOid(o.oid) === entry)
        .map((o) => ({ number: lastArc(o.oid), key: o.key, syntax: o.syntax }))
        .sort((a, b) => a.number - b.number);
      if (entry === first) {
        // The index in column 1, an Integer, as ifIndex, hrStorageIndex and upsInput/OutputLineIndex
        // are. (hrProcessorTable's column 1 is hrProcessorFrwID, an OID, and its index hrDeviceIndex
        // lives in hrDeviceTable; nothing polls column 1, so the simulator keeps the index there too.)
        this.entry(entry, [{ number: 1, key: indexLabel, syntax: "Integer32" }, ...columns], { index: indexLabel }, rows);
      } else {
        this.entry(entry, columns, { augments: first }, rows);
      }
    }
  }

  /**
   * A MIB table outside the module tables, indexed by one or more of its own columns (LLDP-MIB's
   * lldpRemTable: TimeMark.LocalPortNum.RemIndex). Index columns are not-accessible, as the MIB says;
   * each row gives a value for every column, in column order.
   */
  indexedTable(entry: string, columns: { number: number; name: string; syntax: SnmpSyntax; index?: boolean }[], rows: SnmpValue[][]): void {
    this.mib.registerProvider({
      name: entry,
      type: snmp.MibProviderType.Table,
      oid: entry,
      maxAccess: snmp.MaxAccess["not-accessible"],
      tableColumns: columns.map((c) => ({ number: c.number, name: c.name, type: OBJECT_TYPE[c.syntax], maxAccess: snmp.MaxAccess[c.index ? "not-accessible" : "read-only"] })),
      tableIndex: columns.filter((c) => c.index).map((c) => ({ columnName: c.name })),
    });
    for (const r of rows) this.mib.addTableRow(entry, r);
  }

  /**
   * NET-SNMP-EXTEND-MIB as snmpd answers an `extend NAME ...`: nsExtendConfigTable's row for the token
   * (nsExtendCommand) and nsExtendOutput2Table's lines, indexed by { nsExtendToken, nsExtendLineIndex }
   * (the token a length-prefixed string, as the MIB's INDEX says), each line read when it is asked.
   */
  extendOutput(configEntry: string, outputEntry: string, token: string, command: string, lines: (() => string)[]): void {
    this.mib.registerProvider({
      name: configEntry,
      type: snmp.MibProviderType.Table,
      oid: configEntry,
      maxAccess: snmp.MaxAccess["not-accessible"],
      tableColumns: [
        { number: 1, name: "nsExtendToken", type: OBJECT_TYPE.DisplayString, maxAccess: snmp.MaxAccess["not-accessible"] },
        { number: 2, name: "nsExtendCommand", type: OBJECT_TYPE.DisplayString, maxAccess: snmp.MaxAccess["read-only"] },
      ],
      tableIndex: [{ columnName: "nsExtendToken" }],
    });
    this.mib.addTableRow(configEntry, [token, command]);
    const tokenIndex = [token.length, ...Buffer.from(token)].join(".");
    this.mib.registerProvider({
      name: outputEntry,
      type: snmp.MibProviderType.Table,
      oid: outputEntry,
      maxAccess: snmp.MaxAccess["not-accessible"],
      tableColumns: [
        { number: 1, name: "nsExtendLineIndex", type: OBJECT_TYPE.Integer32, maxAccess: snmp.MaxAccess["not-accessible"] },
        { number: 2, name: "nsExtendOutLine", type: OBJECT_TYPE.DisplayString, maxAccess: snmp.MaxAccess["read-only"] },
      ],
      tableIndex: [{ foreign: configEntry, columnName: "nsExtendToken" }, { columnName: "nsExtendLineIndex" }],
      handler: (req: any) => {
        const suffix = req.oid.slice(outputEntry.length + 1);
        const m = suffix.startsWith(`2.${tokenIndex}.`) ? Number(suffix.slice(`2.${tokenIndex}.`.length)) : NaN;
        const line = lines[m - 1];
        if (line) req.instanceNode.value = line();
        req.done();
      },
    });
    lines.forEach((line, i) => this.mib.addTableRow(outputEntry, [token, i + 1, line()]));
  }

  /** One MIB table (provider named by its entry OID) and its rows. */
  private entry(entry: string, columns: SimColumn[], keyedBy: { index: string } | { augments: string }, rows: Row[]): void {
    const byNumber = new Map(columns.map((c) => [c.number, c]));
    const byIndex = new Map(rows.map((r) => [String(r.index), r]));
    const anyLive = rows.some((r) => columns.some((c) => typeof r.answers[c.key] === "function"));
    const handler = anyLive
      ? (req: any) => {
          const [column, ...index] = req.oid.slice(entry.length + 1).split(".");
          const c = byNumber.get(Number(column));
          const answer = c ? byIndex.get(index.join("."))?.answers[c.key] : undefined;
          if (typeof answer === "function") req.instanceNode.value = answer(c!.number);
          req.done();
        }
      : undefined;
    this.mib.registerProvider({
      name: entry,
      type: snmp.MibProviderType.Table,
      oid: entry,
      maxAccess: snmp.MaxAccess["not-accessible"],
      tableColumns: columns.map((c) => ({ number: c.number, name: c.key, type: OBJECT_TYPE[c.syntax], maxAccess: snmp.MaxAccess["read-only"] })),
      ...("index" in keyedBy ? { tableIndex: [{ columnName: keyedBy.index }] } : { tableAugments: keyedBy.augments }),
      handler,
    });
    for (const r of rows) {
      const cells = columns.map((c) => {
        if ("index" in keyedBy && c.key === keyedBy.index) return r.index;
        const a = answerOf(r.answers, c.key, entry);
        return typeof a === "function" ? placeholder(c.syntax) : a;
      });
      // An augmenting table's row starts with the index of the row it augments.
      this.mib.addTableRow(entry, "index" in keyedBy ? cells : [r.index, ...cells]);
    }
  }
}
