// A thin client of Alertmanager's API v2 for silences (create, list, expire): fetch, nothing else.
// Hand-written rather than a generated OpenAPI client: three calls do not justify a dependency.
import type { AmMatcher, PostableSilence } from "./silences";

/** GettableSilence of the API v2 (the fields spbe shows). */
export interface Silence {
  id: string;
  matchers: AmMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  status: { state: "active" | "pending" | "expired" };
}

/** Alertmanager answered, but not with success: its status and message. */
export class AlertmanagerApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`${status} ${body.trim()}`);
  }
}

async function call(url: string, init?: RequestInit): Promise<Response> {
  const r = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!r.ok) throw new AlertmanagerApiError(r.status, await r.text());
  return r;
}

const base = (am: string) => am.replace(/\/+$/, "");

export async function createSilence(am: string, s: PostableSilence): Promise<string> {
  const r = await call(`${base(am)}/api/v2/silences`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(s) });
  return ((await r.json()) as { silenceID: string }).silenceID;
}

export async function listSilences(am: string): Promise<Silence[]> {
  return (await (await call(`${base(am)}/api/v2/silences`)).json()) as Silence[];
}

export async function expireSilence(am: string, id: string): Promise<void> {
  await call(`${base(am)}/api/v2/silence/${encodeURIComponent(id)}`, { method: "DELETE" });
}
