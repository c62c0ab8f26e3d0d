// The NOC board's pure parts: the layout (once per inventory, deterministic) and the state (site
// state from its devices, link level from the derived utilisation against the shared thresholds).
import { describe, expect, it } from "vitest";
import { layoutBoard } from "../../collectors/board/layout";
import { boardState, linkLevel, siteState } from "../../collectors/board/state";
import * as N from "../../collectors/metric-names";
import type { TargetStatus } from "../../collectors/prom-store";
import { LINK_UTILISATION_CRITICAL, LINK_UTILISATION_WARN } from "../../collectors/thresholds";
import { THRESHOLDS } from "../../dashboards/rules/alerts/policy";
import { loadInventoryOrThrow } from "../../inventory/load";

const inv = loadInventoryOrThrow("examples/barito-timur/inventory.yaml");

describe("the board's layout", () => {
  it("places every site once, apart, inside the drawing, the same way every time", () => {
    const a = layoutBoard(inv);
    expect(layoutBoard(inv)).toEqual(a);
    expect(a.sites.map((s) => s.id)).toEqual(inv.sites.map((s) => s.id));
    expect(new Set(a.sites.map((s) => `${s.x},${s.y}`)).size).toBe(inv.sites.length);
    for (const s of a.sites) {
      expect(s.x).toBeGreaterThan(0);
      expect(s.x).toBeLessThan(a.width);
      expect(s.y).toBeGreaterThan(0);
      expect(s.y).toBeLessThan(a.height);
    }
    const dc = a.sites.find((s) => s.layer === "datacenter")!;
    expect([dc.x, dc.y]).toEqual([a.width / 2, a.height / 2]);
    // kecamatan offices ring outside the OPD offices
    const r = (s: { x: number; y: number }) => Math.hypot(s.x - dc.x, s.y - dc.y);
    const opd = a.sites.filter((s) => s.layer === "opd-office").map(r);
    const kec = a.sites.filter((s) => s.layer === "kecamatan").map(r);
    expect(kec.length).toBeGreaterThan(0);
    expect(Math.min(...kec)).toBeGreaterThan(Math.max(...opd));
    // no site straight behind another as seen from the centre: its line would hide the inner one's colour
    const angles = a.sites.filter((s) => s !== dc).map((s) => Math.round(Math.atan2(s.y - dc.y, s.x - dc.x) * 1000));
    expect(new Set(angles).size).toBe(angles.length);
  });

  it("draws every link between its ends' sites; a link inside one site is a loop", () => {
    const a = layoutBoard(inv);
    expect(a.links.map((l) => l.id)).toEqual(inv.links.map((l) => l.id));
    const upstream = a.links.find((l) => l.id === "bb-dc-upstream")!;
    expect([upstream.a, upstream.b]).toEqual(["dc", "dc"]);
    expect(upstream.path).toMatch(/A.*Z$/);
    expect(a.links.find((l) => l.id === "bb-dc-drc")!.path).toMatch(/^M[\d.]+ [\d.]+L/);
  });
});

describe("the board's state", () => {
  it("colours links by the thresholds the alert rule uses", () => {
    expect(THRESHOLDS.linkUtilisation).toBe(LINK_UTILISATION_WARN);
    expect(linkLevel(null)).toBe("none");
    expect(linkLevel(LINK_UTILISATION_WARN - 0.01)).toBe("ok");
    expect(linkLevel(LINK_UTILISATION_WARN)).toBe("warn");
    expect(linkLevel(LINK_UTILISATION_CRITICAL)).toBe("crit");
  });

  it("reads a site's state from its devices and a link's level from the busier direction", () => {
    expect(siteState(0, 0)).toBe("unknown");
    expect(siteState(2, 0)).toBe("up");
    expect(siteState(1, 1)).toBe("degraded");
    expect(siteState(0, 2)).toBe("down");
    const layout = layoutBoard(inv);
    const row = (device: string, site: string, up: boolean | null, reason?: string): TargetStatus => ({
      device, host: "127.0.0.1", port: 1, role: "router", site, opd: "", modules: [], intervalSeconds: 15, up, lastPoll: up === null ? null : "2026-12-02T10:00:00.000Z",
      durationMs: 1, pdus: 1, varbinds: 1, samples: 1, errors: reason ? [{ module: "system", reason, message: "" }] : [], moduleStatus: [],
    });
    const util = (link: string, direction: string, v: number) => ({ name: N.SPBE_LINK_UTILISATION_RATIO, type: "gauge" as const, help: "", labels: [[N.LABEL_LINK, link], [N.LABEL_DIRECTION, direction]] as [string, string][], value: String(v) });
    const s = boardState(layout, [row("dinsos-rtr-01", "kantor-dinsos", false, "timeout"), row("setda-rtr-01", "kantor-setda", true), row("dc-rtr-01", "dc", null)], [util("bb-dinsos", "in", 0.1), util("bb-dinsos", "out", 0.85)], { score: 90 }, new Date(0));
    expect(s.sites.find((x) => x.id === "kantor-dinsos")!.state).toBe("down");
    expect(s.sites.find((x) => x.id === "kantor-setda")!.state).toBe("up");
    expect(s.sites.find((x) => x.id === "dc")!.state).toBe("unknown");
    expect(s.links.find((l) => l.id === "bb-dinsos")).toEqual({ id: "bb-dinsos", utilisation: 0.85, level: "warn" });
    expect(s.links.find((l) => l.id === "bb-setda")!.level).toBe("none");
    expect(s.summary).toMatchObject({ devicesUp: 1, devicesDown: 1, devicesUnknown: 1, errorsByReason: { timeout: 1 }, compliance: { score: 90 } });
  });
});
