// The provincial stack's configuration (Pulumi.<stack>.yaml in stack/province/, namespace
// spbe-province), checked in one place before any resource exists: every problem at once, by its
// config key; secrets by name only, never printed.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { PROVINCE_DEFAULTS, type ProvinceSettings } from "../../infra/planning/province/settings";

export const PROVINCE_NAMESPACE = "spbe-province";

const country = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 country code such as ID");
const chart = z.object({ version: z.string().min(1, "pin the chart version you tested") });

const settingsSchema = z.object({
  province: z.string().min(1),
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a Kubernetes namespace name").default(PROVINCE_DEFAULTS.namespace),
  cluster: z.object({ name: z.string().min(1), country, region: z.string().min(1), operator: z.string().min(1), operatorCountry: country }),
  provinceAccountId: z.number().int().nonnegative().default(PROVINCE_DEFAULTS.provinceAccountId),
  kabupaten: z
    .array(z.object({ name: z.string().min(1), domain: z.string().min(1), accountId: z.number().int().positive(), collectorUrl: z.url({ protocol: /^https?$/ }).optional() }))
    .min(1),
  vmagent: z
    .object({
      members: z.number().int().positive().default(PROVINCE_DEFAULTS.vmagent.members),
      replicationFactor: z.number().int().positive().default(PROVINCE_DEFAULTS.vmagent.replicationFactor),
      image: z.string().default(PROVINCE_DEFAULTS.vmagent.image),
      bufferVolume: z.string().default(PROVINCE_DEFAULTS.vmagent.bufferVolume),
      scrapeInterval: z.string().regex(/^\d+[smh]$/).default(PROVINCE_DEFAULTS.vmagent.scrapeInterval),
    })
    .refine((v) => v.replicationFactor <= v.members, { message: "replicationFactor cannot exceed members", path: ["replicationFactor"] })
    .default({ ...PROVINCE_DEFAULTS.vmagent }),
  vmalert: z
    .object({
      image: z.string().default(PROVINCE_DEFAULTS.vmalert.image),
      evaluationInterval: z.string().regex(/^\d+[smh]$/).default(PROVINCE_DEFAULTS.vmalert.evaluationInterval),
    })
    .default({ ...PROVINCE_DEFAULTS.vmalert }),
  storage: z
    .object({
      vmstorage: z.number().int().positive().default(PROVINCE_DEFAULTS.storage.vmstorage),
      vminsert: z.number().int().positive().default(PROVINCE_DEFAULTS.storage.vminsert),
      vmselect: z.number().int().positive().default(PROVINCE_DEFAULTS.storage.vmselect),
      replicationFactor: z.number().int().positive().default(PROVINCE_DEFAULTS.storage.replicationFactor),
      retention: z.string().default(PROVINCE_DEFAULTS.storage.retention),
      volume: z.string().default(PROVINCE_DEFAULTS.storage.volume),
      storageClass: z.string().optional(),
    })
    .refine((st) => st.replicationFactor <= st.vmstorage, { message: "replicationFactor cannot exceed the vmstorage nodes", path: ["replicationFactor"] })
    .default({ ...PROVINCE_DEFAULTS.storage }),
  charts: z.object({ victoriaMetricsCluster: chart, vmalert: chart, grafana: chart, alertmanager: chart }),
  /** The kubeconfig context of the province's cluster (default: the current context). */
  kubeContext: z.string().optional(),
});

export type ProvinceStackSettings = ProvinceSettings & { kubeContext?: string };

export class ProvinceConfigError extends pulumi.RunError {
  constructor(readonly problems: string[]) {
    super(`provincial stack configuration is incomplete:\n  ${problems.join("\n  ")}`);
    this.name = "ProvinceConfigError";
  }
}

const KEYS = ["province", "namespace", "cluster", "provinceAccountId", "kabupaten", "vmagent", "vmalert", "storage", "charts", "kubeContext"] as const;
const OBJECT_KEYS = new Set(["cluster", "kabupaten", "vmagent", "vmalert", "storage", "charts"]);
const NUMBER_KEYS = new Set(["provinceAccountId"]);

export function readProvinceSettings(config = new pulumi.Config(PROVINCE_NAMESPACE)): ProvinceStackSettings {
  const raw: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = OBJECT_KEYS.has(key) ? config.getObject<unknown>(key) : NUMBER_KEYS.has(key) ? config.getNumber(key) : config.get(key);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) throw new ProvinceConfigError(parsed.error.issues.map((i) => `${PROVINCE_NAMESPACE}:${i.path.join(".")}: ${i.message}`));
  const accounts = new Map<number, string>();
  const problems: string[] = [];
  parsed.data.kabupaten.forEach((k, i) => {
    const taken = k.accountId === parsed.data.provinceAccountId ? "the province" : accounts.get(k.accountId);
    if (taken) problems.push(`${PROVINCE_NAMESPACE}:kabupaten.${i}.accountId: ${k.accountId} is already ${taken}'s tenant`);
    accounts.set(k.accountId, k.domain);
  });
  if (problems.length) throw new ProvinceConfigError(problems);
  return parsed.data as ProvinceStackSettings;
}

export interface ProvinceSecrets {
  grafanaAdminPassword: pulumi.Output<string>;
  /** By kabupaten domain: the password its collector's scrape user has (only kabupaten with a collectorUrl). */
  scrapePasswords: pulumi.Output<Record<string, string>>;
}

export function readProvinceSecrets(settings: ProvinceSettings, config = new pulumi.Config(PROVINCE_NAMESPACE)): ProvinceSecrets {
  const missing: string[] = [];
  const grafana = config.getSecret("grafanaAdminPassword");
  if (!grafana) missing.push("grafanaAdminPassword");
  const polled = settings.kabupaten.filter((k) => k.collectorUrl).map((k) => k.domain);
  const passwords = config.getSecretObject<Record<string, string>>("scrapePasswords");
  if (polled.length && !passwords) missing.push("scrapePasswords");
  if (missing.length) {
    throw new ProvinceConfigError(missing.map((key) => `missing secret ${PROVINCE_NAMESPACE}:${key}: set it with \`pulumi config set --secret ${key === "scrapePasswords" ? "--path " : ""}${PROVINCE_NAMESPACE}:${key}${key === "scrapePasswords" ? ".<kabupaten domain>" : ""} <value>\``));
  }
  return { grafanaAdminPassword: grafana!, scrapePasswords: passwords ?? pulumi.secret({} as Record<string, string>) };
}
