// Odd strings from a real agent (an snmpsim recording with the bytes Windows agents, cheap switches
// and multi-line sysDescrs send): NUL, CR LF, TAB, invalid UTF-8, over-long values, a binary MAC.
// The labels that reach the exposition text are clean, the same way for every module.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderByFamily } from "../../collectors/exposition";
import { displayText, hexString, MAX_LABEL_CHARS, physAddress } from "../../collectors/label-text";
import * as N from "../../collectors/metric-names";
import { pollTarget } from "../../collectors/poller";
import { envSecrets } from "../../collectors/secrets";
import { SnmpClient } from "../../collectors/snmp-client";
import type { Target } from "../../collectors/targets";
import { run } from "../../testkit/servers/common";
import { startSnmpsim, type SnmpsimHandle } from "../../testkit/servers/snmpsim";
import { parsePromText } from "./support/prom-text";

const hex = (s: string | Buffer) => Buffer.from(s).toString("hex");
const LONG = "x".repeat(300);
const ODD: [string, string, string][] = [
  ["1.3.6.1.2.1.1.1.0", "4x", hex("Odd OS 1.0\r\nBuilt by nobody\r\n")],
  ["1.3.6.1.2.1.1.2.0", "6", "1.3.6.1.4.1.311.1.1.3.1.2"],
  ["1.3.6.1.2.1.1.3.0", "67", "4242"],
  ["1.3.6.1.2.1.1.5.0", "4x", hex("odd-agent\0")],
  ["1.3.6.1.2.1.2.2.1.1.1", "2", "1"], ["1.3.6.1.2.1.2.2.1.1.2", "2", "2"], ["1.3.6.1.2.1.2.2.1.1.3", "2", "3"], ["1.3.6.1.2.1.2.2.1.1.4", "2", "4"],
  ["1.3.6.1.2.1.2.2.1.2.1", "4x", hex("Intel(R) Ethernet Adapter\0")],
  ["1.3.6.1.2.1.2.2.1.2.2", "4x", hex(Buffer.concat([Buffer.from("Port "), Buffer.from([0xff, 0xfe]), Buffer.from(" 2")]))],
  ["1.3.6.1.2.1.2.2.1.2.3", "4", LONG],
  ["1.3.6.1.2.1.2.2.1.2.4", "4x", hex("Tab\there\0\0")],
  ["1.3.6.1.2.1.2.2.1.6.1", "4x", "001a2b3c4d5e"],
  ["1.3.6.1.2.1.2.2.1.6.2", "4x", "f0debc9a7856"],
  ["1.3.6.1.2.1.2.2.1.8.1", "2", "1"], ["1.3.6.1.2.1.2.2.1.8.2", "2", "1"], ["1.3.6.1.2.1.2.2.1.8.3", "2", "2"], ["1.3.6.1.2.1.2.2.1.8.4", "2", "2"],
  ["1.3.6.1.6.3.10.2.1.1.0", "4x", "80001f8880a1b2c3d4"],
];

let sim: SnmpsimHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spbe-odd-"));
fs.writeFileSync(path.join(dir, "odd.snmprec"), ODD.map((r) => r.join("|")).join("\n") + "\n");

beforeAll(async () => {
  sim = await startSnmpsim({ recordings: { odd: path.join(dir, "odd.snmprec") } });
}, 120_000);
afterAll(async () => {
  await sim?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("label hygiene", () => {
  it("the rules, one per syntax", () => {
    expect(displayText(Buffer.from("a\0"))).toBe("a");
    expect(displayText("line1\r\nline2")).toBe("line1 line2");
    expect(displayText(Buffer.from([0x41, 0xc3, 0x28, 0x42]))).toBe("A\uFFFD(B");
    expect(Array.from(displayText("é".repeat(400)))).toHaveLength(MAX_LABEL_CHARS);
    expect(Array.from(displayText("😀".repeat(300)))).toHaveLength(MAX_LABEL_CHARS); // never half a surrogate pair
    expect(physAddress(Buffer.from("0016c7026e86", "hex"))).toBe("00:16:C7:02:6E:86");
    expect(hexString(Buffer.from([0, 255]))).toBe("0x00FF");
  });

  it("bytes give what their UTF-8 text gives, printable ASCII (the fast path) or not, on 5,000 random values", () => {
    let seed = 9;
    const r = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 5_000; i++) {
      const n = [0, 1, 20, 254, 255, 256, 300][i % 7]!;
      // mostly printable ASCII, sometimes a control byte or a UTF-8 / invalid high byte
      const bytes = Buffer.from(Array.from({ length: n }, () => (r() < 0.97 ? 0x20 + Math.floor(r() * 95) : Math.floor(r() * 256))));
      expect(displayText(bytes)).toBe(displayText(new TextDecoder().decode(bytes)));
    }
  });

  it("strings from a real agent reach the exposition clean", async () => {
    // the agent really sends the odd bytes: snmpget shows them
    const raw = await run("snmpget", ["-v2c", "-c", "odd", "-On", "-Ox", `${sim.host}:${sim.port}`, "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.2.2.1.2.2"]);
    expect(raw.stdout.replace(/\s+/g, " "), raw.stderr).toMatch(/6F 64 64 2D 61 67 65 6E 74 00.*50 6F 72 74 20 FF FE 20 32/);

    const t: Target = {
      device: "odd", role: "server", site: "dc", opd: "diskominfo", host: sim.host, port: sim.port,
      access: { version: "2c", community: { env: "C" } }, modules: ["system", "if_mib"], intervalSeconds: 60,
      labels: [["device", "odd"]], linkByIfName: new Map(), linkByIfIndex: new Map(),
    };
    // One column per GETBULK: snmpsim spins on some multi-column GETBULKs (see the compat test).
    const client = new SnmpClient({ host: sim.host, port: sim.port, access: t.access, secrets: envSecrets({}, { C: "odd" }), timeoutMs: 10_000, retries: 1, maxRepetitions: 25, maxColumnsPerPdu: 1 });
    const r = await pollTarget(t, client);
    client.close();
    expect(r.errors).toEqual([]);
    const text = [...renderByFamily(r.samples).chunks.values()].join("");
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]|\\r|\\n|\\t/);
    const series = parsePromText(text);
    const info = series.find((s) => s.name === N.SYS_INFO)!;
    expect(info.labels[N.LABEL_SYS_NAME]).toBe("odd-agent");
    expect(info.labels[N.LABEL_SYS_DESCR]).toBe("Odd OS 1.0 Built by nobody");
    const descr = new Map(series.filter((s) => s.name === N.IF_OPER_STATUS).map((s) => [s.labels.ifIndex, s.labels.ifDescr]));
    expect(descr.get("1")).toBe("Intel(R) Ethernet Adapter");
    expect(descr.get("2")).toBe("Port \uFFFD\uFFFD 2");
    expect(descr.get("3")).toBe("x".repeat(MAX_LABEL_CHARS));
    expect(descr.get("4")).toBe("Tab here");
    const macs = series.filter((s) => s.name === N.IF_PHYS_ADDRESS).map((s) => [s.labels.ifIndex, s.labels.ifPhysAddress, s.value]);
    expect(macs).toEqual([["1", "00:1A:2B:3C:4D:5E", 1], ["2", "F0:DE:BC:9A:78:56", 1]]);
  }, 60_000);
});
