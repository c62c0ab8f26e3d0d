// `spbe import netbox`: NetBox cannot run here (it needs PostgreSQL, Redis and a Django deployment),
// so its answers are files written from NetBox 4.x's documented REST API (tests/fixtures/import/netbox,
// one page per endpoint as /api/dcim/devices/ returns it). They are read two ways: as saved files
// (--from), and over real HTTP on loopback from a small server started here that pages them the way
// NetBox does (limit/offset, `next` links) and refuses a request without the token.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deviceRole } from "../../import/netbox/convert";
import { runSpbe, runSpbeAsync } from "../../testkit/spbe-cli";

const FIXTURES = join(__dirname, "..", "fixtures", "import", "netbox");
const TOKEN = "0123456789abcdef0123456789abcdef01234567";
const PAGE = 2; // NetBox's MAX_PAGE_SIZE, small here so every endpoint with more than two objects pages
// Each of these tests starts `spbe` several times; on a loaded 2-core machine one start took up to 15 s.
const CLI_TIMEOUT = 240_000;
const dir = mkdtempSync(join(tmpdir(), "spbe-import-netbox-"));
const base = join(dir, "inventory.yaml");

let server: Server;
let url = "";
const requests: { path: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", url);
    requests.push({ path: `${u.pathname}${u.search}`, authorization: req.headers.authorization });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Token ${TOKEN}`) return json(403, { detail: "Invalid token" });
    const m = /^\/api\/(dcim|ipam)\/([a-z-]+)\/$/.exec(u.pathname);
    const file = m ? join(FIXTURES, `${m[1]}-${m[2]}.json`) : undefined;
    if (!file || !readdirSync(FIXTURES).includes(`${m![1]}-${m![2]}.json`)) return json(404, { detail: "Not found." });
    const all = JSON.parse(readFileSync(file, "utf8")).results as unknown[];
    const limit = Math.min(Number(u.searchParams.get("limit") ?? PAGE), PAGE);
    const offset = Number(u.searchParams.get("offset") ?? 0);
    const next = offset + limit < all.length ? `${url}${u.pathname}?limit=${limit}&offset=${offset + limit}` : null;
    json(200, { count: all.length, next, previous: null, results: all.slice(offset, offset + limit) });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const init = runSpbe(["init", base, "--kabupaten", "Contoh Raya", "--domain", "contohkab.go.id", "--profile", "bt-7-2019", "--block", "203.0.113.0/28"]);
  expect(init.status, init.stderr).toBe(0);
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const notMapped = (stderr: string) => stderr.split("\n").filter((l) => /not mapped: /.test(l));

describe("NetBox device roles", () => {
  it("map by slug, and roles with no counterpart stay unmapped", () => {
    expect(["core-switch", "access-switch", "edge-router", "wireless-ap", "access-point", "firewall", "server", "ups", "patch-panel", "pdu"].map(deviceRole))
      .toEqual(["switch", "switch", "router", "access-point", "access-point", "firewall", "server", "ups", undefined, undefined]);
  });
});

describe("spbe import netbox", () => {
  const fromFiles = join(dir, "from-files.yaml");

  it("merges NetBox's saved answers into a fresh spbe init inventory, lists what it cannot map, and the result validates", () => {
    const r = runSpbe(["import", "netbox", base, "--from", FIXTURES, "--out", fromFiles]);
    expect(r.status, r.stderr).toBe(0);
    // Every object with no place in the inventory is named with its reason.
    expect(notMapped(r.stderr).map((l) => l.replace(/^.*not mapped: /, "").split(":")[0])).toEqual([
      "dcim.device pp-dc-1 (#4)",
      "dcim.device #5 (#5)",
      "dcim.interface #5 eno1 (#6)",
      "dcim.cable #3 (#3)",
      "ipam.prefix 10.0.0.0/24 (#3)",
      "ipam.ipaddress 10.0.0.50/24 (#6)",
      "ipam.ipaddress 198.51.100.7/32 (#7)",
    ]);
    expect(r.stderr).toMatch(/role "patch-panel" has no counterpart/);
    expect(r.stderr).toMatch(/dcim\.interface, dcim\.frontport/);
    expect(r.stderr).toMatch(/imported 3 site\(s\), 3 device\(s\), 1 link\(s\), 1 cable\(s\), 1 public block\(s\), 2 allocation\(s\); 7 object\(s\) not mapped/);

    const inv = parse(readFileSync(fromFiles, "utf8"));
    expect(readFileSync(fromFiles, "utf8").split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=/);
    expect(inv.sites.find((s: { id: string }) => s.id === "dc-contoh")).toMatchObject({ kind: "datacenter", racks: [{ id: "R1", heightU: 42 }] });
    expect(inv.sites.find((s: { id: string }) => s.id === "drc-contoh").kind).toBe("recovery");
    expect(inv.devices.find((d: { id: string }) => d.id === "core-sw1")).toMatchObject({
      role: "switch", site: "dc-contoh", rack: "R1", position: 40, vendor: "MikroTik", mgmtAddress: "10.0.0.2", interfaces: [{ name: "sfp1", speedMbps: 10000 }, { name: "ether1", speedMbps: 1000 }],
    });
    // The fiber cable is a backbone link at the slower end's speed; the copper patch is a cable of its site.
    expect(inv.links).toEqual([{ id: "CR-DC-01-DINKES-01", a: { device: "core-sw1", interface: "sfp1" }, b: { device: "dinkes-gw", interface: "ether1" }, medium: "fiber", capacityMbps: 1000, labelCode: "CR-DC-01/DINKES-01" }]);
    expect(inv.cables).toEqual([{ id: "DC-R1-SRV1", site: "dc-contoh", from: { device: "core-sw1", interface: "ether1" }, to: "srv1 eno1", labelCode: "DC-R1-SRV1" }]);
    // The prefix spbe init was given keeps its id; NetBox's addresses in it become allocations.
    expect(inv.publicIp.blocks.map((b: { id: string }) => b.id)).toEqual(["blok-1"]);
    expect(inv.publicIp.allocations.map((a: { address: string; to: unknown }) => [a.address, a.to])).toEqual([["203.0.113.2", { service: "ns1" }], ["203.0.113.5", { opd: "dinkes" }]]);
    // Tenants became OPDs, with their private prefixes as subnets.
    expect(inv.opds.find((o: { code: string }) => o.code === "dinkes")).toEqual({ code: "dinkes", name: "Dinas Kesehatan", subnets: ["10.1.20.0/24"] });

    const validate = runSpbe(["validate", fromFiles]);
    expect(validate.status, validate.stderr).toBe(0);
    const plan = runSpbe(["plan", fromFiles, "--format", "json"]);
    expect(plan.status, plan.stderr).toBe(0);
  }, CLI_TIMEOUT);

  it("reads the same from the live API over HTTP, following next links, with the token header, never printing the token", async () => {
    const out = join(dir, "from-api.yaml");
    requests.length = 0;
    const r = await runSpbeAsync(["import", "netbox", base, "--out", out], { NETBOX_URL: url, NETBOX_TOKEN: TOKEN });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(fromFiles, "utf8"));
    expect(requests.every((q) => q.authorization === `Token ${TOKEN}`)).toBe(true);
    // Five devices at two a page: three requests, the later ones from NetBox's `next` links.
    expect(requests.filter((q) => q.path.startsWith("/api/dcim/devices/")).map((q) => q.path)).toEqual([
      "/api/dcim/devices/?limit=1000", "/api/dcim/devices/?limit=2&offset=2", "/api/dcim/devices/?limit=2&offset=4",
    ]);
    expect(new Set(requests.map((q) => q.path.split("?")[0]))).toEqual(new Set(["/api/dcim/sites/", "/api/dcim/racks/", "/api/dcim/devices/", "/api/dcim/interfaces/", "/api/dcim/cables/", "/api/ipam/prefixes/", "/api/ipam/ip-addresses/"]));
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  }, CLI_TIMEOUT);

  it("a refused token is exit 1 naming the answer, without the token; no source at all is exit 2", async () => {
    const r = await runSpbeAsync(["import", "netbox", base, "--out", join(dir, "refused.yaml")], { NETBOX_URL: url, NETBOX_TOKEN: "wrong-token-value" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/NetBox answered 403 .* for http:\/\/127\.0\.0\.1:\d+\/api\/dcim\/sites\/\?limit=1000/);
    expect(r.stdout + r.stderr).not.toContain("wrong-token-value");
    const none = runSpbe(["import", "netbox", base], { NETBOX_URL: "", NETBOX_TOKEN: "" });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/NETBOX_URL and NETBOX_TOKEN/);
  }, CLI_TIMEOUT);
});
