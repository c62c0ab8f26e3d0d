// Prometheus job names more than one consumer must agree on: the recovery site's Prometheus scrapes
// the data center's Prometheus under this job (the MonitoringStack's scrape configuration), and the
// meta-monitoring alert (dashboards/rules/alerts/recovery.ts) asks `up` of this job. Here, in the
// model's shared naming, because infra/ and dashboards/ may not import each other.
export const DATACENTER_PROMETHEUS_JOB = "spbe-datacenter-prometheus";
