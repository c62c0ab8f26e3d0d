// Secrets are references in the inventory ({ env: NAME } | { pulumiSecret: NAME }), never values.
// The naming rules every consumer shares live here: which config key holds a reference's value
// (the Pulumi program) and which environment variable carries it to the collector (the collector
// reads it, the simulator generates it, the stack sets it on the collector container).
import type { Inventory, SecretRef } from "./schema";

/** The stack config key holding a reference's value: the name as written. */
export function secretConfigKey(ref: SecretRef): string {
  return "env" in ref ? ref.env : ref.pulumiSecret;
}

/**
 * The environment variable a reference's value reaches the collector in: an env ref's own name;
 * a pulumiSecret ref's name upper-cased, non-alphanumerics as "_" (snmpV3Key → SNMPV3KEY).
 */
export function secretEnvName(ref: SecretRef): string {
  return "env" in ref ? ref.env : ref.pulumiSecret.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/** Every secret reference of the inventory's SNMP access, in device order (with repeats). */
export function snmpSecretRefs(inv: Inventory): SecretRef[] {
  const refs: SecretRef[] = [];
  for (const d of inv.devices) {
    const s = d.snmp;
    if (!s) continue;
    if (s.version === "2c") refs.push(s.community);
    else {
      if (s.authKey) refs.push(s.authKey);
      if (s.privKey) refs.push(s.privKey);
    }
  }
  return refs;
}
