// Ad-hoc maintenance (`spbe alerts silence create`): a silence for Alertmanager's API v2 from what
// the operator names (devices, sites or OPDs of the inventory), a window and who and why. Pure: the
// names are checked against the inventory (every mistake at once) and the request is returned;
// dashboards/alertmanager/api.ts sends it. Planned maintenance belongs in the inventory's
// `maintenance` (time intervals, reviewed like any change); this is for work that cannot wait.
import * as M from "../../collectors/metric-names";
import type { Inventory } from "../../inventory/schema";

/** What a silence covers: devices, sites or OPDs, by inventory id (one kind per silence). */
export type SilenceScope = { device: string[] } | { site: string[] } | { opd: string[] };

/** Alertmanager API v2 matcher (https://github.com/prometheus/alertmanager/blob/v0.25.0/api/v2/openapi.yaml). */
export interface AmMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

/** PostableSilence of the API v2. */
export interface PostableSilence {
  matchers: AmMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

/** A name the inventory does not have: the kind and the value. */
export interface UnknownName {
  kind: "device" | "site" | "opd";
  value: string;
}

const LABEL = { device: M.LABEL_DEVICE, site: M.LABEL_SITE, opd: M.LABEL_OPD } as const;

function scopeOf(scope: SilenceScope): { kind: keyof typeof LABEL; values: string[] } {
  if ("device" in scope) return { kind: "device", values: scope.device };
  if ("site" in scope) return { kind: "site", values: scope.site };
  return { kind: "opd", values: scope.opd };
}

/** The scope's names the inventory does not know, all of them. */
export function unknownNames(inv: Inventory, scope: SilenceScope): UnknownName[] {
  const { kind, values } = scopeOf(scope);
  const known = new Set(kind === "device" ? inv.devices.map((d) => d.id) : kind === "site" ? inv.sites.map((s) => s.id) : inv.opds.map((o) => o.code));
  return values.filter((v) => !known.has(v)).map((value) => ({ kind, value }));
}

/** Alertmanager anchors regular expressions; ids are escaped so a dot means a dot. */
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The matcher of the scope, on the labels the collector puts on every series: one name exact, several an alternation. */
export function scopeMatchers(scope: SilenceScope): AmMatcher[] {
  const { kind, values } = scopeOf(scope);
  const unique = [...new Set(values)];
  return unique.length === 1
    ? [{ name: LABEL[kind], value: unique[0]!, isRegex: false, isEqual: true }]
    : [{ name: LABEL[kind], value: unique.map(escapeRegex).join("|"), isRegex: true, isEqual: true }];
}

export function silenceRequest(scope: SilenceScope, window: { from: Date; until: Date }, createdBy: string, comment: string): PostableSilence {
  return { matchers: scopeMatchers(scope), startsAt: window.from.toISOString(), endsAt: window.until.toISOString(), createdBy, comment };
}

/** A matcher as amtool and Alertmanager's UI write it: device="x", site=~"a|b". */
export function matcherText(m: AmMatcher): string {
  return `${m.name}${m.isEqual ? "" : "!"}${m.isRegex ? "=~" : "="}${JSON.stringify(m.value)}`;
}
