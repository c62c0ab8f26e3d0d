// Rules over the observed topology (policies/topology.ts compares the LLDP/CDP neighbour facts with
// the declared links): a backbone link or cable wired otherwise than the inventory says, and a device
// on the Dinas network that no inventory lists. Skipped when no facts file is given; a link none of
// whose ends was walked is not judged.
import { compareTopology, describeSeen, type EndObservation } from "../topology";
import type { Violation } from "../placement";
import type { Check, Rule } from "../types";
import { check, cite, opdOfDevice } from "./helpers";

const endText = (e: EndObservation) => `${e.device}:${e.interface} → ${e.seen.length ? e.seen.map(describeSeen).join(", ") : "-"}`;

export const networkWiredAsDeclared: Rule = {
  id: "network-wired-as-declared",
  title: { id: "Jaringan backbone terpasang sesuai inventaris", en: "The backbone is wired as the inventory declares" },
  checks: {
    id: "Tetangga LLDP/CDP yang teramati pada setiap ujung link backbone (dan kabel OPD yang ujungnya perangkat inventaris) adalah perangkat dan port yang dicatat.",
    en: "The LLDP/CDP neighbour observed at each end of a backbone link (and of an OPD cable whose far end is an inventory device) is the device and port recorded.",
  },
  severity: "mandatory",
  needsFacts: true,
  citations: [
    cite("klaten-18-2018", 9, "2", "b"),
    cite("bt-7-2019", 12, "4", undefined, {
      note: {
        id: "Perangkat jaringan data dan komunikasi (ayat (3) huruf c) dikelola Dinas; mengelolanya berarti mengetahui bagaimana ia tersambung.",
        en: "Data and communication network equipment (paragraph (3) c) is managed by the Dinas; managing it means knowing how it is connected.",
      },
    }),
  ],
  evidence: {
    miswired: {
      id: "{a} ↔ {b} tersambung berbeda: {observed}",
      en: "{a} ↔ {b} is wired differently: {observed}",
    },
    missing: {
      id: "{a} ↔ {b}: tidak ada tetangga pada {where}",
      en: "{a} ↔ {b}: no neighbour on {where}",
    },
  },
  remediation: {
    id: "Periksa patch kabel di kedua ujung; perbaiki sambungan atau perbarui inventaris bila perubahan disengaja.",
    en: "Inspect the patching at both ends; fix the connection, or update the inventory if the change was intended.",
  },
  evaluate: ({ inventory, facts, index }) => {
    const comparison = compareTopology(inventory, facts?.topology ?? []);
    const checks: Check[] = [];
    for (const l of comparison.links) {
      if (l.state === "not-observed" || l.state === "not-comparable") continue;
      // The OPD a link serves: the first end that is not the Dinas' (as the label rule reads it).
      const opds = l.ends.map((e) => opdOfDevice(e.device, inventory, index));
      const opd = [...opds].reverse().find((o) => o !== inventory.meta.dinas) ?? inventory.meta.dinas;
      const walked = l.ends.filter((e) => e.state !== "not-walked");
      const failure: Violation | undefined =
        l.state === "miswired"
          ? { variant: "miswired", params: { a: l.a, b: l.b, observed: walked.map(endText).join("; ") } }
          : l.state === "missing"
            ? { variant: "missing", params: { a: l.a, b: l.b, where: walked.filter((e) => e.state === "missing").map((e) => `${e.device}:${e.interface}`).join(", ") } }
            : undefined;
      checks.push(check({ kind: l.kind, id: l.id }, opd, failure));
    }
    return checks;
  },
};

export const noUnknownNetworkNeighbour: Rule = {
  id: "no-unknown-network-neighbour",
  title: { id: "Tidak ada perangkat tak tercatat di jaringan Dinas", en: "No unrecorded device on the Dinas network" },
  checks: {
    id: "Setiap tetangga LLDP/CDP dari switch dan router yang ditelusuri adalah perangkat yang tercatat di inventaris.",
    en: "Every LLDP/CDP neighbour of the walked switches and routers is a device recorded in the inventory.",
  },
  severity: "mandatory",
  needsFacts: true,
  citations: [
    cite("bt-7-2019", 12, "4", undefined, {
      note: {
        id: "Perangkat jaringan diadakan dan dikelola Dinas; OPD hanya boleh mengadakan perangkat keras bersifat umum (ayat (5)), jadi perangkat jaringan milik OPD sendiri melanggar ayat (4).",
        en: "Network equipment is procured and managed by the Dinas; an OPD may procure only general-purpose hardware (paragraph (5)), so an OPD's own network equipment breaches paragraph (4).",
      },
    }),
    cite("klaten-18-2018", 11, "2", undefined, {
      note: {
        id: "Infrastruktur yang dikelola OPD sendiri (antara lain LAN) harus mendapat rekomendasi Dinas; perangkat yang tidak tercatat tidak memiliki rekomendasi yang tercatat.",
        en: "Infrastructure an OPD manages itself (its LAN among others) needs a Dinas recommendation; a device that is not recorded has no recorded recommendation.",
      },
    }),
  ],
  evidence: {
    unknown: {
      id: "tetangga tak tercatat pada {where}",
      en: "unrecorded neighbour on {where}",
    },
  },
  remediation: {
    id: "Identifikasi perangkat di port tersebut: catat di inventaris (dengan rekomendasi Dinas) atau lepaskan dari jaringan Dinas.",
    en: "Identify the device on that port: record it in the inventory (with its Dinas recommendation) or disconnect it from the Dinas network.",
  },
  evaluate: ({ inventory, facts, index }) => {
    const comparison = compareTopology(inventory, facts?.topology ?? []);
    const walked = [...new Set((facts?.topology ?? []).filter((f) => !f.error && index.devices.has(f.device)).map((f) => f.device))];
    return walked.map((device) => {
      const unknown = comparison.unknownNeighbours.filter((u) => u.device === device);
      const where = unknown.map((u) => `${u.device}:${u.localPort} (${[u.sysName, u.chassisId, u.managementAddress].filter(Boolean).join(", ") || "?"})`).join("; ");
      return check({ kind: "device", id: device }, opdOfDevice(device, inventory, index), unknown.length ? { variant: "unknown", params: { where } } : undefined);
    });
  },
};
