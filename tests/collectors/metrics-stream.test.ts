// How /metrics streams a large store (collectors/http.ts): over a real socket to curl in another
// process, every chunk is written in its own turn of the event loop (other work, e.g. poll results,
// runs in between), the body is exactly the store's exposition, and a scraper that hangs up stops
// the stream instead of leaving it waiting for a 'drain' that never comes.
import { spawn } from "node:child_process";
import { gunzipSync } from "node:zlib";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Labels, Sample } from "../../collectors/sample";
import { GzipStream } from "../../collectors/gzip-stream";
import { createApp } from "../../collectors/http";
import type { PollResult } from "../../collectors/poller";
import { PromStore } from "../../collectors/prom-store";
import type { Target } from "../../collectors/targets";
import { requireBinary, waitFor } from "../../testkit/servers/common";

/** 300 devices x 200 interfaces x 2 families: ~8 MiB of exposition, ~30 chunks. */
function bigStore(o: ConstructorParameters<typeof PromStore>[0] = {}): PromStore {
  const store = new PromStore(o);
  for (let d = 0; d < 300; d++) {
    const labels: Labels = [["device", `sw-${d}`], ["site", "dc"], ["opd", "diskominfo"], ["role", "switch"]];
    const target = { device: `sw-${d}`, labels } as Target;
    const samples: Sample[] = [];
    for (let i = 1; i <= 200; i++) {
      const row: Labels = [...labels, ["ifIndex", String(i)], ["ifName", `eth${i}`]];
      samples.push({ name: "ifHCInOctets", type: "counter", help: "In octets.", labels: row, value: String(d * 1e6 + i) });
      samples.push({ name: "ifHCOutOctets", type: "counter", help: "Out octets.", labels: row, value: String(d * 1e6 + i * 7) });
    }
    const r: PollResult = { target, startedAt: 0, durationMs: 1, up: true, samples, errors: [], modules: [], pdus: 1, packets: 1, retries: 0, varbinds: 400, lagMs: 0 };
    store.update(r);
  }
  return store;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server?.closeAllConnections();
  server = undefined;
});

async function serveStore(store: PromStore): Promise<string> {
  const app = createApp(store, [], () => "# tail\n");
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

function curl(args: string[]): Promise<{ code: number; out: Buffer }> {
  const p = spawn(requireBinary("curl", "curl"), ["-s", ...args]);
  const out: Buffer[] = [];
  p.stdout.on("data", (b: Buffer) => out.push(b));
  return new Promise((resolve) => p.on("close", (code) => resolve({ code: code ?? 1, out: Buffer.concat(out) })));
}

/**
 * Wraps store.chunks() to see the stream from the inside: how many chunks were pulled, whether the
 * generator was closed, and the event-loop turn (a setImmediate counter) at each pull.
 */
function watchChunks(store: PromStore) {
  const seen = { pulled: 0, finished: false, turnAtPull: [] as number[] };
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const inner = store.chunks.bind(store);
  store.chunks = function* () {
    try {
      for (const c of inner()) {
        seen.pulled++;
        seen.turnAtPull.push(turn);
        yield c;
      }
    } finally {
      seen.finished = true;
    }
  };
  return { seen, stop: () => (ticking = false) };
}

describe("/metrics streaming", () => {
  it("writes each chunk in its own turn of the event loop, and the body is the whole store", async () => {
    const store = bigStore();
    const expected = Buffer.concat([...store.chunks(), Buffer.from("# tail\n")]);
    const total = [...store.chunks()].length;
    expect(total).toBeGreaterThan(20);
    const { seen, stop } = watchChunks(store);
    const url = await serveStore(store);
    const got = await curl([url]);
    stop();
    expect(got.code).toBe(0);
    expect(got.out.equals(expected)).toBe(true);
    expect(seen.pulled).toBe(total);
    // A socket that takes a chunk at once emits 'drain' from process.nextTick: a loop that only
    // awaits 'drain' would pull the next chunk in the same turn, and the next, and so on.
    const sameTurn = seen.turnAtPull.filter((t, i) => i > 0 && t === seen.turnAtPull[i - 1]).length;
    expect(sameTurn).toBe(0);
  });

  it("stops pulling chunks when the scraper hangs up mid-body", async () => {
    const store = bigStore();
    const total = [...store.chunks()].length;
    const { seen, stop } = watchChunks(store);
    const url = await serveStore(store);
    // curl reads at 200 KiB/s and gives up after 1 s: the server sees the socket close mid-body.
    const got = await curl(["--limit-rate", "200K", "--max-time", "1", "-o", "/dev/null", url]);
    expect(got.code).toBe(28); // curl: operation timed out
    await waitFor("the stream to stop after the hang-up", () => seen.finished, 10_000, 20);
    stop();
    expect(seen.pulled).toBeLessThan(total);
  });
});

describe("/metrics with gzip", () => {
  it("serves one gzip stream of pieces deflated ahead, whose text is byte-identical to the plain body, and curl reads it", async () => {
    const store = bigStore();
    const url = await serveStore(store);
    const plain = await curl([url]);
    const raw = await curl(["-H", "Accept-Encoding: gzip", url]);
    const viaCurl = await curl(["--compressed", url]);
    expect(plain.code).toBe(0);
    expect(raw.code).toBe(0);
    expect(raw.out.length).toBeLessThan(plain.out.length / 5);
    // gunzip checks the trailer's CRC-32 and length, combined from the pieces'.
    expect(gunzipSync(raw.out).equals(plain.out)).toBe(true);
    expect(viaCurl.out.equals(plain.out)).toBe(true);
  });

  it("serves what the last poll rendered: pieces deflated at poll time after a gzip scrape, and on demand before", async () => {
    for (const gzipAtPoll of [false, true]) {
      const store = bigStore({ gzipAtPoll });
      const gz = () => {
        const stream = new GzipStream();
        return gunzipSync(Buffer.concat([...store.gzipChunks(stream), stream.end("# tail\n")])).toString("utf8");
      };
      const text = () => Buffer.concat([...store.chunks()]).toString("utf8");
      expect(gz()).toBe(`${text()}# tail\n`);
      // A new poll of one device replaces its members: no stale compressed text.
      const labels: Labels = [["device", "sw-7"], ["site", "dc"], ["opd", "diskominfo"], ["role", "switch"]];
      const samples: Sample[] = [{ name: "ifHCInOctets", type: "counter", help: "In octets.", labels: [...labels, ["ifIndex", "1"], ["ifName", "eth1"]], value: "18446744073709551615" }];
      store.update({ target: { device: "sw-7", labels } as Target, startedAt: 0, durationMs: 1, up: true, samples, errors: [], modules: [], pdus: 1, packets: 1, retries: 0, varbinds: 1, lagMs: 0 });
      const after = text();
      expect(after).toContain('ifName="eth1"} 18446744073709551615\n');
      expect(after).not.toContain('device="sw-7",site="dc",opd="diskominfo",role="switch",ifIndex="2"');
      expect(gz()).toBe(`${after}# tail\n`);
    }
  });
});
