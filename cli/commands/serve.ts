// `spbe serve <inventory>`: the collector process (poller + Prometheus/InfluxDB sinks + HTTP).
// --simulate also starts the SNMP simulator and polls it. SIGHUP reloads the inventory (a bad file
// is reported and the old one kept); SIGTERM/SIGINT flush the InfluxDB buffer and exit cleanly.
import type { Command } from "commander";
import { moduleChecks } from "../../collectors/module-catalog";
import { t, type Lang } from "../../i18n";
import { loadInventoryFile } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";
import { startServe, type ServeExtension, type ServeHandle } from "../../collectors/serve";
import { isLoopbackHost, loadWebConfig, WebConfigError, type WebConfig } from "../../collectors/web-config";
import { renderDiagnostic } from "../../inventory/diagnostics";
import { resolverOption } from "./observe";
import { serveObservation } from "./serve-observe";
import { tryParseFacts } from "../../facts/load";
import { startHistoryCache, type HistoryCache } from "../../observe/history-cache";
import { ExitCode, formatOption, langOf, langOption, loadForCommand, UsageError } from "../context";
import { factsWith, historyOptions, historyPeriod, historyRequest, type HistoryCliOptions } from "../history-options";

interface ServeCliOptions extends HistoryCliOptions {
  host: string;
  port: string;
  simulate?: boolean;
  influxUrl?: string;
  influxDb: string;
  concurrency: string;
  timeoutMs: string;
  retries: string;
  maxRepetitions: string;
  interval?: string;
  pollOn: string;
  observe: boolean;
  observeEvery: string;
  resolver?: string;
  factsOut?: string;
  format: string;
  lang?: string;
  "web.config.file"?: string;
  "web.openMetrics"?: boolean;
  insecureListen?: boolean;
}

function int(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}, not "${v}"`);
  return n;
}

/** The compliance report extension, when the policies module is present and loads. */
function complianceExtension(inventory: Inventory, facts: () => unknown, lang: Lang): (ServeExtension & { summary?: () => { score: number; predicate?: string } }) | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require("../../policies/serve") as { createComplianceExtension?: (inv: Inventory, o?: object) => ServeExtension & { summary?: () => { score: number; predicate?: string } } };
    return mod.createComplianceExtension?.(inventory, { facts });
  } catch (err) {
    process.stderr.write(t(lang, "serve.no-compliance", { message: (err as Error).message }) + "\n");
    return undefined;
  }
}

/**
 * The web configuration, read before anything starts; and the refusal to serve /report and /targets
 * unguarded on an address other machines reach, unless the operator says so (--insecure-listen).
 */
function webConfigOption(opts: ServeCliOptions, lang: Lang): WebConfig | undefined {
  const file = opts["web.config.file"];
  let web: WebConfig | undefined;
  if (file !== undefined) {
    try {
      web = loadWebConfig(file);
    } catch (err) {
      if (err instanceof WebConfigError) throw new UsageError(t(lang, "serve.bad-web-config", { file: err.file, problems: err.problems.join("; ") }));
      throw err;
    }
  }
  if (!web && !opts.insecureListen && !isLoopbackHost(opts.host)) throw new UsageError(t(lang, "serve.insecure-listen", { host: opts.host }));
  return web;
}

export function configureServe(command: Command): void {
  command
    .argument("<inventory>", "inventory YAML file")
    .option("--host <address>", "listen address", "127.0.0.1")
    .option("--port <port>", "listen port (0 = any free port)", "9116")
    .option("--simulate", "start the SNMP simulator and poll it instead of the real devices")
    .option("--influx-url <url>", "also write to InfluxDB 1.x at this URL (e.g. http://127.0.0.1:8086)")
    .option("--influx-db <name>", "InfluxDB database", "spbe")
    .option("--concurrency <n>", "polls in flight at most", "50")
    .option("--timeout-ms <ms>", "SNMP request timeout", "2000")
    .option("--retries <n>", "SNMP retries after a timeout", "1")
    .option("--max-repetitions <n>", "GETBULK max-repetitions", "25")
    .option("--interval <seconds>", "one poll interval for every role (default: per role, 15-60 s)")
    .option("--poll-on <when>", "schedule: poll every device on the collector's own schedule; scrape: poll a device when /snmp?target= asks (beside a vmagent member) / kapan polling", "schedule")
    .option("--observe-every <seconds>", "observe neighbour tables (and, with a resolver, where applications answer) this often / amati setiap", "3600")
    .option("--no-observe", "no scheduled observation / tanpa pengamatan terjadwal")
    .option("--resolver <host:port>", "DNS server for the scheduled observation (default meta.dns.resolver) / server DNS")
    .option("--web.config.file <file>", "TLS and basic auth, in the Prometheus exporter-toolkit format / TLS dan basic auth (format exporter-toolkit)")
    .option("--web.open-metrics", "with basic auth, leave /metrics open (everything else stays guarded) / /metrics tanpa kata sandi")
    .option("--insecure-listen", "allow a non-loopback --host without --web.config.file / izinkan alamat non-loopback tanpa konfigurasi web")
    .option("--facts-out <file>", "write the observed facts here after each observation, for spbe report --facts / tulis fakta teramati")
    .addOption(formatOption())
    .addOption(langOption());
  for (const o of historyOptions()) command.addOption(o);
  command.action(async (file: string, opts: ServeCliOptions) => {
      const lang = langOf(opts);
      // Options first: a typo costs nothing and loads nothing.
      const numbers = {
        port: int("port", opts.port, 0),
        concurrency: int("concurrency", opts.concurrency, 1),
        timeoutMs: int("timeout-ms", opts.timeoutMs, 1),
        retries: int("retries", opts.retries, 0),
        maxRepetitions: int("max-repetitions", opts.maxRepetitions, 1),
        intervalSeconds: int("interval", opts.interval, 1),
      };
      const observeEvery = int("observe-every", opts.observeEvery, 10)!;
      if (opts.pollOn !== "schedule" && opts.pollOn !== "scrape") throw new UsageError(`--poll-on must be schedule or scrape, not "${opts.pollOn}"`);
      if (opts.influxUrl !== undefined && !/^https?:\/\/[^/]+/.test(opts.influxUrl)) throw new UsageError(`--influx-url must be an http(s) URL, not "${opts.influxUrl}"`);
      const history = historyRequest(opts, lang);
      const web = webConfigOption(opts, lang);
      const { inventory } = loadForCommand(file, opts, false, moduleChecks(file));
      if (!inventory) return;
      let handle: ServeHandle | undefined;
      let current = inventory;
      const log = (line: string) => process.stderr.write(line + "\n");
      const observation = opts.observe
        ? serveObservation({ everySeconds: observeEvery, server: resolverOption(lang, inventory, opts.resolver), factsOut: opts.factsOut, timeoutMs: numbers.timeoutMs ?? 2000, concurrency: numbers.concurrency ?? 50, log })
        : undefined;
      // /report's history: read in the background, every few minutes, from the Prometheus that keeps it.
      const historyCache: HistoryCache | undefined = history && startHistoryCache({ prometheusUrl: history.url, period: (now) => historyPeriod(history, now) });
      const facts = () => {
        const polled = observation ? observation.facts(handle) : handle?.observedFacts();
        const fact = historyCache?.latest();
        return fact ? factsWith(tryParseFacts(polled), fact, new Date()) : polled;
      };
      const extension = complianceExtension(inventory, facts, lang);
      try {
        handle = await startServe({
          inventory,
          host: opts.host,
          ...numbers,
          simulate: opts.simulate,
          pollOn: opts.pollOn,
          influxUrl: opts.influxUrl,
          influxDatabase: opts.influxDb,
          web,
          metricsOpen: opts["web.openMetrics"],
          extensions: [...(extension ? [extension] : []), ...(observation ? [observation.extension] : [])],
          // The board at / shows the kabupaten's compliance score and links to /report (relative: works behind a path prefix).
          board: extension ? { compliance: extension.summary, reportPath: "report" } : undefined,
        });
      } catch (err) {
        // Another collector (or snmp_exporter, which shares port 9116) already listens: say what to do.
        if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
          process.stderr.write(t(lang, "serve.port-in-use", { host: opts.host, port: numbers.port ?? opts.port }) + "\n");
          process.exitCode = ExitCode.failed;
          return;
        }
        throw err;
      }
      const h = handle;
      observation?.start(h, () => current);
      const info = {
        metrics: `${h.url}/metrics`,
        targets: `${h.url}/targets`,
        perTarget: `${h.url}/snmp?target=<device>`,
        report: extension ? `${h.url}/report` : undefined,
        board: `${h.url}/`,
        devices: h.targets().length,
        simulated: Boolean(opts.simulate),
        generatedSecrets: h.generatedSecrets,
      };
      if (opts.format === "json") process.stdout.write(JSON.stringify(info) + "\n");
      else {
        if (h.simulator) process.stdout.write(t(lang, "serve.simulating", { devices: h.simulator.endpoints.size }) + "\n");
        if (h.generatedSecrets.length > 0) process.stdout.write(t(lang, "serve.generated-secrets", { names: h.generatedSecrets.join(", ") }) + "\n");
        process.stdout.write(t(lang, "serve.listening", { metrics: info.metrics, targets: info.targets, devices: info.devices }) + "\n");
        if (web) {
          const metrics = t(lang, opts["web.openMetrics"] ? "serve.metrics-open" : "serve.metrics-guarded");
          process.stdout.write(t(lang, "serve.guarded", { scheme: web.tls ? "HTTPS" : "HTTP", users: web.users.size, metrics }) + "\n");
        }
        if (info.report) process.stdout.write(t(lang, "serve.report", { url: info.report }) + "\n");
        process.stdout.write(t(lang, "serve.board", { url: info.board }) + "\n"); // last: the line to open in a browser
      }
      await new Promise<void>((resolve) => {
        const onHup = () => {
          const r = loadInventoryFile(file, moduleChecks(file));
          if (!r.inventory) {
            for (const d of r.diagnostics) process.stderr.write(renderDiagnostic(d, lang) + "\n");
            process.stderr.write(t(lang, "serve.reload-failed", { file }) + "\n");
            return;
          }
          h.reload(r.inventory).then(
            () => {
              current = r.inventory!;
              process.stderr.write(t(lang, "serve.reloaded", { file, devices: h.targets().length }) + "\n");
            },
            (err: Error) => process.stderr.write(`${err.message}\n${t(lang, "serve.reload-failed", { file })}\n`),
          );
        };
        const onStop = () => {
          process.off("SIGHUP", onHup);
          process.stderr.write(t(lang, "serve.stopping") + "\n");
          historyCache?.stop();
          void (observation?.stop() ?? Promise.resolve()).then(() => h.close()).then(() => resolve());
        };
        process.on("SIGHUP", onHup);
        process.once("SIGTERM", onStop);
        process.once("SIGINT", onStop);
      });
      process.exitCode = ExitCode.ok;
    });
}
