// The provincial Pulumi program: config → plan (complete before anything is registered) → the
// Kubernetes provider and the ProvinceMonitoring component → outputs. The kabupaten program
// (stack/program.ts) deploys a kabupaten's data center; this one the province's central tier that
// every kabupaten's edge writes into.
import * as k8s from "@pulumi/kubernetes";
import { provinceDashboard } from "../../dashboards/boards/province";
import { PROVINCE_DASHBOARD } from "../../dashboards/ids";
import { provinceAlertGroups } from "../../dashboards/rules/alerts";
import { describeDropped, vmalert179Groups } from "../../dashboards/rules/vmalert";
import { bucketOwners } from "../../observe/edge/shards";
import { planProvince, type ProvincePlan } from "../../infra/planning/province/plan";
import { ProvinceMonitoring } from "../../infra/components/province-monitoring";
import { readProvinceSecrets, readProvinceSettings, type ProvinceSecrets, type ProvinceStackSettings } from "./config";

export interface PreparedProvince {
  settings: ProvinceStackSettings;
  secrets: ProvinceSecrets;
  plan: ProvincePlan;
  dashboards: Record<string, string>;
  /** What the provincial vmalert (1.79) cannot evaluate as written, one line per rule field dropped. */
  alertRulesDropped: string[];
}

/** "60s" / "2m" / "1h" → seconds (the config schema allows only these forms). */
function seconds(interval: string): number {
  const n = Number(interval.slice(0, -1));
  return n * { s: 1, m: 60, h: 3600 }[interval.slice(-1) as "s" | "m" | "h"];
}

/** Everything that can fail on bad input, before any resource exists. */
export function prepareProvince(): PreparedProvince {
  const settings = readProvinceSettings();
  const secrets = readProvinceSecrets(settings);
  const rules = vmalert179Groups(provinceAlertGroups(settings.kabupaten.map((k) => k.domain), { pollIntervalSeconds: seconds(settings.vmagent.scrapeInterval) }));
  const plan = planProvince(settings, rules.groups, bucketOwners);
  return { settings, secrets, plan, dashboards: { [PROVINCE_DASHBOARD]: JSON.stringify(provinceDashboard(settings.province)) }, alertRulesDropped: rules.dropped.map(describeDropped) };
}

export function deployProvince(p: PreparedProvince) {
  const provider = new k8s.Provider("province-cluster", { ...(p.settings.kubeContext ? { context: p.settings.kubeContext } : {}), namespace: p.plan.namespace });
  const tier = new ProvinceMonitoring(
    "province",
    { plan: p.plan, grafanaAdminPassword: p.secrets.grafanaAdminPassword, scrapePasswords: p.secrets.scrapePasswords, dashboards: p.dashboards },
    { providers: { kubernetes: provider } },
  );
  return {
    namespace: tier.namespace,
    tenants: [{ accountId: p.settings.provinceAccountId, kabupaten: null }, ...p.settings.kabupaten.map((k) => ({ accountId: k.accountId, kabupaten: k.domain }))],
    vmagentMembers: p.plan.vmagent.replicas,
    datasources: p.plan.datasources.map((d) => d.uid),
    alertRulesDropped: p.alertRulesDropped,
  };
}

export function runProvinceProgram() {
  return deployProvince(prepareProvince());
}
