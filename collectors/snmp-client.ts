// Thin adapter over net-snmp: one session per target, GETs and multi-column GETBULK walks, our own
// retry loop (so packets and retries can be counted exactly), and error classification into the
// `reason` label values. Conversion of what comes back lives in convert.ts.
import * as dgram from "node:dgram";
import type { SnmpAccess } from "../inventory/schema";
import { installFastOidReader, installFastOidWriter } from "./ber-oid";
import type { PollErrorReason } from "./metric-names";
import type { SecretResolver } from "./secrets";
import { PRIV_PROTOCOLS } from "./snmp-privacy";
import { compareOids, inSubtree, isExceptionType, T, type Varbind } from "./varbind";

// net-snmp ships no types; this adapter is the one place that touches it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const snmp: any = require("net-snmp");
// Its BER reader's OID decoding and writer's OID encoding, replaced by exact and cheaper ones
// (ber-oid.ts): the asn1-ber that net-snmp itself resolves, not whatever copy a bare require would find.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ber = require(require.resolve("asn1-ber", { paths: [require.resolve("net-snmp")] })).Ber;
installFastOidReader(Ber.Reader, 0x06);
installFastOidWriter(Ber.Writer, 0x06);

export class PollError extends Error {
  constructor(
    readonly reason: PollErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  host: string;
  port: number;
  access: SnmpAccess;
  secrets: SecretResolver;
  timeoutMs: number;
  retries: number;
  maxRepetitions: number;
  /** Safety bound against agents that never end a walk. */
  maxVarbindsPerWalk?: number;
  /** Table columns walked together in one GETBULK (default 8). */
  maxColumnsPerPdu?: number;
}

export interface ClientStats {
  packets: number;
  pdus: number;
  retries: number;
  varbinds: number;
}

const AUTH: Record<string, unknown> = {
  md5: snmp.AuthProtocols.md5,
  sha: snmp.AuthProtocols.sha,
  sha224: snmp.AuthProtocols.sha224,
  sha256: snmp.AuthProtocols.sha256,
  sha384: snmp.AuthProtocols.sha384,
  sha512: snmp.AuthProtocols.sha512,
};
// DES without the OpenSSL legacy provider and AES-192: see snmp-privacy.ts.
const PRIV = PRIV_PROTOCOLS;
const LEVEL: Record<string, unknown> = {
  noAuthNoPriv: snmp.SecurityLevel.noAuthNoPriv,
  authNoPriv: snmp.SecurityLevel.authNoPriv,
  authPriv: snmp.SecurityLevel.authPriv,
};

function need(secrets: SecretResolver, ref: Parameters<SecretResolver["resolve"]>[0] | undefined, what: string): string {
  if (!ref) throw new PollError("config", `${what} is not set in the inventory`);
  const v = secrets.resolve(ref);
  if (v === undefined) throw new PollError("config", `${what}: secret ${secrets.describe(ref)} is not set`);
  return v;
}

/** Creates the net-snmp session for a target (v2c or v3), resolving secrets now. */
function createSession(o: ClientOptions): any {
  const common = {
    port: o.port,
    retries: 0, // retried here, so every packet and retry is counted
    timeout: o.timeoutMs,
    // No OID-order check in net-snmp (it splits two OID strings per varbind): walkColumns checks
    // every varbind it keeps with compareOids and reports non_increasing itself.
    backwardsGetNexts: true,
    transport: o.host.includes(":") ? "udp6" : "udp4",
  };
  if (o.access.version === "2c") {
    return snmp.createSession(o.host, need(o.secrets, o.access.community, "community"), { ...common, version: snmp.Version2c });
  }
  const a = o.access;
  const user: Record<string, unknown> = { name: a.user, level: LEVEL[a.securityLevel] };
  if (a.securityLevel !== "noAuthNoPriv") {
    user.authProtocol = AUTH[a.authProtocol ?? "sha"];
    user.authKey = need(o.secrets, a.authKey, "authKey");
  }
  if (a.securityLevel === "authPriv") {
    user.privProtocol = PRIV[a.privProtocol ?? "aes"];
    user.privKey = need(o.secrets, a.privKey, "privKey");
  }
  return snmp.createV3Session(o.host, user, { ...common, version: snmp.Version3 });
}

/** Maps a net-snmp error onto a reason label value. */
export function classifyError(err: unknown, sawMalformed: boolean): PollError {
  if (err instanceof PollError) return err;
  const e = err as { name?: string; message?: string; code?: number };
  const msg = e?.message ?? String(err);
  if (e?.name === "RequestTimedOutError") {
    return sawMalformed ? new PollError("malformed", `unparseable response: ${msg}`) : new PollError("timeout", msg);
  }
  if (e?.name === "ResponseInvalidError") {
    const code = snmp.ResponseInvalidCode[e.code as number] as string | undefined;
    if (code === "EOutOfOrder") return new PollError("non_increasing", msg);
    if (code === "EAuthFailure" || code === "ECouldNotDecrypt" || code === "ENotInTimeWindow") return new PollError("auth", msg);
    return new PollError("malformed", msg);
  }
  if (e?.name === "RequestFailedError") return new PollError("error", `agent error: ${msg}`);
  return new PollError("error", msg);
}

/** After a timeout: does the port answer ICMP "port unreachable"? (net-snmp's socket is unconnected and cannot see it.) */
export function probeRefused(host: string, port: number, waitMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const s = dgram.createSocket(host.includes(":") ? "udp6" : "udp4");
    let done = false;
    const finish = (v: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try { s.close(); } catch { /* already closed */ }
      resolve(v);
    };
    const timer = setTimeout(() => finish(false), waitMs);
    s.on("error", (err: NodeJS.ErrnoException) => finish(err.code === "ECONNREFUSED"));
    s.connect(port, host, () => {
      // An empty SEQUENCE: a real agent drops it silently; a closed port answers ICMP.
      s.send(Buffer.from([0x30, 0x00]), (err) => { if (err) finish((err as NodeJS.ErrnoException).code === "ECONNREFUSED"); });
      setTimeout(() => {
        if (!done) s.send(Buffer.from([0x30, 0x00]), () => undefined);
      }, 50);
    });
  });
}

export class SnmpClient {
  private session: any;
  private malformedSeen = false;
  /** Columns per GETBULK; halved (and kept) when an answering agent ignores a larger request. */
  private columnsPerPdu: number;
  readonly stats: ClientStats = { packets: 0, pdus: 0, retries: 0, varbinds: 0 };
  /** Label columns of the last full walk per module (see walkModule in poller.ts). */
  readonly lookupCache = new Map<string, { at: number; columns: Map<string, Varbind[]> }>();

  constructor(private readonly o: ClientOptions) {
    this.columnsPerPdu = o.maxColumnsPerPdu ?? 8;
  }

  private ensureSession(): any {
    if (!this.session) {
      this.session = createSession(this.o);
      this.session.on("error", () => {
        // net-snmp emits parse failures of incoming datagrams here; the request then times out.
        this.malformedSeen = true;
      });
    }
    return this.session;
  }

  resetStats(): void {
    this.stats.packets = this.stats.pdus = this.stats.retries = this.stats.varbinds = 0;
  }

  /** Runs one request with our retry loop. */
  private request<R>(send: (session: any, cb: (err: unknown, res: R) => void) => void): Promise<R> {
    let session: any;
    try {
      session = this.ensureSession();
    } catch (err) {
      return Promise.reject(classifyError(err, false));
    }
    this.malformedSeen = false;
    return new Promise<R>((resolve, reject) => {
      let attempt = 0;
      const tryOnce = () => {
        this.stats.packets++;
        if (attempt > 0) this.stats.retries++;
        send(session, (err, res) => {
          if (!err) {
            this.stats.pdus++;
            resolve(res);
            return;
          }
          const e = err as { name?: string };
          if (e?.name === "RequestTimedOutError" && attempt < this.o.retries) {
            attempt++;
            tryOnce();
            return;
          }
          reject(classifyError(err, this.malformedSeen));
        });
      };
      tryOnce();
    });
  }

  async get(oids: string[]): Promise<Varbind[]> {
    if (oids.length === 0) return [];
    const vbs = await this.request<Varbind[]>((s, cb) => s.get(oids, cb));
    this.stats.varbinds += vbs.length;
    return vbs;
  }

  /**
   * Walks several table columns at once with GETBULK: each request carries every column still
   * being walked, so a 16-column table of 50 rows takes ceil(50/maxRepetitions) round trips
   * instead of 16 × that. Stops a column at the end of its subtree or endOfMibView; an OID that
   * does not increase is an error (an agent loop), never an endless walk.
   */
  async walkColumns(columns: string[]): Promise<Map<string, Varbind[]>> {
    const result = new Map<string, Varbind[]>(columns.map((c) => [c, []]));
    let pending = columns.map((base) => ({ base, next: base }));
    const limit = this.o.maxVarbindsPerWalk ?? 500_000;
    let total = 0;
    while (pending.length > 0) {
      // A bounded number of columns per request: some agents (snmpsim, small embedded ones) drop
      // GETBULKs that ask for too many varbinds instead of answering with fewer.
      const perPdu = this.columnsPerPdu;
      const active = pending.slice(0, perPdu);
      let rows: Varbind[][];
      try {
        rows = await this.request<Varbind[][]>((s, cb) => s.getBulk(active.map((a) => a.next), 0, this.o.maxRepetitions, cb));
      } catch (err) {
        // An agent that has answered this poll but not this multi-column request: ask for fewer
        // columns at a time (remembered for this target) instead of failing the module.
        if (err instanceof PollError && err.reason === "timeout" && active.length > 1 && this.stats.pdus > 0) {
          this.columnsPerPdu = Math.max(1, Math.floor(active.length / 2));
          continue;
        }
        throw err;
      }
      const stillActive: typeof active = [];
      for (let i = 0; i < active.length; i++) {
        const col = active[i]!;
        const got = rows[i] ?? [];
        const out = result.get(col.base)!;
        let done = got.length === 0;
        for (const vb of got) {
          if (isExceptionType(vb.type) || !inSubtree(col.base, vb.oid)) {
            done = true;
            break;
          }
          // Both lie in the column's subtree (col.next is the column or an earlier row): compare after it.
          if (compareOids(vb.oid, col.next, col.base.length) <= 0) {
            throw new PollError("non_increasing", `agent returned ${vb.oid} after ${col.next}`);
          }
          out.push(vb);
          col.next = vb.oid;
          total++;
        }
        if (!done) stillActive.push(col);
      }
      this.stats.varbinds += rows.reduce((n, r) => n + (r?.length ?? 0), 0);
      if (total > limit) throw new PollError("malformed", `walk exceeded ${limit} varbinds`);
      pending = [...stillActive, ...pending.slice(perPdu)];
    }
    return result;
  }

  /** Drops the session (new engine discovery, new socket) after errors or on shutdown. */
  close(): void {
    if (this.session) {
      try { this.session.close(); } catch { /* already closed */ }
      this.session = undefined;
    }
  }
}

export { T };
