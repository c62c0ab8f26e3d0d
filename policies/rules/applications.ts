// What every application must carry: documents and source code (bt-7-2019 Pasal 13), a Dinas
// assessment (bt-7-2019 Pasal 17 (3), klaten-18-2018 Pasal 21 (3)), a DR replica when it holds
// confidential data (klaten-18-2018 Pasal 9 (2) a), verified procurement (klaten-18-2018 Pasal 8 (4)).
import type { Application } from "../../inventory/schema";
import { isConfidential } from "../placement";
import type { Rule } from "../types";
import { app, check, cite } from "./helpers";

const DOCUMENTS = ["requirements", "architecture", "technical", "manual"] as const;
const DOCUMENT_NAMES = {
  requirements: "kebutuhan perangkat lunak / requirements",
  architecture: "arsitektur atau desain / architecture",
  technical: "teknis / technical",
  manual: "manual",
} as const;

export const appDocumentation: Rule = {
  id: "app-documentation",
  title: { id: "Dokumentasi aplikasi lengkap", en: "Application documentation complete" },
  checks: {
    id: "Aplikasi dilengkapi dokumen kebutuhan perangkat lunak, arsitektur/desain, teknis dan manual.",
    en: "The application comes with its requirements, architecture/design, technical and manual documents.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 13, "6", "a-d")],
  evidence: {
    missing: { id: "dokumen yang belum ada: {missing}", en: "documents missing: {missing}" },
  },
  remediation: {
    id: "Minta dokumen yang kurang dari penyedia (sesuai kontrak pengadaan) dan catat nomor dokumennya di inventaris.",
    en: "Obtain the missing documents from the supplier (per the procurement contract) and record their references in the inventory.",
  },
  evaluate: ({ inventory }) =>
    inventory.applications.map((a) => {
      const missing = DOCUMENTS.filter((d) => a.documentation[d] === false).map((d) => DOCUMENT_NAMES[d]);
      return check(app(a.id), a.opd, missing.length ? { variant: "missing", params: { missing: missing.join(", ") } } : undefined);
    }),
};

function inDinasRepository(a: Application, base: string | undefined): boolean {
  const repo = a.documentation.sourceRepository;
  if (!repo || !base) return false;
  const prefix = base.endsWith("/") ? base : `${base}/`;
  return repo === base || repo.startsWith(prefix);
}

export const appSourceRepository: Rule = {
  id: "app-source-repository",
  title: { id: "Kode sumber disimpan di repository Dinas", en: "Source code kept in the Dinas repository" },
  checks: {
    id: "Kode sumber aplikasi diserahkan dan disimpan di repository yang dikelola Dinas (hak cipta milik Pemerintah Daerah).",
    en: "The application's source code is delivered and kept in the Dinas-run repository (copyright belongs to the Pemda).",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 13, "6", "e"), cite("bt-7-2019", 13, "9")],
  evidence: {
    missing: { id: "kode sumber tidak tercatat", en: "no source code recorded" },
    elsewhere: {
      id: "kode sumber di {repository}, bukan di repository Dinas {base}",
      en: "source code at {repository}, not in the Dinas repository {base}",
    },
    "no-dinas-repository": {
      id: "inventaris tidak menyebut repository Dinas (meta.sourceRepositoryBase)",
      en: "the inventory names no Dinas repository (meta.sourceRepositoryBase)",
    },
  },
  remediation: {
    id: "Serahkan kode sumber ke repository Dinas dan catat alamatnya di inventaris.",
    en: "Deliver the source code into the Dinas repository and record its address in the inventory.",
  },
  evaluate: ({ inventory }) => {
    const base = inventory.meta.sourceRepositoryBase;
    return inventory.applications.map((a) => {
      const repo = a.documentation.sourceRepository;
      if (inDinasRepository(a, base)) return check(app(a.id), a.opd);
      if (!repo) return check(app(a.id), a.opd, { variant: "missing", params: {} });
      if (!base) return check(app(a.id), a.opd, { variant: "no-dinas-repository", params: {} });
      return check(app(a.id), a.opd, { variant: "elsewhere", params: { repository: repo, base } });
    });
  },
};

export const appLicense: Rule = {
  id: "app-license",
  title: { id: "Aplikasi legal atau kode sumber terbuka", en: "Application is licensed or open source" },
  checks: {
    id: "Status lisensi aplikasi tercatat: berlisensi, milik Pemda, atau open source.",
    en: "The application's licence status is recorded: licensed, Pemda-owned, or open source.",
  },
  severity: "advisory",
  citations: [cite("bt-7-2019", 13, "5")],
  evidence: { unknown: { id: "status lisensi tidak diketahui", en: "licence status unknown" } },
  remediation: {
    id: "Catat bukti lisensi atau status open source aplikasi.",
    en: "Record the licence evidence or open-source status of the application.",
  },
  evaluate: ({ inventory }) =>
    inventory.applications.map((a) => check(app(a.id), a.opd, a.license === "unknown" ? { variant: "unknown", params: {} } : undefined)),
};

/** The same day one year earlier (UTC), as YYYY-MM-DD. */
function oneYearBefore(asOf: Date): string {
  const d = new Date(Date.UTC(asOf.getUTCFullYear() - 1, asOf.getUTCMonth(), asOf.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

export const appSecurityAssessment: Rule = {
  id: "app-security-assessment",
  title: { id: "Assessment keamanan oleh Dinas dalam 12 bulan terakhir", en: "Dinas security assessment within the last 12 months" },
  checks: {
    id: "Aplikasi telah diperiksa melalui assessment oleh Dinas dalam 12 bulan terakhir.",
    en: "The application passed a Dinas assessment within the last 12 months.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 17, "3"), cite("klaten-18-2018", 21, "3")],
  evidence: {
    never: { id: "belum pernah di-assessment oleh Dinas", en: "never assessed by the Dinas" },
    stale: {
      id: "assessment terakhir {date} ({ref}), lebih dari 12 bulan sebelum {asOf}",
      en: "last assessment {date} ({ref}), more than 12 months before {asOf}",
    },
  },
  remediation: {
    id: "Ajukan assessment keamanan informasi ke Dinas dan catat berita acaranya di inventaris.",
    en: "Request an information-security assessment from the Dinas and record its report in the inventory.",
  },
  evaluate: ({ inventory, asOf }) => {
    const cutoff = oneYearBefore(asOf);
    const today = asOf.toISOString().slice(0, 10);
    return inventory.applications.map((a) => {
      const s = a.securityAssessment;
      if (!s) return check(app(a.id), a.opd, { variant: "never", params: {} });
      if (s.date < cutoff) return check(app(a.id), a.opd, { variant: "stale", params: { date: s.date, ref: s.ref ?? "-", asOf: today } });
      return check(app(a.id), a.opd);
    });
  },
};

export const appDrReplica: Rule = {
  id: "app-dr-replica",
  title: { id: "Aplikasi rahasia/strategis punya replika di pusat pemulihan data", en: "Confidential/strategic applications have a DR replica" },
  checks: {
    id: "Aplikasi berklasifikasi di atas internal memiliki replika pada server di pusat pemulihan data.",
    en: "Applications classified above internal have a replica on a server at the recovery site.",
  },
  severity: "mandatory",
  citations: [cite("klaten-18-2018", 9, "2", "a")],
  evidence: {
    none: { id: "aplikasi {classification} tanpa replika DR", en: "{classification} application without a DR replica" },
    "not-at-recovery": {
      id: "replika DR di server {server} yang tidak berada di pusat pemulihan data",
      en: "DR replica on server {server}, which is not at the recovery site",
    },
  },
  remediation: {
    id: "Siapkan replika aplikasi dan datanya di pusat pemulihan data Dinas dan catat RPO-nya.",
    en: "Set up a replica of the application and its data at the Dinas recovery site and record its RPO.",
  },
  evaluate: ({ inventory, index }) =>
    inventory.applications
      .filter((a) => isConfidential(a.classification))
      .map((a) => {
        if (!a.dr) return check(app(a.id), a.opd, { variant: "none", params: { classification: a.classification } });
        const site = index.sites.get(index.devices.get(a.dr.server)?.site ?? "");
        if (site?.kind !== "recovery") return check(app(a.id), a.opd, { variant: "not-at-recovery", params: { server: a.dr.server } });
        return check(app(a.id), a.opd);
      }),
};

export const appProcurementVerified: Rule = {
  id: "app-procurement-verified",
  title: { id: "Pengadaan diverifikasi oleh Dinas", en: "Procurement verified by the Dinas" },
  checks: {
    id: "Pengadaan barang/jasa untuk rencana aksi e-Government yang tercatat di inventaris memiliki verifikasi Dinas.",
    en: "Procurement recorded in the inventory for the e-government action plan carries a Dinas verification.",
  },
  severity: "mandatory",
  citations: [cite("klaten-18-2018", 8, "4")],
  evidence: {
    unverified: { id: "pengadaan tahun {year} tanpa nomor verifikasi Dinas", en: "procured in {year} without a Dinas verification reference" },
  },
  remediation: {
    id: "Mintakan verifikasi pengadaan ke Dinas (sanksi: Pasal 34 ayat (1)) dan catat nomornya.",
    en: "Request the Dinas verification of the procurement (sanction: Pasal 34 (1)) and record its reference.",
  },
  evaluate: ({ inventory }) =>
    inventory.applications
      .filter((a) => a.procurement)
      .map((a) => check(app(a.id), a.opd, a.procurement!.verificationRef ? undefined : { variant: "unverified", params: { year: a.procurement!.year } })),
};
