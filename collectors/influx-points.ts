// Samples → InfluxDB points following Telegraf's inputs.snmp conventions: scalars go to measurement
// "snmp", each table to its own measurement ("interface" for IF-MIB, as in Telegraf's sample
// config), every point tagged agent_host plus the inventory labels; index and lookup labels
// (ifIndex, ifName, ifDescr, ifAlias, link, ...) are tags, metric values are fields. Pure.
import type { Sample } from "./sample";
import * as N from "./metric-names";
import type { PollResult } from "./poller";

export interface InfluxPoint {
  measurement: string;
  tags: Record<string, string>;
  fields: Record<string, unknown>;
  timestamp: Date;
}

/**
 * An exact integer field. The influx package formats a non-string field with String(value) when no
 * schema is declared, so an object whose toString() is "123i" reaches the line protocol as an
 * InfluxDB integer, digit for digit (a JS number would lose Counter64 precision above 2^53).
 * InfluxDB 1.x integers are signed 64-bit: values above 2^63-1 go as floats (documented loss).
 */
export class IntField {
  constructor(readonly digits: string) {}
  toString(): string {
    return BigInt(this.digits) > 9223372036854775807n ? `${this.digits}` : `${this.digits}i`;
  }
}

function fieldValue(v: string): unknown {
  return /^-?\d+$/.test(v) ? new IntField(v) : Number(v);
}

export function pointsFromPoll(r: PollResult, extraTags: Record<string, string> = {}): InfluxPoint[] {
  const timestamp = new Date(r.startedAt);
  const base: Record<string, string> = { agent_host: r.target.host, ...extraTags };
  for (const [k, v] of r.target.labels) if (v !== "") base[k] = v;
  const byKey = new Map<string, InfluxPoint>();
  const scalar: InfluxPoint = { measurement: N.INFLUX_SCALARS, tags: { ...base }, fields: {}, timestamp };
  for (const s of r.samples) {
    if (s.name === N.SYS_INFO) {
      const sysName = s.labels.find(([k]) => k === N.LABEL_SYS_NAME)?.[1];
      if (sysName) scalar.tags.hostname = sysName;
      continue;
    }
    const own = s.labels.slice(r.target.labels.length);
    if (own.length === 0) {
      scalar.fields[s.name] = fieldValue(s.value);
      continue;
    }
    const measurement = N.INFLUX_TABLE_MEASUREMENT[own[0]![0]] ?? N.INFLUX_OTHER_TABLE;
    const key = `${measurement}\0${own.map(([k, v]) => `${k}=${v}`).join("\0")}`;
    let p = byKey.get(key);
    if (!p) {
      const tags = { ...base };
      // Line protocol has no empty tag values; Telegraf omits such tags too (e.g. an unset ifAlias).
      for (const [k, v] of own) if (v !== "") tags[k] = v;
      byKey.set(key, (p = { measurement, tags, fields: {}, timestamp }));
    }
    p.fields[s.name] = fieldValue(s.value);
  }
  const out: InfluxPoint[] = [];
  if (Object.keys(scalar.fields).length > 0) out.push(scalar);
  out.push(...byKey.values());
  out.push({
    measurement: N.INFLUX_POLL,
    tags: { ...base },
    fields: {
      up: new IntField(r.up ? "1" : "0"),
      poll_duration_seconds: r.durationMs / 1000,
      pdus: new IntField(String(r.pdus)),
      varbinds: new IntField(String(r.varbinds)),
      errors: new IntField(String(r.errors.length)),
    },
    timestamp,
  });
  return out;
}

/**
 * Derived samples (links, OPDs) → one point per series, measurement = metric name, field "value".
 * Always floats: a rate that happens to be 0 must not create an integer field that later float
 * values conflict with.
 */
export function pointsFromDerived(samples: Sample[], at: Date): InfluxPoint[] {
  return samples.map((s) => ({
    measurement: s.name,
    tags: Object.fromEntries(s.labels.filter(([, v]) => v !== "")),
    fields: { value: Number(s.value) },
    timestamp: at,
  }));
}
