// The kit's starters against the race freeTcpPort/freeUdpPort leave open: the port is only a number
// (the probe socket is closed), and another process can bind it before the server does. Here that
// happens every time: the first port the kit picks is taken at once, before the server is spawned,
// by an impostor that answers the starter's own readiness probe on it (an HTTP server saying 200 to
// everything, an SNMP agent with the right community). Each real server must still come up, on
// another port, and be the one answering there.
import * as http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { portHooks, run, type Proto } from "../../testkit/servers/common";
import { startInfluxd } from "../../testkit/servers/influxd";
import { startPrometheus } from "../../testkit/servers/prometheus";
import { startSnmpExporter } from "../../testkit/servers/snmp-exporter";
import { startSnmpd } from "../../testkit/servers/snmpd";
import { startSnmpsim } from "../../testkit/servers/snmpsim";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snmp: any = require("net-snmp");

const IMPOSTOR = "impostor";

interface Impostor {
  port: number;
  proto: Proto;
  close(): Promise<void>;
}

async function httpImpostor(port: number): Promise<Impostor> {
  const server = http.createServer((_req, res) => res.end(IMPOSTOR));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { port, proto: "tcp", close: () => new Promise((r) => server.close(() => r())) };
}

async function snmpImpostor(port: number, community: string): Promise<Impostor> {
  const agent = snmp.createAgent({ port, address: "127.0.0.1" }, () => undefined);
  agent.getAuthorizer().addCommunity(community);
  const mib = agent.getMib();
  const ro = snmp.MaxAccess["read-only"];
  mib.registerProvider({ name: "sysDescr", type: snmp.MibProviderType.Scalar, oid: "1.3.6.1.2.1.1.1", scalarType: snmp.ObjectType.OctetString, maxAccess: ro });
  mib.setScalarValue("sysDescr", IMPOSTOR);
  mib.registerProvider({ name: "sysUpTime", type: snmp.MibProviderType.Scalar, oid: "1.3.6.1.2.1.1.3", scalarType: snmp.ObjectType.TimeTicks, maxAccess: ro });
  mib.setScalarValue("sysUpTime", 1);
  // Answering before it is handed over: the server to be started must find the port taken.
  expect(await sysDescr(port, community)).toContain(IMPOSTOR);
  return { port, proto: "udp", close: async () => agent.close() };
}

async function sysDescr(port: number, community: string): Promise<string> {
  const r = await run("snmpget", ["-v2c", "-c", community, "-t", "1", "-r", "1", "-Ovq", `127.0.0.1:${port}`, "1.3.6.1.2.1.1.1.0"], 10_000);
  return r.stdout.trim();
}

const impostors: Impostor[] = [];
const picks: { port: number; proto: Proto }[] = [];

/** The first port the kit picks is taken by an impostor before the server gets it. */
function takeFirstPick(community = "") {
  portHooks.picked = async (port, proto) => {
    picks.push({ port, proto });
    if (impostors.length === 0) impostors.push(proto === "tcp" ? await httpImpostor(port) : await snmpImpostor(port, community));
  };
}

afterEach(async () => {
  portHooks.picked = undefined;
  picks.length = 0;
  await Promise.all(impostors.splice(0).map((i) => i.close()));
});

describe("starting a server whose picked port was taken meanwhile", () => {
  it("prometheus comes up on another port, and it (not the impostor) answers there", async () => {
    takeFirstPick();
    const prom = await startPrometheus({ scrapeTargets: [] });
    try {
      const taken = impostors[0]!.port;
      expect(new URL(prom.url).port).not.toBe(String(taken));
      expect(picks.length).toBeGreaterThanOrEqual(2);
      expect(await prom.query("vector(42)")).toMatchObject([{ value: [expect.any(Number), "42"] }]);
      expect(await (await fetch(`http://127.0.0.1:${taken}/-/ready`)).text()).toBe(IMPOSTOR);
    } finally {
      await prom.stop();
    }
  });

  it("prometheus-snmp-exporter comes up on another port", async () => {
    takeFirstPick();
    const exporter = await startSnmpExporter({ configYaml: "modules: {}\n" });
    try {
      expect(new URL(exporter.url).port).not.toBe(String(impostors[0]!.port));
      expect(await (await fetch(`${exporter.url}/metrics`)).text()).toContain("snmp_exporter_build_info");
    } finally {
      await exporter.stop();
    }
  });

  it("influxd comes up on other ports (HTTP and RPC) and keeps them across a restart", async () => {
    takeFirstPick();
    const influxd = await startInfluxd();
    try {
      expect(influxd.port).not.toBe(impostors[0]!.port);
      expect(await influxd.query("SHOW DATABASES", "_internal")).toBeInstanceOf(Array);
      await influxd.pause();
      await influxd.restart();
      expect((await fetch(`${influxd.url}/ping`)).status).toBe(204);
    } finally {
      await influxd.stop();
    }
  });

  it("snmpd comes up on another UDP port, and it (not the impostor) answers there", async () => {
    takeFirstPick("spbe-test");
    const agent = await startSnmpd({ community: "spbe-test" });
    try {
      const taken = impostors[0]!.port;
      expect(agent.port).not.toBe(taken);
      expect(await sysDescr(agent.port, "spbe-test")).not.toContain(IMPOSTOR);
      expect(await sysDescr(taken, "spbe-test")).toContain(IMPOSTOR);
    } finally {
      await agent.stop();
    }
  });

  it("snmpsimd comes up on another UDP port, and it (not the impostor) answers there", async () => {
    takeFirstPick("cisco");
    const sim = await startSnmpsim();
    try {
      expect(sim.port).not.toBe(impostors[0]!.port);
      expect(await sysDescr(sim.port, "cisco")).toMatch(/Cisco/);
    } finally {
      await sim.stop();
    }
  }, 120_000);

  it("does not retry when the server fails for another reason", async () => {
    portHooks.picked = (port, proto) => void picks.push({ port, proto });
    await expect(startPrometheus({ configYaml: "scrape_configs: [not: valid\n" })).rejects.toThrow(/prometheus exited/);
    expect(picks).toHaveLength(1);
  });
});
