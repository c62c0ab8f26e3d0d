// `spbe alerts silence create|list|expire`: ad-hoc maintenance through Alertmanager's API v2.
//   create <inventory> --device|--site|--opd <id> (repeatable) --duration 2h | --until <time> --comment <why> [--author]
//   list [--all]          expire <id...>
// The names are checked against the inventory (every mistake at once, exit 2); an Alertmanager that
// cannot be reached or refuses is exit 1. Planned, recurring work belongs in the inventory's
// `maintenance` instead (reviewed, and applied by the stack as time intervals).
import * as os from "node:os";
import { type Command, Option } from "commander";
import { AlertmanagerApiError, createSilence, expireSilence, listSilences, type Silence } from "../../dashboards/alertmanager/api";
import { matcherText, silenceRequest, unknownNames, type SilenceScope } from "../../dashboards/alertmanager/silences";
import { t, type Lang, type MessageCode, type Text } from "../../i18n";
import { ALERTMANAGER_PORT } from "../../infra/planning/monitoring";
import { parsePeriod } from "../../observe/history-plan";
import { ExitCode, formatOption, langOf, langOption, loadForCommand } from "../context";

/** Where Alertmanager listens unless --alertmanager-url or SPBE_ALERTMANAGER_URL say otherwise. */
const DEFAULT_URL = `http://127.0.0.1:${ALERTMANAGER_PORT}`;

interface CommonOpts {
  alertmanagerUrl?: string;
  format: string;
  lang?: string;
}

interface CreateOpts extends CommonOpts {
  device: string[];
  site: string[];
  opd: string[];
  duration?: string;
  until?: string;
  comment: string;
  author?: string;
}

const KIND: Record<"device" | "site" | "opd", Text> = {
  device: { id: "perangkat", en: "device" },
  site: { id: "lokasi", en: "site" },
  opd: { id: "OPD", en: "OPD" },
};

const repeatable = (v: string, prev: string[]) => [...prev, v];
const urlOption = () => new Option("--alertmanager-url <url>", `Alertmanager (default $SPBE_ALERTMANAGER_URL or ${DEFAULT_URL})`);

export function registerAlertsSilence(alerts: Command): void {
  const group = alerts.command("silence").description("ad-hoc maintenance: Alertmanager silences / senyapkan alert untuk pekerjaan mendadak");
  group
    .command("create")
    .description("silence the alerts of devices, sites or OPDs for a while / senyapkan alert perangkat, lokasi atau OPD")
    .argument("<inventory>", "inventory YAML file (the names are checked against it)")
    .option("--device <id>", "a device (repeatable) / perangkat", repeatable, [])
    .option("--site <id>", "a site (repeatable) / lokasi", repeatable, [])
    .option("--opd <code>", "an OPD (repeatable)", repeatable, [])
    .option("--duration <duration>", "from now, e.g. 90m, 2h, 1d / lamanya")
    .option("--until <time>", "until, ISO 8601 (e.g. 2026-12-12T22:00+07:00) / sampai")
    .requiredOption("--comment <text>", "why (the NOC reads it) / alasan")
    .option("--author <name>", "who (default: the login name) / siapa")
    .addOption(urlOption())
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (file: string, opts: CreateOpts) => {
      const lang = langOf(opts);
      const { inventory } = loadForCommand(file, opts);
      if (!inventory) return;
      const errors: string[] = [];
      const url = amUrl(opts, lang, errors);
      const kinds = (["device", "site", "opd"] as const).filter((k) => opts[k].length > 0);
      if (kinds.length === 0) errors.push(t(lang, "alerts.silence.no-scope"));
      if (kinds.length > 1) errors.push(t(lang, "alerts.silence.mixed-scope"));
      const scope = kinds.length === 1 ? ({ [kinds[0]!]: opts[kinds[0]!] } as SilenceScope) : undefined;
      if (scope) for (const u of unknownNames(inventory, scope)) errors.push(t(lang, "alerts.silence.unknown-name", { file, kind: KIND[u.kind], value: u.value }));
      const from = new Date();
      const until = windowEnd(opts, from, lang, errors);
      if (opts.comment.trim() === "") errors.push(t(lang, "alerts.silence.empty-comment"));
      if (errors.length > 0 || !scope || !until) return usage(errors);
      const author = opts.author ?? process.env.USER ?? os.userInfo().username;
      const request = silenceRequest(scope, { from, until }, author, opts.comment);
      const id = await reach(url, lang, () => createSilence(url, request));
      if (id === undefined) return;
      const matchers = request.matchers.map(matcherText).join(", ");
      if (opts.format === "json") return json({ id, alertmanager: url, ...request });
      process.stdout.write(t(lang, "alerts.silence.created", { id, matchers, until: request.endsAt, author }) + "\n");
    });

  group
    .command("list")
    .description("the silences Alertmanager holds / daftar senyap")
    .option("--all", "expired ones too / termasuk yang sudah berakhir")
    .addOption(urlOption())
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (opts: CommonOpts & { all?: boolean }) => {
      const lang = langOf(opts);
      const errors: string[] = [];
      const url = amUrl(opts, lang, errors);
      if (errors.length > 0) return usage(errors);
      const all = await reach(url, lang, () => listSilences(url));
      if (all === undefined) return;
      const shown = all.filter((s) => opts.all || s.status.state !== "expired").sort((a, b) => (a.endsAt < b.endsAt ? -1 : 1));
      if (opts.format === "json") return json({ alertmanager: url, silences: shown });
      if (shown.length === 0) return void process.stdout.write(t(lang, "alerts.silence.none", { url }) + "\n");
      process.stdout.write(t(lang, "alerts.silence.heading", { url }) + "\n" + shown.map((s) => `  ${row(s, lang)}\n`).join(""));
    });

  group
    .command("expire")
    .description("end silences now / akhiri senyap sekarang")
    .argument("<id...>", "silence ids (from list)")
    .addOption(urlOption())
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (ids: string[], opts: CommonOpts) => {
      const lang = langOf(opts);
      const errors: string[] = [];
      const url = amUrl(opts, lang, errors);
      if (errors.length > 0) return usage(errors);
      for (const id of ids) if ((await reach(url, lang, () => expireSilence(url, id).then(() => true))) === undefined) return;
      if (opts.format === "json") return json({ alertmanager: url, expired: ids });
      for (const id of ids) process.stdout.write(t(lang, "alerts.silence.expired", { id }) + "\n");
    });
}

function amUrl(opts: CommonOpts, lang: Lang, errors: string[]): string {
  const url = opts.alertmanagerUrl ?? process.env.SPBE_ALERTMANAGER_URL ?? DEFAULT_URL;
  if (!/^https?:\/\/[^/]+/.test(url)) errors.push(t(lang, "alerts.silence.bad-url", { value: url }));
  return url;
}

/** The end of the silence from --duration or --until; undefined (and the reasons in errors) when it cannot be told. */
function windowEnd(opts: CreateOpts, from: Date, lang: Lang, errors: string[]): Date | undefined {
  if (opts.duration !== undefined && opts.until !== undefined) return void errors.push(t(lang, "alerts.silence.both-windows"));
  if (opts.duration !== undefined) {
    const seconds = parsePeriod(opts.duration);
    if (seconds === undefined) return void errors.push(t(lang, "alerts.silence.bad-duration", { value: opts.duration }));
    return new Date(from.getTime() + seconds * 1000);
  }
  if (opts.until !== undefined) {
    const ms = Date.parse(opts.until);
    if (Number.isNaN(ms)) return void errors.push(t(lang, "alerts.silence.bad-until", { value: opts.until }));
    if (ms <= from.getTime()) return void errors.push(t(lang, "alerts.silence.past-until", { value: opts.until }));
    return new Date(ms);
  }
  errors.push(t(lang, "alerts.silence.no-window"));
  return undefined;
}

function usage(errors: string[]): void {
  for (const e of errors) process.stderr.write(`spbe: ${e}\n`);
  process.exitCode = ExitCode.badInput;
}

/** Runs one API call; an Alertmanager that cannot be reached or refuses is said on stderr (exit 1). */
async function reach<T>(url: string, lang: Lang, callApi: () => Promise<T>): Promise<T | undefined> {
  try {
    return await callApi();
  } catch (err) {
    const refused = err instanceof AlertmanagerApiError;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const code: MessageCode = refused ? "alerts.silence.refused" : "alerts.silence.unreachable";
    process.stderr.write(`spbe: ${t(lang, code, { url, error: refused ? err.message : (cause?.code ?? cause?.message ?? (err as Error).message) })}\n`);
    process.exitCode = ExitCode.failed;
    return undefined;
  }
}

function row(s: Silence, lang: Lang): string {
  return t(lang, "alerts.silence.row", {
    id: s.id,
    state: t(lang, `alerts.silence.state.${s.status.state}` as MessageCode),
    matchers: s.matchers.map(matcherText).join(", "),
    from: s.startsAt,
    until: s.endsAt,
    author: s.createdBy,
    comment: s.comment,
  });
}

function json(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}
