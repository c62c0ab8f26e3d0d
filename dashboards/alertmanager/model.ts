// The part of Alertmanager's configuration file this project writes
// (https://prometheus.io/docs/alerting/latest/configuration/), as checked by Debian's amtool 0.25.
export interface AmRoute {
  receiver?: string;
  matchers?: string[];
  group_by?: string[];
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  continue?: boolean;
  mute_time_intervals?: string[];
  active_time_intervals?: string[];
  routes?: AmRoute[];
}

export interface AmReceiver {
  name: string;
  email_configs?: { to: string; send_resolved: boolean; headers: Record<string, string>; html?: string; text: string }[];
  webhook_configs?: { url: string; send_resolved: boolean }[];
  telegram_configs?: { bot_token: string; chat_id: number; parse_mode: string; message: string; send_resolved: boolean }[];
}

export interface AmTimeRange {
  times?: { start_time: string; end_time: string }[];
  weekdays?: string[];
  days_of_month?: string[];
  months?: string[];
  years?: string[];
  location?: string;
}

export interface AmInhibitRule {
  source_matchers: string[];
  target_matchers: string[];
  equal?: string[];
}

export interface AmConfig {
  global: Record<string, unknown>;
  templates: string[];
  route: AmRoute;
  receivers: AmReceiver[];
  inhibit_rules: AmInhibitRule[];
  time_intervals?: { name: string; time_intervals: AmTimeRange[] }[];
}

/** A matcher `label="value"` with the value quoted as Alertmanager's matcher parser reads it. */
export function eq(label: string, value: string): string {
  return `${label}=${JSON.stringify(value)}`;
}

/** A matcher `label=~"a|b"` for exact values (regex metacharacters of inventory ids escaped). */
export function oneOf(label: string, values: readonly string[]): string {
  return `${label}=~${JSON.stringify(values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"))}`;
}
