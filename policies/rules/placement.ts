// Where applications run: bt-7-2019 Pasal 15, 18, 19 (4); klaten-18-2018 Pasal 14 (1), 22.
// The decisions themselves are the pure functions of ../placement.ts, shared with CrossGuard.
import { checkConfidentialOnDinas, checkExceptionExpiring, checkPlacement, checkWebsiteHosting } from "../placement";
import type { Rule } from "../types";
import { app, check, cite, isNational, placementFactsOf } from "./helpers";

export const appPlacementDc: Rule = {
  id: "app-placement-dc",
  title: {
    id: "Aplikasi OPD ditempatkan di pusat data Dinas",
    en: "OPD applications are placed in the Dinas data center",
  },
  checks: {
    id: "Aplikasi berjalan di pusat data (atau pusat pemulihan data) yang dikelola Dinas; di bawah bt-7-2019 saja, di luar itu hanya dengan pernyataan jaminan keamanan data yang ditandatangani OPD dan penyedia dan belum kedaluwarsa (Pasal 15 (2)) atau sebagai website sewaan di Indonesia (Pasal 19 (4)). Aplikasi nasional tidak dinilai.",
    en: "The application runs in the Dinas-managed data center (or recovery site); under bt-7-2019 alone, elsewhere only with an unexpired data-security guarantee signed by the OPD and the provider (Pasal 15 (2)) or as a website rented in Indonesia (Pasal 19 (4)). National applications are not judged.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 15, "1-2"), cite("klaten-18-2018", 14, "1")],
  evidence: {
    "no-exception": {
      id: "ditempatkan di luar pusat data Dinas ({site}, dikelola oleh {manager}) tanpa pernyataan jaminan keamanan data",
      en: "placed outside the Dinas data center ({site}, managed by {manager}) without a data-security guarantee",
    },
    "exception-expired": {
      id: "pernyataan jaminan keamanan {ref} kedaluwarsa pada {expires} ({days} hari lalu); ditempatkan di {site} ({manager})",
      en: "security guarantee {ref} expired on {expires} ({days} days ago); placed at {site} ({manager})",
    },
    "outside-dc-no-route": {
      id: "ditempatkan di luar pusat data Dinas ({site}, dikelola oleh {manager}); klaten-18-2018 Pasal 14 (1) tidak memberi jalur pengecualian",
      en: "placed outside the Dinas data center ({site}, managed by {manager}); klaten-18-2018 Pasal 14 (1) offers no exception route",
    },
    "exception-unsigned": {
      id: "pernyataan jaminan keamanan {ref} belum ditandatangani oleh: {missing}; ditempatkan di {site} ({manager})",
      en: "security guarantee {ref} not signed by: {missing}; placed at {site} ({manager})",
    },
  },
  remediation: {
    id: "Pindahkan aplikasi ke pusat data Dinas. Hanya di bawah bt-7-2019 (Pasal 15 (2)): atau lengkapi pernyataan kesanggupan jaminan keamanan data yang ditandatangani PD pengelola dan penyedia/PSE, lalu catat di inventaris; klaten-18-2018 Pasal 14 tidak mengenal pengecualian.",
    en: "Move the application to the Dinas data center. Under bt-7-2019 only (Pasal 15 (2)): or obtain a data-security guarantee signed by the OPD and the provider/PSE and record it in the inventory; klaten-18-2018 Pasal 14 knows no exception.",
  },
  remediationUnder: {
    "bt-7-2019": {
      id: "Pindahkan aplikasi ke pusat data Dinas, atau lengkapi pernyataan kesanggupan jaminan keamanan data yang ditandatangani PD pengelola dan penyedia/PSE (Pasal 15 (2)) dan catat di inventaris; website dapat pula disewa di wilayah hukum Indonesia dari badan hukum Indonesia (Pasal 19 (4)).",
      en: "Move the application to the Dinas data center, or obtain a data-security guarantee signed by the OPD and the provider/PSE (Pasal 15 (2)) and record it in the inventory; a website may also be rented in Indonesian jurisdiction from an Indonesian legal entity (Pasal 19 (4)).",
    },
    "klaten-18-2018": {
      id: "Pindahkan aplikasi ke pusat data yang dikelola Dinas: Pasal 14 (1) tidak memberi jalur pengecualian.",
      en: "Move the application to the data center the Dinas manages: Pasal 14 (1) offers no exception route.",
    },
  },
  evaluate: ({ inventory, asOf, index, profiles }) =>
    inventory.applications
      .filter((a) => !isNational(a))
      .map((a) => check(app(a.id), a.opd, checkPlacement(placementFactsOf(a, inventory, index), asOf, profiles))),
};

export const appExceptionExpiring: Rule = {
  id: "app-exception-expiring",
  title: {
    id: "Pernyataan jaminan keamanan segera berakhir",
    en: "Security-guarantee exception about to expire",
  },
  checks: {
    id: "Pengecualian penempatan di luar pusat data Dinas tidak berakhir dalam 60 hari ke depan.",
    en: "An exception for placement outside the Dinas data center does not end within the next 60 days.",
  },
  severity: "advisory",
  // bt-7-2019 only: klaten-18-2018 has no exception to expire (Pasal 14 (2) is about the placement procedure).
  citations: [cite("bt-7-2019", 15, "2")],
  evidence: {
    expiring: {
      id: "pernyataan {ref} berakhir pada {expires}, {days} hari lagi",
      en: "exception {ref} ends on {expires}, in {days} days",
    },
  },
  remediation: {
    id: "Perbarui pernyataan jaminan keamanan sebelum berakhir atau rencanakan migrasi ke pusat data Dinas.",
    en: "Renew the security guarantee before it ends, or plan the move into the Dinas data center.",
  },
  evaluate: ({ inventory, asOf, index }) =>
    inventory.applications
      .filter((a) => a.placement.type !== "datacenter" && !isNational(a))
      .map((a) => check(app(a.id), a.opd, checkExceptionExpiring(placementFactsOf(a, inventory, index), asOf))),
};

export const appConfidentialDinas: Rule = {
  id: "app-confidential-dinas",
  title: {
    id: "Informasi rahasia dan strategis memakai sistem keamanan dan jaringan Dinas",
    en: "Confidential and strategic information uses the Dinas security system and network",
  },
  checks: {
    id: "Aplikasi berklasifikasi rahasia atau strategis berjalan di fasilitas Dinas dan dijangkau melalui jaringan yang dikelola Dinas.",
    en: "Applications classified rahasia or strategis run in a Dinas facility and are reached through the Dinas-managed network.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 18), cite("klaten-18-2018", 22, "1-2")],
  evidence: {
    "site-and-network": {
      id: "aplikasi {classification} berjalan di {site} ({manager}) dan melalui jaringan {network}, keduanya tidak dikelola Dinas",
      en: "{classification} application runs at {site} ({manager}) over the {network} network, neither managed by the Dinas",
    },
    site: {
      id: "aplikasi {classification} berjalan di {site} yang dikelola oleh {manager}, bukan Dinas",
      en: "{classification} application runs at {site} managed by {manager}, not the Dinas",
    },
    network: {
      id: "aplikasi {classification} dijangkau melalui jaringan {network}, bukan jaringan Dinas",
      en: "{classification} application is reached through the {network} network, not the Dinas network",
    },
  },
  remediation: {
    id: "Tempatkan aplikasi di pusat data Dinas dan alihkan aksesnya ke jaringan yang dikelola Dinas.",
    en: "Place the application in the Dinas data center and route its access through the Dinas-managed network.",
  },
  evaluate: ({ inventory, index }) =>
    inventory.applications
      .filter((a) => a.classification === "rahasia" || a.classification === "strategis")
      .map((a) => check(app(a.id), a.opd, checkConfidentialOnDinas(placementFactsOf(a, inventory, index)))),
};

export const websiteHostingIndonesia: Rule = {
  id: "website-hosting-indonesia",
  title: {
    id: "Sewa hosting website hanya di Indonesia oleh badan hukum Indonesia",
    en: "Rented website hosting only in Indonesia from an Indonesian legal entity",
  },
  checks: {
    id: "Website OPD yang di-hosting di luar ditempatkan di wilayah hukum Indonesia dan dikelola badan usaha berbadan hukum Indonesia.",
    en: "An OPD website hosted externally is located in Indonesian jurisdiction and run by an Indonesian legal entity.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 19, "4")],
  evidence: {
    abroad: {
      id: "website di-hosting oleh {provider} di negara {country}, badan hukum {entity} ({entityCountry})",
      en: "website hosted by {provider} in {country}, legal entity {entity} ({entityCountry})",
    },
  },
  remediation: {
    id: "Pindahkan website ke pusat data Dinas atau ke penyedia hosting berbadan hukum Indonesia dengan server di Indonesia.",
    en: "Move the website to the Dinas data center or to an Indonesian legal entity hosting it in Indonesia.",
  },
  // Only rented (external) websites are subjects; the decision is checkWebsiteHosting, shared with CrossGuard.
  evaluate: ({ inventory, index }) =>
    inventory.applications
      .filter((a) => a.website && a.placement.type === "external" && !isNational(a))
      .map((a) => check(app(a.id), a.opd, checkWebsiteHosting(placementFactsOf(a, inventory, index)))),
};
