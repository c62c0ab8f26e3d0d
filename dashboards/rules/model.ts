// The shape of a Prometheus rule file (https://prometheus.io/docs/prometheus/latest/configuration/recording_rules/).
export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export type Severity = "critical" | "warning" | "info" | "none";

/** Bilingual annotations: Indonesian for the NOC on duty, English for vendors and the wider team
 * (rendered from one Text per field by dashboards/text.ts alertAnnotations). */
export interface AlertAnnotations {
  summary: string;
  summary_id: string;
  description: string;
  description_id: string;
  /** What to do first. */
  runbook: string;
  runbook_id: string;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  /** Prometheus >= 2.42: the alert stays firing this long after its condition clears. */
  keep_firing_for?: string;
  labels: { severity: Severity } & Record<string, string>;
  annotations: AlertAnnotations;
}

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: (RecordingRule | AlertingRule)[];
}
