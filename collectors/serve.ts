// `spbe serve`: the collector process. Loads the inventory, plans targets, runs the poller, feeds
// the sinks (Prometheus text store, optional InfluxDB), serves HTTP, and optionally starts the
// simulator and points the poller at it. Extensions (e.g. the compliance report) mount their
// routes on the same app and append their text to /metrics.
import type express from "express";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Inventory } from "../inventory/schema";
import { loadInventoryOrThrow } from "../inventory/load";
import { DerivedState, planDerived } from "./derived";
import { boardRouter } from "./board/routes";
import type { ComplianceSummary } from "./board/state";
import { createApp } from "./http";
import { pointsFromDerived, pointsFromPoll } from "./influx-points";
import { InfluxSink } from "./influx-sink";
import * as N from "./metric-names";
import { ObservedDevices, type ObservedDeviceFacts } from "./observed";
import { Poller, type PollResult } from "./poller";
import { PromStore } from "./prom-store";
import { envSecrets, type SecretResolver } from "./secrets";
import { simulatorControl } from "./sim-control";
import { generateMissingSecrets, startSimulator, type Simulator } from "./simulator";
import { sdRouter } from "./sd-routes";
import { planTargets, type Target } from "./targets";
import { loadModuleCatalog } from "./module-catalog";
import { renderDiagnostic } from "../inventory/diagnostics";
import type { WebConfig } from "./web-config";
import { basicAuthGuard } from "./web-guard";

export interface ServeExtension {
  router?: express.Router;
  metricsText?: () => string | Promise<string>;
}

export interface ServeOptions {
  /** An inventory file (reloaded on reload()/SIGHUP) or an Inventory object. */
  inventory: string | Inventory;
  /** The inventory's file when `inventory` is an object: monitoring.moduleFiles are relative to it (default: the working directory). */
  inventoryFile?: string;
  host?: string; // listen address, default 127.0.0.1
  port?: number; // listen port, default 9116; 0 = any free port
  simulate?: boolean;
  influxUrl?: string;
  influxDatabase?: string;
  influxMaxBuffered?: number;
  env?: NodeJS.ProcessEnv;
  /** Replaces env lookups entirely (tests). */
  secrets?: SecretResolver;
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  maxRepetitions?: number;
  /**
   * "schedule" (default): the collector polls every device on its own schedule. "scrape": it polls a
   * device only when /snmp?target= asks (a vmagent member beside it owns the schedule and the share
   * of devices); the label caches and counter state stay here, per device it has been asked for.
   */
  pollOn?: "schedule" | "scrape";
  /** One interval for every role (seconds) instead of the per-role defaults. */
  intervalSeconds?: number;
  /** Where to reach each device instead of mgmtAddress (tests); ignored with simulate. */
  endpoint?: (device: { id: string }) => { host: string; port: number } | undefined;
  extensions?: ServeExtension[];
  /** What the NOC board at / shows besides polling: the compliance score and where the report is. */
  board?: { compliance?: () => ComplianceSummary | null; reportPath?: string };
  /** TLS and basic auth (exporter-toolkit's web configuration); without it, plain HTTP and no auth. */
  web?: WebConfig;
  /** With basic auth: /metrics still answers without credentials. */
  metricsOpen?: boolean;
  /** Server timeouts (ms); defaults in SERVER_TIMEOUTS. */
  timeouts?: Partial<ServerTimeouts>;
  log?: (line: string) => void;
  /** Called after every poll result has reached the sinks (tests, progress). */
  onPoll?: (r: PollResult) => void;
}

export interface ServeHandle {
  url: string;
  close(): Promise<void>;
  /** Re-reads the inventory file (or takes a new Inventory) and updates targets in place. */
  reload(inv?: Inventory): Promise<void>;
  targets(): Target[];
  store: PromStore;
  poller: Poller;
  influx?: InfluxSink;
  simulator?: Simulator;
  /** Names of env secrets the simulator generated because they were unset (values never exposed). */
  generatedSecrets: string[];
  /** The SNMP secrets the poller uses (generated ones included when simulating): other walks reuse them. */
  secrets: SecretResolver;
  /** Where a device is reached: the simulator's endpoint when simulating, else undefined (mgmtAddress:161). */
  endpointOf(device: string): { host: string; port: number } | undefined;
  /** Polls one device now, through the sinks. */
  pollNow(device: string): Promise<PollResult>;
  /** What polling showed (facts/schema.ts "spbe-observed-facts/2", devices): last seen, unreachable since. */
  observedFacts(): ObservedDeviceFacts;
}

export async function startServe(opts: ServeOptions): Promise<ServeHandle> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const load = (): Inventory => (typeof opts.inventory === "string" ? loadInventoryOrThrow(opts.inventory) : opts.inventory);
  const inventory = load();
  let current = inventory; // what the board draws: follows reload()

  const { secrets, simulator, generatedSecrets } = await startSimulation(inventory, opts);
  const plan = targetPlanner(opts, simulator);
  const sinks = startSinks(inventory, opts, log);
  const observed = new ObservedDevices();
  const poller = createPoller(opts, secrets, feedSinks(sinks, observed, log, opts.onPoll));
  poller.setTargets(plan(inventory));
  listTargets(sinks.store, poller);
  const board = boardRouter({
    inventory: () => current,
    status: () => sinks.store.status(),
    derived: () => sinks.derived.samples(Date.now()),
    compliance: opts.board?.compliance,
    reportUrl: opts.board?.reportPath,
  });
  const sd = { router: sdRouter(() => poller.targets(), () => current.meta.kabupaten) };
  const extensions = [sd, ...(opts.extensions ?? []), ...(simulator ? [{ router: simulatorControl(simulator, () => current) }] : [])];
  const access = { guard: opts.web && opts.web.users.size > 0 ? basicAuthGuard(opts.web.users) : undefined, metricsOpen: opts.metricsOpen };
  const onScrape = opts.pollOn === "scrape" ? singleFlightPoll(poller) : undefined;
  const app = createApp(sinks.store, extensions, processMetricsText(poller, sinks.influx), board, access, onScrape);
  const server = await listen(app, opts, () => stopSinksAndSimulator(sinks, simulator));
  if (!onScrape) poller.start();

  return {
    url: serverUrl(server, Boolean(opts.web?.tls)),
    store: sinks.store,
    poller,
    influx: sinks.influx,
    simulator,
    generatedSecrets,
    secrets,
    endpointOf: (device) => (simulator ? simulator.endpoints.get(device) : opts.endpoint?.({ id: device })),
    targets: () => poller.targets(),
    pollNow: (device) => poller.pollNow(device),
    observedFacts: () => observed.facts(poller.targets()),
    // A bad file throws InventoryError before anything changes: the caller keeps the old inventory.
    reload: async (inv) => {
      const next = inv ?? load();
      await retarget(next, { simulator, poller, plan, sinks });
      current = next;
    },
    async close() {
      await poller.stop(); // results of polls in flight still reach the sinks before the flush
      await closeServer(server);
      await stopSinksAndSimulator(sinks, simulator);
    },
  };
}

/**
 * The poller's secrets and, with `simulate`, the simulator: env secrets the inventory refers to
 * but the environment lacks are generated (names reported, values never) so it works out of the box.
 */
async function startSimulation(inventory: Inventory, opts: ServeOptions): Promise<{ secrets: SecretResolver; simulator?: Simulator; generatedSecrets: string[] }> {
  const env = opts.env ?? process.env;
  const secrets = opts.secrets ?? envSecrets(env);
  if (!opts.simulate) return { secrets, generatedSecrets: [] };
  const generated = generateMissingSecrets(inventory, secrets);
  const withGenerated = Object.keys(generated).length > 0 ? envSecrets(env, generated) : secrets;
  const simulator = await startSimulator(inventory, { secrets: withGenerated });
  return { secrets: withGenerated, simulator, generatedSecrets: Object.keys(generated) };
}

/**
 * Inventory → targets, each reached at its simulated agent, the test's endpoint, or its mgmtAddress,
 * with the modules of the inventory's module files read again (a reload picks up an edited file).
 * A module file that does not load throws, as a bad inventory does: the caller keeps the old targets.
 */
function targetPlanner(opts: ServeOptions, simulator: Simulator | undefined): (inv: Inventory) => Target[] {
  const endpointFor = (d: { id: string }) => (simulator ? simulator.endpoints.get(d.id) : opts.endpoint?.(d));
  const file = typeof opts.inventory === "string" ? opts.inventory : opts.inventoryFile;
  return (inv) => {
    const catalog = loadModuleCatalog(inv, file);
    if (catalog.diagnostics.length > 0) throw new Error(catalog.diagnostics.map((d) => renderDiagnostic(d, "en")).join("\n"));
    return planTargets(inv, { endpoint: opts.simulate || opts.endpoint ? endpointFor : undefined, intervalSeconds: opts.intervalSeconds, userModules: catalog.user }).targets;
  };
}

/**
 * Poll on scrape: one poll per device at a time; a scrape that arrives while the device's poll is
 * running (a retried scrape, a second scraper) waits for that poll instead of asking the device again.
 */
function singleFlightPoll(poller: Poller): (device: string) => Promise<void> {
  const running = new Map<string, Promise<void>>();
  return (device) => {
    const known = running.get(device);
    if (known) return known;
    const p = poller
      .pollNow(device)
      .then(() => undefined)
      .finally(() => running.delete(device));
    running.set(device, p);
    return p;
  };
}

/** Where poll results go: the Prometheus text store, the derived series and, when configured, InfluxDB. */
interface Sinks {
  store: PromStore;
  derived: DerivedState;
  influx?: InfluxSink;
}

function startSinks(inventory: Inventory, opts: ServeOptions, log: (line: string) => void): Sinks {
  const store = new PromStore();
  const derived = new DerivedState(planDerived(inventory));
  const influx = opts.influxUrl
    ? new InfluxSink({ url: opts.influxUrl, database: opts.influxDatabase ?? "spbe", maxBuffered: opts.influxMaxBuffered, log })
    : undefined;
  influx?.start();
  return { store, derived, influx };
}

/** Each poll result through the sinks, the observed facts and the log, then to `onPoll`. */
function feedSinks(sinks: Sinks, observed: ObservedDevices, log: (line: string) => void, onPoll?: (r: PollResult) => void): (r: PollResult) => void {
  const { store, derived, influx } = sinks;
  const logErrorChange = errorChangeLogger(log);
  return (r) => {
    store.update(r);
    observed.record(r);
    derived.observe(r.target.device, r.samples, r.startedAt);
    const derivedSamples = derived.samples(Date.now());
    store.setDerived(derivedSamples);
    if (influx) {
      influx.add(pointsFromPoll(r));
      if (r.target.linkByIfName.size > 0) influx.add(pointsFromDerived(derivedSamples, new Date(r.startedAt)));
    }
    logErrorChange(r);
    onPoll?.(r);
  };
}

/** One log line per change of a target's error state, not one per failed poll. */
function errorChangeLogger(log: (line: string) => void): (r: PollResult) => void {
  const lastError = new Map<string, string>();
  return (r) => {
    const sig = r.errors.map((e) => `${e.module}:${e.reason}`).join(",");
    if (sig === (lastError.get(r.target.device) ?? "")) return;
    if (sig) log(`poll ${r.target.device} (${r.target.host}:${r.target.port}): ${r.errors.map((e) => `${e.module} ${e.reason}: ${e.message}`).join("; ")}`);
    else log(`poll ${r.target.device}: ok again`);
    lastError.set(r.target.device, sig);
  };
}

function createPoller(opts: ServeOptions, secrets: SecretResolver, onResult: (r: PollResult) => void): Poller {
  return new Poller({
    secrets,
    concurrency: opts.concurrency,
    timeoutMs: opts.timeoutMs,
    retries: opts.retries,
    maxRepetitions: opts.maxRepetitions,
    onResult,
  });
}

/** The /targets page lists what the poller polls now. */
function listTargets(store: PromStore, poller: Poller): void {
  store.setTargetLister(() =>
    poller.targets().map((t) => ({ device: t.device, host: t.host, port: t.port, role: t.role, site: t.site, opd: t.opd, modules: t.modules, intervalSeconds: t.intervalSeconds })),
  );
}

/** The process's own series on /metrics: targets polled, and the InfluxDB sink's counters. */
function processMetricsText(poller: Poller, influx: InfluxSink | undefined): () => string {
  return () =>
    `# HELP ${N.SPBE_SNMP_TARGETS} Devices being polled.\n# TYPE ${N.SPBE_SNMP_TARGETS} gauge\n${N.SPBE_SNMP_TARGETS} ${poller.targets().length}\n` +
    (influx ? influx.metricsText() : "");
}

export interface ServerTimeouts {
  /** The whole request head must arrive within this (a slowloris client dribbling headers is cut). */
  headersMs: number;
  /** The whole request must arrive within this. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this (shorter than Prometheus' 30-60 s interval). */
  keepAliveMs: number;
  /** A socket with no traffic either way (a client that stopped reading /metrics) is closed after this. */
  idleMs: number;
  /** How often Node checks the header and request deadlines (its default, 30 s, would let a slow client stay 30 s past them). */
  checkEveryMs: number;
}

export const SERVER_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, idleMs: 60_000, checkEveryMs: 1_000 };

/** Listens on opts.host:opts.port; when that fails (a port in use), `cleanUp` runs before the error is thrown. */
async function listen(app: express.Express, opts: ServeOptions, cleanUp: () => Promise<void>): Promise<Server> {
  const t = { ...SERVER_TIMEOUTS, ...opts.timeouts };
  const options = { headersTimeout: t.headersMs, requestTimeout: t.requestMs, connectionsCheckingInterval: t.checkEveryMs, keepAliveTimeout: t.keepAliveMs };
  const tls = opts.web?.tls;
  const server: Server = tls ? createHttpsServer({ ...options, cert: tls.cert, key: tls.key }, app) : createHttpServer(options, app);
  server.keepAliveTimeout = t.keepAliveMs;
  server.setTimeout(t.idleMs, (socket) => socket.destroy());
  try {
    return await new Promise<Server>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 9116, opts.host ?? "127.0.0.1", () => {
        server.off("error", reject);
        resolve(server);
      });
    });
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

function serverUrl(server: Server, tls: boolean): string {
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return `${tls ? "https" : "http"}://${hostPart}:${addr.port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections?.();
  });
}

/** Flushes InfluxDB and stops the simulator's agents: neither may hold the process open. */
async function stopSinksAndSimulator(sinks: Sinks, simulator: Simulator | undefined): Promise<void> {
  if (sinks.influx) await sinks.influx.close();
  if (simulator) await simulator.stop();
}

/** A new inventory: agents for new devices, targets updated in place, removed devices' series dropped. */
async function retarget(next: Inventory, s: { simulator?: Simulator; poller: Poller; plan: (inv: Inventory) => Target[]; sinks: Sinks }): Promise<void> {
  if (s.simulator) await s.simulator.sync(next); // new devices get an agent, removed ones lose it
  const before = new Set(s.poller.targets().map((t) => t.device));
  s.poller.setTargets(s.plan(next));
  s.sinks.derived.setPlan(planDerived(next));
  for (const id of before) if (!s.poller.targets().some((t) => t.device === id)) s.sinks.store.remove(id);
}
