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
} as const;
