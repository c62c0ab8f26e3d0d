// A rule file as Prometheus reads it.
import { stringify } from "yaml";
import type { RuleGroup } from "./model";

export function ruleFileYaml(groups: RuleGroup[]): string {
  // lineWidth 0: never fold long PromQL expressions onto several lines.
  return stringify({ groups }, { lineWidth: 0 });
}
