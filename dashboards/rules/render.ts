// A rule file as Prometheus reads it.
import { stringify } from "yaml";
import type { RuleGroup } from "./model";

export function ruleFileYaml(groups: RuleGroup[], kabupaten: string): string {
  const header = `# Prometheus rules for ${kabupaten}, generated from its inventory by spbe (dashboards/rules/).\n# Do not edit: change the inventory or dashboards/rules/ and rebuild.\n`;
  // lineWidth 0: never fold long PromQL expressions onto several lines.
  return header + stringify({ groups }, { lineWidth: 0 });
}
