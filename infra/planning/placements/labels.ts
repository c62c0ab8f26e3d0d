// The labels every placement carries, container or record alike: what a CrossGuard policy reads.
import { LABEL } from "../../../inventory/labels";
import type { Application, Inventory, Site } from "../../../inventory/schema";
import type { ContainerRole } from "./plan";

/** "dinas" when the Dinas runs the site (its own sites, and sites with no owner), else the OPD code. */
export function siteManager(inv: Inventory, site: Site): string {
  return site.opd === undefined || site.opd === inv.meta.dinas ? "dinas" : site.opd;
}

export function dinasBlocksLabel(inv: Inventory): string {
  return inv.publicIp.blocks.map((b) => b.cidr).join(",");
}

/** `blocks` is dinasBlocksLabel(inv), computed once per plan. */
export function commonLabels(inv: Inventory, app: Application, blocks: string, site: Site | undefined, role: ContainerRole): Record<string, string> {
  const labels: Record<string, string> = {
    [LABEL.application]: app.id,
    [LABEL.opd]: app.opd,
    [LABEL.classification]: app.classification,
    [LABEL.network]: app.placement.network,
    [LABEL.role]: role,
    [LABEL.placement]: app.placement.type,
    [LABEL.dinasBlocks]: blocks,
    [LABEL.website]: app.website ? "true" : "false",
    [LABEL.profiles]: inv.meta.profiles.join(","),
  };
  if (site) {
    labels[LABEL.site] = site.id;
    labels[LABEL.siteKind] = site.kind;
    labels[LABEL.siteManager] = siteManager(inv, site);
  }
  if (app.hostname) labels[LABEL.hostname] = app.hostname;
  if (app.national) labels[LABEL.national] = app.national.agency;
  const p = app.placement;
  if (p.type !== "datacenter" && p.exception) {
    labels[LABEL.exceptionRef] = p.exception.ref;
    labels[LABEL.exceptionExpires] = p.exception.expires;
    if (p.exception.signedByOpd) labels[LABEL.exceptionSignedByOpd] = p.exception.signedByOpd;
    if (p.exception.signedByProvider) labels[LABEL.exceptionSignedByProvider] = p.exception.signedByProvider;
  }
  return labels;
}
