// The Linux gateway's per-OPD internet counters, for the collector: a small script that prints the
// bytes each OPD's HTB class has sent (one line per OPD and direction, inventory/quota-names.ts's
// line shape), run by the gateway's own snmpd through `extend` and read by the collectors'
// spbe_quota module (NET-SNMP-EXTEND-MIB nsExtendOutLine). Pure: renders text only.
//
// Why the HTB classes and not nftables counters: an OPD's class only ever holds its internet
// packets (linux-tc.ts classifies on the WAN interface), so what it sent is exactly the traffic the
// quota shapes, after the shaper, and its counter survives a re-apply (classes are replaced in
// place; the nftables table is re-created and would zero named counters). And `tc -s class show` is
// a netlink dump any user may make, so snmpd keeps running as its own unprivileged user
// (Debian-snmp), where `nft list counters` would need CAP_NET_ADMIN.
//
// Why snmpd's `extend`: the gateway already runs snmpd for monitoring, a Dinas knows how to operate
// it, and `extend` is configuration only (no agent of our own to install, update and secure).
import { QUOTA_EXTEND_NAME } from "../../inventory/quota-names";
import type { QuotaPlan } from "./model";
import { DEFAULT_CLASS, TOTAL_CLASS, type QuotaClass } from "./backend";

/** Where the apply command installs the counter script and the snmpd drop-in (Debian's snmpd.conf reads conf.d). */
export const COUNTERS_SCRIPT_PATH = "/usr/local/lib/spbe/quota-counters";
export const SNMPD_DROP_IN_PATH = "/etc/snmp/snmpd.conf.d/spbe-quota.conf";
/**
 * snmpd caches an extend's output for 5 s by default: a poll that comes sooner after the last one
 * would read old counters. 1 s keeps one walk on one run of the script (a walk takes milliseconds).
 */
export const EXTEND_CACHE_SECONDS = 1;

export interface QuotaCounters {
  extendName: string;
  /** The script snmpd runs (POSIX sh + tc + awk, all in Debian's base system with iproute2). */
  script: string;
  /** The snmpd.conf line(s) that run it. */
  snmpdConf: string;
  /** Installs both and reloads snmpd; idempotent. */
  install: string;
  /** Removes both and reloads snmpd; safe to run twice. */
  uninstall: string;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The snmpd `extend` line for a script at `scriptPath`. */
export function snmpdExtendLine(scriptPath: string): string {
  return `extend -cacheTime ${EXTEND_CACHE_SECONDS} ${QUOTA_EXTEND_NAME} /bin/sh ${scriptPath}`;
}

/** `classes`: linux-tc's classes of the plan (linuxTcClasses), whose ids the script maps back to OPDs. */
export function planQuotaCounters(plan: QuotaPlan, tcClasses: QuotaClass[], scriptPath: string = COUNTERS_SCRIPT_PATH): QuotaCounters {
  const classes = tcClasses.filter((c) => c.opd !== TOTAL_CLASS && c.opd !== DEFAULT_CLASS);
  const report = (iface: string, direction: "down" | "up") => {
    const map = classes
      .filter((c) => c.interface === iface && c.direction === direction)
      .map((c) => `${c.id}=${c.opd}`)
      .join(" ");
    return `spbe_report ${shellQuote(iface)} ${direction} ${shellQuote(map)}`;
  };
  const script = [
    "#!/bin/sh",
    `# Per-OPD internet bytes of gateway ${plan.gateway}, rendered by spbe-infra: run by snmpd (extend ${QUOTA_EXTEND_NAME}).`,
    "# One line per OPD and direction, \"<opd> <direction> <bytes>\": the bytes its HTB class has sent.",
    "# $1 interface, $2 direction, $3 \"classid=opd ...\"; printed in the order of $3 (stable line numbers).",
    "spbe_report() {",
    `  tc -s class show dev "$1" 2>/dev/null | awk -v dir="$2" -v map="$3" '`,
    `    BEGIN { n = split(map, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); id[i] = p[1]; opd[p[1]] = p[2] } }`,
    `    $1 == "class" && $2 == "htb" { cls = $3; next }`,
    `    $1 == "Sent" && (cls in opd) { sent[cls] = $2; cls = "" }`,
    `    END { for (i = 1; i <= n; i++) if (id[i] in sent) print opd[id[i]] " " dir " " sent[id[i]] }'`,
    "}",
    report(plan.lanInterface, "down"),
    report(plan.wanInterface, "up"),
    "",
  ].join("\n");
  const snmpdConf = [`# Per-OPD internet counters for the collector (spbe-infra; NET-SNMP-EXTEND-MIB nsExtendOutLine."${QUOTA_EXTEND_NAME}")`, snmpdExtendLine(scriptPath), ""].join("\n");
  const dir = scriptPath.slice(0, scriptPath.lastIndexOf("/"));
  const reload = "systemctl try-reload-or-restart snmpd 2>/dev/null || service snmpd restart 2>/dev/null || true";
  const install = [
    `mkdir -p ${shellQuote(dir)} ${shellQuote(SNMPD_DROP_IN_PATH.slice(0, SNMPD_DROP_IN_PATH.lastIndexOf("/")))}`,
    `cat > ${shellQuote(scriptPath)} <<'SPBE_COUNTERS'`,
    script.trimEnd(),
    "SPBE_COUNTERS",
    `cat > ${shellQuote(SNMPD_DROP_IN_PATH)} <<'SPBE_SNMPD'`,
    snmpdConf.trimEnd(),
    "SPBE_SNMPD",
    reload,
    "",
  ].join("\n");
  const uninstall = [`rm -f ${shellQuote(scriptPath)} ${shellQuote(SNMPD_DROP_IN_PATH)}`, reload, ""].join("\n");
  return { extendName: QUOTA_EXTEND_NAME, script, snmpdConf, install, uninstall };
}
