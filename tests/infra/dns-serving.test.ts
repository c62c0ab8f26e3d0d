// The zone, served: the scripts the DnsZone component runs over SSH, run here as they are rendered (only
// Debian's paths and the rndc command line moved into the test's directories) against two real BIND
// servers on loopback, the data center's primary and the recovery site's secondary. Proves: the secondary
// answers every record of the rendered zone after the first apply; a change applied to the primary
// reaches the secondary by NOTIFY with a new, higher serial (nothing run on the secondary); re-applying
// the same inventory changes nothing; the remove script takes the zone away.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDnsZone, type DnsZone } from "../../infra/planning/dns";
import { planDnsServing } from "../../infra/planning/dns-serving";
import { planPublicIps } from "../../infra/planning/public-ips";
import { loadInventoryOrThrow } from "../../inventory/load";
import type { Inventory } from "../../inventory/schema";
import { validateInventory } from "../../inventory/validate";
import { startBindHost, type BindHost } from "../../testkit/servers/bind-host";
import { waitFor } from "../../testkit/servers/common";

const base = loadInventoryOrThrow("examples/barito-timur/inventory.yaml");

function zoneOf(inv: Inventory, serial = 1): DnsZone {
  return renderDnsZone(inv, planPublicIps(inv), { serial });
}

/** Runs a rendered script as the component would over SSH: sh reading it from stdin. */
function runScript(script: string): string {
  return execFileSync("sh", ["-s"], { input: script, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
}

/**
 * `name type value` of every record the server answers for the rendered records' names and types (the
 * secondary allows no zone transfer, as in production), sorted: one dig with every query.
 */
async function answered(host: BindHost, zone: DnsZone): Promise<string[]> {
  const fqdn = (name: string) => (name === "@" ? `${zone.origin}.` : `${name}.${zone.origin}.`);
  const asked = [...new Set(zone.records.map((r) => `${fqdn(r.name)} ${r.type}`))].flatMap((q) => q.split(" "));
  const out = await host.dig(["+noall", "+answer", "+norecurse", ...asked]);
  return [...new Set(out
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 5)
    .map((f) => `${f[0]!.toLowerCase()} ${f[3]} ${f.slice(4).join(" ").toLowerCase()}`))]
    .sort();
}

/** The records the renderer produced, written the way dig prints them. */
function rendered(zone: DnsZone): string[] {
  const fqdn = (name: string) => (name === "@" ? `${zone.origin}.` : `${name}.${zone.origin}.`);
  return zone.records.map((r) => `${fqdn(r.name)} ${r.type} ${r.value.toLowerCase()}`).sort();
}

describe("the zone served by BIND from the inventory (primary in the data center, secondary at the recovery site)", () => {
  let primary: BindHost;
  let secondary: BindHost;
  let servingOf: (inv: Inventory, serial?: number) => { zone: DnsZone; primary: string; secondary: string; remove: string };

  beforeAll(async () => {
    [primary, secondary] = await Promise.all([startBindHost("primary"), startBindHost("secondary")]);
    const auth = base.meta.dns!.authoritative!;
    const hostOf = new Map([[auth.primary, primary], [auth.secondaries[0]!, secondary]]);
    servingOf = (inv, serial = 1) => {
      const zone = zoneOf(inv, serial);
      // Each server's own paths; every server is reached on 127.0.0.1 at its own port.
      const forServer = (host: BindHost) =>
        planDnsServing(inv, zone, { ...host.paths, endpoint: (id) => ({ host: "127.0.0.1", port: hostOf.get(id)!.port }) })!;
      return { zone, primary: forServer(primary).primary.apply, secondary: forServer(secondary).secondaries[0]!.apply, remove: forServer(secondary).secondaries[0]!.remove };
    };
  }, 60_000);

  afterAll(async () => {
    await Promise.all([primary?.stop(), secondary?.stop()]);
  });

  it("after the first apply, the secondary answers every record of the rendered zone", async () => {
    const s = servingOf(base);
    const out = runScript(s.primary);
    expect(out).toMatch(/serial \d{10}/);
    runScript(s.secondary);
    const serial = await waitFor("the secondary's first transfer", () => secondary.serial(s.zone.origin), 20_000, 200);
    expect(serial).toBe(await primary.serial(s.zone.origin));
    // Today's date in the RFC 1912 convention: the first serial is YYYYMMDD00.
    expect(String(serial)).toBe(`${new Date().toISOString().slice(0, 10).replaceAll("-", "")}00`);
    expect(rendered(s.zone).length).toBeGreaterThan(10);
    expect(await answered(secondary, s.zone)).toEqual(rendered(s.zone));
  }, 60_000);

  it("re-applying the same inventory changes nothing: same serial, no reload", async () => {
    const s = servingOf(base);
    const before = await primary.serial(s.zone.origin);
    expect(runScript(s.primary)).toContain("unchanged");
    expect(runScript(s.secondary)).toContain("unchanged");
    expect(await primary.serial(s.zone.origin)).toBe(before);
  });

  it("a change reaches the secondary by NOTIFY with a higher serial, nothing run on the secondary", async () => {
    // A new application with its own public address, and an OPD subdomain: two new names.
    const inv = structuredClone(base);
    const block = inv.publicIp.blocks.find((b) => b.id === "v4-dinas")!;
    const app = inv.applications.find((a) => a.placement.type === "datacenter" && a.hostname?.endsWith(inv.meta.domain))!;
    inv.applications.push({ ...structuredClone(app), id: "sipandu", name: "SIPANDU", hostname: `sipandu.${inv.meta.domain}`, placement: { ...app.placement, publicIp: "sipandu" } as typeof app.placement });
    inv.publicIp.allocations.push({ id: "sipandu", block: block.id, to: { application: "sipandu" } } as Inventory["publicIp"]["allocations"][number]);
    expect(validateInventory(inv).filter((d) => d.severity === "error").map((d) => `${d.code} ${d.path.join(".")} ${JSON.stringify(d.params)}`)).toEqual([]);
    const s = servingOf(inv);
    expect(rendered(s.zone).some((r) => r.startsWith("sipandu."))).toBe(true);
    const before = (await secondary.serial(s.zone.origin))!;
    runScript(s.primary);
    const after = await waitFor("the NOTIFY to bring the secondary's serial up", async () => {
      const now = await secondary.serial(s.zone.origin);
      return now !== undefined && now > before ? now : undefined;
    }, 20_000, 200);
    expect(after).toBe(before + 1);
    expect(await answered(secondary, s.zone)).toEqual(rendered(s.zone));
    expect((await secondary.dig(["+short", `sipandu.${s.zone.origin}`, "A"])).trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  }, 60_000);

  it("a rendered serial above the deployed one (taking over from an older server) is used as the floor", async () => {
    const s = servingOf(base, 2099123100);
    runScript(s.primary);
    expect(await primary.serial(s.zone.origin)).toBe(2099123100);
  });

  it("the remove script takes the zone off the secondary", async () => {
    const s = servingOf(base);
    runScript(s.remove);
    await waitFor("the secondary to stop answering for the zone", async () => (await secondary.serial(s.zone.origin)) === undefined, 20_000, 200);
  });
});

describe("planDnsServing", () => {
  it("renders nothing without meta.dns.authoritative, and one fragment per server with it", () => {
    const without = structuredClone(base);
    delete without.meta.dns;
    expect(planDnsServing(without, zoneOf(without))).toBeUndefined();
    const p = planDnsServing(base, zoneOf(base))!;
    expect(p.primary.host).toBe(base.devices.find((d) => d.id === "dc-srv-01")!.mgmtAddress);
    expect(p.primary.fragment).toContain(`also-notify { ${base.devices.find((d) => d.id === "drc-srv-01")!.mgmtAddress}; }`);
    expect(p.secondaries.map((s) => s.fragment)).toEqual([expect.stringContaining(`primaries { ${p.primary.host}; }`)]);
    expect(p.primary.apply).toContain("/etc/bind/named.conf.spbe-baritotimurkab.go.id");
  });
});
