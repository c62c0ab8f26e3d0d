// The Linux gateway backend: tc HTB on each egress interface + one nftables table that sets each
// packet's skb priority to its OPD's HTB class (HTB takes a priority whose major matches its
// handle as the class, before any tc filter). Unmatched packets fall to the default class.
//
// Direction: "down" (towards the OPD) is shaped on the LAN-facing egress; "up" (from the OPD) on
// the WAN-facing egress, not with an ifb on LAN ingress: egress shaping needs no extra device or
// module, it charges only traffic that really goes to the upstream (OPD-to-OPD and OPD-to-data-
// center traffic on the LAN is not internet use and is not counted), and the classification runs
// in the forward hook, before source NAT, where the OPD's own address is still visible.
//
// Idempotent: the nftables table is deleted and re-created in ONE transaction (`nft -f`), tc
// classes are `replace`d in place (an unchanged class is left as it is, with its queue), and
// classes that are no longer rendered are deleted at the end. Applying twice equals applying once.
import type { GatewayConfig, QuotaBackend, QuotaClass } from "./backend";
import { DEFAULT_CLASS, TOTAL_CLASS } from "./backend";
import { tryParseRange } from "../../inventory/ip";
import type { QuotaPlan } from "./model";
import { PARENT_SLOT } from "./slots";
import { planQuotaCounters } from "./counters";

export const NFT_TABLE = "spbe_quota";
/** The same HTB handle on both interfaces: a packet leaves through one of them, so one priority serves. */
const HANDLE = 1;

const classId = (slot: number): string => `${HANDLE}:${slot.toString(16)}`;
const leafHandle = (slot: number): string => `${slot.toString(16)}:`;

/** The guaranteed share of unclassified traffic: a fixed fraction, so a quota change leaves it alone. */
export function defaultRateKbit(capacityKbit: number): number {
  return Math.max(64, Math.round(capacityKbit * 0.05));
}

/**
 * Burst: 10 ms at the class rate, at least 16 kB. High-resolution timers make a large burst
 * unnecessary for accuracy; a few full-size (and GSO) packets must fit or the class stutters.
 */
export function burstBytes(rateKbit: number): number {
  return Math.max(16_000, Math.round((rateKbit * 1000) / 8 / 100));
}

/**
 * The FIFO's length where fq_codel is missing: about 200 ms at the class's ceiling, at least 64
 * packets. The default 1000 packets is seconds of queue at a few Mbit/s (bufferbloat).
 */
export function fifoLimitPackets(ceilKbit: number): number {
  return Math.max(64, Math.ceil((ceilKbit * 1000) / 8 / 5 / 1514));
}

/** HTB's quantum (bytes served per round when classes borrow): rate/10, kept in 1514..200000 as tc advises. */
function quantumBytes(rateKbit: number): number {
  return Math.min(200_000, Math.max(1514, Math.round((rateKbit * 1000) / 8 / 10)));
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function linuxTcClasses(plan: QuotaPlan): QuotaClass[] {
  const classes: QuotaClass[] = [];
  for (const [direction, iface] of [["down", plan.lanInterface], ["up", plan.wanInterface]] as const) {
    classes.push({ opd: TOTAL_CLASS, direction, interface: iface, id: classId(PARENT_SLOT), rateKbit: plan.capacityKbit, ceilKbit: plan.capacityKbit, subnets: [] });
    classes.push({ opd: DEFAULT_CLASS, direction, interface: iface, id: classId(plan.defaultSlot), rateKbit: defaultRateKbit(plan.capacityKbit), ceilKbit: plan.capacityKbit, subnets: [] });
    for (const o of plan.opds) {
      // rate = ceil: a quota is a cap, not a guarantee to borrow above.
      const kbit = direction === "down" ? o.downKbit : o.upKbit;
      classes.push({ opd: o.opd, direction, interface: iface, id: classId(o.slot), rateKbit: kbit, ceilKbit: kbit, subnets: o.subnets });
    }
  }
  return classes;
}

function tcLines(plan: QuotaPlan, classes: QuotaClass[], iface: string): string[] {
  const dev = shellQuote(iface);
  const mine = classes.filter((c) => c.interface === iface);
  const lines = [`spbe_root ${dev} ${HANDLE}: ${plan.defaultSlot.toString(16)}`];
  for (const c of mine) {
    const parent = c.opd === TOTAL_CLASS ? `${HANDLE}:` : classId(PARENT_SLOT);
    lines.push(`spbe_class ${dev} ${parent} ${c.id} ${c.rateKbit} ${c.ceilKbit} ${burstBytes(c.ceilKbit)} ${quantumBytes(c.rateKbit)}  # ${c.opd} ${c.direction}`);
    if (c.opd !== TOTAL_CLASS) lines.push(`spbe_leaf ${dev} ${c.id} ${leafHandle(Number.parseInt(c.id.split(":")[1]!, 16))} ${fifoLimitPackets(c.ceilKbit)}`);
  }
  return lines;
}

function nftRules(plan: QuotaPlan): string[] {
  const wan = JSON.stringify(plan.wanInterface);
  const rules: string[] = [];
  for (const o of plan.opds) {
    for (const subnet of o.subnets) {
      const family = tryParseRange(subnet)?.family === 6 ? "ip6" : "ip";
      rules.push(`    iifname ${wan} ${family} daddr ${subnet} meta priority set ${classId(o.slot)} comment "${o.opd} down"`);
      rules.push(`    oifname ${wan} ${family} saddr ${subnet} meta priority set ${classId(o.slot)} comment "${o.opd} up"`);
    }
  }
  return rules;
}

export function renderLinuxTc(plan: QuotaPlan): GatewayConfig {
  const classes = linuxTcClasses(plan);
  const keep = (iface: string) =>
    classes
      .filter((c) => c.interface === iface)
      .map((c) => c.id)
      .join(" ");
  const script = [
    "#!/bin/sh",
    `# Bandwidth quotas for gateway ${plan.gateway}, rendered by spbe-infra from the inventory. Do not edit:`,
    "# change the inventory and re-apply. Idempotent: running it twice equals running it once.",
    "set -eu",
    "",
    "# Root HTB qdisc: kept when it is already ours (so classes keep their queues), rebuilt otherwise",
    "# (HTB has no in-place change of its default class).",
    "spbe_root() {",
    `  tc qdisc show dev "$1" root | grep -q "^qdisc htb $2 root .*default 0x$3 " && return 0`,
    `  tc qdisc del dev "$1" root 2>/dev/null || true`,
    `  tc qdisc add dev "$1" root handle "$2" htb default "$3"`,
    "}",
    "spbe_class() {",
    `  tc class replace dev "$1" parent "$2" classid "$3" htb rate "$4kbit" ceil "$5kbit" burst "$6b" cburst "$6b" quantum "$7"`,
    "}",
    "# Fair queueing inside each class where the kernel has fq_codel; a short FIFO otherwise.",
    "spbe_leaf() {",
    `  tc qdisc replace dev "$1" parent "$2" handle "$3" fq_codel 2>/dev/null || tc qdisc replace dev "$1" parent "$2" handle "$3" pfifo limit "$4"`,
    "}",
    "# Deletes the classes this configuration no longer has (an OPD removed from the quotas).",
    "spbe_prune() {",
    `  for c in $(tc class show dev "$1" | awk '$1 == "class" && $2 == "htb" { print $3 }'); do`,
    `    case " $2 " in *" $c "*) ;; *) tc class del dev "$1" classid "$c" ;; esac`,
    "  done",
    "}",
    "",
    `# down: towards the OPDs, on the LAN-facing egress (${plan.lanInterface})`,
    ...tcLines(plan, classes, plan.lanInterface),
    `# up: from the OPDs, on the WAN-facing egress (${plan.wanInterface})`,
    ...tcLines(plan, classes, plan.wanInterface),
    "",
    "# Classification by OPD subnet, replaced atomically (the first two lines make the delete safe on a fresh gateway).",
    "nft -f - <<'SPBE_NFT'",
    `table inet ${NFT_TABLE}`,
    `delete table inet ${NFT_TABLE}`,
    `table inet ${NFT_TABLE} {`,
    "  chain classify {",
    // mangle priority: before filter and before source NAT (postrouting), so the OPD address is visible.
    "    type filter hook forward priority mangle; policy accept;",
    ...nftRules(plan),
    "  }",
    "}",
    "SPBE_NFT",
    "",
    `spbe_prune ${shellQuote(plan.lanInterface)} ${shellQuote(keep(plan.lanInterface))}`,
    `spbe_prune ${shellQuote(plan.wanInterface)} ${shellQuote(keep(plan.wanInterface))}`,
    "",
  ].join("\n");
  // The apply command also installs the per-OPD counters the collector reads (counters.ts).
  const counters = planQuotaCounters(plan, classes);
  return { backend: "linux-tc", gateway: plan.gateway, script, apply: `${script}\n${counters.install}`, rollback: `${linuxTcRollback(plan)}${counters.uninstall}`, classes, counters };
}

/** Removes the quotas: both root qdiscs (with every class under them) and the nftables table. */
export function linuxTcRollback(plan: QuotaPlan): string {
  return [
    "#!/bin/sh",
    `# Removes the bandwidth quotas of gateway ${plan.gateway} (rendered by spbe-infra). Safe to run twice.`,
    `tc qdisc del dev ${shellQuote(plan.lanInterface)} root 2>/dev/null || true`,
    `tc qdisc del dev ${shellQuote(plan.wanInterface)} root 2>/dev/null || true`,
    `nft delete table inet ${NFT_TABLE} 2>/dev/null || true`,
    "",
  ].join("\n");
}

export const linuxTcBackend: QuotaBackend = { name: "linux-tc", gatewayKind: "linux", render: renderLinuxTc };
