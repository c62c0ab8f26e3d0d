// What every application must carry: documents and source code (bt-7-2019 Pasal 13), a Dinas
// assessment of its function (bt-7-2019 Pasal 17 (3)) and of its security (klaten-18-2018 Pasal 21 (2)-(3)),
// advice: a DR replica when it holds confidential data (klaten-18-2018 Pasal 9 (2) a lists the recovery
// site, it asks no replica per application), verified procurement (klaten-18-2018 Pasal 8 (4)).
// National applications (central ministry/agency) are outside the articles on the OPD's own
// applications: procured, documented, owned and replicated by their agency, not by the Pemda.
import type { Application, Inventory } from "../../inventory/schema";
import { isConfidential } from "../placement";
import type { Rule } from "../types";
import { app, check, cite, isNational } from "./helpers";

/** The Pemda's own applications: every application but the national ones. */
const ownApplications = (inv: Inventory): Application[] => inv.applications.filter((a) => !isNational(a));

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
    ownApplications(inventory).map((a) => {
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
    return ownApplications(inventory).map((a) => {
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
    ownApplications(inventory).map((a) => check(app(a.id), a.opd, a.license === "unknown" ? { variant: "unknown", params: {} } : undefined)),
};

type AssessmentScope = "function" | "security";

/** Whether the Dinas assessment on record examined this scope (a record that does not say counts for both). */
function assessedFor(a: Application, scope: AssessmentScope): boolean {
  const s = a.securityAssessment;
  return s !== undefined && (s.covers === undefined || s.covers.includes(scope));
}

/**
 * klaten-18-2018 Pasal 21 (2)-(3): the systems used in the PDs "harus memenuhi ... standar keamanan
 * informasi" (2), and "proses assesment keamanan informasi dilakukan oleh Dinas" (3). (2) creates the
 * duty, (3) names how it is shown: a system the Dinas never assessed cannot be shown to meet it. Neither
 * Perda fixes a period, so an assessment of any date counts (the old 12-month expiry was ours, not the law's).
 */
export const appSecurityAssessment: Rule = {
  id: "app-security-assessment",
  title: { id: "Assessment keamanan informasi oleh Dinas", en: "Information-security assessment by the Dinas" },
  checks: {
    id: "Aplikasi telah melalui assessment keamanan informasi oleh Dinas (tanpa batas waktu: Perda tidak menetapkannya).",
    en: "The application has been through a Dinas information-security assessment (no expiry: the Perda sets none).",
  },
  severity: "mandatory",
  citations: [cite("klaten-18-2018", 21, "2-3")],
  evidence: {
    never: { id: "belum pernah di-assessment keamanan informasinya oleh Dinas", en: "never assessed for information security by the Dinas" },
    "other-scope": {
      id: "assessment {ref} ({date}) hanya mencakup {covers}, bukan keamanan informasi",
      en: "assessment {ref} ({date}) covers only {covers}, not information security",
    },
  },
  remediation: {
    id: "Ajukan assessment keamanan informasi ke Dinas dan catat berita acaranya di inventaris.",
    en: "Request an information-security assessment from the Dinas and record its report in the inventory.",
  },
  evaluate: ({ inventory }) => inventory.applications.map((a) => assessmentCheck(a, "security")),
};

/**
 * bt-7-2019 Pasal 17 (3): every application used in the Pemda "harus diperiksa kesesuaian fungsinya
 * melalui proses assessment oleh Dinas": a check that it works as intended, not a security audit, and
 * with no period. "Used in the Pemda" includes national applications.
 */
export const appFunctionAssessment: Rule = {
  id: "app-function-assessment",
  title: { id: "Kesesuaian fungsi aplikasi diperiksa Dinas", en: "Application's fitness for its function checked by the Dinas" },
  checks: {
    id: "Aplikasi yang digunakan telah diperiksa kesesuaian fungsinya melalui assessment oleh Dinas.",
    en: "The application in use has had its fitness for its function checked through a Dinas assessment.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 17, "3")],
  evidence: {
    never: { id: "kesesuaian fungsinya belum pernah diperiksa Dinas", en: "its function was never checked by the Dinas" },
    "other-scope": {
      id: "assessment {ref} ({date}) hanya mencakup {covers}, bukan kesesuaian fungsi",
      en: "assessment {ref} ({date}) covers only {covers}, not the fitness for function",
    },
  },
  remediation: {
    id: "Ajukan pemeriksaan kesesuaian fungsi (assessment) ke Dinas dan catat berita acaranya di inventaris.",
    en: "Request the Dinas assessment of the application's function and record its report in the inventory.",
  },
  evaluate: ({ inventory }) => inventory.applications.map((a) => assessmentCheck(a, "function")),
};

function assessmentCheck(a: Application, scope: AssessmentScope) {
  const s = a.securityAssessment;
  if (!s) return check(app(a.id), a.opd, { variant: "never", params: {} });
  if (assessedFor(a, scope)) return check(app(a.id), a.opd);
  return check(app(a.id), a.opd, { variant: "other-scope", params: { ref: s.ref ?? "-", date: s.date, covers: (s.covers ?? []).join(", ") } });
}

export const appDrReplica: Rule = {
  id: "app-dr-replica",
  title: { id: "Aplikasi rahasia/strategis punya replika di pusat pemulihan data", en: "Confidential/strategic applications have a DR replica" },
  checks: {
    id: "Aplikasi berklasifikasi di atas internal memiliki replika pada server di pusat pemulihan data.",
    en: "Applications classified above internal have a replica on a server at the recovery site.",
  },
  // Advice: Pasal 9 (2) a lists the recovery site among the infrastructure the Pemda provides; it asks
  // no replica per application (the site itself is dc-and-recovery-site, mandatory).
  severity: "advisory",
  citations: [
    cite("klaten-18-2018", 9, "2", "a", {
      note: {
        id: "Pasal 9 (2) a menyebut pusat pemulihan data sebagai infrastruktur, tidak mewajibkan replika per aplikasi: dilaporkan sebagai saran.",
        en: "Pasal 9 (2) a names the recovery site as infrastructure and asks no replica per application: reported as advice.",
      },
    }),
  ],
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
      .filter((a) => isConfidential(a.classification) && !isNational(a))
      .map((a) => {
        if (!a.dr) return check(app(a.id), a.opd, { variant: "none", params: { classification: a.classification } });
        const site = index.sites.get(index.devices.get(a.dr.server)?.site ?? "");
        if (site?.kind !== "recovery") return check(app(a.id), a.opd, { variant: "not-at-recovery", params: { server: a.dr.server } });
        return check(app(a.id), a.opd);
      }),
};

/**
 * klaten-18-2018 Pasal 8 (4): procurement for a PD's e-government action plan "wajib dimintakan
 * verifikasi dari Dinas". Judged where the inventory records a procurement; the Dinas's own
 * applications are not judged (it does not verify itself), as for devices (device-procurement-verified).
 */
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
      .filter((a) => a.procurement && a.opd !== inventory.meta.dinas)
      .map((a) => check(app(a.id), a.opd, a.procurement!.verificationRef ? undefined : { variant: "unverified", params: { year: a.procurement!.year } })),
};

/**
 * klaten-18-2018 Pasal 12 (2): building and developing an information system follows the OPD's needs
 * "berdasarkan rekomendasi dari Dinas"; bt-7-2019 Pasal 13 (8): an aplikasi khusus "dapat
 * dikembangkan oleh PD ... dimana dalam perencanaan dan pelaksanaannya berkoordinasi dengan Dinas".
 * Not judged: the Dinas's own applications (it does not recommend to or coordinate with itself),
 * national applications (not built by the Pemda), and under bt-7-2019 alone aplikasi umum (13 (7):
 * provided by the Dinas, not developed by the PD).
 */
export const appDevelopmentDinas: Rule = {
  id: "app-development-dinas",
  title: { id: "Pengembangan aplikasi atas rekomendasi/koordinasi Dinas", en: "Application developed on the Dinas's recommendation / in coordination with it" },
  checks: {
    id: "Aplikasi yang dibangun OPD tercatat memiliki rekomendasi (Klaten) atau koordinasi (Barito Timur) Dinas.",
    en: "An application an OPD builds carries the Dinas recommendation (Klaten) or coordination record (Barito Timur).",
  },
  severity: "mandatory",
  citations: [cite("klaten-18-2018", 12, "2"), cite("bt-7-2019", 13, "8")],
  evidence: { none: { id: "tanpa rekomendasi/koordinasi Dinas untuk pembangunannya", en: "no Dinas recommendation or coordination for building it" } },
  remediation: {
    id: "Mintakan rekomendasi atau koordinasi Dinas atas pembangunan aplikasi dan catat nomornya (development.dinasRef).",
    en: "Obtain the Dinas recommendation or coordination for building the application and record its number (development.dinasRef).",
  },
  evaluate: ({ inventory, profiles }) =>
    ownApplications(inventory)
      .filter((a) => a.opd !== inventory.meta.dinas)
      .filter((a) => profiles.includes("klaten-18-2018") || a.kind === "khusus")
      .map((a) => check(app(a.id), a.opd, a.development ? undefined : { variant: "none", params: {} })),
};
