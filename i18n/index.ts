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

export function t(lang: Lang, code: MessageCode, params: Record<string, string | number> = {}): string {
  const template: string = catalogues[lang][code] ?? en[code];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key in params ? String(params[key]) : `{${key}}`));
}
