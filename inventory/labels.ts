// The facts a policy needs, carried as labels on the real (custom) resources: CrossGuard cannot see
// component inputs, so the pack reads these from docker Container labels. The Pulumi program writes
// them (infra/), the CrossGuard pack reads them (policies/): this file is the contract between them.
export const LABEL = {
  /** Application id from the inventory. */
  application: "id.go.spbe.application",
  /** Owner OPD code. */
  opd: "id.go.spbe.opd",
  /** Site id and its kind (datacenter | recovery | opd-office). */
  site: "id.go.spbe.site",
  siteKind: "id.go.spbe.site-kind",
  /** Who manages the site: "dinas" or the OPD code. */
  siteManager: "id.go.spbe.site-manager",
  /** publik | internal | rahasia | strategis */
  classification: "id.go.spbe.classification",
  /** Network the application is reached through: dinas | opd | internet. */
  network: "id.go.spbe.network",
  /** Security-guarantee exception (bt-7-2019 Pasal 15 (2)) reference and expiry, when there is one. */
  exceptionRef: "id.go.spbe.exception-ref",
  exceptionExpires: "id.go.spbe.exception-expires",
  exceptionSignedByOpd: "id.go.spbe.exception-signed-by-opd",
  exceptionSignedByProvider: "id.go.spbe.exception-signed-by-provider",
  /** primary | dr-replica */
  role: "id.go.spbe.role",
  /** Public address the container's ports are published on. */
  publicIp: "id.go.spbe.public-ip",
  /** Comma-separated Dinas public blocks (CIDR), so a policy can check the address without the inventory. */
  dinasBlocks: "id.go.spbe.dinas-blocks",
  // Appended by the Pulumi program (infra/planning/placements/ writes every key below).
  /** datacenter | external | opd-server: the inventory's placement type. */
  placement: "id.go.spbe.placement",
  /** The inventory server id the container (or the OPD-server application) runs on. */
  server: "id.go.spbe.server",
  /** The application's hostname, when it has one. */
  hostname: "id.go.spbe.hostname",
  /** External placements: the hosting provider, the country it hosts in, and its legal entity's country. */
  hostingProvider: "id.go.spbe.hosting-provider",
  hostingCountry: "id.go.spbe.hosting-country",
  providerEntityCountry: "id.go.spbe.provider-entity-country",
  /** External placements: the name of the provider's legal entity (evidence for bt-7-2019 Pasal 19 (4)). */
  providerEntity: "id.go.spbe.provider-entity",
  /** "true" | "false": the application is an OPD website (bt-7-2019 Pasal 19). On every application resource. */
  website: "id.go.spbe.website",
  /** Comma-separated Perda profiles of the inventory (meta.profiles): a policy whose rule cites none of them does not apply. */
  profiles: "id.go.spbe.profiles",
  /** DR replicas: standby | running, and the recovery point objective in minutes. */
  drMode: "id.go.spbe.dr-mode",
  rpoMinutes: "id.go.spbe.rpo-minutes",
  /** National applications: the central ministry/agency that provides it (absent for the Pemda's own). */
  national: "id.go.spbe.national",
  /** Containers of the Dinas's own services (prometheus, influxdb, grafana, collector): not OPD applications. */
  service: "id.go.spbe.service",
  // The provincial tier (stack/province/): where its Kubernetes cluster runs. `tier` is a Kubernetes
  // label; the location facts are annotations (free text: a region or an operator has spaces).
  /** "province" on every object of the provincial tier. */
  tier: "id.go.spbe.tier",
  /** The cluster's name, the country (ISO 3166-1 alpha-2) and region its nodes are in, its operator and the operator's country. */
  clusterName: "id.go.spbe.cluster-name",
  clusterCountry: "id.go.spbe.cluster-country",
  clusterRegion: "id.go.spbe.cluster-region",
  clusterOperator: "id.go.spbe.cluster-operator",
  clusterOperatorCountry: "id.go.spbe.cluster-operator-country",
} as const;

/** The `tier` value of the provincial tier's objects and of its location record. */
export const PROVINCE_TIER = "province";

/**
 * Where the labels are. Applications the Dinas runs: `docker:index/container:Container`, in
 * `labels` as [{ label, value }]. Applications it does not run (placement external or opd-server)
 * are not deployed; each is registered as a no-op `command:local:Command` record (no create
 * command) named `<application>-placement-record`, the same labels in `environment` as a
 * { key: value } map, so the pack can judge every placement from the resources alone.
 */
export const PLACEMENT_RECORD_TYPE = "command:local:Command";
