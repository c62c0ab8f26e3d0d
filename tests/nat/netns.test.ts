// The edge gateway's rendered script on a real Linux gateway (network namespaces, nftables, routes):
// from the "internet", each application's public address answers on its declared ports only; an OPD's
// traffic leaves with its public address; re-applying changes nothing; an allocation removed from the
// inventory loses its rule and its route. The quota's script runs first, its table beside ours. Root.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderGatewayConfig } from "../../infra/quota";
import { NAT_TABLE, renderPublicNat, ROUTE_PROTO } from "../../infra/nat";
import { validateInventory } from "../../inventory/validate";
import { NAT_APPS, natInventory, OPD_PUBLIC, SERVER_ADDR } from "../../testkit/nat/fixture";
import { createNatBed, INTERNET_ADDR, requireNatTools, type NatBed } from "../../testkit/nat/testbed";

let bed: NatBed | undefined;
const [PORTAL, SATUDATA] = [NAT_APPS[0].address, NAT_APPS[1].address];
const UNDECLARED = 9999;

beforeAll(async () => {
  requireNatTools();
  bed = await createNatBed();
  // The server listens on every port the test asks for, declared or not: a refusal is the gateway's.
  await bed.listen(bed.dc, "srv-01", [443, 8443, UNDECLARED]);
  await bed.listen(bed.internet, "internet", [7000]);
  const inv = natInventory();
  expect(validateInventory(inv).filter((d) => d.severity === "error")).toEqual([]);
  bed.applyScript(renderGatewayConfig(inv).script);
  bed.applyScript(renderPublicNat(inv)!.script);
}, 120_000);

afterAll(async () => {
  await bed?.destroy();
}, 60_000);

describe("the edge gateway's public addresses (network namespaces)", () => {
  it("has its own table beside the quota's", () => {
    expect(bed!.nftTable("spbe_quota")).toContain("chain classify");
    expect(bed!.nftTable(NAT_TABLE)).toContain(`ip daddr ${PORTAL} tcp dport 443 accept`);
  });

  it("answers on each application's declared ports, seeing the real client", async () => {
    expect(await bed!.connect(bed!.internet, PORTAL, 443)).toEqual({ kind: "answer", text: `srv-01:443 from ${INTERNET_ADDR}` });
    expect(await bed!.connect(bed!.internet, SATUDATA, 443)).toEqual({ kind: "answer", text: `srv-01:443 from ${INTERNET_ADDR}` });
    expect(await bed!.connect(bed!.internet, SATUDATA, 8443)).toEqual({ kind: "answer", text: `srv-01:8443 from ${INTERNET_ADDR}` });
  }, 60_000);

  it("refuses (TCP reset from the gateway) an undeclared port, though the server listens on it", async () => {
    // 8443 is satudata's, not portal's: the same server, the same listener, another public address.
    expect(await bed!.connect(bed!.internet, PORTAL, 8443)).toEqual({ kind: "refused" });
    expect(await bed!.connect(bed!.internet, PORTAL, UNDECLARED)).toEqual({ kind: "refused" });
    expect(await bed!.connect(bed!.internet, SATUDATA, UNDECLARED)).toEqual({ kind: "refused" });
    // The listener is there: from the gateway itself (not forwarded, so not filtered) it answers.
    expect(await bed!.connect(bed!.gw, PORTAL, UNDECLARED)).toMatchObject({ kind: "answer" });
  }, 60_000);

  it("sends an OPD's internet traffic from its public address (source NAT)", async () => {
    expect(await bed!.connect(bed!.opd, INTERNET_ADDR, 7000)).toEqual({ kind: "answer", text: `internet:7000 from ${OPD_PUBLIC}` });
  }, 30_000);

  it("re-applying changes nothing", () => {
    const before = { nft: bed!.nftTable(NAT_TABLE), routes: bed!.routes(ROUTE_PROTO) };
    bed!.applyScript(renderPublicNat(natInventory())!.script);
    expect({ nft: bed!.nftTable(NAT_TABLE), routes: bed!.routes(ROUTE_PROTO) }).toEqual(before);
    expect(before.routes).toContain(`${SATUDATA} via ${SERVER_ADDR}`);
  });

  it("removing an allocation from the inventory and re-applying removes its rule and its route", async () => {
    bed!.applyScript(renderPublicNat(natInventory({ without: ["satudata"] }))!.script);
    expect(bed!.nftTable(NAT_TABLE)).not.toContain(SATUDATA);
    expect(bed!.routes(ROUTE_PROTO)).not.toContain(SATUDATA);
    expect(bed!.routes(ROUTE_PROTO)).toContain(`${PORTAL} via ${SERVER_ADDR}`);
    // No route to it any more: the gateway answers "unreachable" instead of forwarding.
    expect((await bed!.connect(bed!.internet, SATUDATA, 443)).kind).not.toBe("answer");
    expect(await bed!.connect(bed!.internet, PORTAL, 443)).toMatchObject({ kind: "answer" });
  }, 60_000);

  it("the rollback removes the table and every route of ours, and leaves the quota's table", () => {
    bed!.applyScript(renderPublicNat(natInventory())!.rollback);
    expect(bed!.nftTable(NAT_TABLE)).toBe("");
    expect(bed!.routes(ROUTE_PROTO)).toBe("");
    expect(bed!.nftTable("spbe_quota")).toContain("chain classify");
  });
});
