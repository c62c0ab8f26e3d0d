// Runs the provincial Pulumi program (stack/province/program.ts) under mocks, as run-program.ts runs
// the kabupaten one: the stack's Pulumi.<stack>.yaml config, test secrets, extra config on top.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { parse } from "yaml";
import { deployProvince, prepareProvince } from "../../stack/province/program";
import { startMockEngine } from "./mock-engine";
import { ProgramRunError, type ProgramRun } from "./run-program";

export const PROVINCE_PROJECT = "spbe-province";
const PROJECT_DIR = resolve(__dirname, "../../stack/province");

/** Obviously fake values for the provincial stack's secrets. */
export const PROVINCE_TEST_SECRETS: Record<string, string> = {
  [`${PROVINCE_PROJECT}:grafanaAdminPassword`]: "test-grafana-password-not-real",
  [`${PROVINCE_PROJECT}:scrapePasswords`]: JSON.stringify({ "baritotimurkab.go.id": "test-bt-scrape-not-real", "klatenkab.go.id": "test-klaten-scrape-not-real" }),
};

export function provinceStackConfig(stack: string): Record<string, string> {
  const doc = parse(readFileSync(resolve(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config?: Record<string, unknown> };
  return Object.fromEntries(Object.entries(doc.config ?? {}).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

export interface ProvinceRunOptions {
  stack: string;
  /** Extra or replaced config, keys as "spbe-province:x" (objects as JSON text). */
  config?: Record<string, string>;
  omitSecrets?: string[];
}

export async function runProvinceProgram(opts: ProvinceRunOptions): Promise<ProgramRun> {
  const { registered, settings } = await startMockEngine(PROVINCE_PROJECT, opts.stack, false);
  const omit = new Set((opts.omitSecrets ?? []).map((k) => `${PROVINCE_PROJECT}:${k}`));
  const secrets = Object.fromEntries(Object.entries(PROVINCE_TEST_SECRETS).filter(([k]) => !omit.has(k)));
  pulumi.runtime.setAllConfig({ ...provinceStackConfig(opts.stack), ...secrets, ...(opts.config ?? {}) }, Object.keys(secrets));
  let prepared: ReturnType<typeof prepareProvince>;
  try {
    prepared = prepareProvince();
  } catch (err) {
    await settings.waitForRPCs?.();
    throw new ProgramRunError(err, [...registered.values()]);
  }
  const outputs = ((await runInPulumiStack(async () => deployProvince(prepared))) ?? {}) as Record<string, unknown>;
  await settings.waitForRPCs?.();
  return { resources: [...registered.values()], outputs };
}
