// Language choice and message formatting. `--lang` wins; otherwise LANG/LC_ALL starting with "id"
// selects Indonesian, anything else English (the design's rule for CLI text).
import { MESSAGES, type MessageCode } from "./catalogue";
import { render, type Lang, type Messages, type Params } from "./text";

export { MESSAGES, type MessageCode } from "./catalogue";
export { formatNumber, formatPercent, type NumberStyle } from "./number";
export { LANGS, placeholdersOf, render, renderBoth, renderSideBySide, type Lang, type Messages, type ParamValue, type Params, type Text } from "./text";

export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^id([_.-]|$)/i.test(value) ? "id" : "en";
}

export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (value === undefined) return langFromEnv(env);
  if (value === "id" || value === "en") return value;
  throw new Error(`--lang must be "id" or "en", not "${value}"`);
}

/** Parameters that name an entity kind ("rack", "site") are translated through the term.* entries. */
const TERM_PARAMS = ["kind", "scope"];

function withTerms(params: Params): Params {
  const out = { ...params };
  for (const key of TERM_PARAMS) {
    const value = params[key];
    if (typeof value !== "string") continue;
    const term = (MESSAGES as Messages)[`term.${value}`];
    if (term) out[key] = term;
  }
  return out;
}

/** The catalogue's message `code` in `lang`: `render` over the catalogue entry. */
export function t(lang: Lang, code: MessageCode, params: Params = {}): string {
  return render(MESSAGES[code], lang, withTerms(params));
}
