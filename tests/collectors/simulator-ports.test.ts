// The simulator's agents on ports another process holds: a fixed port that is taken is an error (not
// a registered agent that never answers), and a free port taken between the OS's offer and the bind
// is offered again.
import * as dgram from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { freeUdpPort, startAgent } from "../../collectors/simulator";

const HOST = "127.0.0.1";
const opened: { close(): void }[] = [];

function holdPort(): Promise<{ socket: dgram.Socket; port: number }> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket("udp4");
    socket.once("error", reject);
    socket.bind(0, HOST, () => {
      opened.push(socket);
      resolve({ socket, port: socket.address().port });
    });
  });
}

const boundPort = (agent: any): number => (Object.values(agent.listener.sockets)[0] as dgram.Socket).address().port;

afterEach(() => {
  for (const o of opened.splice(0)) {
    try { o.close(); } catch { /* closed */ }
  }
});

describe("simulator agents and taken ports", () => {
  it("a taken fixed port rejects with EADDRINUSE", async () => {
    const held = await holdPort();
    await expect(startAgent(HOST, held.port)).rejects.toMatchObject({ code: "EADDRINUSE" });
  });

  it("a free port taken before the agent binds it is offered again, and the agent listens on the new one", async () => {
    const held = await holdPort();
    const offers: number[] = [];
    const pickPort = async (host: string) => {
      const port = offers.length === 0 ? held.port : await freeUdpPort(host);
      offers.push(port);
      return port;
    };
    const { agent, port } = await startAgent(HOST, undefined, pickPort);
    opened.push(agent);
    expect(offers[0]).toBe(held.port);
    expect(offers).toHaveLength(2);
    expect(port).toBe(offers[1]);
    expect(boundPort(agent)).toBe(port);
  });

  it("gives up after five offers that are all taken", async () => {
    const held = await holdPort();
    let offers = 0;
    await expect(startAgent(HOST, undefined, async () => (offers++, held.port))).rejects.toMatchObject({ code: "EADDRINUSE" });
    expect(offers).toBe(5);
  });
});
