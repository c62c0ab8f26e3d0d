// The NOC's HTTP(S) probes as prometheus-blackbox-exporter sees them: the exporter's modules
// (blackbox.yml) and the Prometheus scrape jobs that ask it to probe every web name the inventory
// publishes, so probe results become time series (probe_success per application and OPD). Pure: the
// inventory in, configuration objects out. observe/http-probe.ts asks the same modules for facts.
import { stringify } from "yaml";
import type { Inventory } from "../inventory/schema";

export type ProbeScheme = "http" | "https";

/**
 * The exporter's modules, named the blackbox_exporter way (`http_2xx`). `https_2xx` verifies the
 * chain and the name; `https_any_cert` does not, so a probe still reads the status and the
 * certificate's dates when the certificate is expired, self-signed or for another name.
 */
export const BLACKBOX_MODULE = { http: "http_2xx", https: "https_2xx", httpsAnyCert: "https_any_cert" } as const;

/** The module that probes a scheme with the certificate verified. */
export const blackboxModuleFor = (scheme: ProbeScheme): string => (scheme === "https" ? BLACKBOX_MODULE.https : BLACKBOX_MODULE.http);

/** A web name the inventory publishes, to be probed. */
export interface InventoryProbeTarget {
  name: string;
  scheme: ProbeScheme;
  port: number;
  opd: string;
  /** The application's id; absent for an OPD's own subdomain. */
  application?: string;
}

const inDomain = (name: string, domain: string): boolean => name === domain || name.endsWith(`.${domain}`);

/**
 * Every application hostname and every OPD subdomain under the kabupaten's domain, once each.
 * Applications published on public port 80 only are probed over http; everything else over https
 * on 443 (a website of the kabupaten is expected to answer over TLS).
 */
export function inventoryProbeTargets(inv: Inventory): InventoryProbeTarget[] {
  const domain = inv.meta.domain.toLowerCase();
  const out = new Map<string, InventoryProbeTarget>();
  const add = (t: InventoryProbeTarget) => {
    const key = `${t.scheme}://${t.name}:${t.port}`;
    if (!out.has(key)) out.set(key, t);
  };
  for (const app of inv.applications) {
    const name = app.hostname?.toLowerCase();
    if (!name || !inDomain(name, domain)) continue;
    const publicPorts = app.placement.type === "datacenter" ? app.placement.ports.map((p) => p.public).filter((p): p is number => p !== undefined) : [];
    const httpOnly = publicPorts.length > 0 && publicPorts.every((p) => p === 80);
    add(httpOnly ? { name, scheme: "http", port: 80, opd: app.opd, application: app.id } : { name, scheme: "https", port: 443, opd: app.opd, application: app.id });
  }
  for (const opd of inv.opds) {
    const name = opd.subdomain?.toLowerCase();
    if (name && inDomain(name, domain)) add({ name, scheme: "https", port: 443, opd: opd.code });
  }
  return [...out.values()].sort((a, b) => (a.name === b.name ? a.scheme.localeCompare(b.scheme) : a.name < b.name ? -1 : 1));
}

export interface BlackboxConfigOptions {
  /** Per-probe timeout, seconds; under the scrape timeout. Default 10. */
  timeoutSeconds?: number;
  /** A CA bundle the https modules trust besides the system's (tls_config.ca_file), e.g. the Dinas' own CA. */
  caFile?: string;
}

/** blackbox.yml as an object (see renderBlackboxConfig for the text). */
export function blackboxConfig(opts: BlackboxConfigOptions = {}) {
  const timeout = `${opts.timeoutSeconds ?? 10}s`;
  const http = { preferred_ip_protocol: "ip4", ip_protocol_fallback: true, follow_redirects: false };
  const tls = (verify: boolean) => ({ ...(opts.caFile ? { ca_file: opts.caFile } : {}), ...(verify ? {} : { insecure_skip_verify: true }) });
  return {
    modules: {
      [BLACKBOX_MODULE.http]: { prober: "http", timeout, http: { ...http, fail_if_ssl: false } },
      [BLACKBOX_MODULE.https]: { prober: "http", timeout, http: { ...http, fail_if_not_ssl: true, tls_config: tls(true) } },
      [BLACKBOX_MODULE.httpsAnyCert]: { prober: "http", timeout, http: { ...http, fail_if_not_ssl: true, tls_config: tls(false) } },
    },
  };
}

export const renderBlackboxConfig = (opts: BlackboxConfigOptions = {}): string => stringify(blackboxConfig(opts));

export interface ProbeJobOptions {
  /** host:port of the blackbox exporter as Prometheus reaches it (the container name in the monitoring stack). */
  exporter: string;
  /** How to reach a name: the address to connect to (tests, or a name the public DNS does not know yet). Default: the name itself, resolved by the exporter. */
  addressOf?: (name: string) => string | undefined;
  scrapeInterval?: string;
  scrapeTimeout?: string;
}

/** The probe job's name for a scheme: one job per module (Prometheus passes one `module` per job). */
export const probeJobName = (scheme: ProbeScheme): string => `spbe-probe-${scheme}`;

/** The URL the exporter probes: `<scheme>://<address>:<port>/` (IPv6 in brackets). */
export function probeUrl(scheme: ProbeScheme, address: string, port: number): string {
  return `${scheme}://${address.includes(":") ? `[${address}]` : address}:${port}/`;
}

/**
 * Prometheus scrape jobs through the exporter, with the standard blackbox relabeling: the target URL
 * becomes `__param_target` and `instance`, the name becomes `__param_hostname` (Host header and TLS
 * server name, so a probe by address still asks for the right site) and `__address__` is the exporter.
 * Each target carries the labels `application` (when it is one), `opd` and `hostname`.
 */
export function probeScrapeJobs(targets: readonly InventoryProbeTarget[], opts: ProbeJobOptions) {
  const schemes: ProbeScheme[] = ["http", "https"];
  return schemes
    .map((scheme) => ({ scheme, targets: targets.filter((t) => t.scheme === scheme) }))
    .filter((g) => g.targets.length > 0)
    .map((g) => ({
      job_name: probeJobName(g.scheme),
      metrics_path: "/probe",
      params: { module: [blackboxModuleFor(g.scheme)] },
      scrape_interval: opts.scrapeInterval ?? "60s",
      scrape_timeout: opts.scrapeTimeout ?? "15s",
      static_configs: g.targets.map((t) => ({
        targets: [probeUrl(t.scheme, opts.addressOf?.(t.name) ?? t.name, t.port)],
        labels: { ...(t.application ? { application: t.application } : {}), opd: t.opd, hostname: t.name },
      })),
      relabel_configs: [
        { source_labels: ["__address__"], target_label: "__param_target" },
        { source_labels: ["hostname"], target_label: "__param_hostname" },
        { source_labels: ["__param_target"], target_label: "instance" },
        { target_label: "__address__", replacement: opts.exporter },
      ],
    }));
}
