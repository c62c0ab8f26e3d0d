// English catalogue: every user-facing string of the CLI and of inventory validation.
// Placeholders are {name}; the Indonesian catalogue (id.ts) must have the same keys.
export const en = {
  // inventory validation
  "yaml.syntax": "YAML syntax error: {message}",
  "yaml.duplicate-key": "duplicate key: {message}",
  "schema": "{message}",
  "file.unreadable": "cannot read the inventory: {message}",
  "dup.id": "duplicate {kind} id \"{id}\" (first defined at {first})",
  "ref.unknown": "unknown {kind} \"{id}\"",
  "ref.unknown-in": "unknown {kind} \"{id}\" in {scope} \"{scopeId}\"",
  "ref.not-server": "\"{id}\" is a {role}, not a server: applications run on servers",
  "rack.position-missing": "device in rack \"{rack}\" needs a position (lowest U it occupies)",
  "rack.no-rack": "position given but no rack",
  "rack.outside": "occupies U{from}-U{to}, outside rack \"{rack}\" (U1-U{height})",
  "rack.overlap": "occupies U{from}-U{to} of rack \"{rack}\", overlapping \"{other}\" (U{otherFrom}-U{otherTo})",
  "link.same-device": "both ends of the link are on device \"{device}\"",
  "ip.family": "{address} is not of the same IP family as block \"{block}\" ({cidr})",
  "ip.outside-block": "{address} is outside block \"{block}\" ({cidr})",
  "ip.alloc-overlap": "{address} overlaps allocation \"{other}\" ({otherAddress})",
  "ip.alloc-duplicate": "{address} is already allocated to \"{other}\"",
  "ip.block-overlap": "block {cidr} overlaps block \"{other}\" ({otherCidr})",
  "ip.subnet-overlap": "subnet {cidr} overlaps {other} of OPD \"{otherOpd}\"",
  "ip.subnet-public": "subnet {cidr} is not a private prefix: OPD office LANs use private addresses",
  "ip.block-exhausted": "block \"{block}\" ({cidr}) is {percent}% allocated ({used} of {total} addresses)",
  "ip.block-full": "block \"{block}\" ({cidr}) has no free address for allocation \"{allocation}\"",
  "quota.duplicate": "OPD \"{opd}\" has more than one quota",
  "quota.over-upstream": "quotas add up to {sum} Mbps {direction}, above the upstream capacity of {upstream} Mbps",
  "placement.dinas-is-opd": "meta.dinas \"{id}\" must be one of the OPD codes",
  "placement.public-ip-not-assigned": "allocation \"{allocation}\" is not allocated to application \"{application}\"",
  "dr.same-server": "the DR replica is on the same server as the application",
  "snmp.no-address": "device has SNMP access but no mgmtAddress to poll",
  "device.owner-unknown": "owner \"{owner}\" is neither \"dinas\" nor an OPD code",
  // CLI
  "cli.valid": "{file}: valid ({errors} errors, {warnings} warnings)",
  "cli.invalid": "{file}: {errors} errors, {warnings} warnings",
  "cli.error": "error",
  "cli.warning": "warning",
  "cli.usage-error": "{message}",
} as const;

export type MessageCode = keyof typeof en;
export type Catalogue = Record<MessageCode, string>;
