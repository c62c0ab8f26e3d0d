// The MikroTik RouterOS gateway backend: per OPD an address list from its subnets, mangle rules
// that mark the OPD's internet packets per direction, and a queue tree with one queue per OPD and
// direction under a parent at the upstream capacity. NEVER RUN AGAINST A REAL ROUTER: there is no
// RouterOS here; the output is tested against the documented command syntax only (tests/quota/
// routeros.test.ts).
//
// Why a queue tree and not simple queues. Simple queues are matched one after another for every
// packet (the list grows with the OPDs), each one shapes both directions of a target, and
// MikroTik's FastTrack documentation lists simple queues among what fasttracked packets bypass.
// A queue tree on the egress interfaces is the same shape as linux-tc's HTB: "down" on the
// LAN-facing egress, "up" on the WAN-facing egress, each OPD a child of one parent at the upstream
// capacity, so OPD-to-data-centre traffic (which never crosses the WAN) is not charged. Packets
// reach their queue by packet mark, set in mangle's forward chain (before source NAT, where the
// OPD's own address is still visible). Inside each OPD queue, PCQ (the built-in
// pcq-download-default / pcq-upload-default types, one sub-stream per host) shares the quota
// fairly between the OPD's hosts, as fq_codel does on Linux.
//
// FastTrack: fasttracked packets skip mangle, so they would carry no mark and escape their quota.
// The script refuses to change anything while an enabled fasttrack-connection rule exists, and
// says so (`:error`), rather than rewrite the operator's filter rules.
//
// Idempotent and stable: every object the script owns carries the comment "spbe-quota". A run
// first re-labels them "spbe-quota-stale", then finds each rendered object by its key (queue name;
// a mangle rule's new-packet-mark; an address list's list + address), adds it only when missing,
// sets its properties in place (so an unchanged queue keeps its counters), labels it "spbe-quota"
// again, and at the end removes what is still stale (an OPD removed from the quotas). Names come
// from the OPD code, so adding an OPD adds only its own lines, and a changed quota changes only its
// queue's `set` line. Every statement is one line with an absolute menu path, so the script runs
// alike from `/import`, a terminal or one SSH command line (statements joined by "; ").
import type { GatewayConfig, QuotaBackend, QuotaClass } from "./backend";
import { DEFAULT_CLASS, TOTAL_CLASS } from "./backend";
import { tryParseRange } from "../../inventory/ip";
import { routerOsQueueName } from "../../inventory/quota-names";
import type { Direction, QuotaPlan } from "./model";
import { defaultRateKbit } from "./linux-tc";

export const OWNED = "spbe-quota";
export const STALE = "spbe-quota-stale";

export const addressList = (opd: string): string => `spbe-${opd}`;
export const packetMark = (opd: string, direction: Direction): string => `spbe-${opd}-${direction}`;
export const queueName: (opd: string, direction: Direction) => string = routerOsQueueName;
const TOTAL = (direction: Direction) => `spbe-total-${direction}`;
const DEFAULT = (direction: Direction) => `spbe-default-${direction}`;
/** RouterOS' built-in PCQ types: one sub-queue per destination (down) or source (up) address. */
export const PCQ_TYPE: Record<Direction, string> = { down: "pcq-download-default", up: "pcq-upload-default" };

/** A RouterOS string literal: the characters the scripting manual says to escape inside quotes. */
export function rosQuote(s: string): string {
  return `"${s.replace(/[\\"$[\]{}]/g, (c) => `\\${c}`)}"`;
}

/** A rate as RouterOS reads it: integer kbit/s with the "k" suffix (1k = 1000 bit/s). */
const rate = (kbit: number): string => `${kbit}k`;

/** RouterOS shows a single IPv4 host without /32; written the same way, `find` matches it. */
function listAddress(cidr: string): string {
  return cidr.endsWith("/32") && !cidr.includes(":") ? cidr.slice(0, -3) : cidr;
}

export function routerOsClasses(plan: QuotaPlan): QuotaClass[] {
  const classes: QuotaClass[] = [];
  for (const [direction, iface] of [["down", plan.lanInterface], ["up", plan.wanInterface]] as const) {
    classes.push({ opd: TOTAL_CLASS, direction, interface: iface, id: TOTAL(direction), rateKbit: plan.capacityKbit, ceilKbit: plan.capacityKbit, subnets: [] });
    classes.push({ opd: DEFAULT_CLASS, direction, interface: iface, id: DEFAULT(direction), rateKbit: defaultRateKbit(plan.capacityKbit), ceilKbit: plan.capacityKbit, subnets: [] });
    for (const o of plan.opds) {
      // limit-at = max-limit: a quota is a cap, not a guarantee to borrow above (as linux-tc's rate = ceil).
      const kbit = direction === "down" ? o.downKbit : o.upKbit;
      classes.push({ opd: o.opd, direction, interface: iface, id: queueName(o.opd, direction), rateKbit: kbit, ceilKbit: kbit, subnets: o.subnets });
    }
  }
  return classes;
}

/** Two statements: add the object when no object has its key, then set every property (and ownership). */
function upsert(menu: string, key: string, addArgs: string, setArgs: string): string[] {
  const set = [setArgs, `comment=${rosQuote(OWNED)}`].filter((x) => x !== "").join(" ");
  return [`:if ([:len [${menu} find where ${key}]] = 0) do={ ${menu} add ${addArgs} }`, `${menu} set [find where ${key}] ${set}`];
}

function queueLines(c: QuotaClass, parent: string, mark: string, queueType: string): string[] {
  const name = rosQuote(c.id);
  const limits = `limit-at=${rate(c.rateKbit)} max-limit=${rate(c.ceilKbit)}`;
  return upsert("/queue tree", `name=${name}`, `name=${name} parent=${rosQuote(parent)}`, `parent=${rosQuote(parent)} packet-mark=${mark} ${limits} queue=${queueType}`);
}

function families(plan: QuotaPlan): { menu: string; family: 4 | 6 }[] {
  const v6 = plan.opds.some((o) => o.subnets.some((s) => tryParseRange(s)?.family === 6));
  // The /ipv6 menus only when some OPD has an IPv6 subnet: RouterOS v6 without the ipv6 package has no such menu.
  return v6 ? [{ menu: "/ip", family: 4 }, { menu: "/ipv6", family: 6 }] : [{ menu: "/ip", family: 4 }];
}

function body(plan: QuotaPlan, classes: QuotaClass[]): string[] {
  const wan = rosQuote(plan.wanInterface);
  const fams = families(plan);
  const menus = [...fams.flatMap((f) => [`${f.menu} firewall address-list`, `${f.menu} firewall mangle`]), "/queue tree"];
  const out: string[] = [
    "# FastTrack would bypass mangle (no packet mark, no quota): refuse before changing anything.",
    `:if ([:len [/ip firewall filter find where action="fasttrack-connection" and disabled=no]] > 0) do={ :error "spbe-quota: disable the fasttrack-connection rule in /ip firewall filter first: fasttracked packets bypass mangle and would escape every quota" }`,
    "# Everything this script owns is labelled stale; what is rendered below is labelled again.",
    ...menus.map((m) => `${m} set [find where comment=${rosQuote(OWNED)}] comment=${rosQuote(STALE)}`),
  ];
  for (const f of fams) {
    out.push(`# ${f.menu === "/ip" ? "IPv4" : "IPv6"}: one address list per OPD from its subnets, and the OPD's internet packets marked per direction.`);
    for (const o of plan.opds) {
      const list = rosQuote(addressList(o.opd));
      for (const s of o.subnets.filter((x) => tryParseRange(x)?.family === f.family)) {
        const addr = rosQuote(listAddress(s));
        out.push(...upsert(`${f.menu} firewall address-list`, `list=${list} and address=${addr}`, `list=${list} address=${addr}`, ""));
      }
    }
    for (const o of plan.opds) {
      const list = rosQuote(addressList(o.opd));
      for (const direction of ["down", "up"] as const) {
        const mark = rosQuote(packetMark(o.opd, direction));
        // down: arrives from the upstream for the OPD; up: leaves to the upstream from the OPD.
        const match = direction === "down" ? `in-interface=${wan} dst-address-list=${list}` : `out-interface=${wan} src-address-list=${list}`;
        out.push(...upsert(`${f.menu} firewall mangle`, `new-packet-mark=${mark}`, `chain=forward action=mark-packet new-packet-mark=${mark}`, `chain=forward action=mark-packet new-packet-mark=${mark} passthrough=no ${match}`));
      }
    }
  }
  for (const [direction, iface] of [["down", plan.lanInterface], ["up", plan.wanInterface]] as const) {
    out.push(`# ${direction}: the queue tree on the ${direction === "down" ? "LAN" : "WAN"}-facing egress (${plan.gateway}:${iface}), the upstream as parent.`);
    for (const c of classes.filter((x) => x.direction === direction)) {
      if (c.opd === TOTAL_CLASS) {
        const name = rosQuote(c.id);
        out.push(...upsert("/queue tree", `name=${name}`, `name=${name} parent=${rosQuote(iface)}`, `parent=${rosQuote(iface)} max-limit=${rate(c.ceilKbit)}`));
      } else if (c.opd === DEFAULT_CLASS) {
        // Unmarked traffic (no OPD's): RouterOS' packet-mark=no-mark matches it.
        out.push(...queueLines(c, TOTAL(direction), "no-mark", "default"));
      } else {
        out.push(...queueLines(c, TOTAL(direction), rosQuote(packetMark(c.opd, direction)), PCQ_TYPE[direction]));
      }
    }
  }
  out.push("# What is still stale is no longer rendered (an OPD without a quota now): removed, queues first.");
  out.push(...[...menus].reverse().map((m) => `${m} remove [find where comment=${rosQuote(STALE)}]`));
  return out;
}

/** Removes everything the script configured (Pulumi's delete): one line, runnable as one SSH command. */
export function routerOsRollback(plan: QuotaPlan): string {
  const menus = ["/queue tree", ...families(plan).flatMap((f) => [`${f.menu} firewall mangle`, `${f.menu} firewall address-list`])];
  return menus.map((m) => `${m} remove [find where comment=${rosQuote(OWNED)} or comment=${rosQuote(STALE)}]`).join("; ");
}

export function renderRouterOs(plan: QuotaPlan): GatewayConfig {
  const classes = routerOsClasses(plan);
  const statements = body(plan, classes);
  const script = [
    `# Bandwidth quotas for RouterOS gateway ${plan.gateway}, rendered by spbe-infra from the inventory. Do not edit:`,
    "# change the inventory and re-apply (`/import file-name=...`). Idempotent: running it twice equals running it once.",
    "# Never run against a real router by this project: checked against RouterOS' documented syntax only.",
    ...statements,
    "",
  ].join("\n");
  // Over SSH, RouterOS runs the command line it is given; ";" ends a statement as a newline does.
  const apply = statements.filter((l) => !l.startsWith("#")).join("; ");
  return { backend: "routeros", gateway: plan.gateway, script, apply, rollback: routerOsRollback(plan), classes };
}

export const routerOsBackend: QuotaBackend = { name: "routeros", gatewayKind: "routeros", render: renderRouterOs };
