// `spbe network render --device <gateway>`, run as a user runs it: the edge gateway's script on stdout
// (the same text PublicAddressNat applies), JSON for tools, and bad input refused with exit 2 and its
// position, nothing on stdout.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { renderPublicNat } from "../../infra/nat";
import { natInventory, natInventoryData, NAT_GATEWAY } from "../../testkit/nat/fixture";
import { runSpbe } from "../../testkit/spbe-cli";

const dir = mkdtempSync(join(tmpdir(), "spbe-network-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function inventoryFile(name: string, mutate: (d: any) => void = () => {}): string {
  const data = natInventoryData();
  mutate(data);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(data));
  return file;
}

describe("spbe network render", () => {
  it("prints the nft-nat part PublicAddressNat applies (exit 0)", () => {
    const r = runSpbe(["network", "render", inventoryFile("ok"), "--device", NAT_GATEWAY, "--part", "nft-nat"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(renderPublicNat(natInventory())!.script);
  });

  it("--format json names each part with its plan", () => {
    const r = runSpbe(["network", "render", inventoryFile("json"), "--device", NAT_GATEWAY, "--part", "nft-nat", "--format", "json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.parts.map((p: { name: string }) => p.name)).toEqual(["nft-nat"]);
    expect(doc.parts[0].data.plan.sourceNats[0]).toMatchObject({ opd: "dinkes", address: "198.51.100.20" });
  });

  it("a device without the part, or unknown, is bad input (exit 2)", () => {
    const file = inventoryFile("devices");
    const server = runSpbe(["network", "render", file, "--device", "srv-01", "--lang", "en"]);
    expect(server.status).toBe(2);
    expect(server.stdout).toBe("");
    expect(server.stderr).toContain('device "srv-01" has no rendered configuration');
    const unknown = runSpbe(["network", "render", file, "--device", "gw-99", "--lang", "id"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('perangkat "gw-99" tidak ada dalam inventaris');
  });

  it("a port declared twice is refused with its file:line:column and path (exit 2)", () => {
    const file = inventoryFile("dup", (d) => d.applications[0].placement.ports.push({ container: 8081, public: 443 }));
    const r = runSpbe(["network", "render", file, "--device", NAT_GATEWAY, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/dup\.yaml:\d+:\d+ error: applications\[0\]\.placement\.ports\[1\]\.public: port 443\/tcp is already declared at ports\[0\] of this application/);
  });
});
