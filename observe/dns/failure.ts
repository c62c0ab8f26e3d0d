// c-ares error codes (Node's dns module) as the stable reason codes of a fact (facts/schema.ts
// failureSchema): a report and a test read `nxdomain`, never `ENOTFOUND`.
import type { Failure } from "../../facts/schema";

const CODES: Record<string, string> = {
  ENOTFOUND: "nxdomain",
  ENODATA: "nodata",
  ETIMEOUT: "timeout",
  ESERVFAIL: "servfail",
  EREFUSED: "refused",
  ECONNREFUSED: "connection-refused",
  EBADRESP: "bad-response",
  EFORMERR: "format-error",
  ENOTIMP: "not-implemented",
  EBADNAME: "bad-name",
  ECANCELLED: "cancelled",
  ETIMEDOUT: "timeout",
  ECONNRESET: "connection-reset",
};

export function dnsFailure(err: unknown): Failure {
  const e = err as { code?: unknown; message?: unknown };
  const raw = typeof e?.code === "string" ? e.code : "";
  return { code: CODES[raw] ?? (raw ? raw.toLowerCase() : "error"), message: typeof e?.message === "string" ? e.message : String(err) };
}

/**
 * The one failure of a name asked for A and AAAA: NXDOMAIN is about the name itself and wins;
 * then what made the observation incomplete (timeout, servfail, refused, …); "no data" only when
 * nothing else went wrong.
 */
export function worstFailure(failures: readonly Failure[]): Failure | undefined {
  const rank = (f: Failure) => (f.code === "nxdomain" ? 0 : f.code === "nodata" ? 2 : 1);
  return [...failures].sort((a, b) => rank(a) - rank(b))[0];
}
