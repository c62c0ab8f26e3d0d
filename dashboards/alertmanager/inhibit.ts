// Inhibition from the topology: while a backbone link is down (SpbeBackboneInterfaceDown with its
// `link` label) or a device that others hang behind does not answer (SpbeDeviceDown), every alert
// of what is reachable only through it is held back: one outage, one notification. What is behind
// what comes from inventory/topology.ts; the alert names and labels are the rules' own.
import * as M from "../../collectors/metric-names";
import type { Inventory } from "../../inventory/schema";
import { behindFailures, monitoringSite, type BehindFailure } from "../../inventory/topology";
import { ALERT } from "../rules/names";
import { eq, oneOf, type AmInhibitRule } from "./model";

/** The source alert that stands for a failed element. */
export function sourceMatchers(f: BehindFailure["failed"]): string[] {
  return f.kind === "link" ? [eq("alertname", ALERT.backboneInterfaceDown), eq(M.LABEL_LINK, f.id)] : [eq("alertname", ALERT.deviceDown), eq(M.LABEL_DEVICE, f.id)];
}

export function topologyInhibitRules(inv: Inventory, behind: readonly BehindFailure[]): AmInhibitRule[] {
  const siteOf = new Map(inv.devices.map((d) => [d.id, d.site] as const));
  const rules: AmInhibitRule[] = [];
  for (const b of behind) {
    const source = sourceMatchers(b.failed);
    // Sites wholly behind: all their alerts, site-wide ones too (SpbeRecoverySiteUnreachable has no device).
    if (b.sites.length > 0) rules.push({ source_matchers: source, target_matchers: [oneOf(M.LABEL_SITE, b.sites)] });
    const wholly = new Set(b.sites);
    const loose = b.devices.filter((d) => !wholly.has(siteOf.get(d) ?? ""));
    if (loose.length > 0) rules.push({ source_matchers: source, target_matchers: [oneOf(M.LABEL_DEVICE, loose)] });
  }
  return rules;
}

/** What is behind each failure, seen from the monitoring site. */
export function behindForAlerting(inv: Inventory): BehindFailure[] {
  const root = monitoringSite(inv);
  return root === undefined ? [] : behindFailures(inv, root);
}
