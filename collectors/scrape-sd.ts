// The inventory's poll targets in Prometheus' service-discovery convention, so that scrapers the
// project does not run (vmagent members in cluster mode, a Prometheus) decide who asks for which
// device: a list of {targets, labels} groups, one per device, as http_sd (served at /sd/targets,
// behind the same guard as /targets: management addresses are not public) and file_sd
// (`spbe targets --format file_sd`) read it. The target is the device id, the `target` parameter
// of /snmp?target=; a scrape job's relabeling moves it there and points __address__ at a collector.
// Pure: targets in, JSON out.
import * as N from "./metric-names";
import type { Target } from "./targets";

export interface SdTargetGroup {
  targets: string[];
  labels: Record<string, string>;
}

/** Prometheus' own label that sets one target's scrape interval (honoured by vmagent and Prometheus). */
export const SCRAPE_INTERVAL_LABEL = "__scrape_interval__";

/** A label value for a kabupaten name: lower case, words joined by "-" ("Barito Timur" → "barito-timur"). */
export function kabupatenSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^kabupaten\s+/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * One group per polled device, labelled with the inventory labels and the kabupaten, and with the
 * device's poll interval as its scrape interval: the scraper's schedule is the poll schedule.
 */
export function sdTargetGroups(targets: readonly Target[], kabupaten: string): SdTargetGroup[] {
  const slug = kabupatenSlug(kabupaten);
  return targets.map((t) => ({
    targets: [t.device],
    labels: {
      ...Object.fromEntries(t.labels),
      [N.LABEL_KABUPATEN]: slug,
      [SCRAPE_INTERVAL_LABEL]: `${t.intervalSeconds}s`,
    },
  }));
}
