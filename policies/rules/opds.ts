// Obligations on every OPD: ICT staff (klaten-18-2018 Pasal 19 (2); bt-7-2019 Pasal 16 (2)) appointed
// by Bupati decree (klaten-18-2018 Pasal 18 (3); bt-7-2019 Pasal 16 (6)), websites under the kabupaten
// domain (bt-7-2019 Pasal 19 (1)-(3); klaten-18-2018 Pasal 23); and, as advice on the Dinas's own
// power, a bandwidth quota per OPD (klaten-18-2018 Pasal 10 (2) "berwenang"; bt-7-2019 Pasal 12 (4)).
import type { NameFact } from "../../facts/schema";
import { normalizeName, underDomain } from "../../inventory/dns-names";
import type { Profile, StaffStatus } from "../../inventory/schema";
import type { Rule, Subject } from "../types";
import { app, check, cite, isNational } from "./helpers";

const opd = (id: string): Subject => ({ kind: "opd", id });

export const opdPengelolaTik: Rule = {
  id: "opd-pengelola-tik",
  title: { id: "Setiap OPD memiliki pengelola TIK", en: "Every OPD has a pengelola TIK" },
  checks: {
    id: "OPD memiliki paling sedikit 1 (satu) pengelola TIK.",
    en: "The OPD has at least one ICT manager (pengelola TIK).",
  },
  severity: "mandatory",
  // bt-7-2019: 16 (2) makes each PD responsible for providing ICT staff (16 (6) is how they are appointed).
  citations: [cite("klaten-18-2018", 19, "2"), cite("bt-7-2019", 16, "2")],
  evidence: { none: { id: "tidak ada pengelola TIK yang ditunjuk", en: "no pengelola TIK appointed" } },
  remediation: {
    id: "Pimpinan OPD mengusulkan pengelola TIK untuk ditetapkan dengan Keputusan Bupati.",
    en: "The head of the OPD proposes a pengelola TIK to be appointed by Bupati decree.",
  },
  evaluate: ({ inventory }) =>
    inventory.opds.map((o) => check(opd(o.code), o.code, o.pengelolaTik.length === 0 ? { variant: "none", params: {} } : undefined)),
};

export const opdPengelolaDecree: Rule = {
  id: "opd-pengelola-decree",
  title: { id: "Pengelola TIK ditetapkan dengan Keputusan Bupati", en: "Pengelola TIK appointed by Bupati decree" },
  checks: {
    id: "Setiap pengelola TIK yang tercatat memiliki nomor Keputusan Bupati penunjukannya.",
    en: "Every recorded pengelola TIK carries the number of the Bupati decree appointing them.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 16, "6"), cite("klaten-18-2018", 18, "3")],
  evidence: { "no-decree": { id: "tanpa Keputusan Bupati: {names}", en: "without a Bupati decree: {names}" } },
  remediation: {
    id: "Tetapkan penunjukan pengelola TIK dengan Keputusan Bupati dan catat nomornya.",
    en: "Have the appointment set by Bupati decree and record its number.",
  },
  evaluate: ({ inventory }) =>
    inventory.opds
      .filter((o) => o.pengelolaTik.length > 0)
      .map((o) => {
        const without = o.pengelolaTik.filter((p) => !p.decree).map((p) => p.name);
        return check(opd(o.code), o.code, without.length ? { variant: "no-decree", params: { names: without.join(", ") } } : undefined);
      }),
};

export const opdQuota: Rule = {
  id: "opd-quota",
  title: { id: "Kuota internet OPD ditetapkan Dinas", en: "OPD internet quota set by the Dinas" },
  checks: {
    id: "Dinas telah menetapkan kuota bandwidth untuk setiap OPD (kewenangan Dinas, bukan kewajiban OPD: dilaporkan sebagai saran kepada Dinas).",
    en: "The Dinas has set a bandwidth quota for every OPD (a power of the Dinas, not a duty of the OPD: reported as advice to the Dinas).",
  },
  // "berwenang" is a power: an OPD without a quota has broken nothing, so the finding is advice and is
  // booked to the Dinas, whose power it is (the OPD is the subject).
  severity: "advisory",
  citations: [cite("klaten-18-2018", 10, "2"), cite("bt-7-2019", 12, "4")],
  evidence: { none: { id: "Dinas belum menetapkan kuota bandwidth untuk OPD ini", en: "the Dinas has set no bandwidth quota for this OPD" } },
  remediation: {
    id: "Tetapkan kuota unduh/unggah OPD di bagian bandwidth.quotas inventaris.",
    en: "Set the OPD's download/upload quota under bandwidth.quotas in the inventory.",
  },
  evaluate: ({ inventory }) => {
    const withQuota = new Set((inventory.bandwidth?.quotas ?? []).map((q) => q.opd));
    return inventory.opds.map((o) => check(opd(o.code), inventory.meta.dinas, withQuota.has(o.code) ? undefined : { variant: "none", params: {} }));
  },
};

export const websiteSubdomain: Rule = {
  id: "website-subdomain",
  title: { id: "Website OPD adalah subdomain domain kabupaten", en: "OPD websites are subdomains of the kabupaten domain" },
  checks: {
    id: "Website OPD dan subdomain OPD berada di bawah domain yang dikelola Dinas.",
    en: "OPD websites and OPD subdomains sit under the domain managed by the Dinas.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 19, "1-3"), cite("klaten-18-2018", 23, "1-2")],
  evidence: {
    outside: { id: "{hostname} bukan subdomain {domain}", en: "{hostname} is not a subdomain of {domain}" },
    "no-hostname": { id: "website tanpa nama host", en: "website without a hostname" },
  },
  remediation: {
    id: "Ajukan subdomain ke Dinas (mis. nama-opd.domain-kabupaten.go.id) dan alihkan domain lama ke subdomain tersebut.",
    en: "Request a subdomain from the Dinas (e.g. opd-name.kabupaten-domain.go.id) and redirect the old domain to it.",
  },
  evaluate: ({ inventory }) => {
    const domain = inventory.meta.domain;
    const checks = inventory.applications
      .filter((a) => a.website && !isNational(a))
      .map((a) => {
        if (!a.hostname) return check(app(a.id), a.opd, { variant: "no-hostname", params: {} });
        return check(app(a.id), a.opd, underDomain(a.hostname, domain) ? undefined : { variant: "outside", params: { hostname: a.hostname, domain } });
      });
    for (const o of inventory.opds) {
      if (!o.subdomain) continue;
      checks.push(check(opd(o.code), o.code, underDomain(o.subdomain, domain) ? undefined : { variant: "outside", params: { hostname: o.subdomain, domain } }));
    }
    return checks;
  },
};

/** Who counts under each Perda: ASN (bt-7-2019 Pasal 16 (1)); a Pranata Komputer or a PNS with ICT competence (klaten-18-2018 Pasal 18 (2)). */
const QUALIFIED: Record<Profile, readonly StaffStatus[]> = {
  "bt-7-2019": ["pranata-komputer", "pns-tik", "pns", "pppk"],
  "klaten-18-2018": ["pranata-komputer", "pns-tik"],
};

/**
 * bt-7-2019 Pasal 16 (1): managers "merupakan aparatur sipil negara yang berasal dari PD" (a PPPK is
 * ASN); klaten-18-2018 Pasal 18 (2): "harus memenuhi kualifikasi sebagai Pranata Komputer atau PNS
 * yang memiliki kompetensi di bidang TIK" (a PPPK is not a PNS, a PNS without ICT competence does not
 * qualify). Under both Perda a manager must satisfy both. A manager whose status is not recorded
 * cannot be shown to qualify. "Berasal dari PD" (from the PD itself) is not checked: the inventory
 * records the manager under the OPD they serve, not where they are employed.
 */
export const opdPengelolaAsn: Rule = {
  id: "opd-pengelola-asn",
  title: { id: "Pengelola TIK berstatus ASN / Pranata Komputer", en: "Pengelola TIK are ASN / Pranata Komputer" },
  checks: {
    id: "Setiap pengelola TIK memenuhi status kepegawaian yang diminta Perda (ASN; di Klaten: Pranata Komputer atau PNS berkompetensi TIK).",
    en: "Every pengelola TIK has the employment the Perda asks for (ASN; in Klaten: a Pranata Komputer or a PNS with ICT competence).",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 16, "1"), cite("klaten-18-2018", 18, "2")],
  evidence: {
    unqualified: { id: "tidak memenuhi syarat: {names}", en: "not qualified: {names}" },
    unrecorded: { id: "status kepegawaian tidak tercatat: {names}", en: "employment not recorded: {names}" },
  },
  remediation: {
    id: "Tunjuk pengelola TIK yang memenuhi syarat (ASN; di Klaten Pranata Komputer atau PNS berkompetensi TIK) dan catat statusnya.",
    en: "Appoint a qualified pengelola TIK (ASN; in Klaten a Pranata Komputer or a PNS with ICT competence) and record their status.",
  },
  evaluate: ({ inventory, profiles }) =>
    inventory.opds
      .filter((o) => o.pengelolaTik.length > 0)
      .map((o) => {
        const unrecorded = o.pengelolaTik.filter((p) => !p.status).map((p) => p.name);
        const unqualified = o.pengelolaTik
          .filter((p) => p.status && profiles.some((profile) => !QUALIFIED[profile].includes(p.status!)))
          .map((p) => `${p.name} (${p.status})`);
        if (unqualified.length) return check(opd(o.code), o.code, { variant: "unqualified", params: { names: unqualified.join(", ") } });
        return check(opd(o.code), o.code, unrecorded.length ? { variant: "unrecorded", params: { names: unrecorded.join(", ") } } : undefined);
      }),
};

/**
 * klaten-18-2018 Pasal 10 (2): the Dinas "berwenang ... mengendalikan situs yang dapat diakses oleh
 * Perangkat Daerah". A power, as the quota beside it: no control on record is advice to the Dinas.
 */
export const opdSiteControl: Rule = {
  id: "opd-site-control",
  title: { id: "Dinas mengendalikan situs yang dapat diakses OPD", en: "The Dinas controls which sites OPDs may reach" },
  checks: {
    id: "Dinas telah menetapkan pengendalian situs yang dapat diakses OPD dan cara gateway menegakkannya (kewenangan: dilaporkan sebagai saran).",
    en: "The Dinas has set which sites OPDs may reach and how the gateway enforces it (a power: reported as advice).",
  },
  severity: "advisory",
  citations: [cite("klaten-18-2018", 10, "2")],
  evidence: {
    none: { id: "tidak ada pengendalian situs yang tercatat (bandwidth.siteControl)", en: "no site control on record (bandwidth.siteControl)" },
    "not-enforced": {
      id: "situs yang diblokir tetap menjawab di resolver {resolver}: {names} (diamati {observedAt})",
      en: "blocked sites still answer at the resolver {resolver}: {names} (observed {observedAt})",
    },
  },
  remediation: {
    id: "Tetapkan kebijakan situs yang dapat diakses dan catat di bandwidth.siteControl; tegakkan di resolver penyaring (zona RPZ dari spbe quotas site-control) atau set nftables di gateway kuota.",
    en: "Set the policy on reachable sites and record it under bandwidth.siteControl; enforce it on the filtering resolver (the RPZ zone from spbe quotas site-control) or nftables sets on the quota gateway.",
  },
  evaluate: ({ inventory, facts }) => {
    const control = inventory.bandwidth?.siteControl;
    const subject = { kind: "kabupaten" as const, id: inventory.meta.domain };
    if (!control) return [check(subject, inventory.meta.dinas, { variant: "none", params: {} })];
    const answering = blockedSitesAnswering(control.blocked, facts?.names ?? []);
    if (answering.length === 0) return [check(subject, inventory.meta.dinas, undefined)];
    return [
      check(subject, inventory.meta.dinas, {
        variant: "not-enforced",
        params: { resolver: answering[0]!.resolver, names: answering.map((n) => `${n.name} (${n.addresses.join(", ")})`).join(", "), observedAt: answering[0]!.observedAt },
      }),
    ];
  },
};

/**
 * Blocked sites that answered with an address when `spbe observe` asked the filtering resolver (the
 * latest observation of each). Only an address is evidence of non-enforcement: NXDOMAIN is the
 * resolver enforcing, and a refused or timed-out question proves nothing either way.
 */
function blockedSitesAnswering(blocked: readonly string[], names: readonly NameFact[]): NameFact[] {
  const wanted = new Set(blocked.map(normalizeName));
  const latest = new Map<string, NameFact>();
  for (const n of names) {
    if (n.discoveredBy !== "site-control" || !wanted.has(normalizeName(n.name))) continue;
    const prior = latest.get(n.name);
    if (!prior || Date.parse(n.observedAt) >= Date.parse(prior.observedAt)) latest.set(n.name, n);
  }
  return [...latest.values()].filter((n) => n.addresses.length > 0).sort((a, b) => a.name.localeCompare(b.name));
}
