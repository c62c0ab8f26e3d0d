// Runs the Pulumi program (stack/program.ts) under pulumi.runtime.setMocks and returns every
// resource it registered: type, name, URN, inputs, parent and provider. An offline stand-in for
// `pulumi preview`, used by the program's tests and by the policy pack's analyzer test.
// Pulumi's runtime state is per process: call this once per test file (vitest pool "forks").
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { parse } from "yaml";
import { deployProgram, prepareProgram } from "../../stack/program";
import { startMockEngine, type RegisteredResource } from "./mock-engine";

export type { RegisteredResource };


interface CommonOptions {
  /** Extra config, keys as "spbe-infra:x" (objects as JSON text). */
  config?: Record<string, string>;
  /** TEST_SECRETS keys to leave unset. */
  omitSecrets?: string[];
  /** Run as `pulumi preview` does (provider outputs unknown); default false (as `pulumi up`). */
  preview?: boolean;
}

export type RunProgramOptions =
  | ({ stack: "barito-timur" | "klaten" } & CommonOptions)
  | ({ inventoryFile: string } & CommonOptions);

export interface ProgramRun {
  resources: RegisteredResource[];
  outputs: Record<string, unknown>;
}

/** The program failed: its error's message, the error as `cause`, and what was registered before it failed. */
export class ProgramRunError extends Error {
  constructor(override readonly cause: unknown, readonly resources: RegisteredResource[]) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = cause instanceof Error ? cause.name : "ProgramRunError";
  }
}

export const PROJECT = "spbe-infra";
const ROOT = resolve(__dirname, "../..");

/**
 * Test values for every secret the example stacks need. Obviously fake, and never real keys: the
 * stacks' real values are set with `pulumi config set --secret` and never committed.
 */
export const TEST_SECRETS: Record<string, string> = {
  [`${PROJECT}:SPBE_SNMP_COMMUNITY`]: "test-community-not-real",
  [`${PROJECT}:SPBE_SNMP_V3_AUTH_KEY`]: "test-auth-key-not-real",
  [`${PROJECT}:SPBE_SNMP_V3_PRIV_KEY`]: "test-priv-key-not-real",
  [`${PROJECT}:grafanaAdminPassword`]: "test-grafana-password-not-real",
  [`${PROJECT}:collectorScrapePassword`]: "test-scrape-password-not-real",
  [`${PROJECT}:sshPrivateKey`]: "-----BEGIN OPENSSH PRIVATE KEY-----\ntest-key-not-real\n-----END OPENSSH PRIVATE KEY-----",
  [`${PROJECT}:registryPassword`]: "test-registry-password-not-real",
  // Alertmanager's (the examples' alerting sections)
  [`${PROJECT}:SPBE_SMTP_PASSWORD`]: "test-smtp-password-not-real",
  [`${PROJECT}:SPBE_TELEGRAM_BOT_TOKEN`]: "000000:test-bot-token-not-real",
  [`${PROJECT}:helpdeskWebhookUrl`]: "https://helpdesk.example.invalid/hook/test-not-real",
  [`${PROJECT}:telegramBotToken`]: "000000:test-bot-token-not-real",
  [`${PROJECT}:SPBE_TICKET_WEBHOOK_URL`]: "https://ticket.example.invalid/hook/test-not-real",
};

/** A Pulumi.<stack>.yaml's config as the flat key → string map setAllConfig takes (objects as JSON). */
export function stackConfig(stack: string): Record<string, string> {
  const doc = parse(readFileSync(resolve(ROOT, `Pulumi.${stack}.yaml`), "utf8")) as { config?: Record<string, unknown> };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc.config ?? {})) {
    if (value && typeof value === "object" && "secure" in (value as object)) continue; // encrypted: not readable here
    out[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}

/**
 * Runs the program under mocks. Config: the stack's Pulumi.<stack>.yaml (or just the inventory
 * file), plus TEST_SECRETS unless listed in omitSecrets, plus `config` (keys as "spbe-infra:x").
 * Resolves with every registered resource once all registrations are done; rejects with the
 * program's error.
 */
export async function runProgram(opts: RunProgramOptions): Promise<ProgramRun> {
  const { registered, settings } = await startMockEngine(PROJECT, "stack" in opts ? opts.stack : "test", opts.preview ?? false);

  const base = "stack" in opts ? stackConfig(opts.stack) : { [`${PROJECT}:inventory`]: opts.inventoryFile };
  const omit = new Set((opts.omitSecrets ?? []).map((k) => (k.includes(":") ? k : `${PROJECT}:${k}`)));
  const secrets = Object.fromEntries(Object.entries(TEST_SECRETS).filter(([k]) => !omit.has(k)));
  pulumi.runtime.setAllConfig({ ...base, ...secrets, ...(opts.config ?? {}) }, Object.keys(secrets));

  const previousCwd = process.cwd();
  process.chdir(ROOT); // Pulumi runs the program in the project directory: relative paths resolve there
  try {
    let prepared: ReturnType<typeof prepareProgram>;
    try {
      // Bad input fails here, before anything (not even the stack) is registered.
      prepared = prepareProgram();
    } catch (err) {
      await settings.waitForRPCs?.();
      throw new ProgramRunError(err, [...registered.values()]);
    }
    // As `pulumi up` does: a pulumi:pulumi:Stack root, the program's result as its outputs.
    const outputs = ((await runInPulumiStack(async () => deployProgram(prepared))) ?? {}) as Record<string, unknown>;
    await settings.waitForRPCs?.();
    return { resources: [...registered.values()], outputs };
  } finally {
    process.chdir(previousCwd);
  }
}

/** The harness the policy pack's analyzer test uses: the registered resources only. */
export async function runProgramWithMocks(opts: RunProgramOptions): Promise<RegisteredResource[]> {
  return (await runProgram(opts)).resources;
}
