// An HTTP(S) probe asked of a running prometheus-blackbox-exporter (`/probe?debug=true`): the same
// modules the NOC's Prometheus scrapes (observe/blackbox-config.ts), read back as a fact. An https
// target is asked twice, with the certificate verified and with `https_any_cert`, so a site with a bad
// certificate still reports its status and certificate, like the native probe.
import type { ProbeFact, TlsFact } from "../facts/schema";
import { BLACKBOX_MODULE, blackboxModuleFor, probeUrl } from "./blackbox-config";
import { parseExposition, sampleOf, type Sample } from "./exposition";
import type { ProbeTarget } from "./probe-targets";
import { connectReasonFromGo, tlsReasonFromGo } from "./probe-reasons";
import { blackboxSource } from "./sources";

interface BlackboxAnswer {
  samples: Sample[];
  /** The exporter's probe log (logfmt lines): where the failure reason is. */
  log: string;
}

export interface BlackboxProbeOptions {
  timeoutMs: number;
  now: () => Date;
}

/** The first error the exporter logged for the probe (`err="…"`, else `msg="…"` of a level=error line). */
export function probeError(log: string): string | undefined {
  for (const line of log.split("\n")) {
    if (!/level=error/.test(line)) continue;
    const m = /\berr="((?:[^"\\]|\\.)*)"/.exec(line) ?? /\bmsg="((?:[^"\\]|\\.)*)"/.exec(line);
    if (m) return m[1]!.replace(/\\"/g, '"');
  }
  return undefined;
}

async function ask(blackboxUrl: string, module: string, target: ProbeTarget, timeoutMs: number): Promise<BlackboxAnswer> {
  const u = new URL("/probe", blackboxUrl);
  u.searchParams.set("module", module);
  u.searchParams.set("target", probeUrl(target.scheme, target.address, target.port));
  u.searchParams.set("hostname", target.name);
  u.searchParams.set("debug", "true");
  // The exporter bounds its probe by the scrape timeout Prometheus would send (minus its offset).
  const r = await fetch(u, { headers: { "X-Prometheus-Scrape-Timeout-Seconds": String(timeoutMs / 1000) }, signal: AbortSignal.timeout(timeoutMs + 2000) });
  const text = await r.text();
  if (!r.ok) throw new Error(`blackbox exporter answered ${r.status}: ${text.trim().slice(0, 300)}`);
  const metricsAt = text.indexOf("Metrics that would have been returned:");
  const configAt = text.indexOf("Module configuration:");
  if (metricsAt < 0) throw new Error(`blackbox exporter gave no debug answer: ${text.slice(0, 300)}`);
  return { log: text.slice(0, metricsAt), samples: parseExposition(text.slice(metricsAt, configAt < 0 ? undefined : configAt)) };
}

const value = (a: BlackboxAnswer, name: string): number | undefined => sampleOf(a.samples, name)?.value;

function certificateOf(a: BlackboxAnswer): Omit<TlsFact, "valid"> {
  const chain = sampleOf(a.samples, "probe_ssl_last_chain_info")?.labels;
  const expiry = value(a, "probe_ssl_earliest_cert_expiry");
  return {
    ...(chain?.subject ? { subject: chain.subject } : {}),
    ...(chain?.issuer ? { issuer: chain.issuer } : {}),
    ...(expiry && expiry > 0 ? { notAfter: new Date(expiry * 1000).toISOString() } : {}),
  };
}

export async function probeBlackbox(blackboxUrl: string, target: ProbeTarget, opts: BlackboxProbeOptions): Promise<ProbeFact> {
  const observedAt = opts.now().toISOString();
  const base = { name: target.name, address: target.address, scheme: target.scheme, port: target.port, source: blackboxSource(blackboxUrl), observedAt };
  try {
    const [verified, anyCert] = await Promise.all([
      ask(blackboxUrl, blackboxModuleFor(target.scheme), target, opts.timeoutMs),
      target.scheme === "https" ? ask(blackboxUrl, BLACKBOX_MODULE.httpsAnyCert, target, opts.timeoutMs) : undefined,
    ]);
    // What answered: with any certificate for https (so a bad certificate still shows the status).
    const answered = anyCert ?? verified;
    const status = value(answered, "probe_http_status_code") ?? 0;
    const durationMs = (value(answered, "probe_duration_seconds") ?? 0) * 1000;
    let tls: TlsFact | undefined;
    if (anyCert && value(anyCert, "probe_http_ssl") === 1) {
      const cert = certificateOf(anyCert);
      const verifiedOk = (value(verified, "probe_http_status_code") ?? 0) > 0;
      const why = verifiedOk ? undefined : probeError(verified.log);
      const code = why ? tlsReasonFromGo(why, cert.subject !== undefined && cert.subject === cert.issuer) : undefined;
      tls = { valid: verifiedOk, ...cert, ...(verifiedOk ? {} : { error: { code: code ?? "tls-invalid", message: why ?? "the verified probe failed" } }) };
    }
    if (status > 0) return { ...base, reachable: true, status, durationMs, ...(tls ? { tls } : {}) };
    const why = probeError(answered.log) ?? "the probe failed without a logged reason";
    return { ...base, reachable: false, durationMs, ...(tls ? { tls } : {}), error: { code: connectReasonFromGo(why), message: why } };
  } catch (err) {
    // The exporter itself did not answer: say so, do not blame the target.
    return { ...base, reachable: false, error: { code: "blackbox-unavailable", message: (err as Error).message } };
  }
}
