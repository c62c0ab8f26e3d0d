// The scheduler: every target on its own fixed-rate schedule (per role, with jitter), a bounded
// number of polls in flight, and per-target isolation: a dead agent costs one slot for its timeout,
// never the schedule of the others. A poll that partly fails keeps what succeeded, per module.
import { convertModule, type ModuleResult } from "./convert";
import { LABEL_IF_INDEX, LABEL_IF_NAME, LABEL_LINK, type PollErrorReason } from "./metric-names";
import { moduleStatus, type ModuleStatus } from "./module-status";
import { moduleNamed, scalarOids, walkedColumns, type ModuleDef } from "./modules";
import type { Sample } from "./sample";
import { PollError, probeRefused, SnmpClient } from "./snmp-client";
import type { SecretResolver } from "./secrets";
import { linkOf, type Target } from "./targets";
import type { Varbind } from "./varbind";

export interface ModuleError {
  module: string;
  reason: PollErrorReason;
  message: string;
}

export interface PollResult {
  target: Target;
  startedAt: number; // epoch ms
  durationMs: number;
  up: boolean;
  samples: Sample[];
  errors: ModuleError[];
  /** Each polled module's walk: ok, empty, partial or failed (module-status.ts). */
  modules: ModuleStatus[];
  pdus: number;
  packets: number;
  retries: number;
  varbinds: number;
  /** How late the poll started against its schedule (ms). */
  lagMs: number;
}

export interface PollerOptions {
  secrets: SecretResolver;
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  maxRepetitions?: number;
  /** Fraction of the interval used as random start offset (0..1); default 1 (spread over one interval). */
  jitter?: number;
  /** Re-walk label columns (ifName, ifAlias, ...) at most this often; 0 = every poll. Default 10 min. */
  lookupMaxAgeMs?: number;
  onResult: (r: PollResult) => void;
}

/** A counting semaphore: the bound on polls in flight. */
export class Limiter {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async run<R>(fn: () => Promise<R>): Promise<R> {
    if (this.running >= this.max) await new Promise<void>((r) => this.queue.push(r));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}

interface TargetState {
  target: Target;
  client: SnmpClient;
  timer?: NodeJS.Timeout;
  nextAt: number;
  inFlight: boolean;
  /** Its last poll timed out or failed: it waits in the suspect lane, not in front of healthy targets. */
  suspect: boolean;
}

export class Poller {
  private readonly states = new Map<string, TargetState>();
  private readonly limiter: Limiter;
  private readonly suspectLimiter: Limiter;
  private running = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly o: Required<Omit<PollerOptions, "onResult" | "secrets">> & Pick<PollerOptions, "onResult" | "secrets">;

  constructor(opts: PollerOptions) {
    // Explicit `undefined` in opts must not erase a default.
    const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as PollerOptions;
    this.o = { concurrency: 50, timeoutMs: 2000, retries: 1, maxRepetitions: 25, jitter: 1, lookupMaxAgeMs: 600_000, ...given };
    this.limiter = new Limiter(this.o.concurrency);
    // Dead agents cost a full timeout per poll: they get their own small lane so that a crowd of
    // them can never occupy every slot and delay the healthy targets' schedule.
    this.suspectLimiter = new Limiter(Math.max(1, Math.floor(this.o.concurrency / 4)));
  }

  private clientFor(t: Target): SnmpClient {
    return new SnmpClient({
      host: t.host,
      port: t.port,
      access: t.access,
      secrets: this.o.secrets,
      timeoutMs: this.o.timeoutMs,
      retries: this.o.retries,
      maxRepetitions: this.o.maxRepetitions,
    });
  }

  /** Replaces the target set (start, SIGHUP reload): unchanged targets keep their schedule. */
  setTargets(targets: Target[]): void {
    const keep = new Set(targets.map((t) => t.device));
    for (const [id, s] of this.states) {
      if (!keep.has(id)) {
        clearTimeout(s.timer);
        s.client.close();
        this.states.delete(id);
      }
    }
    for (const t of targets) {
      const old = this.states.get(t.device);
      if (old && JSON.stringify({ ...old.target, linkByIfName: [...old.target.linkByIfName], linkByIfIndex: [...old.target.linkByIfIndex] }) ===
        JSON.stringify({ ...t, linkByIfName: [...t.linkByIfName], linkByIfIndex: [...t.linkByIfIndex] })) continue;
      if (old) {
        clearTimeout(old.timer);
        old.client.close();
      }
      const s: TargetState = { target: t, client: this.clientFor(t), nextAt: 0, inFlight: false, suspect: false };
      this.states.set(t.device, s);
      if (this.running) this.schedule(s, Date.now() + Math.random() * this.o.jitter * t.intervalSeconds * 1000);
    }
  }

  targets(): Target[] {
    return [...this.states.values()].map((s) => s.target);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const now = Date.now();
    // First polls spread over at most 10 s (data soon after start), then each target keeps its own phase.
    for (const s of this.states.values()) this.schedule(s, now + Math.random() * this.o.jitter * Math.min(s.target.intervalSeconds, 10) * 1000);
  }

  /** Stops scheduling; resolves when the polls in flight have delivered their results. */
  async stop(): Promise<void> {
    this.running = false;
    for (const s of this.states.values()) clearTimeout(s.timer);
    await Promise.allSettled([...this.inFlight]);
    for (const s of this.states.values()) s.client.close();
  }

  private schedule(s: TargetState, at: number): void {
    s.nextAt = at;
    clearTimeout(s.timer);
    s.timer = setTimeout(() => this.fire(s), Math.max(0, at - Date.now()));
  }

  private fire(s: TargetState): void {
    if (!this.running || this.states.get(s.target.device) !== s) return;
    const due = s.nextAt;
    // Fixed rate: the next poll is due one interval after this one was due, whatever happens now.
    let next = due + s.target.intervalSeconds * 1000;
    if (next < Date.now()) next = Date.now() + s.target.intervalSeconds * 1000;
    this.schedule(s, next);
    if (s.inFlight) return; // the previous poll is still running: skip rather than pile up
    s.inFlight = true;
    const p = (s.suspect ? this.suspectLimiter : this.limiter)
      .run(() => (this.running ? this.pollState(s, Date.now() - due) : Promise.resolve(undefined)))
      .then((r) => {
        if (!r) return;
        s.suspect = !r.up || r.errors.some((e) => e.reason === "timeout" || e.reason === "refused");
        if (this.states.get(s.target.device) === s) this.o.onResult(r);
      })
      .finally(() => {
        s.inFlight = false;
        this.inFlight.delete(p);
      });
    this.inFlight.add(p);
  }

  /** Polls one target now (also used by tests and `/snmp?target=` refreshes), through the limiter. */
  pollNow(device: string): Promise<PollResult> {
    const s = this.states.get(device);
    if (!s) return Promise.reject(new Error(`unknown target ${device}`));
    return this.limiter.run(() => this.pollState(s, 0)).then((r) => {
      this.o.onResult(r);
      return r;
    });
  }

  private pollState(s: TargetState, lagMs: number): Promise<PollResult> {
    return pollTarget(s.target, s.client, lagMs, this.o.lookupMaxAgeMs);
  }
}

/**
 * Walks a module's columns. Lookup columns (ifName, ifDescr, ifAlias, hrStorageDescr) change far
 * less often than counters: they are kept on the client and re-walked when older than
 * `lookupMaxAgeMs`, or at once when a row shows up that the cached lookups do not know.
 */
async function walkModule(m: ModuleDef, client: SnmpClient, lookupMaxAgeMs: number): Promise<Map<string, Varbind[]>> {
  const all = walkedColumns(m);
  if (all.length === 0) return new Map();
  const lookupOids = m.tables.flatMap((t) => t.lookups.map((l) => l.oid));
  const cached = client.lookupCache.get(m.name);
  if (lookupOids.length === 0 || lookupMaxAgeMs <= 0 || !cached || Date.now() - cached.at > lookupMaxAgeMs) {
    const columns = await client.walkColumns(all);
    if (lookupOids.length > 0 && lookupMaxAgeMs > 0) client.lookupCache.set(m.name, { at: Date.now(), columns: new Map(lookupOids.map((o) => [o, columns.get(o) ?? []])) });
    return columns;
  }
  const columns = await client.walkColumns(all.filter((o) => !lookupOids.includes(o)));
  // A row the cached lookups lack (a new interface): refresh them now rather than label it "".
  const known = new Set<string>();
  for (const t of m.tables) for (const l of t.lookups) for (const vb of cached.columns.get(l.oid) ?? []) known.add(vb.oid.slice(l.oid.length + 1));
  const stale = m.tables.some((t) => t.lookups.length > 0 && t.columns.some((c) => (columns.get(c.oid) ?? []).some((vb) => !known.has(vb.oid.slice(c.oid.length + 1)))));
  const lookups = stale ? await client.walkColumns(lookupOids) : cached.columns;
  if (stale) client.lookupCache.set(m.name, { at: Date.now(), columns: lookups });
  for (const [oid, vbs] of lookups) columns.set(oid, vbs);
  return columns;
}

/** One poll of one target with an existing client: every module, partial results kept. */
export async function pollTarget(t: Target, client: SnmpClient, lagMs = 0, lookupMaxAgeMs = 0): Promise<PollResult> {
  const startedAt = Date.now();
  const t0 = performance.now();
  client.resetStats();
  const samples: Sample[] = [];
  const errors: ModuleError[] = [];
  const modules: ModuleStatus[] = [];
  let anyOk = false;
  let fatal: PollError | undefined;
  const rowLabeler = (indexLabel: string, index: string, lookups: [string, string][]) => {
    if (indexLabel !== LABEL_IF_INDEX || (t.linkByIfName.size === 0 && t.linkByIfIndex.size === 0)) return undefined;
    const link = linkOf(t, index, lookups.find(([k]) => k === LABEL_IF_NAME)?.[1]);
    return link ? ([[LABEL_LINK, link]] as [string, string][]) : undefined;
  };
  for (const name of t.modules) {
    const m = t.userModules?.find((u) => u.name === name) ?? moduleNamed(name);
    if (!m) continue;
    if (fatal) {
      // The agent did not answer (or refused us) for an earlier module: don't wait again per module.
      errors.push({ module: name, reason: fatal.reason, message: fatal.message });
      modules.push({ module: name, status: "failed", reason: fatal.reason, message: fatal.message });
      continue;
    }
    try {
      const scalars = new Map<string, Varbind>();
      for (const vb of await client.get(scalarOids(m))) scalars.set(vb.oid, vb);
      const columns = await walkModule(m, client, lookupMaxAgeMs);
      const r: ModuleResult = { scalars, columns };
      samples.push(...convertModule(m, r, t.labels, rowLabeler, { intervalSeconds: t.intervalSeconds }));
      modules.push(moduleStatus(m, r));
      anyOk = true;
    } catch (err) {
      const e = err instanceof PollError ? err : new PollError("error", String((err as Error)?.message ?? err));
      if (e.reason === "timeout" && !anyOk && (await probeRefused(t.host, t.port))) {
        e.message = `port ${t.port} closed (ICMP port unreachable)`;
        (e as { reason: PollErrorReason }).reason = "refused";
      }
      errors.push({ module: name, reason: e.reason, message: e.message });
      modules.push({ module: name, status: "failed", reason: e.reason, message: e.message });
      if (e.reason === "timeout" || e.reason === "refused" || e.reason === "auth" || e.reason === "config" || e.reason === "malformed") fatal = e;
      client.close(); // fresh session (and v3 discovery) next time
    }
  }
  return {
    target: t,
    startedAt,
    durationMs: performance.now() - t0,
    up: anyOk,
    samples,
    errors,
    modules,
    pdus: client.stats.pdus,
    packets: client.stats.packets,
    retries: client.stats.retries,
    varbinds: client.stats.varbinds,
    lagMs,
  };
}
