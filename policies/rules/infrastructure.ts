// The infrastructure itself: a data center and a recovery site (klaten-18-2018 Pasal 9 (2) a),
// OPD-held equipment (klaten-18-2018 Pasal 11 (2); bt-7-2019 Pasal 12 (4)-(5)), and node address
// labels on every backbone link and OPD data cable (klaten-18-2018 Pasal 11 (3)).
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
 * Wifi access points are LAN end equipment (klaten-18-2018 Pasal 11 (2) a counts wifi with the LAN
 * an OPD may run); bt-7-2019 Pasal 12 is read as reserving servers, data-center and backbone
 * equipment to the Dinas. See docs/compliance-matrix.md.
 */
const LAN_END_ROLES = new Set(["access-point"]);

export const opdGeneralPurposeHardware: Rule = {
  id: "opd-general-purpose-hardware",
  title: { id: "OPD hanya mengadakan perangkat TIK bersifat umum", en: "OPDs hold only general-purpose ICT hardware" },
  checks: {
    id: "Perangkat milik OPD hanya perangkat bersifat umum (PC, laptop, printer); server, perangkat pusat data dan jaringan diadakan dan dikelola Dinas.",
    en: "OPD-owned equipment is general-purpose only (PCs, laptops, printers); servers, data-center and network equipment are procured and run by the Dinas.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 12, "4-5")],
  evidence: { special: { id: "{role} {model} dimiliki {owner}, bukan perangkat bersifat umum", en: "{role} {model} owned by {owner} is not general-purpose hardware" } },
  remediation: {
    id: "Serahkan pengelolaan perangkat ke Dinas (pindahkan layanannya ke pusat data Dinas) atau ganti dengan perangkat bersifat umum.",
    en: "Hand the equipment over to the Dinas (move its services into the Dinas data center) or replace it with general-purpose hardware.",
  },
  evaluate: ({ inventory, index }) =>
    inventory.devices
      .filter((d) => isOpdOwned(d.owner, inventory) && !LAN_END_ROLES.has(d.role))
      .map((d) =>
        check(device(d.id), opdOfDevice(d.id, inventory, index), d.generalPurpose ? undefined : { variant: "special", params: { role: d.role, model: [d.vendor, d.model].filter(Boolean).join(" ") || "-", owner: d.owner } }),
      ),
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
  citations: [
    cite("klaten-18-2018", 11, "3"),
    cite("bt-7-2019", 12, "4", undefined, {
      severity: "advisory",
      note: {
        id: "Perda Barito Timur tidak mewajibkan label; Dinas yang mengelola jaringan (Pasal 12 (4)) memerlukannya untuk pengelolaan, jadi dilaporkan sebagai saran.",
        en: "The Barito Timur Perda has no label duty; the Dinas running the network (Pasal 12 (4)) needs labels to manage it, so this is reported as advice.",
      },
    }),
  ],
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
