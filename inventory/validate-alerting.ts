// Cross-references of the alerting section: receivers named by the NOC and the dead man's switch,
// each receiver's OPD, maintenance scopes, the time zone, email needing an SMTP relay. Its own file
// so the alerting checks read together; validate.ts calls it with the same skip sets.
import type { DiagnosticList, Path } from "./diagnostics";
import type { Inventory } from "./schema";

export function checkAlerting(inv: Inventory, skip: { opds: Set<string>; sites: Set<string>; devices: Set<string> }, d: DiagnosticList): void {
  const a = inv.alerting;
  if (!a) return;
  const base: Path = ["alerting"];
  const known = (ids: Iterable<string>) => new Set(ids);
  const opds = known(inv.opds.map((o) => o.code));
  const sites = known(inv.sites.map((s) => s.id));
  const devices = known(inv.devices.map((x) => x.id));
  const receivers = new Map<string, number>();
  a.receivers.forEach((r, i) => {
    const first = receivers.get(r.id);
    if (first === undefined) receivers.set(r.id, i);
    else d.error([...base, "receivers", i, "id"], "dup.id", { kind: "receiver", id: r.id, first: `alerting.receivers[${first}]` });
    if (r.opd !== undefined && !opds.has(r.opd) && !skip.opds.has(r.opd)) d.error([...base, "receivers", i, "opd"], "ref.unknown", { kind: "OPD", id: r.opd });
    if (r.email.length > 0 && !a.smtp) d.error([...base, "receivers", i, "email"], "alerting.email-needs-smtp", { receiver: r.id });
  });
  const receiverRef = (id: string | undefined, field: string) => {
    if (id !== undefined && !receivers.has(id)) d.error([...base, field], "ref.unknown", { kind: "receiver", id });
  };
  receiverRef(a.noc, "noc");
  receiverRef(a.deadman, "deadman");
  if (!isTimeZone(a.timezone)) d.error([...base, "timezone"], "alerting.timezone", { zone: a.timezone });
  const seen = new Set<string>();
  a.maintenance.forEach((m, i) => {
    if (seen.has(m.id)) d.error([...base, "maintenance", i, "id"], "dup.id", { kind: "maintenance", id: m.id, first: "alerting.maintenance" });
    seen.add(m.id);
    const at: Path = [...base, "maintenance", i, "scope"];
    if ("device" in m.scope && !devices.has(m.scope.device) && !skip.devices.has(m.scope.device)) d.error([...at, "device"], "ref.unknown", { kind: "device", id: m.scope.device });
    if ("site" in m.scope && !sites.has(m.scope.site) && !skip.sites.has(m.scope.site)) d.error([...at, "site"], "ref.unknown", { kind: "site", id: m.scope.site });
    if ("opd" in m.scope && !opds.has(m.scope.opd) && !skip.opds.has(m.scope.opd)) d.error([...at, "opd"], "ref.unknown", { kind: "OPD", id: m.scope.opd });
  });
}

/** An IANA zone name Node knows (Alertmanager reads the same tz database). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}
