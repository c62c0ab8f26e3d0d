// Backbone addressing and routing: findings of inventory/routing-check.ts (validation reports them
// with their position, infra/routing refuses the same) and the texts of `spbe network render`.
import type { Messages } from "../text";

export const routingMessages = {
  "routing.not-router": {
    id: "perangkat \"{device}\" berperan {role}: hanya router, gateway atau firewall yang dapat menjalankan FRR",
    en: "device \"{device}\" is a {role}: only a router, gateway or firewall can run FRR",
  },
  "routing.router-twice": {
    id: "router \"{device}\" disebut lebih dari sekali di backbone.routers",
    en: "router \"{device}\" is listed more than once in backbone.routers",
  },
  "routing.no-address": {
    id: "router \"{device}\" tidak memiliki mgmtAddress: program menjangkaunya lewat SSH di sana",
    en: "router \"{device}\" has no mgmtAddress: the program reaches it over SSH there",
  },
  "routing.link-not-router": {
    id: "tautan \"{link}\" menghubungkan router FRR \"{router}\" dengan \"{device}\" yang berperan {role}: tautan yang dirutekan perlu router di kedua ujungnya",
    en: "link \"{link}\" joins FRR router \"{router}\" to \"{device}\", a {role}: a routed link needs a router at both ends",
  },
  "routing.interface-name": {
    id: "antarmuka \"{interface}\" router FRR \"{device}\" bukan nama antarmuka Linux (paling banyak 15 karakter, tanpa '/', ':' atau spasi)",
    en: "interface \"{interface}\" of FRR router \"{device}\" is not a Linux interface name (at most 15 characters, no '/', ':' or space)",
  },
  "routing.block-not-private": {
    id: "{cidr} bukan blok IPv4 privat (RFC 1918)",
    en: "{cidr} is not a private IPv4 block (RFC 1918)",
  },
  "routing.transfer-too-small": {
    id: "{cidr} memuat {slots} jaringan transfer /30, backbone memerlukan {needed} (satu per tautan yang dirutekan)",
    en: "{cidr} holds {slots} transfer networks of /30, the backbone needs {needed} (one per routed link)",
  },
  "routing.loopback-too-small": {
    id: "{cidr} memuat {slots} alamat loopback, backbone memerlukan {needed} (satu per router FRR)",
    en: "{cidr} holds {slots} loopback addresses, the backbone needs {needed} (one per FRR router)",
  },
  "routing.block-overlap": {
    id: "{cidr} tumpang tindih dengan {other} ({otherPath})",
    en: "{cidr} overlaps {other} ({otherPath})",
  },
  "routing.announce-family": {
    id: "{cidr}: hanya jaringan IPv4 yang diumumkan ke OSPFv2",
    en: "{cidr}: only IPv4 networks are announced into OSPFv2",
  },
  "network.unknown-device": {
    id: "perangkat \"{device}\" tidak ada dalam inventaris",
    en: "device \"{device}\" is not in the inventory",
  },
  "network.nothing": {
    id: "perangkat \"{device}\" tidak memiliki konfigurasi yang dirender ({parts}): bukan router FRR di backbone.routers, bukan gateway bandwidth.gateway",
    en: "device \"{device}\" has no rendered configuration ({parts}): not an FRR router of backbone.routers nor the bandwidth.gateway",
  },
} satisfies Messages;
