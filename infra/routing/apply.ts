// The shell the BackboneRouting component runs over SSH on a Debian router with the `frr` package:
// the rendered frr.conf checked by vtysh's dry run before anything changes, installed only when it
// differs, the daemons it needs switched on in /etc/frr/daemons, then a reload (frr-reload.py applies
// the difference without dropping adjacencies) or a restart when a daemon was switched on. Running it
// twice changes nothing. The rollback leaves FRR running with an empty configuration.
import { createHash } from "node:crypto";

/** The daemons the rendered configuration needs besides zebra (always on). */
export const FRR_DAEMONS = ["ospfd", "bfdd"] as const;
const EOF_MARK = "SPBE_FRR_CONF";

export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function installScript(device: string, conf: string): string {
  if (conf.split("\n").includes(EOF_MARK)) throw new Error(`frr.conf of ${device} contains the here-document marker`);
  return [
    "#!/bin/sh",
    `# spbe-infra: FRR configuration of ${device} (sha256 ${contentHash(conf)})`,
    "set -eu",
    "conf=/etc/frr/frr.conf",
    'new=$(mktemp)',
    "trap 'rm -f \"$new\"' EXIT",
    `cat > "$new" <<'${EOF_MARK}'`,
    conf.endsWith("\n") ? conf.slice(0, -1) : conf,
    EOF_MARK,
    "restart=no",
    `for d in ${FRR_DAEMONS.join(" ")}; do`,
    '  if ! grep -q "^$d=yes" /etc/frr/daemons; then sed -i "s/^$d=.*/$d=yes/" /etc/frr/daemons; restart=yes; fi',
    "done",
    'if [ "$restart" = no ] && cmp -s "$new" "$conf" && systemctl is-active --quiet frr; then echo "frr: unchanged"; exit 0; fi',
    'vtysh --dryrun -f "$new"',
    'install -o frr -g frr -m 640 "$new" "$conf"',
    'if [ "$restart" = yes ] || ! systemctl is-active --quiet frr; then systemctl restart frr; else /usr/lib/frr/frr-reload.py --reload "$conf"; fi',
    'echo "frr: applied"',
    "",
  ].join("\n");
}

export interface FrrScripts {
  apply: string;
  rollback: string;
}

export function frrScripts(device: string, conf: string): FrrScripts {
  const empty = [`hostname ${device}`, "service integrated-vtysh-config", "!", "end", ""].join("\n");
  return { apply: installScript(device, conf), rollback: installScript(device, empty) };
}
