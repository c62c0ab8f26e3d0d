// How Prometheus reaches the collector in the monitoring stack: the collector binds 0.0.0.0 on the
// private monitoring network, so it is given a web configuration (exporter-toolkit format, read by
// `spbe serve --web.config.file`) with one basic-auth user, and Prometheus' scrape job carries the
// same password. The password is a stack secret (`collectorScrapePassword`): the files hold
// placeholders the component fills in, never the value. No TLS inside the network: the collector's
// port is not published on the host, only Prometheus on the same bridge reaches it.
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";

export const COLLECTOR_SCRAPE_USER = "prometheus";
/** The stack secret key holding the scrape password. */
export const COLLECTOR_PASSWORD_KEY = "collectorScrapePassword";
export const COLLECTOR_WEB_CONFIG_PATH = "/etc/spbe/web.yml";
/** A whole YAML scalar standing for the secret; the component writes the quoted value in its place. */
export const COLLECTOR_PASSWORD_PLACEHOLDER = `spbe-secret:${COLLECTOR_PASSWORD_KEY}`;
/** A whole YAML scalar standing for the secret's bcrypt hash. */
export const COLLECTOR_PASSWORD_HASH_PLACEHOLDER = `spbe-secret-bcrypt:${COLLECTOR_PASSWORD_KEY}`;

/** The collector's web configuration, with the hash as a placeholder. */
export function collectorWebConfig(): string {
  return `# spbe serve --web.config.file (Prometheus exporter-toolkit format)\nbasic_auth_users:\n  ${COLLECTOR_SCRAPE_USER}: ${COLLECTOR_PASSWORD_HASH_PLACEHOLDER}\n`;
}

/** Prometheus' basic_auth for the collector's scrape job, with the password as a placeholder. */
export function collectorScrapeAuth(): { username: string; password: string } {
  return { username: COLLECTOR_SCRAPE_USER, password: COLLECTOR_PASSWORD_PLACEHOLDER };
}

/**
 * The bcrypt hash of the scrape password, with a salt derived from the password itself: a random
 * salt would change the uploaded file, and so replace the collector container, on every `pulumi up`.
 * The salt only defeats precomputed tables; a stack secret that is a long random string needs no
 * more, and the hash stays inside a secret output.
 */
export function deterministicBcrypt(password: string, rounds = 10): string {
  const seed = createHash("sha256").update(`spbe-collector-web-config\0${password}`).digest();
  const salt = `$2b$${String(rounds).padStart(2, "0")}$${bcrypt.encodeBase64([...seed.subarray(0, 16)], 16)}`;
  return bcrypt.hashSync(password, salt);
}
