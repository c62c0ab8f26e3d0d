// The collector's web configuration in the Prometheus exporter-toolkit format (`--web.config.file`,
// the file node_exporter and snmp_exporter read), so operators and Prometheus configure TLS and basic
// auth here as they do for every other exporter:
//
//   tls_server_config: { cert_file: collector.crt, key_file: collector.key }
//   basic_auth_users: { prometheus: $2y$10$... }   # bcrypt hashes, e.g. from `htpasswd -nB`
//
// Relative file names are read from the configuration file's folder, as exporter-toolkit does.
// Pure parsing here; the express guard is web-guard.ts, the listening socket serve.ts.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isIP } from "node:net";
import { parse } from "yaml";
import { z } from "zod";

export interface WebConfig {
  file: string;
  tls?: { cert: Buffer; key: Buffer; certFile: string; keyFile: string };
  /** user → bcrypt hash */
  users: Map<string, string>;
}

export class WebConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join("; ")}`);
    this.name = "WebConfigError";
  }
}

/** bcrypt hashes as htpasswd (2y), OpenBSD (2b, 2a) and Go's x/crypto write them. */
const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

// Only what this server does: a key exporter-toolkit knows but that is not implemented here
// (client certificates, cipher suites, HTTP/2 settings) is refused rather than silently ignored.
const schema = z
  .object({
    tls_server_config: z.object({ cert_file: z.string().min(1), key_file: z.string().min(1) }).strict().optional(),
    basic_auth_users: z.record(z.string().min(1), z.string().regex(BCRYPT, "must be a bcrypt hash ($2y$..., e.g. from htpasswd -nBC 10 user)")).optional(),
  })
  .strict();

export function loadWebConfig(file: string): WebConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new WebConfigError(file, [(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message]);
  }
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (err) {
    throw new WebConfigError(file, [(err as Error).message.split("\n")[0]!]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new WebConfigError(file, parsed.error.issues.map((i) => `${i.path.join(".") || "(document)"}: ${i.message}`));
  const dir = dirname(resolve(file));
  const users = new Map(Object.entries(parsed.data.basic_auth_users ?? {}));
  const tlsConfig = parsed.data.tls_server_config;
  if (!tlsConfig) return { file, users };
  const certFile = resolve(dir, tlsConfig.cert_file);
  const keyFile = resolve(dir, tlsConfig.key_file);
  const read = (what: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new WebConfigError(file, [`tls_server_config.${what}: ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
    }
  };
  return { file, users, tls: { cert: read("cert_file", certFile), key: read("key_file", keyFile), certFile, keyFile } };
}

/**
 * Whether a listen address only answers this machine: 127.0.0.0/8, ::1, localhost. Anything else
 * (0.0.0.0, ::, a LAN address) exposes /report and /targets to whoever reaches the port.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || h === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(h);
  return false;
}
