// Which names to ask. From the Dinas server's own zone when it allows a transfer; always the names the
// inventory knows (every application hostname, the names it claims under the domain); and a wordlist
// of the subdomains kabupaten sites commonly run, to find what nobody wrote down. `*` asks for the
// zone's wildcard record itself: when one exists, every guessed name would "answer" through it, and a
// report must say so once rather than once per guess.
import { claimedNames, normalizeName } from "../../inventory/dns-names";
import type { Inventory } from "../../inventory/schema";
import type { NameToAsk } from "./resolve";

/** Subdomains common on Indonesian kabupaten domains: portals, mail, national systems, OPD services. */
export const DEFAULT_WORDLIST: readonly string[] = [
  "*", "www", "mail", "webmail", "smtp", "pop", "imap", "mx", "ns", "ns1", "ns2", "ns3", "dns", "ftp", "cpanel", "whm", "vpn", "remote", "portal",
  "sipd", "simpeg", "lpse", "ppid", "jdih", "e-office", "eoffice", "sirup", "opendata", "data", "satudata", "srikandi", "lapor", "simda", "siskeudes",
  "sikd", "e-kinerja", "ekinerja", "absensi", "e-absen", "sakip", "e-planning", "e-budgeting", "e-retribusi", "pajak", "bphtb", "pbb", "esakip",
  "dapodik", "sim", "simrs", "simpus", "sipjaki", "oss", "perizinan", "dashboard", "monitoring", "grafana", "mail2", "cloud", "drive", "git", "repo",
  "api", "dev", "test", "staging", "demo", "beta", "old", "new", "blog", "berita", "news", "pengaduan", "bkd", "bkpsdm", "dinkes", "disdik", "dukcapil",
  "disdukcapil", "bappeda", "bpbd", "kominfo", "diskominfo", "setda", "dprd", "inspektorat", "rsud", "kecamatan", "desa", "toko", "shop",
];

/** Reads a wordlist file's text: one label (`www`) or name (`a.b`) per line; `#` starts a comment. */
export function parseWordlist(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, "").trim())
    .filter((line) => line.length > 0);
}

export interface NameSources {
  /** Owner names from a zone transfer (empty when it was refused). */
  transferred?: readonly string[];
  /** Labels or names relative to the domain; names already under the domain are kept as they are. */
  wordlist?: readonly string[];
}

/**
 * The names to ask, each once, with how it came to be asked: the inventory's first (an application's
 * hostname is asked because of the inventory even when the transfer lists it too), then the
 * transferred names, then the wordlist.
 */
export function namesToAsk(inv: Inventory, sources: NameSources): NameToAsk[] {
  const domain = normalizeName(inv.meta.domain);
  const out = new Map<string, NameToAsk>();
  const add = (name: string, discoveredBy: NameToAsk["discoveredBy"]) => {
    const n = normalizeName(name);
    if (n && !out.has(n)) out.set(n, { name: n, discoveredBy });
  };
  for (const a of inv.applications) if (a.hostname) add(a.hostname, "inventory");
  for (const name of claimedNames(inv).keys()) add(name, "inventory");
  for (const name of sources.transferred ?? []) add(name, "zone-transfer");
  for (const word of sources.wordlist ?? DEFAULT_WORDLIST) {
    const w = normalizeName(word);
    add(w === domain || w.endsWith(`.${domain}`) ? w : `${w}.${domain}`, "wordlist");
  }
  return [...out.values()];
}
