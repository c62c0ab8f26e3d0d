// Secrets are references in the inventory ({ env: NAME } | { pulumiSecret: NAME }); they are
// resolved only here, at poll time, and never logged. `overrides` lets `serve --simulate` hand the
// poller the credentials its simulator generated without touching the process environment.
import type { SecretRef } from "../inventory/schema";
import { secretEnvName } from "../inventory/secret-refs";

export interface SecretResolver {
  /** The secret's value, or undefined when it cannot be resolved here. */
  resolve(ref: SecretRef): string | undefined;
  /** A printable name for the reference (for errors): never the value. */
  describe(ref: SecretRef): string;
}

export function envSecrets(env: NodeJS.ProcessEnv = process.env, overrides: Record<string, string> = {}): SecretResolver {
  return {
    resolve(ref) {
      if ("env" in ref) return overrides[ref.env] ?? (env[ref.env] !== undefined && env[ref.env] !== "" ? env[ref.env] : undefined);
      // Pulumi secrets live in the stack's config; the deployment sets them on the collector as
      // the environment variable secretEnvName names.
      const name = secretEnvName(ref);
      return overrides[name] ?? env[name];
    },
    describe(ref) {
      return "env" in ref ? `$${ref.env}` : `pulumi secret ${ref.pulumiSecret}`;
    },
  };
}
