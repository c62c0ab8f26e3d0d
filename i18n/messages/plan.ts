// spbe plan.
import type { Messages } from "../text";

export const planMessages = {
  "plan.title": { id: "Rencana {kabupaten} ({domain}), profil: {profiles}", en: "Plan of {kabupaten} ({domain}), profiles: {profiles}" },
  "plan.counts": {
    id: "{opds} PD, {sites} lokasi, {devices} perangkat, {links} tautan backbone, {applications} aplikasi, {allocations} alokasi IP",
    en: "{opds} {opds|OPD|OPDs}, {sites} {sites|site|sites}, {devices} {devices|device|devices}, {links} backbone {links|link|links}, {applications} {applications|application|applications}, {allocations} IP {allocations|allocation|allocations}",
  },
  "plan.sites": { id: "Lokasi", en: "Sites" },
  "plan.site-kind.datacenter": { id: "pusat data", en: "data center" },
  "plan.site-kind.recovery": { id: "pusat pemulihan data", en: "recovery site" },
  "plan.site-kind.opd-office": { id: "kantor PD", en: "OPD office" },
  "plan.site-line": {
    id: "{id} ({kind}): {name}; {racks} rak, {devices} perangkat",
    en: "{id} ({kind}): {name}; {racks} {racks|rack|racks}, {devices} {devices|device|devices}",
  },
  "plan.opd-offices": { id: "{count} lokasi kantor PD", en: "{count} OPD office {count|site|sites}" },
  "plan.racks": { id: "Rak", en: "Racks" },
  "plan.rack-line": {
    id: "{site}/{rack}: {used}/{height} U terpakai ({percent}%)",
    en: "{site}/{rack}: {used}/{height} U used ({percent}%)",
  },
  "plan.empty-units": { id: "kosong", en: "empty" },
  "plan.devices": { id: "Perangkat per peran", en: "Devices by role" },
  "plan.links": { id: "Tautan backbone ({count}, total {capacity} Mbps)", en: "Backbone links ({count}, {capacity} Mbps in total)" },
  "plan.per-month": { id: "bulan", en: "month" },
  "plan.no-label": { id: "tanpa label", en: "no label" },
  "plan.ip": { id: "Blok IP publik", en: "Public IP blocks" },
  "plan.ip-line": {
    id: "{id} {cidr}: {used} terpakai, {free} bebas dari {total} ({percent}%), {allocations} alokasi",
    en: "{id} {cidr}: {used} used, {free} free of {total} ({percent}%), {allocations} {allocations|allocation|allocations}",
  },
  "plan.address-reserved": { id: "dicadangkan", en: "reserved" },
  "plan.address-fixed": { id: "tetap (di file)", en: "fixed (in the file)" },
  "plan.address-assigned": { id: "dipilih perencana", en: "assigned by the plan" },
  "plan.quotas": { id: "Kuota bandwidth", en: "Bandwidth quotas" },
  "plan.quota-total": {
    id: "jumlah kuota: {down} Mbps turun / {up} Mbps naik; upstream {upstream} Mbps (oversubscription {ratio}x)",
    en: "sum of quotas: {down} Mbps down / {up} Mbps up; upstream {upstream} Mbps (oversubscription {ratio}x)",
  },
  "plan.quota-missing": { id: "PD tanpa kuota: {list}", en: "OPDs without a quota: {list}" },
  "plan.placements": { id: "Penempatan aplikasi", en: "Application placements" },
  "plan.placement-counts": {
    id: "{dc} di pusat data Dinas, {external} di hosting luar, {opd} di server PD; {dr} dengan replika DR",
    en: "{dc} in the Dinas data center, {external} hosted externally, {opd} on OPD servers; {dr} with a DR replica",
  },
  "plan.placement.datacenter": { id: "pusat data", en: "DC" },
  "plan.placement.external": { id: "luar", en: "external" },
  "plan.placement.opd-server": { id: "server PD", en: "OPD server" },
  "plan.dr": { id: "DR: {server}", en: "DR: {server}" },
} satisfies Messages;
