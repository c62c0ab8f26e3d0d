// One FRR router's integrated configuration (/etc/frr/frr.conf) from the plan: zebra puts the
// transfer and loopback addresses on the interfaces and turns forwarding on, ospfd runs OSPFv2 in
// area 0 over point-to-point transfer networks with the planned costs (every other interface passive,
// the announced networks as stubs), bfdd watches every OSPF
// neighbour so that a silent failure (a dead media converter, a radio that keeps its carrier)
// drops the adjacency within BFD_DETECT_MS instead of OSPF's dead interval. A text that depends
// only on the plan: the same inventory renders the same bytes, so the content hash is the deploy trigger.
import type { PlannedRouter } from "./plan";

/** BFD: 300 ms × 3 misses, under a second, and tolerant of a radio's jitter. */
export const BFD_INTERVAL_MS = 300;
export const BFD_MULTIPLIER = 3;
export const BFD_DETECT_MS = BFD_INTERVAL_MS * BFD_MULTIPLIER;
/** OSPF's own timers, the fallback where BFD is not answered (a peer that does not run it). */
export const OSPF_HELLO_S = 1;
export const OSPF_DEAD_S = 4;
/** OSPF's default 5 s retransmission of an unanswered database description or LSA: a returning link's first
 * packets can reach a peer whose interface is not up yet, and the adjacency then waited 5 s for them. */
export const OSPF_RETRANSMIT_S = 1;
export const BFD_PROFILE = "spbe-backbone";
/** OSPF's defaults hold a changed router LSA up to 5 s (and drop one arriving within 1 s of the last):
 * a fiber that fails right after an adjacency change would wait for them. 100 ms keeps LSA storms bounded. */
export const LSA_INTERVAL_MS = 100;

export function renderFrrConf(r: PlannedRouter, source: string): string {
  const lines: string[] = [
    `! FRR configuration of ${r.device}, rendered by spbe-infra from ${source}.`,
    "! Review with `spbe network render <inventory> --device <id>`; `pulumi up` replaces this file.",
    "frr defaults traditional",
    `hostname ${r.device}`,
    "log syslog informational",
    "service integrated-vtysh-config",
    "ip forwarding",
    "!",
  ];
  lines.push("interface lo", ` ip address ${r.routerId}/32`, "exit", "!");
  for (const i of r.interfaces) {
    lines.push(
      `interface ${i.name}`,
      ` description ${i.link}: ${i.medium} ${i.capacityMbps} Mbit/s to ${i.peer.device} ${i.peer.interface}`,
      ` ip address ${i.address}/${i.network.split("/")[1]}`,
      " ip ospf network point-to-point",
      " no ip ospf passive",
      ` ip ospf cost ${i.cost}`,
      ` ip ospf hello-interval ${OSPF_HELLO_S}`,
      ` ip ospf dead-interval ${OSPF_DEAD_S}`,
      ` ip ospf retransmit-interval ${OSPF_RETRANSMIT_S}`,
      " ip ospf bfd",
      ` ip ospf bfd profile ${BFD_PROFILE}`,
      "exit",
      "!",
    );
  }
  lines.push("router ospf", ` ospf router-id ${r.routerId}`, " log-adjacency-changes", " timers throttle spf 0 20 200", ` timers throttle lsa all ${LSA_INTERVAL_MS}`, ` timers lsa min-arrival ${LSA_INTERVAL_MS}`, " passive-interface default");
  lines.push(` network ${r.routerId}/32 area 0`);
  for (const i of r.interfaces) lines.push(` network ${i.network} area 0`);
  // Announced networks as intra-area stubs (the interfaces inside them stay passive): external
  // routes would wait for ospfd's 1 s AS-external calculation timer after every change.
  for (const cidr of r.announce) lines.push(` network ${cidr} area 0`);
  lines.push("exit", "!");
  lines.push("bfd", ` profile ${BFD_PROFILE}`, `  detect-multiplier ${BFD_MULTIPLIER}`, `  receive-interval ${BFD_INTERVAL_MS}`, `  transmit-interval ${BFD_INTERVAL_MS}`, " exit", "exit", "!", "end", "");
  return lines.join("\n");
}
