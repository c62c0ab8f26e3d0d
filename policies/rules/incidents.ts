// bt-7-2019 Pasal 17 (8): after a failure or disruption "yang berdampak serius sebagai akibat perbuatan
// dari pihak lain", the operator secures the data, coordinates with the Dinas, "kemudian melaporkan
// secara tertulis kepada Bupati melalui Dinas". Two rules, each as strict as what can be known:
// - incident-reported (mandatory): a registered incident the Dinas judged serious and caused by another
//   party carries its written report. Internal or unknown causes are outside the article.
// - outage-registered (advisory, observed facts): a long outage the platform saw (the availability
//   history) is in the register, so that someone has judged its cause and impact. The platform cannot
//   tell who caused it, so an unregistered outage is advice, never a violation of 17 (8) itself.
import type { Inventory } from "../../inventory/schema";
import { latestAvailability } from "../availability";
import type { Rule } from "../types";
import { check, cite, opdOfDevice } from "./helpers";

/**
 * An observed outage at least this long is one the register should account for. The Perda does not
 * define "berdampak serius"; four hours is most of a working day's service, the reading written in
 * docs/compliance-matrix.md. One home for the number.
 */
export const SERIOUS_OUTAGE_HOURS = 4;

export const incidentReported: Rule = {
  id: "incident-reported",
  title: { id: "Insiden serius dilaporkan tertulis kepada Bupati melalui Dinas", en: "Serious incidents reported in writing to the Bupati through the Dinas" },
  checks: {
    id: "Setiap insiden serius akibat perbuatan pihak lain dalam register memiliki laporan tertulis kepada Bupati melalui Dinas.",
    en: "Every serious incident caused by another party in the register has its written report to the Bupati through the Dinas.",
  },
  severity: "mandatory",
  citations: [cite("bt-7-2019", 17, "8")],
  evidence: { unreported: { id: "insiden {start} ({devices}) tanpa laporan tertulis", en: "incident of {start} ({devices}) without a written report" } },
  remediation: {
    id: "Amankan data, koordinasikan dengan Dinas, lalu laporkan secara tertulis kepada Bupati melalui Dinas; catat nomor laporannya (incidents[].report).",
    en: "Secure the data, coordinate with the Dinas, then report in writing to the Bupati through the Dinas; record the report's number (incidents[].report).",
  },
  evaluate: ({ inventory, index }) =>
    (inventory.incidents ?? [])
      .filter((i) => i.serious && i.cause === "third-party")
      .map((i) =>
        check({ kind: "incident", id: i.id }, opdOfDevice(i.devices[0]!, inventory, index), i.report ? undefined : { variant: "unreported", params: { start: i.start, devices: i.devices.join(", ") } }),
      ),
};

/** Whether a registered incident names the device and overlaps [start, end]. */
function registered(inv: Inventory, device: string, start: number, end: number): boolean {
  return (inv.incidents ?? []).some((i) => i.devices.includes(device) && Date.parse(i.start) <= end && (i.end === undefined || Date.parse(i.end) >= start));
}

export const outageRegistered: Rule = {
  id: "outage-registered",
  title: { id: "Gangguan panjang yang teramati tercatat di register insiden", en: "Long observed outages are in the incident register" },
  checks: {
    id: `Setiap gangguan perangkat yang teramati selama ${SERIOUS_OUTAGE_HOURS} jam atau lebih tercatat di register insiden dengan penyebab dan dampaknya (saran: platform tidak dapat mengetahui penyebabnya).`,
    en: `Every device outage observed for ${SERIOUS_OUTAGE_HOURS} hours or more is in the incident register with its cause and impact (advice: the platform cannot tell the cause).`,
  },
  severity: "advisory",
  needsFacts: true,
  citations: [cite("bt-7-2019", 17, "8")],
  evidence: {
    unregistered: { id: "{device} tidak terjangkau {hours} jam ({start} – {end}) dan tidak ada di register insiden", en: "{device} unreachable for {hours} hours ({start} – {end}) and not in the incident register" },
  },
  remediation: {
    id: "Catat gangguan di register insiden (incidents[]) dengan penyebab dan penilaian dampaknya; bila serius akibat pihak lain, laporkan kepada Bupati melalui Dinas.",
    en: "Record the outage in the incident register (incidents[]) with its cause and impact; if serious and caused by another party, report it to the Bupati through the Dinas.",
  },
  evaluate: ({ inventory, index, facts }) => {
    const fact = latestAvailability(facts?.availability);
    if (!fact || fact.error) return [];
    return fact.devices
      .filter((d) => index.devices.has(d.id) && d.longestOutage && d.longestOutage.seconds >= SERIOUS_OUTAGE_HOURS * 3600)
      .map((d) => {
        const o = d.longestOutage!;
        const subject = { kind: "outage" as const, id: `${d.id}@${o.start}` };
        const ok = registered(inventory, d.id, Date.parse(o.start), Date.parse(o.end));
        return check(subject, opdOfDevice(d.id, inventory, index), ok ? undefined : { variant: "unregistered", params: { device: d.id, hours: Math.round(o.seconds / 360) / 10, start: o.start, end: o.end } });
      });
  },
};
