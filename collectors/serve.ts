// `spbe serve`: the collector process. Loads the inventory, plans targets, runs the poller, feeds
// the sinks (Prometheus text store, optional InfluxDB), serves HTTP, and optionally starts the
// simulator and points the poller at it. Extensions (e.g. the compliance report) mount their
// routes on the same app and append their text to /metrics.
import type express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Inventory } from "../inventory/schema";
import { loadInventoryOrThrow } from "../inventory/load";
import { DerivedState, planDerived } from "./derived";
import { createApp } from "./http";
import { pointsFromDerived, pointsFromPoll } from "./influx-points";
import { InfluxSink } from "./influx-sink";
import * as N from "./metric-names";
import { Poller, type PollResult } from "./poller";
import { PromStore } from "./prom-store";
import { envSecrets, type SecretResolver } from "./secrets";
import { generateMissingSecrets, startSimulator, type Simulator } from "./simulator";
import { planTargets, type Target } from "./targets";

export interface ServeExtension {
  router?: express.Router;
  metricsText?: () => string | Promise<string>;
}

export interface ServeOptions {
  /** An inventory file (reloaded on reload()/SIGHUP) or an Inventory object. */
  inventory: string | Inventory;
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
  /** One interval for every role (seconds) instead of the per-role defaults. */
  intervalSeconds?: number;
  /** Where to reach each device instead of mgmtAddress (tests); ignored with simulate. */
  endpoint?: (device: { id: string }) => { host: string; port: number } | undefined;
  extensions?: ServeExtension[];
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
  /** Polls one device now, through the sinks. */
  pollNow(device: string): Promise<PollResult>;
  /** What polling showed (policies/facts.ts "spbe-observed-facts/1"): last seen, unreachable since. */
  observedFacts(): ObservedDeviceFacts;
}

export interface ObservedDeviceFacts {
  schema: "spbe-observed-facts/1";
  observedAt: string;
  devices: { id: string; lastSeen?: string; unreachableSince?: string | null }[];
}

export async function startServe(opts: ServeOptions): Promise<ServeHandle> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const load = (): Inventory => (typeof opts.inventory === "string" ? loadInventoryOrThrow(opts.inventory) : opts.inventory);
  let inventory = load();

  let overrides: Record<string, string> = {};
  let secrets = opts.secrets ?? envSecrets(opts.env ?? process.env);
  let simulator: Simulator | undefined;
  if (opts.simulate) {
    overrides = generateMissingSecrets(inventory, secrets);
    if (Object.keys(overrides).length > 0) secrets = envSecrets(opts.env ?? process.env, overrides);
    simulator = await startSimulator(inventory, { secrets });
  }
  const endpointFor = (d: { id: string }) => (simulator ? simulator.endpoints.get(d.id) : opts.endpoint?.(d));
  const plan = (inv: Inventory) =>
    planTargets(inv, { endpoint: opts.simulate || opts.endpoint ? endpointFor : undefined, intervalSeconds: opts.intervalSeconds }).targets;

  const store = new PromStore();
  const derived = new DerivedState(planDerived(inventory));
  const influx = opts.influxUrl
    ? new InfluxSink({ url: opts.influxUrl, database: opts.influxDatabase ?? "spbe", maxBuffered: opts.influxMaxBuffered, log })
    : undefined;
  influx?.start();
  const lastError = new Map<string, string>();
  const seen = new Map<string, { lastSeen?: number; unreachableSince?: number }>();

  const onResult = (r: PollResult) => {
    store.update(r);
    const f = seen.get(r.target.device) ?? {};
    if (r.up) {
      f.lastSeen = r.startedAt;
      f.unreachableSince = undefined;
    } else f.unreachableSince ??= r.startedAt;
    seen.set(r.target.device, f);
    derived.observe(r.target.device, r.samples, r.startedAt);
    const derivedSamples = derived.samples(Date.now());
    store.setDerived(derivedSamples);
    if (influx) {
      influx.add(pointsFromPoll(r));
      if (r.target.linkByIfName.size > 0) influx.add(pointsFromDerived(derivedSamples, new Date(r.startedAt)));
    }
    // One log line per change of a target's error state, not one per failed poll.
    const sig = r.errors.map((e) => `${e.module}:${e.reason}`).join(",");
    if (sig !== (lastError.get(r.target.device) ?? "")) {
      if (sig) log(`poll ${r.target.device} (${r.target.host}:${r.target.port}): ${r.errors.map((e) => `${e.module} ${e.reason}: ${e.message}`).join("; ")}`);
      else log(`poll ${r.target.device}: ok again`);
      lastError.set(r.target.device, sig);
    }
    opts.onPoll?.(r);
  };

  const poller = new Poller({
    secrets,
    concurrency: opts.concurrency,
    timeoutMs: opts.timeoutMs,
    retries: opts.retries,
    maxRepetitions: opts.maxRepetitions,
    onResult,
  });
  poller.setTargets(plan(inventory));
  store.setTargetLister(() =>
    poller.targets().map((t) => ({ device: t.device, host: t.host, port: t.port, role: t.role, site: t.site, opd: t.opd, modules: t.modules, intervalSeconds: t.intervalSeconds })),
  );

  const processText = () =>
    `# HELP ${N.SPBE_SNMP_TARGETS} Devices being polled.\n# TYPE ${N.SPBE_SNMP_TARGETS} gauge\n${N.SPBE_SNMP_TARGETS} ${poller.targets().length}\n` +
    (influx ? influx.metricsText() : "");
  const app = createApp(store, opts.extensions ?? [], processText);
  let server: Server;
  try {
    server = await new Promise((resolve, reject) => {
      const s = app.listen(opts.port ?? 9116, opts.host ?? "127.0.0.1", (err?: Error) => (err ? reject(err) : resolve(s)));
      s.once("error", reject);
    });
  } catch (err) {
    // A port already in use must not leave the simulator's agents or the Influx sink holding the process open.
    if (influx) await influx.close();
    if (simulator) await simulator.stop();
    throw err;
  }
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  poller.start();

  return {
    url: `http://${hostPart}:${addr.port}`,
    store,
    poller,
    influx,
    simulator,
    generatedSecrets: Object.keys(overrides),
    targets: () => poller.targets(),
    pollNow: (device) => poller.pollNow(device),
    observedFacts: () => ({
      schema: "spbe-observed-facts/1",
      observedAt: new Date().toISOString(),
      devices: poller.targets().flatMap((t) => {
        const f = seen.get(t.device);
        if (!f) return [];
        return [{
          id: t.device,
          ...(f.lastSeen !== undefined ? { lastSeen: new Date(f.lastSeen).toISOString() } : {}),
          unreachableSince: f.unreachableSince !== undefined ? new Date(f.unreachableSince).toISOString() : null,
        }];
      }),
    }),
    async reload(inv?: Inventory) {
      const next = inv ?? load(); // throws InventoryError on a bad file: the caller keeps the old one
      inventory = next;
      if (simulator) await simulator.sync(inventory); // new devices get an agent, removed ones lose it
      const before = new Set(poller.targets().map((t) => t.device));
      poller.setTargets(plan(inventory));
      derived.setPlan(planDerived(inventory));
      for (const id of before) if (!poller.targets().some((t) => t.device === id)) store.remove(id);
    },
    async close() {
      await poller.stop(); // results of polls in flight still reach the sinks before the flush
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections?.();
      });
      if (influx) await influx.close();
      if (simulator) await simulator.stop();
    },
  };
}
