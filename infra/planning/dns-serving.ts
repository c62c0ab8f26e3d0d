// Where the kabupaten's zone (infra/planning/dns.ts) is served: a BIND primary in the data center and its
// secondaries (the recovery site), as meta.dns.authoritative names them. Pure: it renders, for each
// server, the named.conf fragment of the zone and the shell script that installs it over SSH; the
// DnsZone component (infra/components/dns-zone.ts) only runs those scripts.
//
// The serial follows the zone's content, set on the primary where the deployed zone is: the script
// hashes the records (everything but the SOA line), and only when they changed writes the zone with a
// new serial, max(deployed + 1, today's YYYYMMDD00, the rendered serial) in the RFC 1912 date
// convention, then reloads it, and BIND's NOTIFY brings the secondaries' copies up to date. The
// rendered serial (stack config dnsSerial) is only a floor, for taking over from a server whose serial
// is higher. The arithmetic lives in the script, not here, because only the primary knows the serial
// it serves; a script re-run with the same records changes nothing.
import type { Inventory } from "../../inventory/schema";
import type { DnsZone } from "./dns";

/** Where a server's BIND listens, as the other servers reach it (port 53 unless a test says otherwise). */
export interface DnsEndpoint {
  host: string;
  port: number;
}

/** Paths and commands on the servers: Debian's bind9 layout by default. */
export interface DnsServingOptions {
  /** Directory of the fragment and the primary's zone file (Debian: /etc/bind). */
  confDir?: string;
  /** Directory of a secondary's copy of the zone (Debian: /var/cache/bind, writable by named). */
  cacheDir?: string;
  /** The file that includes the fragment (Debian's named.conf includes named.conf.local). */
  includeFrom?: string;
  /** The configuration named reads, checked before BIND is told to reload. */
  namedConf?: string;
  /** The rndc command line (a test gives its own server and key). */
  rndc?: string;
  /** Where each server is reached by the others; default its mgmtAddress on port 53. */
  endpoint?: (device: string) => DnsEndpoint | undefined;
}

export interface DnsServerPlan {
  device: string;
  role: "primary" | "secondary";
  /** SSH host of the server: its management address. */
  host: string;
  /** The zone statement, in its own file included from named.conf.local. */
  fragment: string;
  /** Installs the fragment (and, on the primary, the zone), checks it, reloads BIND; idempotent. */
  apply: string;
  /** Removes the zone from this server (the component's delete). */
  remove: string;
}

export interface DnsServingPlan {
  origin: string;
  primary: DnsServerPlan;
  secondaries: DnsServerPlan[];
}

const DEFAULTS = { confDir: "/etc/bind", cacheDir: "/var/cache/bind", includeFrom: "/etc/bind/named.conf.local", namedConf: "/etc/bind/named.conf", rndc: "rndc" };

/** The plan, or undefined when the inventory names no authoritative servers. Expects a validated inventory. */
export function planDnsServing(inv: Inventory, zone: DnsZone, opts: DnsServingOptions = {}): DnsServingPlan | undefined {
  const auth = inv.meta.dns?.authoritative;
  if (!auth) return undefined;
  const o = {
    confDir: opts.confDir ?? DEFAULTS.confDir,
    cacheDir: opts.cacheDir ?? DEFAULTS.cacheDir,
    includeFrom: opts.includeFrom ?? DEFAULTS.includeFrom,
    namedConf: opts.namedConf ?? DEFAULTS.namedConf,
    rndc: opts.rndc ?? DEFAULTS.rndc,
  };
  const devices = new Map(inv.devices.map((d) => [d.id, d] as const));
  const endpoint = (id: string): DnsEndpoint => opts.endpoint?.(id) ?? { host: devices.get(id)!.mgmtAddress!, port: 53 };
  const fragmentFile = `${o.confDir}/named.conf.spbe-${zone.origin}`;
  const primary = endpoint(auth.primary);
  const secondaries = auth.secondaries.map(endpoint);

  const primaryFragment = [
    `// Zone ${zone.origin}, primary: rendered by spbe-infra from the inventory; edit the inventory, not this file.`,
    `zone "${zone.origin}" {`,
    "  type primary;",
    `  file "${o.confDir}/db.${zone.origin}";`,
    // explicit: NOTIFY goes to the secondaries listed here, not to every NS of the zone (the NS names
    // are public addresses; the transfer path is the management network).
    "  notify explicit;",
    `  also-notify { ${addressList(secondaries)} };`,
    `  allow-transfer { ${secondaries.length ? secondaries.map((s) => `${s.host};`).join(" ") : "none;"} };`,
    "};",
    "",
  ].join("\n");
  const secondaryFragment = [
    `// Zone ${zone.origin}, secondary of ${auth.primary}: rendered by spbe-infra from the inventory.`,
    `zone "${zone.origin}" {`,
    "  type secondary;",
    `  primaries { ${addressList([primary])} };`,
    `  file "${o.cacheDir}/db.${zone.origin}";`,
    "  allow-transfer { none; };",
    "};",
    "",
  ].join("\n");

  const server = (device: string, role: DnsServerPlan["role"]): DnsServerPlan => {
    const fragment = role === "primary" ? primaryFragment : secondaryFragment;
    return {
      device,
      role,
      host: devices.get(device)!.mgmtAddress!,
      fragment,
      apply: applyScript(zone, fragment, fragmentFile, role, o),
      remove: removeScript(zone.origin, fragmentFile, o),
    };
  };
  return { origin: zone.origin, primary: server(auth.primary, "primary"), secondaries: auth.secondaries.map((id) => server(id, "secondary")) };
}

function addressList(eps: readonly DnsEndpoint[]): string {
  return eps.map((e) => (e.port === 53 ? `${e.host};` : `${e.host} port ${e.port};`)).join(" ");
}

/** A here-document whose terminator cannot occur in the text (the text is the inventory's). */
function heredoc(text: string): { start: string; end: string } {
  let tag = "SPBE_EOF";
  while (text.split("\n").includes(tag)) tag += "_";
  return { start: `<<'${tag}'`, end: tag };
}

/** The sed command that prints the serial of a zone file's SOA line (as renderDnsZone writes it). */
const SOA_SERIAL_OF = "sed -n 's/.* IN SOA [^ ]* [^ ]* ( \\([0-9]*\\) .*/\\1/p'";

function applyScript(zone: DnsZone, fragment: string, fragmentFile: string, role: DnsServerPlan["role"], o: typeof DEFAULTS): string {
  const frag = heredoc(fragment);
  const lines = [
    "#!/bin/sh",
    `# spbe-infra: serve zone ${zone.origin} as ${role}. Idempotent: re-running with the same inventory changes nothing.`,
    "set -eu",
    `frag='${fragmentFile}'`,
    `include_from='${o.includeFrom}'`,
    'changed=""',
    `cat > "$frag.new" ${frag.start}`,
    fragment.replace(/\n$/, ""),
    frag.end,
    'if cmp -s "$frag.new" "$frag"; then rm -f "$frag.new"; else mv "$frag.new" "$frag"; changed=conf; fi',
    `grep -qsF "include \\"$frag\\";" "$include_from" || { echo "include \\"$frag\\";" >> "$include_from"; changed=conf; }`,
  ];
  if (role === "primary") {
    const z = heredoc(zone.text);
    lines.push(
      `zone='${o.confDir}/db.${zone.origin}'`,
      `cat > "$zone.records" ${z.start}`,
      zone.text.replace(/\n$/, ""),
      z.end,
      // The records without the SOA line: the serial itself must not count as a change, unless the
      // rendered one is above the deployed one (an operator taking over from an older server).
      `hash=$(grep -v ' IN SOA ' "$zone.records" | sha256sum | cut -d' ' -f1)`,
      `deployed=$(${SOA_SERIAL_OF} "$zone" 2>/dev/null | head -n 1)`,
      `rendered=$(${SOA_SERIAL_OF} "$zone.records" | head -n 1)`,
      'if [ -f "$zone" ] && [ "$(cat "$zone.sha256" 2>/dev/null)" = "$hash" ] && [ "${rendered:-0}" -le "${deployed:-0}" ]; then',
      '  rm -f "$zone.records"',
      "else",
      '  serial=$(date -u +%Y%m%d)00',
      '  if [ -n "$deployed" ] && [ "$deployed" -ge "$serial" ]; then serial=$((deployed + 1)); fi',
      '  if [ -n "$rendered" ] && [ "$rendered" -gt "$serial" ]; then serial=$rendered; fi',
      `  sed "s/\\( IN SOA [^ ]* [^ ]* ( \\)[0-9]*/\\1$serial/" "$zone.records" > "$zone.new"`,
      '  rm -f "$zone.records"',
      `  named-checkzone -q '${zone.origin}' "$zone.new" || { echo "zone ${zone.origin}: the rendered zone does not load; nothing changed" >&2; rm -f "$zone.new"; exit 1; }`,
      '  mv "$zone.new" "$zone"',
      '  echo "$hash" > "$zone.sha256"',
      '  [ -n "$changed" ] || changed=zone',
      `  echo "zone ${zone.origin}: serial $serial"`,
      "fi",
    );
  }
  lines.push(
    `named-checkconf '${o.namedConf}' || { echo "named.conf does not load with the zone; fix it before BIND restarts" >&2; exit 1; }`,
    // reconfig loads a new zone statement; reload re-reads a changed zone file and sends NOTIFY.
    `case "$changed" in conf) ${o.rndc} reconfig; ${role === "primary" ? `${o.rndc} reload '${zone.origin}'` : "true"} ;; zone) ${o.rndc} reload '${zone.origin}' ;; *) echo "zone ${zone.origin}: unchanged" ;; esac`,
    "",
  );
  return lines.join("\n");
}

function removeScript(origin: string, fragmentFile: string, o: typeof DEFAULTS): string {
  return [
    "#!/bin/sh",
    `# spbe-infra: stop serving zone ${origin} here.`,
    "set -eu",
    `frag='${fragmentFile}'`,
    `include_from='${o.includeFrom}'`,
    `grep -vF "include \\"$frag\\";" "$include_from" > "$include_from.new" || true`,
    'mv "$include_from.new" "$include_from"',
    'rm -f "$frag"',
    `${o.rndc} reconfig`,
    "",
  ].join("\n");
}
