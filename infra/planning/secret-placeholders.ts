// Secrets in monitoring files are placeholders the planner writes (each a whole YAML scalar); whoever
// holds the values (the MonitoringStack component from Pulumi secrets, a test from its own values)
// fills them here, the one way: values as double-quoted YAML strings (JSON's quoting is YAML's), so a
// token with ": " or "#" stays one value; a hashed secret as its bcrypt hash (a web config's user).
import { deterministicBcrypt } from "./collector-access";
import type { MonitoringFile } from "./monitoring";

/** The stack secret keys a file's placeholders stand for. */
export function secretKeysOf(file: MonitoringFile): string[] {
  return [...new Set([...Object.values(file.secrets ?? {}), ...Object.values(file.hashedSecrets ?? {})])];
}

export function fillSecretPlaceholders(file: MonitoringFile, valueOf: (key: string) => string): string {
  const pairs = [
    ...Object.entries(file.secrets ?? {}).map(([placeholder, key]) => [placeholder, valueOf(key)] as const),
    ...Object.entries(file.hashedSecrets ?? {}).map(([placeholder, key]) => [placeholder, deterministicBcrypt(valueOf(key))] as const),
  ];
  // Longest first, so a placeholder that is a prefix of another never cuts into it.
  return pairs.sort((x, y) => y[0].length - x[0].length).reduce((text, [placeholder, v]) => text.split(placeholder).join(JSON.stringify(v)), file.content);
}
