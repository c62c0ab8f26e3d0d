// The shell the BackboneRouting component runs over SSH on a Debian router with the `frr` and
// `frr-pythontools` packages: the rendered frr.conf checked by vtysh's dry run before anything changes,
// then either (a daemon it needs still off in /etc/frr/daemons, or FRR not running) the daemons switched
// on, the file installed and FRR restarted, or the difference applied to the running daemons by
// frr-reload.py (adjacencies stay up) and only then the file installed, so a failed reload leaves the
// old file and the next run tries again. Running it twice changes nothing. The rollback leaves FRR
// running with an empty configuration.
import { createHash } from "node:crypto";

/** The daemons the rendered configuration needs besides zebra (always on). */
export const FRR_DAEMONS = ["ospfd", "bfdd"] as const;
const EOF_MARK = "SPBE_FRR_CONF";

/** Where the script finds FRR on the router. Debian's by default; the namespace test points it at its own routers. */
export interface FrrHost {
  conf: string;
  daemons: string;
  /** frr-reload.py and the options before `--reload` (the test adds its vty socket directory). */
  reload: string;
  isActive: string;
  restart: string;
}

export const DEBIAN_FRR: FrrHost = {
  conf: "/etc/frr/frr.conf",
  daemons: "/etc/frr/daemons",
  reload: "/usr/lib/frr/frr-reload.py",
  isActive: "systemctl is-active --quiet frr",
  restart: "systemctl restart frr",
};

export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function installScript(device: string, conf: string, host: FrrHost): string {
  if (conf.split("\n").includes(EOF_MARK)) throw new Error(`frr.conf of ${device} contains the here-document marker`);
  const reloadBin = host.reload.split(" ")[0]!;
  return [
    "#!/bin/sh",
    `# spbe-infra: FRR configuration of ${device} (sha256 ${contentHash(conf)})`,
    "set -eu",
    `conf=${host.conf}`,
    `daemons=${host.daemons}`,
    'new=$(mktemp)',
    "trap 'rm -f \"$new\"' EXIT",
    `cat > "$new" <<'${EOF_MARK}'`,
    conf.endsWith("\n") ? conf.slice(0, -1) : conf,
    EOF_MARK,
    "off=",
    `for d in ${FRR_DAEMONS.join(" ")}; do grep -q "^$d=yes" "$daemons" || off="$off $d"; done`,
    `if [ -z "$off" ] && cmp -s "$new" "$conf" && ${host.isActive}; then echo "frr: unchanged"; exit 0; fi`,
    'vtysh --dryrun -f "$new"',
    `if [ -n "$off" ] || ! ${host.isActive}; then`,
    '  for d in $off; do sed -i "s/^$d=.*/$d=yes/" "$daemons"; done',
    '  install -o frr -g frr -m 640 "$new" "$conf"',
    `  ${host.restart}`,
    "else",
    `  [ -x ${reloadBin} ] || { echo "frr: ${reloadBin} is missing: install the Debian package frr-pythontools" >&2; exit 1; }`,
    `  ${host.reload} --reload "$new"`,
    '  install -o frr -g frr -m 640 "$new" "$conf"',
    "fi",
    'echo "frr: applied"',
    "",
  ].join("\n");
}

export interface FrrScripts {
  apply: string;
  rollback: string;
}

export function frrScripts(device: string, conf: string, host: FrrHost = DEBIAN_FRR): FrrScripts {
  const empty = [`hostname ${device}`, "service integrated-vtysh-config", "!", "end", ""].join("\n");
  return { apply: installScript(device, conf, host), rollback: installScript(device, empty, host) };
}
