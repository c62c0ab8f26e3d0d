// One DNS observation of the kabupaten domain: try a zone transfer from the Dinas server, then ask it
// for every name the transfer listed, the inventory knows and the wordlist guesses. Failures are facts
// (a refused transfer, a name that timed out); nothing here throws on what the network does.
import type { NameFact, ZoneTransferFact } from "../../facts/schema";
import type { DnsServer } from "../../inventory/dns-server";
import type { Inventory } from "../../inventory/schema";
import { zoneTransfer } from "./axfr";
import { namesToAsk } from "./names";
import { resolveNames } from "./resolve";

export interface DnsObservationOptions {
  server: DnsServer;
  zoneTransfer: boolean;
  /** Labels or names to guess; the built-in list when undefined. */
  wordlist?: readonly string[];
  timeoutMs: number;
  tries?: number;
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
}

export interface DnsObservation {
  names: NameFact[];
  zoneTransfers: ZoneTransferFact[];
}

export async function observeDns(inv: Inventory, opts: DnsObservationOptions): Promise<DnsObservation> {
  const transfer = opts.zoneTransfer ? await zoneTransfer(inv.meta.domain, opts.server, { timeoutMs: opts.timeoutMs * (opts.tries ?? 2), ...(opts.now ? { now: opts.now } : {}) }) : undefined;
  const asked = namesToAsk(inv, { transferred: transfer?.names ?? [], ...(opts.wordlist ? { wordlist: opts.wordlist } : {}) });
  const names = await resolveNames(asked, opts);
  return { names, zoneTransfers: transfer ? [transfer.fact] : [] };
}
