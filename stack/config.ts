// The stack configuration the program reads, checked in one place before any resource exists:
// plain settings from Pulumi.<stack>.yaml, secrets by name only. Every missing secret is reported
// at once, by its config key, with the command that sets it; a value is never printed.
import { QUOTA_BACKENDS, type BackendName } from "../infra/quota";
import * as pulumi from "@pulumi/pulumi";
import type { Inventory } from "../inventory/schema";
import { alertmanagerSecretRefs } from "../dashboards/alertmanager/build";
import { secretConfigKey, secretEnvName, snmpSecretRefs } from "../inventory/secret-refs";
import { COLLECTOR_PASSWORD_KEY } from "../infra/planning/collector-access";

export const NAMESPACE = "spbe-infra";

// Whether a config key was set with --secret. The runtime has it (from PULUMI_CONFIG_SECRET_KEYS)
// but does not declare it in its typings; without it, plain values are accepted.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const isConfigSecret = (require("@pulumi/pulumi/runtime/config") as { isConfigSecret?: (key: string) => boolean }).isConfigSecret;

export interface RegistrySettings {
  server: string;
  username: string;
}

export interface StackSettings {
  inventoryFile: string;
  /** serverId → docker host URL (ssh://user@host); servers not listed use ssh://<sshUser>@<mgmtAddress>. */
  dockerHosts: Record<string, string>;
  sshUser: string;
  monitoringHost?: string;
  /** A published collector image to run; unset, the program builds it (infra/planning/collector-image.ts). */
  collectorImage?: string;
  /** The recovery site's Prometheus + Alertmanager server (default: the first recovery server without an application's primary). */
  recoveryMonitoringHost?: string;
  registry?: RegistrySettings;
  dnsSerial: number;
  /**
   * Pins the quota backend (`linux-tc`, `routeros`); unset, the gateway's kind chooses. A pinned
   * backend of another kind than the gateway's is refused as an inventory error at its position.
   */
  quotaBackend?: BackendName;
  /** Containers declared per wave; default: all at once, or 500 per wave from 500 containers on. */
  containerWave?: number;
}

export interface StackSecrets {
  /** SNMP secrets by reference name: env refs and pulumiSecret refs both resolve to a config secret of that name. */
  snmp: Map<string, pulumi.Output<string>>;
  /** Alertmanager's secrets (bot tokens, SMTP password, secret webhook URLs) by config key. */
  alerting: Map<string, pulumi.Output<string>>;
  grafanaAdminPassword: pulumi.Output<string>;
  /** The password Prometheus scrapes the collector with (its basic auth; infra/planning/collector-access.ts). */
  collectorScrapePassword: pulumi.Output<string>;
  /** SSH key the quota command logs in to the gateway with (when the inventory has a gateway). */
  sshPrivateKey?: pulumi.Output<string>;
  registryPassword?: pulumi.Output<string>;
}

export class StackConfigError extends pulumi.RunError {
  constructor(readonly missing: string[], readonly invalid: string[] = [], readonly plain: string[] = []) {
    const lines = [
      ...missing.map((key) => `missing secret ${NAMESPACE}:${key}: set it with \`pulumi config set --secret ${NAMESPACE}:${key} <value>\``),
      ...plain.map((key) => `${NAMESPACE}:${key} is stored in plain text: remove it and set it again with \`pulumi config set --secret ${NAMESPACE}:${key} <value>\``),
      ...invalid,
    ];
    super(`stack configuration is incomplete:\n  ${lines.join("\n  ")}`);
    this.name = "StackConfigError";
  }
}

export function readSettings(config = new pulumi.Config(NAMESPACE)): StackSettings {
  const invalid: string[] = [];
  const dockerHosts = config.getObject<Record<string, string>>("dockerHosts") ?? {};
  for (const [server, url] of Object.entries(dockerHosts)) {
    if (typeof url !== "string" || !/^(ssh|tcp|unix):\/\//.test(url)) invalid.push(`${NAMESPACE}:dockerHosts.${server} must be a docker host URL (ssh://user@host), not ${JSON.stringify(url)}`);
  }
  const registry = config.getObject<RegistrySettings>("registry");
  if (registry && (typeof registry.server !== "string" || typeof registry.username !== "string")) {
    invalid.push(`${NAMESPACE}:registry must be { server, username } (the password is the secret ${NAMESPACE}:registryPassword)`);
  }
  const backend = config.get("quotaBackend");
  if (backend !== undefined && !(backend in QUOTA_BACKENDS)) invalid.push(`${NAMESPACE}:quotaBackend must be one of ${Object.keys(QUOTA_BACKENDS).join(", ")} (or unset: the gateway's kind chooses), not ${backend}`);
  const containerWave = config.getNumber("containerWave");
  if (containerWave !== undefined && !(Number.isInteger(containerWave) && containerWave > 0)) invalid.push(`${NAMESPACE}:containerWave must be a positive integer`);
  if (invalid.length > 0) throw new StackConfigError([], invalid);
  return {
    inventoryFile: config.require("inventory"),
    dockerHosts,
    sshUser: config.get("sshUser") ?? "deploy",
    monitoringHost: config.get("monitoringHost"),
    recoveryMonitoringHost: config.get("recoveryMonitoringHost"),
    collectorImage: config.get("collectorImage"),
    registry,
    dnsSerial: config.getNumber("dnsSerial") ?? 1,
    ...(backend !== undefined ? { quotaBackend: backend as BackendName } : {}),
    ...(containerWave !== undefined ? { containerWave } : {}),
  };
}

/** Every SNMP secret the inventory refers to, by config key (sorted, unique). */
export function snmpSecretKeys(inv: Inventory): string[] {
  return [...new Set(snmpSecretRefs(inv).map(secretConfigKey))].sort();
}

/** The collector container's secret environment: variable name → stack secret key. */
export function collectorSecretEnv(inv: Inventory): Record<string, string> {
  const env: Record<string, string> = {};
  for (const ref of snmpSecretRefs(inv)) env[secretEnvName(ref)] = secretConfigKey(ref);
  return Object.fromEntries(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every Alertmanager secret the inventory's alerting section refers to, by config key (sorted, unique). */
export function alertingSecretKeys(inv: Inventory): string[] {
  return inv.alerting ? [...new Set(alertmanagerSecretRefs(inv.alerting).map(secretConfigKey))].sort() : [];
}

/** Every secret the stack needs, read before any resource is registered. */
export function readSecrets(inv: Inventory, settings: StackSettings, config = new pulumi.Config(NAMESPACE)): StackSecrets {
  const missing: string[] = [];
  const plain: string[] = [];
  const need = (key: string): pulumi.Output<string> | undefined => {
    const value = config.getSecret(key);
    if (value === undefined) missing.push(key);
    else if (isConfigSecret && !isConfigSecret(`${NAMESPACE}:${key}`)) plain.push(key);
    return value;
  };
  const snmp = new Map<string, pulumi.Output<string>>();
  for (const key of snmpSecretKeys(inv)) {
    const value = need(key);
    if (value) snmp.set(key, value);
  }
  const alerting = new Map<string, pulumi.Output<string>>();
  for (const key of alertingSecretKeys(inv)) {
    const value = need(key);
    if (value) alerting.set(key, value);
  }
  const grafanaAdminPassword = need("grafanaAdminPassword");
  const collectorScrapePassword = need(COLLECTOR_PASSWORD_KEY);
  // Over SSH: the quota gateway's shaping and the DNS servers' zone.
  const sshPrivateKey = inv.bandwidth?.gateway || inv.meta.dns?.authoritative ? need("sshPrivateKey") : undefined;
  const registryPassword = settings.registry ? need("registryPassword") : undefined;
  if (missing.length > 0 || plain.length > 0) throw new StackConfigError(missing, [], plain);
  return { snmp, alerting, grafanaAdminPassword: grafanaAdminPassword!, collectorScrapePassword: collectorScrapePassword!, sshPrivateKey, registryPassword };
}
