// spbe quotas render: problems of the bandwidth-quota plan (codes of infra/quota).
import type { Messages } from "../text";

export const quotasMessages = {
  "quota.no-gateway": {
    id: "tidak ada gateway pembatas: isi bandwidth.gateway (device, lanInterface, wanInterface)",
    en: "no shaping gateway: set bandwidth.gateway (device, lanInterface, wanInterface)",
  },
  "quota.unknown-gateway": {
    id: "gateway \"{gateway}\" bukan perangkat dalam inventaris",
    en: "gateway \"{gateway}\" is not a device in the inventory",
  },
  "quota.gateway-interface": {
    id: "gateway \"{gateway}\" tidak memiliki antarmuka \"{interface}\"",
    en: "gateway \"{gateway}\" has no interface \"{interface}\"",
  },
  "quota.same-interface": {
    id: "gateway \"{gateway}\": antarmuka LAN dan WAN sama-sama \"{interface}\"",
    en: "gateway \"{gateway}\": the LAN and WAN interfaces are both \"{interface}\"",
  },
  "quota.unknown-opd": { id: "kuota untuk PD yang tidak dikenal \"{opd}\"", en: "quota for an unknown OPD \"{opd}\"" },
  "quota.duplicate-opd": { id: "PD \"{opd}\" memiliki lebih dari satu kuota", en: "OPD \"{opd}\" has more than one quota" },
  "quota.no-subnet": {
    id: "PD \"{opd}\" memiliki kuota tetapi tidak memiliki subnet: lalu lintasnya tidak dapat dikenali",
    en: "OPD \"{opd}\" has a quota but no subnet: its traffic cannot be recognised",
  },
  "quota.over-capacity": {
    id: "PD \"{opd}\": kuota {direction} {quota} Mbps melebihi kapasitas {link} ({capacity} Mbps)",
    en: "OPD \"{opd}\": {direction} quota of {quota} Mbps is above the capacity of {link} ({capacity} Mbps)",
  },
  "quota.subnet-overlap": {
    id: "subnet {subnet} milik PD \"{opd}\" tumpang tindih dengan {otherSubnet} milik PD \"{other}\": lalu lintas akan dibebankan ke kuota yang salah",
    en: "subnet {subnet} of OPD \"{opd}\" overlaps {otherSubnet} of OPD \"{other}\": traffic would be charged to the wrong quota",
  },
  "quota.backend-kind": {
    id: "backend kuota \"{backend}\" hanya untuk gateway {backendKind}, tetapi gateway \"{gateway}\" adalah {kind}: tulis bandwidth.gateway.kind yang benar atau pilih backend gateway ini",
    en: "quota backend \"{backend}\" serves {backendKind} gateways, but gateway \"{gateway}\" is {kind}: set bandwidth.gateway.kind right or choose this gateway's backend",
  },
  "quota.kind-vendor": {
    id: "gateway \"{gateway}\" ditulis kind: {kind}, tetapi vendornya {vendor} menjalankan RouterOS: tc tidak dapat berjalan di sana",
    en: "gateway \"{gateway}\" is declared kind: {kind}, but its vendor {vendor} runs RouterOS: tc cannot run there",
  },
  "quota.unknown-backend": { id: "backend kuota tidak dikenal \"{backend}\"", en: "unknown quota backend \"{backend}\"" },
  "quotas.refused": { id: "{file}: {errors} kesalahan; tidak ada yang dibuat", en: "{file}: {errors} {errors|error|errors}; nothing rendered" },
  "quotas.bad-serial": { id: "--serial harus bilangan bulat 0..4294967295, bukan \"{value}\"", en: "--serial must be an integer 0..4294967295, not \"{value}\"" },
  "quotas.no-dns-site-control": {
    id: "{file}: tidak ada bandwidth.siteControl dengan method dns; tidak ada zona RPZ untuk dibuat",
    en: "{file}: no bandwidth.siteControl with method dns; there is no RPZ zone to render",
  },
} satisfies Messages;
