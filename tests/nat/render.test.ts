// The edge gateway's planner and renderer, table by table, without a gateway: which allocation becomes
// which route, firewall rule or source NAT; what is refused (with its position, through validation);
// that the script does not depend on the inventory's order. The namespace test applies it for real.
import { describe, expect, it } from "vitest";
import { NatConfigError, planPublicNat, renderPublicNat } from "../../infra/nat";
import { formatPath } from "../../inventory/diagnostics";
import { inventorySchema } from "../../inventory/schema";
import { validateInventory } from "../../inventory/validate";
import { natInventoryData, NAT_GATEWAY, OPD_PUBLIC } from "../../testkit/nat/fixture";

type Data = ReturnType<typeof natInventoryData>;
const parse = (data: Data) => inventorySchema.parse(data);
const edit = (f: (d: Data) => void): Data => {
  const d = natInventoryData();
  f(d);
  return d;
};
const errors = (data: Data) => validateInventory(parse(data)).filter((d) => d.severity === "error").map((d) => `${formatPath(d.path)}: ${d.code}`);

describe("planPublicNat", () => {
  it("forwards each data-center application's address to its server with its declared ports, and source-NATs the OPD", () => {
    const plan = planPublicNat(parse(natInventoryData()))!;
    expect(plan.gateway).toBe(NAT_GATEWAY);
    expect(plan.forwards).toEqual([
      { allocation: "ip-portal", application: "portal", address: "198.51.100.10", family: 4, server: "srv-01", nextHop: "10.79.1.10", ports: [{ port: 443, protocol: "tcp" }] },
      {
        allocation: "ip-satudata",
        application: "satudata",
        address: "198.51.100.11",
        family: 4,
        server: "srv-01",
        nextHop: "10.79.1.10",
        ports: [{ port: 443, protocol: "tcp" }, { port: 8443, protocol: "tcp" }],
      },
    ]);
    expect(plan.sourceNats).toEqual([{ allocation: "nat-dinkes", opd: "dinkes", address: OPD_PUBLIC, family: 4, subnets: ["10.79.2.0/24"] }]);
  });

  it.each([
    {
      name: "a port without `public` is forwarded as the container port; udp is its own protocol",
      change: (d: Data) => (d.applications[0].placement.ports = [{ container: 8080 }, { container: 53, protocol: "udp" }, { container: 53 }]),
      ports: [{ port: 53, protocol: "tcp" }, { port: 8080, protocol: "tcp" }, { port: 53, protocol: "udp" }],
    },
    { name: "no declared port: the address is guarded, nothing is open", change: (d: Data) => (d.applications[0].placement.ports = []), ports: [] },
  ])("$name", ({ change, ports }) => {
    expect(planPublicNat(parse(edit(change)))!.forwards[0]!.ports).toEqual(ports);
  });

  it("an application outside the data center keeps its allocation but is not forwarded", () => {
    const d = edit((d) => (d.applications[1].placement = { type: "external", provider: "Cloud", country: "ID", providerLegalEntity: { name: "PT Cloud", country: "ID" } }));
    expect(planPublicNat(parse(d))!.forwards.map((f) => f.application)).toEqual(["portal"]);
  });

  it("an OPD prefix allocation becomes an address range; IPv6 without a server address gets no route", () => {
    const d = edit((d) => {
      d.publicIp.blocks.push({ id: "v6", cidr: "2001:db8:5::/48" });
      d.publicIp.allocations[1] = { id: "ip-satudata", block: "v6", address: "2001:DB8:5::0011", to: { application: "satudata" } };
      d.publicIp.allocations[2].address = "198.51.100.24/30";
    });
    const plan = planPublicNat(parse(d))!;
    expect(plan.sourceNats[0]!.address).toBe("198.51.100.24-198.51.100.27");
    const v6 = plan.forwards.find((f) => f.family === 6)!;
    expect(v6.address).toBe("2001:db8:5::11"); // canonical, as `ip route` prints it
    expect(v6.nextHop).toBeUndefined();
    const { script } = renderPublicNat(parse(d))!;
    expect(script).toContain("# 2001:db8:5::11 (satudata): no route, server srv-01 has no IPv6 address in the inventory");
    expect(script).toContain('iifname "spbe-n-wan" ip6 daddr 2001:db8:5::11 tcp dport 443 accept comment "satudata"');
    expect(script).toContain("spbe_prune 6 ''");
  });

  it("a server without mgmtAddress: its applications' addresses are filtered, with no route", () => {
    const d = edit((d) => delete d.devices[1].mgmtAddress);
    expect(errors(d)).toEqual([]);
    const { script, plan } = renderPublicNat(parse(d))!;
    expect(plan.forwards.map((f) => f.nextHop)).toEqual([undefined, undefined]);
    expect(script).toContain("# 198.51.100.10 (portal): no route, server srv-01 has no IPv4 address in the inventory");
    expect(script).toContain("ip daddr 198.51.100.10 tcp dport 443 accept");
    expect(script).toContain("spbe_prune 4 ''");
  });

  it.each([
    { name: "no bandwidth gateway", change: (d: Data) => delete d.bandwidth },
    { name: "a RouterOS gateway", change: (d: Data) => (d.bandwidth.gateway.kind = "routeros") },
  ])("$name: nothing to render", ({ change }) => {
    expect(planPublicNat(parse(edit(change)))).toBeUndefined();
  });

  it.each([
    {
      name: "a port declared twice",
      change: (d: Data) => d.applications[1].placement.ports.push({ container: 9001, public: 8443 }),
      expected: ["applications[1].placement.ports[2].public: placement.port-duplicate"],
      planThrows: false,
    },
    {
      name: "an application allocated a prefix",
      change: (d: Data) => (d.publicIp.allocations[0].address = "198.51.100.12/31"),
      expected: ["publicIp.allocations[0].address: nat.app-prefix"],
      planThrows: true,
    },
    {
      name: "an OPD without a subnet of the allocation's family",
      change: (d: Data) => (d.opds[1].subnets = ["fd00:79::/64"]),
      expected: ["publicIp.allocations[2].to.opd: nat.opd-no-subnet"],
      planThrows: true,
    },
    {
      name: "two allocations of one family for one OPD",
      change: (d: Data) => d.publicIp.allocations.push({ id: "nat-dinkes-2", block: "v4", address: "198.51.100.21", to: { opd: "dinkes" } }),
      expected: ["publicIp.allocations[3].to.opd: nat.opd-duplicate"],
      planThrows: true,
    },
  ])("refused by validation at its path: $name", ({ change, expected, planThrows }) => {
    const d = edit(change);
    expect(errors(d)).toEqual(expected);
    if (planThrows) expect(() => planPublicNat(parse(d))).toThrow(NatConfigError);
  });
});

describe("renderNatScript", () => {
  const { script, rollback, sha256 } = renderPublicNat(parse(natInventoryData()))!;

  it.each([
    ["the table is replaced in one transaction", /table inet spbe_nat\ndelete table inet spbe_nat\ntable inet spbe_nat \{/],
    ["replies of established connections pass", /iifname "spbe-n-wan" ct state established,related accept/],
    ["each declared port passes for its own address only", /ip daddr 198\.51\.100\.11 tcp dport 8443 accept comment "satudata"/],
    ["the forwarded addresses are a set", /set forwarded4 \{\n\s+type ipv4_addr\n\s+elements = \{ 198\.51\.100\.10, 198\.51\.100\.11 \}/],
    ["anything else to a forwarded address is reset", /ip daddr @forwarded4 meta l4proto tcp reject with tcp reset/],
    ["udp and the rest get an ICMP refusal", /ip daddr @forwarded4 reject comment/],
    ["the OPD leaves from its address, after the quota's classification", /priority srcnat;[^\n]*\n\s+oifname "spbe-n-wan" ip saddr \{ 10\.79\.2\.0\/24 \} snat ip to 198\.51\.100\.20 comment "opd dinkes"/],
    ["each address is routed to its server, marked as ours", /spbe_route 4 198\.51\.100\.10 10\.79\.1\.10 {2}# portal on srv-01/],
    ["routes are added after the firewall exists", /SPBE_NFT\n[\s\S]*spbe_route 4/],
    ["routes no longer rendered are pruned", /spbe_prune 4 '198\.51\.100\.10 198\.51\.100\.11'/],
    ["the script names its own hash", new RegExp(`# sha256 ${sha256}`)],
  ])("%s", (_name, pattern) => {
    expect(script).toMatch(pattern);
  });

  it("does not depend on the inventory's order", () => {
    const d = natInventoryData();
    d.publicIp.allocations.reverse();
    d.applications.reverse();
    expect(renderPublicNat(parse(d))!.script).toBe(script);
  });

  it("the rollback removes the table and our routes only, and is safe to run twice", () => {
    expect(rollback).toContain("nft delete table inet spbe_nat 2>/dev/null || true");
    expect(rollback).toContain("ip -4 route flush proto 241 2>/dev/null || true");
    expect(rollback).not.toContain("spbe_quota");
  });
});
