// Rules over observed facts (facts/schema.ts): what the collectors see running, compared with
// what the inventory declares. Skipped (not passed) when no facts file is given.
import type { NameFact } from "../../facts/schema";
import { claimedNames, normalizeName, underDomain } from "../../inventory/dns-names";
import { isPrivate, tryParseRange } from "../../inventory/ip";
import { checkAddressInBlocks, checkPlacement, daysUntil } from "../placement";
import type { Rule } from "../types";
import { app, check, cite, opdOfDevice, placementFactsOf } from "./helpers";

export const UNREACHABLE_DAYS = 30;

export const deviceReachable: Rule = {
  id: "device-reachable",
  title: { id: "Perangkat infrastruktur dapat dijangkau", en: "Infrastructure devices are reachable" },
  checks: {
    id: `Perangkat yang tercatat di inventaris tidak terputus dari pemantauan selama ${UNREACHABLE_DAYS} hari atau lebih.`,
    en: `No inventory device has been unreachable by monitoring for ${UNREACHABLE_DAYS} days or more.`,
  },
  severity: "advisory",
  needsFacts: true,
  citations: [cite("klaten-18-2018", 9, "1"), cite("bt-7-2019", 12, "1")],
  evidence: {
    unreachable: {
      id: "tidak terjangkau sejak {since} ({days} hari), terakhir terlihat {lastSeen}",
      en: "unreachable since {since} ({days} days), last seen {lastSeen}",
    },
  },
  remediation: {
    id: "Periksa perangkat di lokasi; jika sudah tidak dipakai, hapus dari inventaris.",
    en: "Inspect the device on site; if it is out of service, remove it from the inventory.",
  },
  evaluate: ({ inventory, facts, asOf, index }) => {
    const known = new Set(inventory.devices.map((d) => d.id));
    return (facts?.devices ?? [])
      .filter((d) => known.has(d.id))
      .map((d) => {
        const since = d.unreachableSince ?? undefined;
        const days = since ? -daysUntil(new Date(since).toISOString().slice(0, 10), asOf) : 0;
        const failure = since && days >= UNREACHABLE_DAYS ? { variant: "unreachable", params: { since: since.slice(0, 10), days, lastSeen: d.lastSeen?.slice(0, 10) ?? "-" } } : undefined;
        return check({ kind: "device", id: d.id }, opdOfDevice(d.id, inventory, index), failure);
      });
  },
};

export const appAnswersFromDinasBlocks: Rule = {
  id: "app-answers-from-dinas-blocks",
  title: { id: "Aplikasi menjawab dari alamat IP publik Dinas", en: "Applications answer from Dinas public addresses" },
  checks: {
    id: "Nama host aplikasi yang tercatat di pusat data Dinas menjawab dari blok alamat IP publik Dinas (alamat privat tidak dinilai).",
    en: "The hostname of an application recorded in the Dinas data center answers from the Dinas public address blocks (private addresses are not judged).",
  },
  severity: "mandatory",
  needsFacts: true,
  citations: [cite("bt-7-2019", 15, "1"), cite("klaten-18-2018", 14, "1"), cite("klaten-18-2018", 9, "2", "c")],
  evidence: {
    outside: {
      id: "{hostname} menjawab dari {address}, di luar blok Dinas ({blocks})",
      en: "{hostname} answers from {address}, outside the Dinas blocks ({blocks})",
    },
    "resolves-outside": {
      id: "{hostname} diarahkan DNS ke {address}, di luar blok Dinas ({blocks}); alamat itu tidak menjawab probe",
      en: "DNS sends {hostname} to {address}, outside the Dinas blocks ({blocks}); that address did not answer the probe",
    },
    unparsable: { id: "alamat teramati tidak valid: {address}", en: "observed address is not valid: {address}" },
  },
  remediation: {
    id: "Pastikan aplikasi benar-benar berjalan di pusat data Dinas dan DNS menunjuk alamat dari blok Dinas; bila di-hosting di luar, catat penempatan dan pengecualiannya.",
    en: "Make sure the application really runs in the Dinas data center and DNS points at a Dinas block address; if it is hosted elsewhere, record that placement and its exception.",
  },
  evaluate: ({ inventory, facts, asOf, index }) => {
    const apps = new Map(inventory.applications.map((a) => [a.id, a]));
    const checks = [];
    for (const observed of facts?.applications ?? []) {
      const a = apps.get(observed.id);
      // Addresses that answered first (the stronger evidence), then those DNS gave that did not answer.
      const silent = (observed.resolvedTo ?? []).filter((x) => !observed.answeringFrom.includes(x));
      const addresses = [...observed.answeringFrom.map((address) => ({ address, answered: true })), ...silent.map((address) => ({ address, answered: false }))];
      if (!a || addresses.length === 0) continue;
      // Hosting outside under a valid exception is declared, not hidden: nothing to compare.
      if (a.placement.type !== "datacenter" && !checkPlacement(placementFactsOf(a, inventory, index), asOf)) continue;
      let failure;
      for (const { address, answered } of addresses) {
        // A private address answers inside the kabupaten's own network: only public ones are judged.
        const range = tryParseRange(address);
        if (range && isPrivate(range)) continue;
        const v = checkAddressInBlocks(address, index.dinasBlocks);
        if (v) {
          failure = { variant: v.variant === "outside" && !answered ? "resolves-outside" : v.variant, params: { ...v.params, hostname: observed.hostname ?? a.hostname ?? a.id } };
          break;
        }
      }
      checks.push(check(app(a.id), a.opd, failure));
    }
    return checks;
  },
};

/**
 * The latest fact per name (a name asked of two resolvers, or in two runs, is judged once), and the
 * addresses the zone's wildcard answers with, if it has one (`*.domain` asked literally).
 */
function answeringNames(names: readonly NameFact[], domain: string): { facts: NameFact[]; wildcard?: string } {
  const latest = new Map<string, NameFact>();
  for (const n of names) {
    const key = normalizeName(n.name);
    const prior = latest.get(key);
    if (!prior || Date.parse(n.observedAt) >= Date.parse(prior.observedAt)) latest.set(key, n);
  }
  const wildcard = latest.get(`*.${normalizeName(domain)}`);
  const addressSet = (n: NameFact) => [...n.addresses].sort().join(",");
  return { facts: [...latest.values()].filter((n) => n.addresses.length > 0), ...(wildcard?.addresses.length ? { wildcard: addressSet(wildcard) } : {}) };
}

export const unregisteredName: Rule = {
  id: "unregistered-name",
  title: { id: "Setiap nama di domain kabupaten tercatat", en: "Every name under the kabupaten domain is recorded" },
  checks: {
    id: "Nama di bawah domain kabupaten yang menjawab (memiliki alamat) diklaim oleh aplikasi, subdomain OPD atau layanan IP publik dalam inventaris Dinas.",
    en: "A name under the kabupaten domain that answers (has an address) is claimed by an application, an OPD subdomain or a public-IP service in the Dinas inventory.",
  },
  severity: "mandatory",
  needsFacts: true,
  citations: [cite("bt-7-2019", 19, "1, 3"), cite("klaten-18-2018", 23, "1")],
  evidence: {
    unclaimed: {
      id: "{name} menjawab dari {address} (ditanyakan ke {resolver} pada {observedAt}); tidak ada aplikasi, subdomain OPD atau layanan IP publik di inventaris yang memilikinya",
      en: "{name} answers from {address} (asked of {resolver} at {observedAt}); no application, OPD subdomain or public-IP service in the inventory claims it",
    },
  },
  remediation: {
    id: "Cari pemilik nama tersebut: catat aplikasinya di inventaris (dengan penempatan dan OPD-nya) atau hapus catatan DNS-nya dari zona yang dikelola Dinas.",
    en: "Find who runs the name: record its application in the inventory (with its placement and OPD), or remove its DNS record from the zone the Dinas manages.",
  },
  evaluate: ({ inventory, facts }) => {
    const domain = inventory.meta.domain;
    const claimed = claimedNames(inventory);
    const { facts: answering, wildcard } = answeringNames(facts?.names ?? [], domain);
    const checks = [];
    for (const n of answering) {
      const name = normalizeName(n.name);
      if (!underDomain(name, domain)) continue;
      // A guessed name that only answers through the zone's wildcard is the wildcard's finding, not its own.
      if (wildcard && n.discoveredBy === "wordlist" && !name.startsWith("*.") && [...n.addresses].sort().join(",") === wildcard) continue;
      const failure = claimed.has(name) ? undefined : { variant: "unclaimed", params: { name, address: n.addresses.join(", "), resolver: n.resolver, observedAt: n.observedAt } };
      checks.push(check({ kind: "name", id: name }, inventory.meta.dinas, failure));
    }
    return checks;
  },
};
