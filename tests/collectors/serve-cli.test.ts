// `spbe serve` and `spbe simulate` as operators run them: real processes, signals, exit codes.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stopChild, tempDir, waitFor } from "../../testkit/servers/common";
import { SMALL_INVENTORY_YAML } from "./support/small-inventory";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snmp: any = require("net-snmp");
const ROOT = path.resolve(__dirname, "../..");
const children: ChildProcess[] = [];
const dir = tempDir("serve-cli");
afterAll(async () => {
  for (const c of children) await stopChild(c, "SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The environment with the inventory's secret refs unset (as on a fresh clone). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: "en_US.UTF-8" };
  for (const k of Object.keys(env)) if (k.startsWith("SPBE_")) delete env[k];
  return env;
}

function spbe(args: string[]) {
  const child = spawn(process.execPath, [path.join(ROOT, "bin/spbe.cjs"), ...args], { cwd: ROOT, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const io = { out: "", err: "" };
  child.stdout!.on("data", (b) => (io.out += b));
  child.stderr!.on("data", (b) => (io.err += b));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, io, exited };
}

const targets = async (url: string) => ((await (await fetch(`${url}/targets`)).json()) as { targets: { device: string; up: boolean | null }[] }).targets;

describe("spbe serve", () => {
  it("serves a simulated inventory without secrets set, reloads on SIGHUP, keeps the old inventory on a bad reload, exits 0 on SIGTERM", async () => {
    const file = path.join(dir, "inventory.yaml");
    fs.writeFileSync(file, SMALL_INVENTORY_YAML);
    const p = spbe(["serve", "--simulate", "--port", "0", "--interval", "1", "--format", "json", file]);
    const info = await waitFor("serve to print its URLs", () => {
      const line = p.io.out.split("\n").find((l) => l.startsWith("{"));
      return line ? (JSON.parse(line) as { metrics: string; targets: string; generatedSecrets: string[]; devices: number }) : undefined;
    }, 30_000);
    expect(info.devices).toBe(5);
    expect(info.generatedSecrets.sort()).toEqual(["SPBE_TEST_AUTH", "SPBE_TEST_COMMUNITY", "SPBE_TEST_PRIV"]);
    const url = info.metrics.replace(/\/metrics$/, "");
    expect(await (await fetch(`${url}/healthz`)).text()).toBe("ok\n");
    await waitFor("every device up", async () => (await targets(url)).every((t) => t.up === true), 20_000, 200);
    const metrics = await (await fetch(info.metrics)).text();
    expect(metrics).toMatch(/^ifHCInOctets\{device="core-sw",site="dc",opd="diskominfo",role="switch",ifIndex="1",ifAlias="bb-setda",ifDescr="Te1\/0\/1",ifName="Te1\/0\/1",link="bb-setda"\} \d+$/m);

    // SIGHUP with one device fewer
    fs.writeFileSync(file, SMALL_INVENTORY_YAML.replace(/  - id: dc-ups\n    role: ups\n[\s\S]*?(?=  - id: dc-pdu)/, ""));
    p.child.kill("SIGHUP");
    await waitFor("reload to drop dc-ups", async () => (await targets(url)).length === 4, 10_000, 100);
    expect(p.io.err).toContain("inventory reloaded, 4 devices");

    // SIGHUP with a new device: the simulator starts an agent for it and it gets polled
    fs.writeFileSync(file, SMALL_INVENTORY_YAML.replace("links:", `  - id: new-ap\n    role: access-point\n    site: kantor-setda\n    mgmtAddress: 10.0.1.9\n    snmp: {version: "2c", community: {env: SPBE_TEST_COMMUNITY}}\nlinks:`));
    p.child.kill("SIGHUP");
    await waitFor("new device polled", async () => (await targets(url)).some((t) => t.device === "new-ap" && t.up === true), 10_000, 100).catch(async (e) => { throw new Error(`${e.message}: ${p.io.err} ${JSON.stringify(await targets(url))}`); });
    expect((await targets(url)).length).toBe(6);

    // SIGHUP with a broken file: errors named, old inventory kept
    fs.writeFileSync(file, "meta: {kabupaten: 12\n");
    p.child.kill("SIGHUP");
    await waitFor("reload failure report", () => p.io.err.includes("reload failed"), 10_000);
    expect(p.io.err).toContain(file);
    expect((await targets(url)).length).toBe(6);

    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    // secrets never printed: the generated values are not in any output
    expect(p.io.err).not.toMatch(/[0-9a-f]{24}/);
  }, 60_000);

  it("prints where to look for the barito-timur example (what npm start runs)", async () => {
    const p = spbe(["serve", "--simulate", "--port", "0", "--lang", "en", "examples/barito-timur/inventory.yaml"]);
    await waitFor("URLs printed", () => /Metrics: http:\/\/127\.0\.0\.1:\d+\/metrics\s+Targets: http:\/\/127\.0\.0\.1:\d+\/targets/.test(p.io.out), 30_000);
    expect(p.io.out).toContain("SPBE_SNMP_COMMUNITY");
    const url = /Targets: (\S+)/.exec(p.io.out)![1]!;
    const t = (await (await fetch(url)).json()) as { targets: unknown[] };
    expect(t.targets.length).toBeGreaterThan(30);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  }, 60_000);

  it("refuses a bad inventory with exit 2, the file named and no stack trace", async () => {
    const bad = path.join(dir, "bad.yaml");
    fs.writeFileSync(bad, "meta: {}\n");
    const p = spbe(["serve", "--port", "0", bad]);
    expect(await p.exited).toBe(2);
    expect(p.io.err).toContain("bad.yaml");
    expect(p.io.err).not.toMatch(/\n\s+at /);
  });

  it("exits with advice, not a hang, when its port is taken (simulator started first)", async () => {
    const net = await import("node:net");
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", () => r()));
    const port = (busy.address() as import("node:net").AddressInfo).port;
    try {
      const file = path.join(dir, "busy.yaml");
      fs.writeFileSync(file, SMALL_INVENTORY_YAML);
      const p = spbe(["serve", "--simulate", "--port", String(port), file]);
      expect(await p.exited).toBe(1);
      expect(p.io.err).toContain(`127.0.0.1:${port} is already in use`);
      expect(p.io.err).toContain("--port 0");
      expect(p.io.err).not.toMatch(/\n\s+at /);
    } finally {
      busy.close();
    }
  }, 30_000);
});

describe("spbe simulate", () => {
  it("serves every SNMP device on loopback ports until SIGTERM", async () => {
    const file = path.join(dir, "sim.yaml");
    fs.writeFileSync(file, SMALL_INVENTORY_YAML);
    const p = spbe(["simulate", "--format", "json", file]);
    const info = await waitFor("device list", () => {
      const line = p.io.out.split("\n").find((l) => l.startsWith("{"));
      return line ? (JSON.parse(line) as { devices: { id: string; port: number; version: string }[] }) : undefined;
    }, 30_000);
    expect(info.devices.map((d) => d.id)).toEqual(["core-sw", "setda-rtr", "dinkes-rtr", "dc-srv", "dc-ups"]);
    expect(new Set(info.devices.map((d) => d.port)).size).toBe(5);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  }, 40_000);

  it("run alone with the secrets unset, shows the made-up credentials so its agents can be asked", async () => {
    const file = path.join(dir, "sim-alone.yaml");
    fs.writeFileSync(file, SMALL_INVENTORY_YAML);
    const p = spbe(["simulate", file]);
    const shown = await waitFor("device lines and credentials", () => {
      const port = /^core-sw: udp 127\.0\.0\.1:(\d+) /m.exec(p.io.out)?.[1];
      const community = /^\s*export SPBE_TEST_COMMUNITY=(\S+)$/m.exec(p.io.out)?.[1];
      return port && community ? { port: Number(port), community } : undefined;
    }, 30_000);
    const session = snmp.createSession("127.0.0.1", shown.community, { port: shown.port, version: snmp.Version2c, timeout: 2000, retries: 1, backwardsGetNexts: false });
    const sysName = await new Promise<string>((resolve, reject) =>
      session.get(["1.3.6.1.2.1.1.5.0"], (err: Error | null, varbinds: { value: Buffer }[]) => (err ? reject(err) : resolve(String(varbinds[0]!.value)))),
    );
    session.close();
    expect(sysName).toBe("core-sw");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  }, 40_000);
});
