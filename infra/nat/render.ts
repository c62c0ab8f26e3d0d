// The edge gateway's script for a NatPlan: routes of the forwarded public addresses, and one nftables
// table `inet spbe_nat` beside the quota's `inet spbe_quota` (its own table, so neither script touches
// the other's rules) with the firewall of the forwarded addresses and the OPDs' source NAT.
//
// Idempotent and exact: the table is deleted and re-created in ONE `nft -f` transaction (the first
// line makes the delete safe on a fresh gateway; a failing script changes nothing), routes are
// `replace`d and every route of ours (protocol ROUTE_PROTO) that is no longer rendered is deleted. So
// an allocation removed from the inventory loses its rule and its route at the next apply.
//
// Firewall policy, on packets from the upstream (WAN) to a forwarded address: replies of established
// connections pass; new connections pass on the ports the application declares; everything else is
// REJECTED (TCP reset, else ICMP port unreachable), not dropped: the Dinas's own NOC and the OPDs
// see at once that a port is closed instead of waiting for a timeout, and a scanner learns nothing
// it could not learn from the timeout's pattern anyway. Other traffic (the OPDs', services routed
// elsewhere) is not this table's business: its chains accept by default.
import { createHash } from "node:crypto";
import type { ForwardedAddress, NatPlan } from "./plan";

export const NAT_TABLE = "spbe_nat";
/**
 * The routing protocol number that marks the routes this script owns (`ip route ... proto 241`):
 * outside iproute2's named protocols and FRR's 186-198, so neither a daemon nor an operator's
 * static route is ever pruned by it.
 */
export const ROUTE_PROTO = 241;

export interface NatConfig {
  gateway: string;
  /** For review and to apply by hand (`sh`); what PublicAddressNat runs over SSH on create and update. */
  script: string;
  /** What PublicAddressNat runs on delete: removes the table and every route of ours. */
  rollback: string;
  /** sha256 of the script: what changed between two applies, at a glance. */
  sha256: string;
  plan: NatPlan;
}

const quote = (s: string) => JSON.stringify(s); // nft strings: interface names, comments
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const ipFamily = (f: 4 | 6) => (f === 6 ? "ip6" : "ip");

function forwardRules(plan: NatPlan): string[] {
  const wan = quote(plan.wanInterface);
  const rules = [`    iifname ${wan} ct state established,related accept`];
  for (const f of plan.forwards) {
    for (const p of f.ports) {
      rules.push(`    iifname ${wan} ${ipFamily(f.family)} daddr ${f.address} ${p.protocol} dport ${p.port} accept comment ${quote(f.application)}`);
    }
  }
  for (const family of [4, 6] as const) {
    if (!plan.forwards.some((f) => f.family === family)) continue;
    rules.push(`    iifname ${wan} ${ipFamily(family)} daddr @forwarded${family} meta l4proto tcp reject with tcp reset comment "undeclared port"`);
    rules.push(`    iifname ${wan} ${ipFamily(family)} daddr @forwarded${family} reject comment "undeclared port"`);
  }
  return rules;
}

/** The forwarded addresses of each family, as named sets the reject rules refer to. */
function forwardedSets(plan: NatPlan): string[] {
  return ([4, 6] as const).flatMap((family) => {
    const addresses = plan.forwards.filter((f) => f.family === family).map((f) => f.address);
    if (addresses.length === 0) return [];
    return [`  set forwarded${family} {`, `    type ${family === 4 ? "ipv4_addr" : "ipv6_addr"}`, `    elements = { ${addresses.join(", ")} }`, "  }"];
  });
}

function sourceNatRules(plan: NatPlan): string[] {
  const wan = quote(plan.wanInterface);
  return plan.sourceNats.map(
    (s) => `    oifname ${wan} ${ipFamily(s.family)} saddr { ${s.subnets.join(", ")} } snat ${ipFamily(s.family)} to ${s.address} comment ${quote(`opd ${s.opd}`)}`,
  );
}

function routeLine(f: ForwardedAddress): string {
  if (!f.nextHop) return `# ${f.address} (${f.application}): no route, server ${f.server} has no IPv${f.family} address in the inventory`;
  return `spbe_route ${f.family} ${f.address} ${f.nextHop}  # ${f.application} on ${f.server}`;
}

export function renderNatScript(plan: NatPlan): NatConfig {
  const keep = (family: 4 | 6) => plan.forwards.filter((f) => f.family === family && f.nextHop).map((f) => f.address).join(" ");
  const body = [
    "set -eu",
    "",
    "# Firewall of the forwarded addresses and the OPDs' source NAT, replaced atomically.",
    "nft -f - <<'SPBE_NFT'",
    `table inet ${NAT_TABLE}`,
    `delete table inet ${NAT_TABLE}`,
    `table inet ${NAT_TABLE} {`,
    ...forwardedSets(plan),
    "  chain forward {",
    "    type filter hook forward priority filter; policy accept;",
    ...forwardRules(plan),
    "  }",
    "  chain postrouting {",
    // srcnat: after the quota's classification (forward hook), which must still see the OPD's own address.
    "    type nat hook postrouting priority srcnat; policy accept;",
    ...sourceNatRules(plan),
    "  }",
    "}",
    "SPBE_NFT",
    "",
    // After the firewall: a new address is never routed before its rules exist.
    `# Routes of the forwarded public addresses to their servers (proto ${ROUTE_PROTO} marks them as ours).`,
    `spbe_route() { ip -"$1" route replace "$2" via "$3" proto ${ROUTE_PROTO}; }`,
    "# Deletes our routes that are no longer rendered (an allocation removed from the inventory).",
    "spbe_prune() {",
    `  for r in $(ip -"$1" -o route show proto ${ROUTE_PROTO} | awk '{ print $1 }'); do`,
    `    case " $2 " in *" $r "*) ;; *) ip -"$1" route del "$r" proto ${ROUTE_PROTO} ;; esac`,
    "  done",
    "}",
    ...plan.forwards.map(routeLine),
    `spbe_prune 4 ${shellQuote(keep(4))}`,
    `spbe_prune 6 ${shellQuote(keep(6))}`,
    "",
  ].join("\n");
  const sha256 = createHash("sha256").update(body).digest("hex");
  const script = [
    "#!/bin/sh",
    `# Public addresses of edge gateway ${plan.gateway}, rendered by spbe-infra from the inventory. Do not edit:`,
    "# change the inventory and re-apply. Idempotent: running it twice equals running it once.",
    `# sha256 ${sha256}`,
    body,
  ].join("\n");
  return { gateway: plan.gateway, script, rollback: renderNatRollback(plan), sha256, plan };
}

/** Removes what the script configured: the table and every route of ours. Safe to run twice. */
export function renderNatRollback(plan: NatPlan): string {
  return [
    "#!/bin/sh",
    `# Removes the public-address forwarding and source NAT of gateway ${plan.gateway} (rendered by spbe-infra).`,
    `nft delete table inet ${NAT_TABLE} 2>/dev/null || true`,
    `ip -4 route flush proto ${ROUTE_PROTO} 2>/dev/null || true`,
    `ip -6 route flush proto ${ROUTE_PROTO} 2>/dev/null || true`,
    "",
  ].join("\n");
}
