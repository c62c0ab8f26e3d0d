// Names of inventory entities, used inside other messages: t() translates a `kind` or `scope`
// parameter through these entries ("rack" → "rak").
import type { Messages } from "../text";

export const termMessages = {
  "term.OPD": { id: "PD", en: "OPD" },
  "term.site": { id: "lokasi", en: "site" },
  "term.rack": { id: "rak", en: "rack" },
  "term.device": { id: "perangkat", en: "device" },
  "term.interface": { id: "antarmuka", en: "interface" },
  "term.link": { id: "tautan", en: "link" },
  "term.cable": { id: "kabel", en: "cable" },
  "term.block": { id: "blok", en: "block" },
  "term.allocation": { id: "alokasi", en: "allocation" },
  "term.application": { id: "aplikasi", en: "application" },
  "term.server": { id: "server", en: "server" },
} satisfies Messages;
