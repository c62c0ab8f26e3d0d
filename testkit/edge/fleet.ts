// A simulated province for the edge tests and benchmark: `kabupaten` synthetic inventories of
// `devices` devices each (testkit/generate-inventory.ts, each with its own kabupaten name), one SNMP
// simulator per kabupaten (collectors/simulator.ts, counting polls per device), and on demand the
// collectors beside a vmagent member (`spbe serve --poll-on scrape`, in this process, one per
// kabupaten: a collector polls one inventory), all on 127.0.0.1.
import { stringify } from "yaml";
import { loadInventoryText } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";
import { renderDiagnostic } from "../../inventory/diagnostics";
import { envSecrets, type SecretResolver } from "../../collectors/secrets";
import { startServe, type ServeHandle } from "../../collectors/serve";
import { generateMissingSecrets, startSimulator, type Simulator } from "../../collectors/simulator";
import { generateInventory } from "../generate-inventory";

export interface FleetKabupaten {
  name: string;
  inventory: Inventory;
  simulator: Simulator;
}

export interface EdgeFleet {
  kabupaten: FleetKabupaten[];
  secrets: SecretResolver;
  /** Every device id with its kabupaten's name. */
  devices(): { kabupaten: string; device: string }[];
  /** Poll counts per device, summed over the kabupaten (ids are prefixed per kabupaten, so unique). */
  polls(): Map<string, { count: number; recent: number[] }>;
  stop(): Promise<void>;
}

/** "10x300" → [10, 300]: the fleet's shape as the edge tests and benchmarks take it (kabupaten x devices each). */
export function edgeFleetShape(text: string): [number, number] {
  const m = /^(\d+)x(\d+)$/.exec(text.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`fleet shape "${text}": expected <kabupaten>x<devices each>, e.g. 10x300`);
  return [Number(m[1]), Number(m[2])];
}

/** A synthetic kabupaten of `devices` devices; ids carry the kabupaten's number so that they are unique in the province. */
export function syntheticKabupaten(k: number, devices: number): Inventory {
  const text = syntheticKabupatenYaml(k, devices);
  const r = loadInventoryText(text, `sintetis-${k}.yaml`);
  if (!r.inventory) throw new Error(`synthetic kabupaten ${k} does not load: ${r.diagnostics.map((d) => renderDiagnostic(d, "en")).join("; ")}`);
  return r.inventory;
}

/** The same kabupaten as an inventory file's text (for a collector in another process). */
export function syntheticKabupatenYaml(k: number, devices: number): string {
  const doc = generateInventory(devices / 5000);
  doc.meta.kabupaten = `Sintetis ${k}`;
  const rename = (id: string) => id.replace(/^dev-/, `k${k}-dev-`);
  for (const d of doc.devices) d.id = rename(d.id);
  for (const l of doc.links) {
    l.a.device = rename(l.a.device);
    l.b.device = rename(l.b.device);
  }
  for (const a of doc.applications) if (a.placement?.server) a.placement.server = rename(a.placement.server);
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

export async function startEdgeFleet(kabupaten: number, devicesEach: number): Promise<EdgeFleet> {
  const inventories = Array.from({ length: kabupaten }, (_, k) => syntheticKabupaten(k, devicesEach));
  const secrets = envSecrets({}, generateMissingSecrets(inventories[0]!, envSecrets({})));
  const fleet: FleetKabupaten[] = [];
  for (const inventory of inventories) fleet.push({ name: inventory.meta.kabupaten, inventory, simulator: await startSimulator(inventory, { secrets }) });
  return {
    kabupaten: fleet,
    secrets,
    devices: () => fleet.flatMap((k) => [...k.simulator.endpoints.keys()].map((device) => ({ kabupaten: k.name, device }))),
    polls: () => new Map(fleet.flatMap((k) => [...k.simulator.polls()])),
    async stop() {
      for (const k of fleet) await k.simulator.stop();
    },
  };
}

/** The collectors beside one vmagent member: one per kabupaten, polling only when scraped. */
export async function startMemberCollectors(fleet: EdgeFleet, intervalSeconds: number): Promise<ServeHandle[]> {
  const out: ServeHandle[] = [];
  for (const k of fleet.kabupaten) {
    out.push(
      await startServe({
        inventory: k.inventory,
        port: 0,
        pollOn: "scrape",
        intervalSeconds,
        secrets: fleet.secrets,
        endpoint: (d) => k.simulator.endpoints.get(d.id),
        timeoutMs: 2000,
        log: () => {},
      }),
    );
  }
  return out;
}
