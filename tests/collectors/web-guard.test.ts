// The collector's guarded endpoints (issue 15 item 3): the exporter-toolkit web configuration with a
// certificate openssl makes here and bcrypt-hashed users; which routes ask for credentials; the
// refusal to listen unguarded beyond loopback; the server closing a client that dribbles its request.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { request as httpsRequest } from "node:https";
import { connect } from "node:net";
import * as path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe, type ServeHandle } from "../../collectors/serve";
import { isLoopbackHost, loadWebConfig, WebConfigError } from "../../collectors/web-config";
import { loadInventoryText } from "../../inventory/load";
import { createComplianceExtension } from "../../policies/serve";
import { requireBinary, tempDir } from "../../testkit/servers/common";
import { runSpbe } from "../../testkit/spbe-cli";
import { stringify } from "yaml";
import { minimalInventory } from "../fixtures/minimal-inventory";

const dir = tempDir("web-guard");
const PASSWORD = "kata-sandi-uji";
let cert: Buffer;
const handles: ServeHandle[] = [];

/** The fixture with no SNMP access: nothing is polled, so no packet leaves for its 10.0.0.x addresses. */
function quietInventory() {
  const inv = minimalInventory();
  for (const d of inv.devices) delete d.snmp;
  const loaded = loadInventoryText(stringify(inv), "quiet.yaml");
  if (!loaded.inventory) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.inventory;
}

function writeWebConfig(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
}

beforeAll(() => {
  const openssl = requireBinary("openssl", "openssl");
  execFileSync(openssl, [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
    "-subj", "/CN=spbe-collector-test", "-addext", "subjectAltName=IP:127.0.0.1",
    "-keyout", path.join(dir, "collector.key"), "-out", path.join(dir, "collector.crt"),
  ], { stdio: "ignore" });
  cert = fs.readFileSync(path.join(dir, "collector.crt"));
  // htpasswd -nB writes $2y$ hashes; bcryptjs writes $2b$: the same algorithm, both must be accepted.
  const hash = bcrypt.hashSync(PASSWORD, 10).replace(/^\$2b\$/, "$2y$");
  writeWebConfig("web.yml", `tls_server_config:\n  cert_file: collector.crt\n  key_file: collector.key\nbasic_auth_users:\n  prometheus: ${hash}\n`);
});

afterAll(async () => {
  for (const h of handles) await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function serve(extra: { metricsOpen?: boolean; timeouts?: object; web?: boolean } = {}): Promise<ServeHandle> {
  const inventory = quietInventory();
  const h = await startServe({
    inventory,
    port: 0,
    web: extra.web === false ? undefined : loadWebConfig(path.join(dir, "web.yml")),
    metricsOpen: extra.metricsOpen,
    timeouts: extra.timeouts,
    extensions: [createComplianceExtension(inventory)],
    log: () => {},
  });
  handles.push(h);
  return h;
}

/** GET over TLS, verifying the server's certificate against the one openssl made. */
function get(url: string, auth?: string): Promise<{ status: number; body: string; challenge?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = auth ? { Authorization: `Basic ${Buffer.from(auth).toString("base64")}` } : {};
    const req = httpsRequest(url, { ca: cert, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body, challenge: res.headers["www-authenticate"] as string | undefined }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("TLS and basic auth from the exporter-toolkit web configuration", () => {
  let url: string;
  beforeAll(async () => {
    url = (await serve()).url;
  });

  it("serves HTTPS with the configured certificate", () => {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(["/targets", "/report", "/report.json", "/metrics", "/snmp?target=core", "/", "/board.json"])("%s: no credentials 401, wrong password 401, unknown user 401, right 200", async (route) => {
    const none = await get(url + route);
    expect(none.status).toBe(401);
    expect(none.challenge).toMatch(/^Basic realm=/);
    expect(none.body).not.toMatch(/diskominfo|10\.0\.0/);
    expect((await get(url + route, "prometheus:wrong")).status).toBe(401);
    expect((await get(url + route, `someone:${PASSWORD}`)).status).toBe(401);
    const right = await get(url + route, `prometheus:${PASSWORD}`);
    // /snmp of a device that is not polled is a 404 from behind the guard: the guard let it through.
    expect(right.status).toBe(route.startsWith("/snmp") ? 404 : 200);
  });

  it("the report behind the guard is the real report", async () => {
    const r = await get(`${url}/report.json`, `prometheus:${PASSWORD}`);
    expect(JSON.parse(r.body)).toHaveProperty("findings");
  });

  it("/healthz stays open for the container healthcheck", async () => {
    expect(await get(`${url}/healthz`)).toMatchObject({ status: 200, body: "ok\n" });
  });

  it("plain HTTP to the TLS port gets no data", async () => {
    const plain = await fetch(url.replace("https:", "http:") + "/targets").then(
      (r) => r.status,
      () => "refused",
    );
    expect(plain === "refused" || plain === 400).toBe(true);
  });

  it("with --web.open-metrics, /metrics answers without credentials and the rest stays guarded", async () => {
    const open = (await serve({ metricsOpen: true })).url;
    const metrics = await get(`${open}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/^# HELP /m);
    expect((await get(`${open}/targets`)).status).toBe(401);
    expect((await get(`${open}/report`)).status).toBe(401);
  });
});

describe("the web configuration file", () => {
  it("refuses what it cannot honour, naming the key", () => {
    const cases: [string, RegExp][] = [
      ["basic_auth_users:\n  prometheus: plain-text-password\n", /basic_auth_users\.prometheus: must be a bcrypt hash/],
      ["tls_server_config:\n  cert_file: collector.crt\n  key_file: collector.key\n  client_ca_file: ca.crt\n", /unrecognized key.*client_ca_file/i],
      ["tls_server_config:\n  cert_file: missing.crt\n  key_file: collector.key\n", /cert_file: .*missing\.crt: ENOENT/],
    ];
    for (const [i, [body, message]] of cases.entries()) {
      const file = writeWebConfig(`bad-${i}.yml`, body);
      expect(() => loadWebConfig(file)).toThrow(WebConfigError);
      expect(() => loadWebConfig(file)).toThrow(message);
    }
  });

  it("knows loopback from the rest", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "192.0.2.10", "10.20.0.6", "fe80::1", "collector.example"]) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe("spbe serve at the command line", () => {
  const inventory = path.resolve(__dirname, "../../examples/barito-timur/inventory.yaml");

  it("refuses a non-loopback address without a web configuration (exit 2, says what to do)", () => {
    const r = runSpbe(["serve", "--host", "0.0.0.0", "--port", "0", inventory]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/0\.0\.0\.0 is not a loopback address.*--web\.config\.file.*--insecure-listen/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("says it in Indonesian too", () => {
    const r = runSpbe(["serve", "--host", "0.0.0.0", "--port", "0", "--lang", "id", inventory]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/0\.0\.0\.0 bukan alamat loopback/);
  });

  it("an invalid web configuration stops it before anything starts (exit 2)", () => {
    const file = writeWebConfig("cli-bad.yml", "basic_auth_users:\n  prometheus: hunter2\n");
    const r = runSpbe(["serve", "--web.config.file", file, "--port", "0", inventory]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invalid web configuration .*cli-bad\.yml: basic_auth_users\.prometheus: must be a bcrypt hash/);
    expect(r.stderr).not.toContain("hunter2");
  });
});

describe("server timeouts", () => {
  it("closes a client that dribbles its request head (slowloris)", async () => {
    const h = await serve({ web: false, timeouts: { headersMs: 600, checkEveryMs: 100 } });
    const port = Number(new URL(h.url).port);
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((r) => socket.once("connect", () => r()));
    const started = Date.now();
    socket.write("GET /targets HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    // One header line every 100 ms, for up to 10 s: the client never finishes its request.
    const drip = setInterval(() => socket.writable && socket.write(`X-Drip-${Date.now()}: 1\r\n`), 100);
    let reply = "";
    socket.on("data", (b) => (reply += b));
    socket.on("error", () => {});
    const closedAfter = await new Promise<number>((resolve) => {
      const give = setTimeout(() => resolve(Infinity), 10_000);
      socket.once("close", () => {
        clearTimeout(give);
        resolve(Date.now() - started);
      });
    });
    clearInterval(drip);
    expect(closedAfter).toBeGreaterThanOrEqual(500);
    expect(closedAfter).toBeLessThan(3_000);
    // Node answers 408 when the head times out; nothing of /targets was sent.
    expect(reply).not.toContain('"targets"');
  });

  it("closes an idle keep-alive connection", async () => {
    const h = await serve({ web: false, timeouts: { keepAliveMs: 300 } });
    const port = Number(new URL(h.url).port);
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    socket.on("data", (b) => (reply += b));
    socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
    const started = Date.now();
    const closedAfter = await new Promise<number>((resolve) => {
      const give = setTimeout(() => resolve(Infinity), 10_000);
      socket.once("close", () => {
        clearTimeout(give);
        resolve(Date.now() - started);
      });
    });
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    expect(closedAfter).toBeLessThan(3_000);
  });
});
