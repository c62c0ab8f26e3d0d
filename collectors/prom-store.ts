// The Prometheus sink's state: per target, the text of its last poll grouped by family, plus its
// cumulative meta counters. A scrape walks the families and yields cached chunks (streamable).
// For gzip scrapes each (target, family) chunk is also kept deflated, compressed when the poll
// result arrives (gzip-stream.ts joins the pieces into one gzip stream), so a gzip scrape only
// copies bytes too, instead of deflating ~150 MiB per scrape.
import { deflatePiece, type DeflatePiece, type GzipStream } from "./gzip-stream";
import type { Sample } from "./sample";
import { renderByFamily, renderHeader, type FamilyHeader } from "./exposition";
import * as N from "./metric-names";
import type { PollResult } from "./poller";

interface TargetEntry {
  /** Family → that target's sample lines, UTF-8 encoded once per poll (a scrape only copies bytes). */
  chunks: Map<string, Buffer>;
  /** Family → the same bytes deflated; filled at poll time once gzip was asked for, else on demand. */
  gz: Map<string, DeflatePiece>;
  text?: string; // the whole target rendered, for /snmp?target= (built lazily)
  pdus: number;
  packets: number;
  retries: number;
  polls: number;
  errors: Map<string, number>; // module \0 reason → count
  /** A summary of the last poll for /targets; not its samples (650k sample objects at scale make every GC slow). */
  last?: LastPoll;
}

interface LastPoll {
  startedAt: number;
  durationMs: number;
  up: boolean;
  pdus: number;
  varbinds: number;
  samples: number;
  errors: PollResult["errors"];
  modules: PollResult["modules"];
}

export interface TargetStatus {
  device: string;
  host: string;
  port: number;
  role: string;
  site: string;
  opd: string;
  modules: string[];
  intervalSeconds: number;
  up: boolean | null;
  lastPoll: string | null;
  durationMs: number | null;
  pdus: number | null;
  varbinds: number | null;
  samples: number | null;
  errors: { module: string; reason: string; message: string }[];
  /** Each module's last walk: ok, empty, partial or failed, with the reason when not ok. */
  moduleStatus: PollResult["modules"];
}

const META_HELP: Record<string, FamilyHeader> = {
  [N.SPBE_SNMP_UP]: { type: "gauge", help: "1 when the last poll of the device got an answer, else 0." },
  [N.SPBE_SNMP_POLL_DURATION_SECONDS]: { type: "gauge", help: "Wall time of the device's last poll, seconds." },
  [N.SPBE_SNMP_PDUS_TOTAL]: { type: "counter", help: "Response PDUs received from the device." },
  [N.SPBE_SNMP_PACKETS_TOTAL]: { type: "counter", help: "Request packets sent to the device, retries included." },
  [N.SPBE_SNMP_RETRIES_TOTAL]: { type: "counter", help: "Requests re-sent to the device after a timeout." },
  [N.SPBE_SNMP_VARBINDS]: { type: "gauge", help: "Varbinds received in the device's last poll." },
  [N.SPBE_SNMP_POLL_ERRORS_TOTAL]: { type: "counter", help: "Failed module polls by module and reason." },
  [N.SPBE_SNMP_MODULE_STATUS]: { type: "gauge", help: "1 for the status (ok, empty, partial, failed) of the module's last walk, 0 for the others; why in /targets." },
  [N.SPBE_SNMP_LAST_POLL_TIMESTAMP_SECONDS]: { type: "gauge", help: "Unix time the device's last poll ended." },
  [N.SPBE_SNMP_POLLS_TOTAL]: { type: "counter", help: "Polls of the device." },
  [N.SPBE_SNMP_SCHEDULER_LAG_SECONDS]: { type: "gauge", help: "How late the device's last poll started against its schedule, seconds." },
};

function toBuffers(m: Map<string, string>): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [k, v] of m) out.set(k, Buffer.from(v, "utf8"));
  return out;
}

function deflateAll(m: Map<string, Buffer>): Map<string, DeflatePiece> {
  const out = new Map<string, DeflatePiece>();
  for (const [k, v] of m) out.set(k, deflatePiece(v));
  return out;
}

export interface PromStoreOptions {
  /**
   * Compress each poll's chunks at poll time from the start. Otherwise this starts with the first
   * gzip scrape (Prometheus asks for gzip by default; a store only read as text never pays for it).
   */
  gzipAtPoll?: boolean;
}

export class PromStore {
  private readonly targets = new Map<string, TargetEntry>();
  /** Family order and headers: meta families first, then families in order of first appearance. */
  private readonly headers = new Map<string, FamilyHeader>(Object.entries(META_HELP));
  private derived = new Map<string, Buffer>();
  private derivedGz = new Map<string, DeflatePiece>();
  /** Family → its HELP/TYPE lines as text and deflated (headers never change once seen). */
  private readonly headerBytes = new Map<string, { plain: Buffer; gz?: DeflatePiece }>();
  private gzipAtPoll: boolean;

  constructor(o: PromStoreOptions = {}) {
    this.gzipAtPoll = o.gzipAtPoll ?? false;
  }
  private statusTargets: () => { device: string; host: string; port: number; role: string; site: string; opd: string; modules: string[]; intervalSeconds: number }[] = () => [];

  setTargetLister(f: typeof this.statusTargets): void {
    this.statusTargets = f;
  }

  update(r: PollResult): void {
    const id = r.target.device;
    const e: TargetEntry = this.targets.get(id) ?? { chunks: new Map(), gz: new Map(), pdus: 0, packets: 0, retries: 0, polls: 0, errors: new Map() };
    e.pdus += r.pdus;
    e.packets += r.packets;
    e.retries += r.retries;
    e.polls++;
    for (const err of r.errors) {
      const k = `${err.module}\0${err.reason}`;
      e.errors.set(k, (e.errors.get(k) ?? 0) + 1);
    }
    const base = r.target.labels;
    const meta: Sample[] = [];
    const m = (name: string, value: number | string, labels = base) => meta.push({ name, ...META_HELP[name]!, labels, value: String(value) });
    m(N.SPBE_SNMP_UP, r.up ? 1 : 0);
    m(N.SPBE_SNMP_POLL_DURATION_SECONDS, (r.durationMs / 1000).toFixed(6));
    m(N.SPBE_SNMP_PDUS_TOTAL, e.pdus);
    m(N.SPBE_SNMP_PACKETS_TOTAL, e.packets);
    m(N.SPBE_SNMP_RETRIES_TOTAL, e.retries);
    m(N.SPBE_SNMP_VARBINDS, r.varbinds);
    m(N.SPBE_SNMP_POLLS_TOTAL, e.polls);
    m(N.SPBE_SNMP_SCHEDULER_LAG_SECONDS, (r.lagMs / 1000).toFixed(3));
    m(N.SPBE_SNMP_LAST_POLL_TIMESTAMP_SECONDS, ((r.startedAt + r.durationMs) / 1000).toFixed(3));
    for (const [k, n] of e.errors) {
      const [module, reason] = k.split("\0") as [string, string];
      m(N.SPBE_SNMP_POLL_ERRORS_TOTAL, n, [...base, [N.LABEL_MODULE, module], [N.LABEL_REASON, reason]]);
    }
    for (const ms of r.modules) {
      for (const status of N.MODULE_STATUSES) m(N.SPBE_SNMP_MODULE_STATUS, ms.status === status ? 1 : 0, [...base, [N.LABEL_MODULE, ms.module], [N.LABEL_STATUS, status]]);
    }
    // Series of a module that failed this time disappear (Prometheus marks them stale) rather
    // than repeating old values: dashboards show the gap, spbe_snmp_poll_errors_total says why.
    const { chunks, headers } = renderByFamily([...meta, ...r.samples]);
    for (const [name, h] of headers) if (!this.headers.has(name)) this.headers.set(name, h);
    e.chunks = toBuffers(chunks);
    e.gz = this.gzipAtPoll ? deflateAll(e.chunks) : new Map();
    e.text = undefined;
    e.last = { startedAt: r.startedAt, durationMs: r.durationMs, up: r.up, pdus: r.pdus, varbinds: r.varbinds, samples: r.samples.length, errors: r.errors, modules: r.modules };
    this.targets.set(id, e);
  }

  setDerived(samples: Sample[]): void {
    const { chunks, headers } = renderByFamily(samples);
    for (const [name, h] of headers) if (!this.headers.has(name)) this.headers.set(name, h);
    this.derived = toBuffers(chunks);
    this.derivedGz = this.gzipAtPoll ? deflateAll(this.derived) : new Map();
  }

  remove(device: string): void {
    this.targets.delete(device);
  }

  private header(name: string): { plain: Buffer; gz?: DeflatePiece } {
    let h = this.headerBytes.get(name);
    if (!h) this.headerBytes.set(name, (h = { plain: Buffer.from(renderHeader(name, this.headers.get(name)!)) }));
    return h;
  }

  /**
   * The full exposition, family by family, as a sequence of ~256 KiB Buffers (never one giant string):
   * the HTTP edge writes them with back-pressure and yields to the event loop between them.
   */
  chunks(): Generator<Buffer> {
    return this.body(undefined);
  }

  /**
   * The same text as the start of one gzip stream: its header, then every piece deflated (the caller
   * ends it with `gz.end(tail)`). Pieces not compressed yet (gzip was never asked for before) are
   * compressed here, counted against the same ~256 KiB of work per chunk so that the first gzip
   * scrape does not hold the event loop either; from then on polls compress their own.
   */
  gzipChunks(gz: GzipStream): Generator<Buffer> {
    this.gzipAtPoll = true;
    return this.body(gz);
  }

  private *body(gz: GzipStream | undefined): Generator<Buffer> {
    const entries = [...this.targets.values()];
    const LIMIT = 1 << 18;
    let parts: Buffer[] = [];
    let size = 0;
    let work = 0; // bytes copied plus bytes compressed for this chunk
    const push = (b: Buffer) => {
      parts.push(b);
      size += b.length;
      work += b.length;
    };
    const piece = (cache: Map<string, DeflatePiece>, name: string, plain: Buffer): Buffer => {
      let p = cache.get(name);
      if (!p) {
        cache.set(name, (p = deflatePiece(plain)));
        work += plain.length;
      }
      return gz!.add(p);
    };
    if (gz) push(gz.header());
    for (const name of this.headers.keys()) {
      const d = this.derived.get(name);
      if (!d && !entries.some((e) => e.chunks.has(name))) continue;
      const h = this.header(name);
      if (gz) {
        h.gz ??= deflatePiece(h.plain);
        push(gz.add(h.gz));
      } else push(h.plain);
      for (const e of entries) {
        const c = e.chunks.get(name);
        if (!c) continue;
        push(gz ? piece(e.gz, name, c) : c);
        if (work >= LIMIT) {
          yield Buffer.concat(parts, size);
          parts = [];
          size = work = 0;
        }
      }
      if (d) push(gz ? piece(this.derivedGz, name, d) : d);
    }
    if (size > 0) yield Buffer.concat(parts, size);
  }

  /** One target's series (snmp_exporter's /snmp?target=), cached until its next poll. */
  targetText(device: string): string | undefined {
    const e = this.targets.get(device);
    if (!e) return undefined;
    if (e.text === undefined) {
      let s = "";
      for (const [name, body] of e.chunks) s += renderHeader(name, this.headers.get(name)!) + body.toString("utf8");
      e.text = s;
    }
    return e.text;
  }

  status(): TargetStatus[] {
    return this.statusTargets().map((t) => {
      const r = this.targets.get(t.device)?.last;
      return {
        ...t,
        up: r ? r.up : null,
        lastPoll: r ? new Date(r.startedAt).toISOString() : null,
        durationMs: r ? Math.round(r.durationMs * 10) / 10 : null,
        pdus: r ? r.pdus : null,
        varbinds: r ? r.varbinds : null,
        samples: r ? r.samples : null,
        errors: r ? r.errors : [],
        moduleStatus: r ? r.modules : [],
      };
    });
  }
}
