// The infrastructure itself: a data center and a recovery site (klaten-18-2018 Pasal 9 (2) a),
// OPD-held equipment (klaten-18-2018 Pasal 11 (2); bt-7-2019 Pasal 12 (4)-(5)), and node address
// labels on every backbone link and OPD data cable (klaten-18-2018 Pasal 11 (3); Barito Timur has no
// labelling duty, so the rule does not run under bt-7-2019).
import type { Inventory } from "../../inventory/schema";
import type { InventoryIndex, Rule, Subject } from "../types";
import { check, cite, opdOfDevice } from "./helpers";

const device = (id: string): Subject => ({ kind: "device", id });

function isOpdOwned(owner: string, inv: Inventory): boolean {
  return owner !== "dinas" && owner !== inv.meta.dinas;
}

export const dcAndRecoverySite: Rule = {
  id: "dc-and-recovery-site",
  title: { id: "Pusat data dan pusat pemulihan data tersedia", en: "A data center and a recovery site exist" },
  checks: {
    id: "Inventaris memuat pusat data dan pusat pemulihan data yang dikelola Dinas.",
    en: "The inventory holds a data center and a recovery site, both managed by the Dinas.",
  },
  severity: "mandatory",
  citations: [cite("klaten-18-2018", 9, "2", "a")],
  evidence: { missing: { id: "tidak ada: {missing}", en: "missing: {missing}" } },
  remediation: {
    id: "Catat (atau bangun) pusat data dan pusat pemulihan data Dinas di bagian sites inventaris.",
    en: "Record (or build) the Dinas data center and recovery site under sites in the inventory.",
  },
  evaluate: ({ inventory }) => {
    const dinasSites = inventory.sites.filter((s) => s.opd === undefined || s.opd === inventory.meta.dinas);
    const missing = [
      dinasSites.some((s) => s.kind === "datacenter") ? "" : "pusat data / data center",
      dinasSites.some((s) => s.kind === "recovery") ? "" : "pusat pemulihan data / recovery site",
    ].filter(Boolean);
    return [check({ kind: "kabupaten", id: inventory.meta.domain }, inventory.meta.dinas, missing.length ? { variant: "missing", params: { missing: missing.join(", ") } } : undefined)];
  },
};

/**
 * klaten-18-2018 Pasal 9 (1)-(2) b: the Pemda provides adequate ICT infrastructure to every PD, the
 * backbone between PDs among it. A PD none of whose sites ends a backbone link has not been provided
 * it: a duty of the Pemda (through the Dinas), so booked to the Dinas, the OPD as subject.
 */
export const opdBackboneConnected: Rule = {
  id: "opd-backbone-connected",
  title: { id: "Setiap OPD terhubung ke jaringan backbone", en: "Every OPD is connected to the backbone" },
  checks: {
    id: "Setiap OPD memiliki paling sedikit satu lokasi yang terhubung ke jaringan backbone antar Perangkat Daerah.",
    en: "Every OPD has at least one site joined to the backbone between agencies.",
  },
  severity: "mandatory",
  citations: [cite("klaten-18-2018", 9, "1"), cite("klaten-18-2018", 9, "2", "b")],
  evidence: { unconnected: { id: "tidak ada link backbone ke lokasi {opd}", en: "no backbone link reaches a site of {opd}" } },
  remediation: {
    id: "Bangun link backbone dari pusat data ke kantor OPD dan catat di bagian links inventaris.",
    en: "Build a backbone link from the data center to the OPD's office and record it under links in the inventory.",
  },
  evaluate: ({ inventory, index }) => {
    const connected = new Set<string>();
    for (const l of inventory.links) {
      for (const end of [l.a, l.b]) {
        const site = index.sites.get(index.devices.get(end.device)?.site ?? "");
        connected.add(site?.opd ?? inventory.meta.dinas);
      }
    }
    // The Dinas runs the backbone's hub: it is not a PD waiting to be connected.
    return inventory.opds
      .filter((o) => o.code !== inventory.meta.dinas)
      .map((o) => check({ kind: "opd", id: o.code }, inventory.meta.dinas, connected.has(o.code) ? undefined : { variant: "unconnected", params: { opd: o.code } }));
  },
};

export const opdDeviceRecommendation: Rule = {
  id: "opd-device-recommendation",
  title: { id: "Infrastruktur yang dikelola OPD memiliki rekomendasi Dinas", en: "OPD-held infrastructure has a Dinas recommendation" },
  checks: {
    id: "Perangkat yang dimiliki dan dikelola OPD sendiri memiliki rekomendasi Dinas.",
    en: "Equipment an OPD owns and runs itself carries a Dinas recommendation.",
  },
  severity: "mandatory",
  citations: [cite("klaten-18-2018", 11, "2")],
  evidence: { none: { id: "{role} milik {owner} tanpa rekomendasi Dinas", en: "{role} owned by {owner} without a Dinas recommendation" } },
  remediation: {
    id: "Ajukan rekomendasi ke Dinas untuk perangkat ini dan catat nomor rekomendasinya.",
    en: "Request a Dinas recommendation for this equipment and record its reference.",
  },
  evaluate: ({ inventory, index }) =>
    inventory.devices
      .filter((d) => isOpdOwned(d.owner, inventory))
      .map((d) => check(device(d.id), opdOfDevice(d.id, inventory, index), d.recommendation ? undefined : { variant: "none", params: { role: d.role, owner: d.owner } })),
};

/**
 * Network and communication equipment (bt-7-2019 Pasal 12 (3) c) is procured and run by the Dinas
 * (12 (4)); an OPD may procure only hardware (12 (3) a) for general needs (12 (5)), whatever the
 * device's `generalPurpose` flag says. Klaten's Pasal 11 (2) a (an OPD may run its wifi) is another
 * Perda and does not soften Barito Timur's.
 */
const NETWORK_ROLES = new Set(["router", "switch", "firewall", "access-point", "gateway"]);

export const opdGeneralPurposeHardware: Rule = {
  id: "opd-general-purpose-hardware",
  title: { id: "OPD hanya mengadakan perangkat TIK bersifat umum", en: "OPDs hold only general-purpose ICT hardware" },
  checks: {
    id: "Perangkat milik OPD hanya perangkat bersifat umum (PC, laptop, printer); server, perangkat pusat data dan jaringan diadakan dan dikelola Dinas.",
    en: "OPD-owned equipment is general-purpose only (PCs, laptops, printers); servers, data-center and network equipment are procured and run by the Dinas.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 12, "4-5")],
  evidence: {
    special: { id: "{role} {model} dimiliki {owner}, bukan perangkat bersifat umum", en: "{role} {model} owned by {owner} is not general-purpose hardware" },
    network: {
      id: "perangkat jaringan {role} {model} dimiliki {owner}; Pasal 12 (3) c dan (4): diadakan dan dikelola Dinas",
      en: "network equipment {role} {model} owned by {owner}; Pasal 12 (3) c and (4): procured and run by the Dinas",
    },
  },
  remediation: {
    id: "Serahkan pengelolaan perangkat ke Dinas (pindahkan layanannya ke pusat data Dinas) atau ganti dengan perangkat bersifat umum.",
    en: "Hand the equipment over to the Dinas (move its services into the Dinas data center) or replace it with general-purpose hardware.",
  },
  evaluate: ({ inventory, index }) =>
    inventory.devices
      .filter((d) => isOpdOwned(d.owner, inventory))
      .map((d) => {
        const params = { role: d.role, model: [d.vendor, d.model].filter(Boolean).join(" ") || "-", owner: d.owner };
        const failure = NETWORK_ROLES.has(d.role) ? { variant: "network", params } : d.generalPurpose ? undefined : { variant: "special", params };
        return check(device(d.id), opdOfDevice(d.id, inventory, index), failure);
      }),
};

function opdOfLink(link: Inventory["links"][number], inv: Inventory, index: InventoryIndex): string {
  // The far end of a backbone link is the OPD it serves; a link between two Dinas devices is the Dinas'.
  const b = opdOfDevice(link.b.device, inv, index);
  return b !== inv.meta.dinas ? b : opdOfDevice(link.a.device, inv, index);
}

export const networkLabelCode: Rule = {
  id: "network-label-code",
  title: { id: "Kabel data diberi label kode alamat antar node", en: "Data cables carry a node address label code" },
  checks: {
    id: "Setiap link backbone dan kabel data OPD yang terhubung ke jaringan memiliki label kode alamat antar node.",
    en: "Every backbone link and OPD data cable joined to the network has a node address label code.",
  },
  severity: "mandatory",
  // klaten-18-2018 only: Barito Timur has no labelling duty (docs/compliance-matrix.md).
  citations: [cite("klaten-18-2018", 11, "3")],
  evidence: {
    "link-unlabelled": { id: "link backbone {a} ↔ {b} tanpa label kode node", en: "backbone link {a} ↔ {b} without a node label code" },
    "cable-unlabelled": { id: "kabel dari {from} ke {to} tanpa label kode node", en: "cable from {from} to {to} without a node label code" },
  },
  remediation: {
    id: "Pasang label kode alamat antar node pada kabel dan catat kodenya (labelCode) di inventaris.",
    en: "Fit the node address label on the cable and record its code (labelCode) in the inventory.",
  },
  evaluate: ({ inventory, index }) => [
    ...inventory.links.map((l) =>
      check({ kind: "link", id: l.id }, opdOfLink(l, inventory, index), l.labelCode ? undefined : { variant: "link-unlabelled", params: { a: `${l.a.device}:${l.a.interface}`, b: `${l.b.device}:${l.b.interface}` } }),
    ),
    ...inventory.cables.map((c) =>
      check({ kind: "cable", id: c.id }, index.sites.get(c.site)?.opd ?? inventory.meta.dinas, c.labelCode ? undefined : { variant: "cable-unlabelled", params: { from: `${c.from.device}:${c.from.interface}`, to: c.to } }),
    ),
  ],
};

/**
 * klaten-18-2018 Pasal 8 (4): procurement "dalam rangka pelaksanaan rencana aksi e-Government
 * Perangkat Daerah wajib dimintakan verifikasi dari Dinas", goods as well as applications. Judged
 * where the inventory records a procurement (`procurement.year`); the Dinas's own devices are not
 * judged (it does not verify itself).
 */
export const deviceProcurementVerified: Rule = {
  id: "device-procurement-verified",
  title: { id: "Pengadaan perangkat diverifikasi Dinas", en: "Device procurement verified by the Dinas" },
  checks: {
    id: "Perangkat keras yang pengadaannya tercatat memiliki verifikasi Dinas.",
    en: "Hardware whose procurement is recorded carries a Dinas verification.",
  },
  severity: "mandatory",
  citations: [cite("klaten-18-2018", 8, "4")],
  evidence: {
    unverified: { id: "pengadaan tahun {year} tanpa nomor verifikasi Dinas", en: "procured in {year} without a Dinas verification reference" },
  },
  remediation: {
    id: "Mintakan verifikasi pengadaan ke Dinas (sanksi: Pasal 34 ayat (1)) dan catat nomornya (procurement.verificationRef).",
    en: "Request the Dinas verification of the procurement (sanction: Pasal 34 (1)) and record its reference (procurement.verificationRef).",
  },
  evaluate: ({ inventory, index }) =>
    inventory.devices
      .filter((d) => d.procurement)
      .map((d) => ({ d, opd: opdOfDevice(d.id, inventory, index) }))
      .filter(({ opd }) => opd !== inventory.meta.dinas)
      .map(({ d, opd }) => check({ kind: "device", id: d.id }, opd, d.procurement!.verificationRef ? undefined : { variant: "unverified", params: { year: d.procurement!.year } })),
};
