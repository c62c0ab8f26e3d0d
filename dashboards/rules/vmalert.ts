// The project's rule groups as vmalert 1.79 reads them (Debian's victoria-metrics package and the
// provincial tier's vmalert image). vmalert parses rule files strictly and 1.79 predates one field the
// rules use: `keep_firing_for` (Prometheus 2.42), refused with "unknown fields in rule". The copy here
// drops it and says which alert lost it; everything else is the same rule. Pure, one place.
import type { AlertingRule, RuleGroup } from "./model";

/** Rule fields vmalert 1.79 does not know, with what their absence changes. */
export const VMALERT_179_UNKNOWN_FIELDS = {
  keep_firing_for: "the alert resolves at the first evaluation its condition is false, instead of firing on for that long",
} as const satisfies Partial<Record<keyof AlertingRule, string>>;

export interface DroppedRuleField {
  group: string;
  alert: string;
  field: keyof typeof VMALERT_179_UNKNOWN_FIELDS;
  value: string;
}

export function vmalert179Groups(groups: RuleGroup[]): { groups: RuleGroup[]; dropped: DroppedRuleField[] } {
  const dropped: DroppedRuleField[] = [];
  const fields = Object.keys(VMALERT_179_UNKNOWN_FIELDS) as (keyof typeof VMALERT_179_UNKNOWN_FIELDS)[];
  const out = groups.map((g) => ({
    ...g,
    rules: g.rules.map((r) => {
      if (!("alert" in r)) return r;
      const copy: AlertingRule = { ...r };
      for (const field of fields) {
        const value = copy[field];
        if (value === undefined) continue;
        dropped.push({ group: g.name, alert: r.alert, field, value });
        delete copy[field];
      }
      return copy;
    }),
  }));
  return { groups: out, dropped };
}

/** One line per dropped field, for the program's outputs and the docs: "SpbeX: keep_firing_for 120s dropped (...)". */
export function describeDropped(d: DroppedRuleField): string {
  return `${d.alert}: ${d.field} ${d.value} dropped for vmalert 1.79 (${VMALERT_179_UNKNOWN_FIELDS[d.field]})`;
}
