// spbe observe <inventory> [--resolver host:port] [--no-zone-transfer] [--wordlist F] [--concurrency N]
//   [--timeout-ms N] [--out facts.json] [--format text|json] [--lang id|en]
// Asks the Dinas DNS server (explicitly, never the OS resolver) for the kabupaten's names and writes what
// it saw as an observed-facts file for `spbe report --facts`. What the network does wrong (a refused
// transfer, a silent server) is in the facts; only bad input (exit 2) stops the run.
import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import { t, type Lang } from "../../i18n";
import type { ObservedFacts } from "../../facts/schema";
import { parseDnsServer, type DnsServer } from "../../inventory/dns-server";
import type { Inventory } from "../../inventory/schema";
import { parseWordlist } from "../../observe/dns/names";
import { envSecrets } from "../../collectors/secrets";
import { probeTargets } from "../../observe/http-probe";
import { observeNetwork } from "../../observe/observe";
import { evaluate } from "../../policies";
import { appAnswersFromDinasBlocks, unregisteredName } from "../../policies/rules/observed";
import { formatOption, langOf, langOption, loadForCommand, UsageError } from "../context";
import { writeFileWhole } from "../output-files";

interface ObserveOpts {
  resolver?: string;
  zoneTransfer: boolean;
  wordlist?: string;
  concurrency: string;
  timeoutMs: string;
  tries: string;
  probe: boolean;
  blackboxUrl?: string;
  caFile?: string;
  topology?: boolean;
  out?: string;
  format: string;
  lang?: string;
}


/** Below this many names a run is quick enough to need no progress lines. */
const PROGRESS_FROM = 200;

function integer(lang: Lang, option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new UsageError(t(lang, "observe.bad-number", { option, value, min, max }));
  return n;
}

/** The DNS server of `--resolver` (else meta.dns.resolver), or undefined when neither is given; a bad one is a usage error. */
export function resolverOption(lang: Lang, inv: Inventory, given: string | undefined): DnsServer | undefined {
  const text = given ?? inv.meta.dns?.resolver;
  if (text === undefined) return undefined;
  const server = parseDnsServer(text);
  if (!server) throw new UsageError(t(lang, "observe.bad-resolver", { value: text }));
  return server;
}

function resolverOf(lang: Lang, file: string, inv: Inventory, given: string | undefined): DnsServer {
  const server = resolverOption(lang, inv, given);
  if (!server) throw new UsageError(t(lang, "observe.no-resolver", { file }));
  return server;
}

function readWordlist(lang: Lang, file: string | undefined): string[] | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(t(lang, "observe.bad-wordlist", { file, message: (err as Error).message }));
  }
  const words = parseWordlist(text);
  if (words.length === 0) throw new UsageError(t(lang, "observe.empty-wordlist", { file }));
  return words;
}

/** What the run found, for people (text) and scripts (json). */
function summarise(inv: Inventory, facts: ObservedFacts, resolver: string) {
  const reasons = new Map<string, number>();
  for (const n of facts.names) if (n.error) reasons.set(n.error.code, (reasons.get(n.error.code) ?? 0) + 1);
  const judged = evaluate(inv, { asOf: new Date(facts.observedAt), rules: [appAnswersFromDinasBlocks, unregisteredName], facts });
  const failing = (rule: string) => judged.findings.filter((f) => f.rule === rule).map((f) => f.subject.id);
  return {
    resolver,
    names: facts.names.length,
    answering: facts.names.filter((n) => n.addresses.length > 0).length,
    failures: Object.fromEntries([...reasons].sort()),
    zoneTransfers: facts.zoneTransfers,
    applications: facts.applications.length,
    outsideDinasBlocks: failing(appAnswersFromDinasBlocks.id),
    unregisteredNames: failing(unregisteredName.id),
  };
}

export function configureObserve(command: Command): void {
  command
    .argument("<inventory>", "inventory YAML file")
    .addOption(new Option("--resolver <host:port>", "DNS server to ask (default meta.dns.resolver) / server DNS yang ditanya"))
    .addOption(new Option("--zone-transfer", "try AXFR of meta.domain first (default) / coba transfer zona").default(true))
    .addOption(new Option("--no-zone-transfer", "do not try a zone transfer / jangan coba transfer zona"))
    .addOption(new Option("--wordlist <file>", "subdomains to guess, one per line (default: a built-in list) / daftar subdomain"))
    .addOption(new Option("--concurrency <n>", "names in flight at once / nama sekaligus").default("64"))
    .addOption(new Option("--timeout-ms <n>", "per DNS query / per kueri DNS").default("2000"))
    .addOption(new Option("--tries <n>", "attempts per DNS query / percobaan per kueri").default("2"))
    .addOption(new Option("--no-probe", "do not probe the addresses over HTTP(S) (DNS only) / tanpa probe HTTP(S)"))
    .addOption(new Option("--blackbox-url <url>", "probe through this prometheus-blackbox-exporter (e.g. http://127.0.0.1:9115) instead of from this process / probe lewat blackbox exporter"))
    .addOption(new Option("--ca-file <file>", "PEM CA bundle the probes trust besides the system's (the Dinas' own CA) / CA tambahan"))
    .addOption(new Option("--topology", "also walk the LLDP/CDP neighbour tables of every switch and router (SNMP secrets from the environment) / juga amati tetangga LLDP"))
    .addOption(new Option("--out <file>", "write the facts here (default: stdout) / tulis fakta ke berkas"))
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (file: string, opts: ObserveOpts) => {
      const lang = langOf(opts);
      const concurrency = integer(lang, "concurrency", opts.concurrency, 1, 1024);
      const timeoutMs = integer(lang, "timeout-ms", opts.timeoutMs, 1, 600_000);
      const tries = integer(lang, "tries", opts.tries, 1, 10);
      const wordlist = readWordlist(lang, opts.wordlist);
      const { inventory } = loadForCommand(file, opts);
      if (!inventory) return;
      const server = resolverOf(lang, file, inventory, opts.resolver);
      const resolver = `${server.host}:${server.port}`;
      const started = Date.now();
      const progressStep = PROGRESS_FROM / 2;
      const probe = opts.probe ? probeTargets : undefined;
      const facts = await observeNetwork(inventory, {
        ...(opts.topology ? { topology: { secrets: envSecrets(), timeoutMs, concurrency: Math.min(concurrency, 16) } } : {}),
        applications: {
          server,
          ...(probe ? { probe } : {}),
          ...(opts.blackboxUrl ? { blackboxUrl: opts.blackboxUrl } : {}),
          ...(opts.caFile ? { caFile: opts.caFile } : {}),
          zoneTransfer: opts.zoneTransfer,
          ...(wordlist ? { wordlist } : {}),
          timeoutMs,
          tries,
          concurrency,
          onProgress: (done, total) => {
            if (total >= PROGRESS_FROM && (done % progressStep === 0 || done === total)) process.stderr.write(t(lang, "observe.progress", { done, total, resolver }) + "\n");
          },
        },
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const document = JSON.stringify(facts, null, 2) + "\n";
      if (opts.out) {
        writeFileWhole(opts.out, document, lang);
      }
      const summary = summarise(inventory, facts, resolver);
      if (opts.format === "json") {
        if (opts.out) process.stdout.write(JSON.stringify({ file, out: opts.out, seconds: Number(seconds), ...summary }, null, 2) + "\n");
        else process.stdout.write(document);
        return;
      }
      // Without --out the facts are the output; the summary then goes to stderr.
      const say = (line: string) => (opts.out ? process.stdout : process.stderr).write(line + "\n");
      if (!opts.out) process.stdout.write(document);
      const transfer = facts.zoneTransfers[0];
      if (!transfer) say(t(lang, "observe.zone-transfer-off"));
      else if (transfer.allowed) say(t(lang, "observe.zone-transfer-ok", { zone: transfer.zone, server: transfer.server, names: transfer.names ?? 0 }));
      else say(t(lang, "observe.zone-transfer-failed", { zone: transfer.zone, server: transfer.server, code: transfer.error?.code ?? "-" }));
      const reasons = Object.entries(summary.failures).map(([code, n]) => `${code} ${n}`).join(", ") || "-";
      say(t(lang, "observe.names", { asked: summary.names, resolver, answering: summary.answering, failed: summary.names - summary.answering, reasons }));
      say(t(lang, "observe.applications", { applications: summary.applications, outside: summary.outsideDinasBlocks.length, unregistered: summary.unregisteredNames.length }));
      for (const name of summary.unregisteredNames) say(`  ? ${name}`);
      for (const id of summary.outsideDinasBlocks) say(`  ! ${id}`);
      if (!probe) say(t(lang, "observe.probes-off"));
      else {
        const reachable = facts.probes.filter((p) => p.reachable).length;
        const tlsInvalid = facts.probes.filter((p) => p.tls && !p.tls.valid).length;
        say(t(lang, "observe.probes", { probes: facts.probes.length, reachable, tlsInvalid, via: opts.blackboxUrl ?? "spbe" }));
      }
      if (opts.topology) {
        const failed = facts.topology.filter((f) => f.error).length;
        say(t(lang, "observe.topology", { walked: facts.topology.length, failed, neighbours: facts.topology.reduce((n, f) => n + f.neighbours.length, 0) }));
      }
      if (opts.out) say(t(lang, "observe.written", { file: opts.out, seconds }));
    });
}
