// An HTTP(S) probe made by this process with Node's http/https/tls: connect to the address, send the
// name as Host and TLS SNI, read the status. The certificate is checked with Node's own rules (chain
// to the trust store, name, dates) but the connection is not refused when it fails: the same probe
// then says both "the certificate is expired" and "the site answers 200".
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import type * as tls from "node:tls";
import type { ProbeFact, TlsFact } from "../facts/schema";
import { connectReasonFromNode, tlsReasonFromNode } from "./probe-reasons";
import { httpProbeSource } from "./sources";
import type { ProbeTarget } from "./probe-targets";

export interface NativeProbeOptions {
  timeoutMs: number;
  /** Trusted CAs (PEM): the system's plus any extra; undefined = Node's defaults. */
  ca?: string[];
  now: () => Date;
}

/** Go's pkix.Name.String() order (last RDN first, comma-joined), so both probes write the same subject. */
function distinguishedName(name: tls.Certificate | undefined): string | undefined {
  if (!name) return undefined;
  const parts = Object.entries(name).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}=${x}`) : [`${k}=${v}`]));
  return parts.length ? parts.reverse().join(",") : undefined;
}

const isoDate = (s: string | undefined): string | undefined => {
  const t = s ? Date.parse(s) : NaN;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
};

function tlsFactOf(socket: tls.TLSSocket): TlsFact {
  const cert = socket.getPeerCertificate();
  const fact: TlsFact = {
    valid: socket.authorized,
    subject: distinguishedName(cert?.subject),
    issuer: distinguishedName(cert?.issuer),
    notBefore: isoDate(cert?.valid_from),
    notAfter: isoDate(cert?.valid_to),
  };
  if (!socket.authorized) {
    const code = String(socket.authorizationError ?? "unknown");
    fact.error = { code: tlsReasonFromNode(code), message: code };
  }
  return Object.fromEntries(Object.entries(fact).filter(([, v]) => v !== undefined)) as TlsFact;
}

export function probeNative(target: ProbeTarget, opts: NativeProbeOptions): Promise<ProbeFact> {
  const started = performance.now();
  const observedAt = opts.now().toISOString();
  const base = { name: target.name, address: target.address, scheme: target.scheme, port: target.port, source: httpProbeSource(), observedAt };
  return new Promise((resolve) => {
    let tlsFact: TlsFact | undefined;
    let done = false;
    const finish = (fact: ProbeFact) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(fact);
    };
    const fail = (code: string, message: string) =>
      finish({ ...base, reachable: false, durationMs: performance.now() - started, ...(tlsFact ? { tls: tlsFact } : {}), error: { code, message } });
    const common = { host: target.address, port: target.port, path: "/", method: "GET", headers: { Host: target.name, "User-Agent": "spbe-probe" }, agent: false as const };
    const req =
      target.scheme === "https"
        ? https.request({
            ...common,
            // SNI carries names only (RFC 6066); an address target sends none.
            servername: net.isIP(target.name) ? "" : target.name,
            // Verified below from the socket, not by refusing the connection (see the file comment).
            rejectUnauthorized: false,
            ...(opts.ca ? { ca: opts.ca } : {}),
          })
        : http.request(common);
    const timer = setTimeout(() => fail("timeout", `no answer within ${opts.timeoutMs} ms`), opts.timeoutMs);
    req.on("socket", (socket) => {
      if (target.scheme === "https") (socket as tls.TLSSocket).once("secureConnect", () => (tlsFact = tlsFactOf(socket as tls.TLSSocket)));
    });
    req.on("response", (res) => {
      res.resume();
      finish({ ...base, reachable: true, status: res.statusCode, durationMs: performance.now() - started, ...(tlsFact ? { tls: tlsFact } : {}) });
    });
    req.on("error", (err: NodeJS.ErrnoException) => fail(connectReasonFromNode(err.code), err.message));
    req.end();
  });
}
