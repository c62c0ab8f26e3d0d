// Stable identifiers shared by the dashboards, the provisioning files and the tests: a dashboard's
// uid is derived from the kabupaten and the dashboard's name only, so links and bookmarks survive
// every rebuild and every inventory change.
import { createHash } from "node:crypto";

/** Grafana datasource uids written to the provisioning file and referenced by every panel. */
export const PROMETHEUS_DS = { type: "prometheus", uid: "spbe-prometheus" } as const;
export const INFLUXDB_DS = { type: "influxdb", uid: "spbe-influxdb" } as const;

export const DASHBOARD_NAMES = ["overview", "backbone", "opd-quota", "device", "recovery", "compliance"] as const;
export type DashboardName = (typeof DASHBOARD_NAMES)[number];
/** The provincial tier's own board (dashboards/boards/province.ts), not one of a kabupaten's. */
export const PROVINCE_DASHBOARD = "province";

/** Every generated dashboard carries this tag: the dashboard links menu lists them by it. */
export const SPBE_TAG = "spbe";

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Grafana uids are at most 40 characters of [a-zA-Z0-9-_]. A long kabupaten name is cut and a short
 * hash of the full name keeps two long names that share a prefix apart.
 */
export function dashboardUid(kabupaten: string, name: DashboardName | typeof PROVINCE_DASHBOARD): string {
  const full = `${slugify(kabupaten)}-${name}`;
  if (full.length <= 40) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, 6);
  return `${full.slice(0, 40 - name.length - 8)}-${hash}-${name}`;
}
