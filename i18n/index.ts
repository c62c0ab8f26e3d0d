// Language choice and message formatting. `--lang` wins; otherwise LANG/LC_ALL starting with "id"
// selects Indonesian, anything else English (the design's rule for CLI text).
import { en, type MessageCode } from "./en";
import { id } from "./id";

export type Lang = "id" | "en";
export type { MessageCode };

const catalogues = { en, id } as const;

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
const TERM_PARAMS = new Set(["kind", "scope"]);

export function t(lang: Lang, code: MessageCode, params: Record<string, string | number> = {}): string {
  const catalogue: Record<string, string> = catalogues[lang];
  const template = catalogue[code] ?? en[code];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!(key in params)) return `{${key}}`;
    const value = String(params[key]);
    return TERM_PARAMS.has(key) ? (catalogue[`term.${value}`] ?? value) : value;
  });
}
