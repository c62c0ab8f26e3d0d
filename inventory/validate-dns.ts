// The servers that serve meta.domain's zone (meta.dns.authoritative): each a known server with a
// management address (the deployment reaches it over SSH there, and zone transfers and NOTIFY run
// between those addresses), none named twice. Its own file so the DNS checks read together.
import type { DiagnosticList, Path } from "./diagnostics";
import type { Inventory } from "./schema";

export function checkDnsServing(inv: Inventory, skipDevices: Set<string>, d: DiagnosticList): void {
  const auth = inv.meta.dns?.authoritative;
  if (!auth) return;
  const base: Path = ["meta", "dns", "authoritative"];
  const devices = new Map(inv.devices.map((x) => [x.id, x] as const));
  const check = (id: string, at: Path) => {
    const dev = devices.get(id);
    if (!dev) {
      if (!skipDevices.has(id)) d.error(at, "ref.unknown", { kind: "device", id });
      return;
    }
    if (dev.role !== "server") d.error(at, "dns.serving-not-server", { device: id, role: dev.role });
    else if (!dev.mgmtAddress) d.error(at, "dns.serving-no-address", { device: id });
  };
  check(auth.primary, [...base, "primary"]);
  const seen = new Set([auth.primary]);
  auth.secondaries.forEach((id, i) => {
    const at: Path = [...base, "secondaries", i];
    if (seen.has(id)) d.error(at, "dns.serving-twice", { device: id });
    else check(id, at);
    seen.add(id);
  });
}
