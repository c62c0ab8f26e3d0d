// HTTP(S) probes of the addresses web names answer from, as facts (facts/schema.ts `ProbeFact`):
// status, response time, reachability and the TLS certificate (valid or why not). Two ways to the
// same facts: ask the NOC's prometheus-blackbox-exporter (`blackboxUrl`, the answers Prometheus
// also records) or probe from this process. Never throws for a target: a failure is a fact with its
// reason. Bounded concurrency, so a thousand names do not open a thousand sockets at once.
import * as fs from "node:fs";
import * as tls from "node:tls";
import type { ProbeFact } from "../facts/schema";
import { mapLimit } from "./concurrency";
import { probeBlackbox } from "./probe-blackbox";
import { probeNative } from "./probe-native";
import type { ProbeTarget } from "./probe-targets";

export type { ProbeTarget };

export interface ProbeOptions {
  timeoutMs: number;
  concurrency: number;
  /** Ask this blackbox exporter (e.g. http://127.0.0.1:9115) instead of probing from this process. */
  blackboxUrl?: string;
  now?: () => Date;
  /**
   * A PEM CA bundle trusted besides the system's (the native probe; the exporter takes it as
   * `tls_config.ca_file` in its configuration): a Dinas' own CA, or a test CA. Verification stays on.
   */
  caFile?: string;
}

export async function probeTargets(targets: ProbeTarget[], opts: ProbeOptions): Promise<ProbeFact[]> {
  const now = opts.now ?? (() => new Date());
  const ca = opts.caFile ? [...tls.rootCertificates, fs.readFileSync(opts.caFile, "utf8")] : undefined;
  const blackboxUrl = opts.blackboxUrl;
  return mapLimit(targets, opts.concurrency, (t) =>
    blackboxUrl ? probeBlackbox(blackboxUrl, t, { timeoutMs: opts.timeoutMs, now }) : probeNative(t, { timeoutMs: opts.timeoutMs, ca, now }),
  );
}
