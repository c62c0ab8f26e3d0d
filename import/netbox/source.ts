// Where NetBox's answers come from: its REST API (paginated: each page names the `next` one) or the
// same answers saved to files. The thin adapter of the NetBox import; the conversion is convert.ts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MessageCode, Params } from "../../i18n";
import { ENDPOINTS, type NetboxAnswers } from "./answers";

/** A failure to get the answers, with its message id (the token never appears in it). */
export class NetboxSourceError extends Error {
  constructor(readonly code: MessageCode, readonly params: Params) {
    super(code);
  }
}

/** A saved answer: one page `{ count, next, results }`, a list of pages, or the bare list of objects. */
function resultsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) {
    if (value.every((v) => v && typeof v === "object" && Array.isArray((v as { results?: unknown }).results))) return value.flatMap((v) => (v as { results: unknown[] }).results);
    return value;
  }
  if (value && typeof value === "object" && Array.isArray((value as { results?: unknown }).results)) return (value as { results: unknown[] }).results;
  return undefined;
}

export function readSavedAnswers(dir: string): NetboxAnswers {
  const out: Partial<Record<keyof NetboxAnswers, unknown[]>> = {};
  for (const e of ENDPOINTS) {
    const file = join(dir, e.file);
    if (!existsSync(file)) throw new NetboxSourceError("netbox.missing-file", { file, endpoint: `/api/${e.path}/` });
    let results: unknown[] | undefined;
    try {
      results = resultsOf(JSON.parse(readFileSync(file, "utf8")));
    } catch (err) {
      throw new NetboxSourceError("netbox.bad-file", { file, reason: (err as Error).message });
    }
    if (!results) throw new NetboxSourceError("netbox.bad-file", { file, reason: "no results list" });
    out[e.key] = results;
  }
  return out as unknown as NetboxAnswers;
}

/**
 * Every object of every endpoint from a live NetBox, following `next` links. NetBox 4.5's v2 tokens
 * (nbt_...) are sent as Bearer, older ones as `Token` (both as NetBox documents them).
 */
export async function fetchAnswers(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): Promise<NetboxAnswers> {
  const authorization = token.startsWith("nbt_") ? `Bearer ${token}` : `Token ${token}`;
  const root = baseUrl.replace(/\/+$/, "").replace(/\/api$/, "");
  const out: Partial<Record<keyof NetboxAnswers, unknown[]>> = {};
  for (const e of ENDPOINTS) {
    const results: unknown[] = [];
    // limit=1000: fewer round trips; NetBox caps it at its MAX_PAGE_SIZE and says so through `next`.
    for (let url: string | null = `${root}/api/${e.path}/?limit=1000`; url; ) {
      let res: Response;
      try {
        res = await fetchImpl(url, { headers: { Authorization: authorization, Accept: "application/json" } });
      } catch (err) {
        throw new NetboxSourceError("netbox.unreachable", { url, reason: (err as Error).cause ? String((err as Error & { cause: unknown }).cause) : (err as Error).message });
      }
      if (!res.ok) throw new NetboxSourceError("netbox.http", { status: `${res.status} ${res.statusText}`, url });
      const page = (await res.json()) as { results?: unknown[]; next?: string | null };
      if (!Array.isArray(page.results)) throw new NetboxSourceError("netbox.bad-file", { file: url, reason: "no results list" });
      results.push(...page.results);
      url = page.next ?? null;
    }
    out[e.key] = results;
  }
  return out as unknown as NetboxAnswers;
}
