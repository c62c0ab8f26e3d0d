// `spbe network render`, run as a user runs it: every configuration part of one device (here the
// FRR configuration BackboneRouting applies), JSON for tools, and bad input refused with exit 2 and
// its file:line:column, no stack trace.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { renderBackbone } from "../../infra/routing";
import { DC_CORE, KECAMATAN, routingInventory, routingInventoryData } from "../../testkit/routing/fixture";
import { runSpbe } from "../../testkit/spbe-cli";

const dir = mkdtempSync(join(tmpdir(), "spbe-network-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spbe = (args: string[]) => runSpbe(args, { LANG: "C" });

function inventoryFile(name: string, mutate: (d: any) => void = () => {}): string {
  const data = routingInventoryData();
  mutate(data);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(data));
  return file;
}

describe("spbe network render", () => {
  it("prints the device's parts: the frr.conf BackboneRouting applies (exit 0)", () => {
    const file = inventoryFile("ok");
    const r = spbe(["network", "render", file, "--device", KECAMATAN.router]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const expected = renderBackbone(routingInventory(), file)!.routers.find((x) => x.router.device === KECAMATAN.router)!.frrConf;
    expect(r.stdout).toBe(`==> frr: /etc/frr/frr.conf <==\n${expected}`);
  });

  it("--format json lists the parts by name", () => {
    const r = spbe(["network", "render", inventoryFile("json"), "--device", DC_CORE, "--format", "json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { device: string; parts: { name: string; path: string; text: string }[] };
    expect(out.device).toBe(DC_CORE);
    expect(out.parts.map((p) => p.name)).toEqual(["frr"]);
    expect(out.parts[0]!.text).toContain(`hostname ${DC_CORE}`);
  });

  it("a routed link to a switch: exit 2 with file:line:column and path, nothing rendered", () => {
    const file = inventoryFile("bad", (d) => {
      d.devices.find((x: { id: string }) => x.id === "disdik-rtr").role = "switch";
    });
    const r = spbe(["network", "render", file, "--device", DC_CORE]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ error: links\[2\]\.b\.device: link "bb-disdik" joins FRR router "dc-core-rtr" to "disdik-rtr", a switch/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown device or one with nothing to render: exit 2, said plainly", () => {
    const file = inventoryFile("devices", (d) => d.devices.push({ id: "sw-01", role: "switch", site: "dc" }));
    const unknown = spbe(["network", "render", file, "--device", "nope"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('device "nope" is not in the inventory');
    const nothing = spbe(["network", "render", file, "--device", "sw-01", "--lang", "id"]);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain('perangkat "sw-01" tidak memiliki konfigurasi yang dirender');
  });
});
