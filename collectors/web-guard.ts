// The one guard in front of everything the collector serves but /healthz (and /metrics when it is
// left open on purpose): HTTP basic auth against the web configuration's bcrypt hashes. One express
// middleware, so any route mounted after it (the report, /targets, the NOC board) is behind it.
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import type { RequestHandler } from "express";

/** Compared against when the user is unknown, so a wrong user costs as long as a wrong password. */
const DUMMY_HASH = bcrypt.hashSync("spbe-unknown-user", 10);
/** Accepted credentials, remembered: bcrypt costs ~50-100 ms, Prometheus asks every scrape. */
const CACHE_LIMIT = 1000;

export function basicAuthGuard(users: Map<string, string>, realm = "spbe-collector"): RequestHandler {
  const accepted = new Set<string>();
  const challenge = `Basic realm="${realm}", charset="UTF-8"`;
  return (req, res, next) => {
    if (users.size === 0) return next();
    const credentials = parseBasic(req.headers.authorization);
    const refuse = () => {
      res.setHeader("WWW-Authenticate", challenge);
      res.status(401).type("text/plain").send("Unauthorized\n");
    };
    if (!credentials) return refuse();
    const hash = users.get(credentials.user);
    // The cache key binds user, password and hash: a changed hash (reloaded config) is asked again.
    const key = createHash("sha256").update(`${credentials.user}\0${credentials.password}\0${hash ?? ""}`).digest("hex");
    if (hash !== undefined && accepted.has(key)) return next();
    bcrypt.compare(credentials.password, hash ?? DUMMY_HASH).then(
      (ok) => {
        if (!ok || hash === undefined) return refuse();
        if (accepted.size >= CACHE_LIMIT) accepted.clear();
        accepted.add(key);
        next();
      },
      (err: unknown) => next(err),
    );
  };
}

function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const match = header && /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
