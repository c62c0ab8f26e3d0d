// The inventory's receivers as Alertmanager receivers. Secrets (Telegram bot tokens, SMTP password,
// secret webhook URLs) are written through `secret`: the build writes a placeholder naming the
// reference, the MonitoringStack replaces it with the stack secret's value at deployment. (Debian's
// Alertmanager 0.25 has no bot_token_file/url_file; reading secrets from files needs 0.26+.)
import type { AlertReceiver, Alerting, SecretRef } from "../../inventory/schema";
import { secretConfigKey } from "../../inventory/secret-refs";
import type { AmReceiver } from "./model";
import { TEMPLATE } from "./templates";

/** How a secret reference is written into the configuration. */
export type SecretText = (ref: SecretRef) => string;

/**
 * The placeholder for a secret: a URL, so it is valid where Alertmanager wants a URL (webhooks) and
 * a string elsewhere; unmistakable, and it names the stack config key the value comes from.
 */
export function secretPlaceholder(ref: SecretRef): string {
  return `https://spbe-secret.invalid/${secretConfigKey(ref)}`;
}

/** A receiver with no configuration: Alertmanager's way to drop what is routed to it. */
export const DROP_RECEIVER = "spbe-drop";

export function amReceivers(a: Alerting, secret: SecretText): AmReceiver[] {
  return [...a.receivers.map((r) => amReceiver(r, secret)), { name: DROP_RECEIVER }];
}

function amReceiver(r: AlertReceiver, secret: SecretText): AmReceiver {
  const out: AmReceiver = { name: r.id };
  if (r.email.length > 0) {
    out.email_configs = r.email.map((to) => ({
      to,
      send_resolved: true,
      headers: { Subject: `{{ template "${TEMPLATE.title}" . }}` },
      html: `{{ template "${TEMPLATE.html}" . }}`,
      text: `{{ template "${TEMPLATE.text}" . }}`,
    }));
  }
  if (r.webhooks.length > 0) out.webhook_configs = r.webhooks.map((w) => ({ url: typeof w.url === "string" ? w.url : secret(w.url), send_resolved: true }));
  if (r.telegram.length > 0) {
    out.telegram_configs = r.telegram.map((tg) => ({
      bot_token: secret(tg.botToken),
      chat_id: tg.chatId,
      parse_mode: "",
      message: `{{ template "${TEMPLATE.title}" . }}\n{{ template "${TEMPLATE.text}" . }}`,
      send_resolved: true,
    }));
  }
  return out;
}
