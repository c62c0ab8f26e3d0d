// The NOC board as a person sees it: `spbe serve --simulate` on the barito-timur example as its own
// process on a high port, the page at / opened in headless Chromium (Debian's chromium through
// playwright-core, as the reports are). The simulator's remote control (collectors/sim-control.ts)
// loads a link past its threshold and stops a device; the page must follow by itself.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../inventory/load";
import { withChromium } from "../../policies/report/pdf";
import { freeTcpPort, stopChild, waitFor } from "../../testkit/servers/common";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, ".test-results", "collectors");
const FILE = "examples/barito-timur/inventory.yaml";
const inventory = loadInventoryOrThrow(path.join(ROOT, FILE));
const INTERVAL_S = 3;
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) await stopChild(c);
});

async function serve(port: number): Promise<{ url: string; log: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: "en_US.UTF-8" };
  for (const k of Object.keys(env)) if (k.startsWith("SPBE_")) delete env[k];
  const args = ["serve", "--simulate", "--no-observe", "--port", String(port), "--interval", String(INTERVAL_S), "--timeout-ms", "1000", "--retries", "0", "--format", "json", FILE];
  const child = spawn(process.execPath, [path.join(ROOT, "bin/spbe.cjs"), ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (b) => (out += b));
  child.stderr!.on("data", (b) => (out += b));
  const info = await waitFor("serve to print its URLs", () => {
    const line = out.split("\n").find((l) => l.startsWith("{"));
    return line ? (JSON.parse(line) as { board: string }) : undefined;
  }, 60_000);
  return { url: info.board.replace(/\/$/, ""), log: () => out };
}

const post = async (url: string) => {
  const res = await fetch(url, { method: "POST" });
  expect(res.status, await res.clone().text()).toBe(200);
};

const attr = (page: Page, selector: string, name: string) => page.locator(selector).getAttribute(name);
const stroke = (page: Page, link: string) => page.locator(`svg path[data-link="${link}"]`).evaluate((el) => (globalThis as any).getComputedStyle(el).stroke as string);

describe("the NOC board at / of spbe serve --simulate", () => {
  it("draws every site and link, colours a loaded link, turns a stopped device's site down within two poll intervals; works without JS; switches to English", async () => {
    mkdirSync(OUT, { recursive: true });
    const port = await freeTcpPort();
    expect(port).toBeGreaterThan(1024);
    const { url } = await serve(port);
    expect(url).toBe(`http://127.0.0.1:${port}`);

    // Without JavaScript: the server-rendered tables name every site and link, in Indonesian.
    const html = await (await fetch(`${url}/`)).text();
    expect(html).toContain('<html lang="id">');
    for (const s of inventory.sites) expect(html).toContain(`<td data-site="${s.id}">`);
    for (const l of inventory.links) expect(html).toContain(`<td data-link="${l.id}">`);
    expect(html).toContain("Papan NOC Barito Timur");
    // …and a site's link lists its devices with their last poll (the no-JS way to click a site).
    const siteHtml = await (await fetch(`${url}/?site=kantor-dinsos&lang=en`)).text();
    expect(siteHtml).toContain('<html lang="en">');
    expect(siteHtml).toContain('<tr data-device="dinsos-rtr-01">');
    expect(siteHtml).not.toContain('<tr data-device="setda-rtr-01">');

    await withChromium(async (context) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.goto(`${url}/`);
      expect(await page.locator("html").getAttribute("lang")).toBe("id");
      // Every site and link of the inventory is on the map, and nothing else.
      expect(await page.locator("svg g[data-site]").count()).toBe(inventory.sites.length);
      expect(await page.locator("svg path[data-link]").count()).toBe(inventory.links.length);
      for (const s of inventory.sites) expect(await page.locator(`svg g[data-site="${s.id}"]`).count()).toBe(1);
      for (const l of inventory.links) expect(await page.locator(`svg path[data-link="${l.id}"]`).count()).toBe(1);
      // The map has room for them: every site inside the drawing, no two on the same spot.
      const boxes = await page.locator("svg g[data-site] circle").evaluateAll((els) => els.map((e) => [Number(e.getAttribute("cx")), Number(e.getAttribute("cy"))]));
      expect(new Set(boxes.map((b) => b.join(","))).size).toBe(inventory.sites.length);

      // The page updates itself: once every device has been polled, all sites are up and the link has a level.
      const link = "bb-dinsos"; // 200 Mb/s leased line; the simulator keeps it at 5-55 % (sim-model.ts)
      const site = "kantor-dinsos";
      await waitFor("the page to show every site up", async () => (await page.locator('svg g[data-site][data-state="up"]').count()) === inventory.sites.length, 30_000, 250);
      await waitFor("a utilisation level for the link", async () => (await attr(page, `svg path[data-link="${link}"]`, "data-level")) !== "none", 30_000, 250);
      expect(await attr(page, `svg path[data-link="${link}"]`, "data-level")).toBe("ok");
      const calm = await stroke(page, link);

      // Traffic past the threshold (80 %): the link changes colour on its own. The extra traffic is a
      // whole capacity's worth: the derived rate times a poll by its start, so on a loaded machine a
      // walk that answers late reads ±30 % off, and a load just past 80 % would flicker.
      await post(`${url}/simulator/links/${link}?utilisation=1`);
      await waitFor("the loaded link to turn warn/crit", async () => ["warn", "crit"].includes((await attr(page, `svg path[data-link="${link}"]`, "data-level")) ?? ""), 20_000, 250);
      expect(await stroke(page, link)).not.toBe(calm);
      expect(await attr(page, `svg path[data-link="bb-setda"]`, "data-level")).toBe("ok");

      // A device stopped: its site turns down within two poll intervals.
      const stoppedAt = Date.now();
      await post(`${url}/simulator/devices/dinsos-rtr-01/stop`);
      await waitFor("the site to turn down", async () => (await attr(page, `svg g[data-site="${site}"]`, "data-state")) === "down", 2 * INTERVAL_S * 1000, 100);
      const elapsed = Date.now() - stoppedAt;
      expect(elapsed).toBeLessThanOrEqual(2 * INTERVAL_S * 1000);
      expect(await attr(page, `svg g[data-site="kantor-setda"]`, "data-state")).toBe("up");
      expect(await page.locator("#n-down").textContent()).toBe("1");

      // Clicking the site lists its devices with their last poll.
      await page.locator(`svg g[data-site="${site}"]`).click();
      await expect.poll(() => page.locator('#site-panel tr[data-panel-device="dinsos-rtr-01"]').textContent()).toContain("mati");
      await waitFor("the loaded link busy for the screenshot", async () => ["warn", "crit"].includes((await attr(page, `svg path[data-link="${link}"]`, "data-level")) ?? ""), 20_000, 100);
      await page.screenshot({ path: path.join(OUT, "noc-board.png"), fullPage: false });

      // The English switch.
      await page.locator("#switch-lang").click();
      await page.waitForURL(/lang=en/);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.locator("h1").textContent()).toBe("NOC board Barito Timur");
      await page.close();
    }, 120_000);
  }, 180_000);
});
