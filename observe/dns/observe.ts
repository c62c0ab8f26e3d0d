// One DNS observation of the kabupaten domain: try a zone transfer from the Dinas server, then ask it
// for every name the transfer listed, the inventory knows and the wordlist guesses. Failures are facts
// (a refused transfer, a name that timed out); nothing here throws on what the network does.
import type { NameFact, ZoneTransferFact } from "../../facts/schema";
import { parseDnsServer, type DnsServer } from "../../inventory/dns-server";
import { normalizeName } from "../../inventory/dns-names";
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
  const blocked = await askBlockedSites(inv, opts);
  return { names: [...names, ...blocked], zoneTransfers: transfer ? [transfer.fact] : [] };
}

/**
 * The sites the Dinas blocks (bandwidth.siteControl, klaten-18-2018 Pasal 10 (2)), asked at the
 * filtering resolver OPDs use: an address in the answer means the control is declared but not
 * enforced there. Asked at the observed server when no resolver of its own is written.
 */
async function askBlockedSites(inv: Inventory, opts: DnsObservationOptions): Promise<NameFact[]> {
  const control = inv.bandwidth?.siteControl;
  if (!control || control.method !== "dns" || control.blocked.length === 0) return [];
  const server = (control.resolver !== undefined ? parseDnsServer(control.resolver) : undefined) ?? opts.server;
  const { onProgress: _progress, ...rest } = opts;
  return resolveNames(control.blocked.map((name) => ({ name: normalizeName(name), discoveredBy: "site-control" as const })), { ...rest, server });
}
