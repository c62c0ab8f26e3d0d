// What `spbe network render --device X` shows: every configuration part the program applies to a
// network device, each rendered by its own planner (the routing's FRR configuration, the edge
// gateway's public-address nftables script). A part that does not concern the device renders nothing.
import type { Inventory } from "../../inventory/schema";
import { NAT_TABLE, renderPublicNat } from "../nat";
import { renderBackbone } from "../routing";

export interface RenderedPart {
  /** The part's name, e.g. "frr". */
  name: string;
  /** Where the program installs it on the device (a file, or the nftables table it replaces). */
  path: string;
  text: string;
  /** Part-specific data for --format json. */
  data?: unknown;
}

export interface DevicePart {
  name: string;
  /** The part for `device`, or undefined when it does not concern the device. Throws its planner's error on bad input. */
  render(inv: Inventory, device: string, source: string): RenderedPart | undefined;
}

export const FRR_PART: DevicePart = {
  name: "frr",
  render(inv, device, source) {
    const config = renderBackbone(inv, source)?.routers.find((r) => r.router.device === device);
    return config ? { name: "frr", path: "/etc/frr/frr.conf", text: config.frrConf } : undefined;
  },
};

export const NAT_PART: DevicePart = {
  name: "nft-nat",
  render(inv, device) {
    const cfg = renderPublicNat(inv);
    if (!cfg || cfg.gateway !== device) return undefined;
    return { name: "nft-nat", path: `nftables table ${NAT_TABLE}`, text: cfg.script, data: { sha256: cfg.sha256, rollback: cfg.rollback, plan: cfg.plan } };
  },
};

/** Every part, in the order the CLI prints them. */
export const DEVICE_PARTS: DevicePart[] = [FRR_PART, NAT_PART];

export function renderDeviceParts(inv: Inventory, device: string, source: string, only?: readonly string[]): RenderedPart[] {
  return DEVICE_PARTS.filter((p) => !only || only.includes(p.name)).flatMap((p) => p.render(inv, device, source) ?? []);
}
