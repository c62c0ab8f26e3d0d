// LLDP-MIB id decoding per subtype (as snmp_exporter users read them), the management address in an
// lldpRemManAddrTable index, and the CISCO-CDP-MIB path of the walker against a net-snmp agent that
// has IF-MIB and cdpCacheTable but no LLDP-MIB.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CDP_CACHE, CDP_GLOBAL_RUN, decodeChassisId, decodePortId, manAddrFromIndex } from "../../collectors/neighbour-mib";
import { walkNeighbours } from "../../collectors/neighbour-walk";
import { envSecrets } from "../../collectors/secrets";
import { buildMib } from "../../collectors/sim-mib";
import { simulatedDevices } from "../../collectors/sim-model";
import { SimMib } from "../../collectors/sim-providers";
import { startAgent } from "../../collectors/simulator";
import { SnmpClient } from "../../collectors/snmp-client";
import { smallInventory } from "./support/small-inventory";

describe("LLDP id decoding", () => {
  it("chassis ids: MAC as aa:bb:…, network addresses as IPs, names as text, binary as hex", () => {
    expect(decodeChassisId(4, Buffer.from("001b21aabbcc", "hex"))).toBe("00:1b:21:aa:bb:cc");
    expect(decodeChassisId(5, Buffer.from([1, 10, 0, 0, 1]))).toBe("10.0.0.1");
    expect(decodeChassisId(5, Buffer.concat([Buffer.from([2]), Buffer.from("20010db8000000000000000000000001", "hex")]))).toBe("2001:db8::1");
    expect(decodeChassisId(7, Buffer.from("core-sw"))).toBe("core-sw");
    expect(decodeChassisId(7, Buffer.from([0x00, 0xff, 0x10]))).toBe("00:ff:10");
    // A MAC subtype of the wrong length is not forced into a MAC.
    expect(decodeChassisId(4, Buffer.from("abc"))).toBe("abc");
  });

  it("port ids: MAC subtype 3, network address subtype 4, interfaceName subtype 5", () => {
    expect(decodePortId(3, Buffer.from("0a0b0c0d0e0f", "hex"))).toBe("0a:0b:0c:0d:0e:0f");
    expect(decodePortId(4, Buffer.from([1, 192, 0, 2, 7]))).toBe("192.0.2.7");
    expect(decodePortId(5, Buffer.from("Te1/0/1"))).toBe("Te1/0/1");
  });

  it("management address from the index suffix subtype.length.octets", () => {
    expect(manAddrFromIndex([1, 4, 192, 0, 2, 1])).toBe("192.0.2.1");
    expect(manAddrFromIndex([2, 16, 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toBe("fe80::1");
    expect(manAddrFromIndex([1, 4, 192, 0, 2])).toBeUndefined();
    expect(manAddrFromIndex([6, 6, 1, 2, 3, 4, 5, 6])).toBeUndefined();
  });
});

describe("CDP when the agent has no LLDP-MIB", () => {
  let agent: any;
  let port: number;
  beforeAll(async () => {
    const inv = smallInventory();
    const dev = simulatedDevices(inv).find((d) => d.id === "core-sw")!;
    ({ agent, port } = await startAgent("127.0.0.1"));
    agent.getAuthorizer().addCommunity("cdp-test");
    // IF-MIB (ifName) from the simulator, LLDP-MIB left out, CISCO-CDP-MIB added by hand.
    buildMib(agent, { ...dev, lldp: undefined }, Date.now());
    const mib = new SimMib(agent.getMib());
    mib.scalar(CDP_GLOBAL_RUN, "Integer32", 1);
    const last = (oid: string) => Number(oid.slice(oid.lastIndexOf(".") + 1));
    mib.indexedTable(
      CDP_CACHE.entry,
      [
        { number: 1, name: "cdpCacheIfIndex", syntax: "Integer32", index: true },
        { number: 2, name: "cdpCacheDeviceIndex", syntax: "Integer32", index: true },
        { number: last(CDP_CACHE.addressType), name: "cdpCacheAddressType", syntax: "Integer32" },
        { number: last(CDP_CACHE.address), name: "cdpCacheAddress", syntax: "DisplayString" },
        { number: last(CDP_CACHE.deviceId), name: "cdpCacheDeviceId", syntax: "DisplayString" },
        { number: last(CDP_CACHE.devicePort), name: "cdpCacheDevicePort", syntax: "DisplayString" },
      ],
      [[2, 1, 1, Buffer.from([10, 0, 2, 1]), "dinkes-rtr", "ether1"]],
    );
  });
  afterAll(() => agent?.close());

  it("reads cdpCacheTable, names the local port by ifName and decodes the neighbour's address", async () => {
    const client = new SnmpClient({ host: "127.0.0.1", port, access: { version: "2c", community: { env: "C" } }, secrets: envSecrets({}, { C: "cdp-test" }), timeoutMs: 1000, retries: 0, maxRepetitions: 25 });
    try {
      const table = await walkNeighbours(client);
      expect(table).toEqual({ protocol: "cdp", neighbours: [{ localPort: "Te1/0/2", remoteSysName: "dinkes-rtr", remotePortId: "ether1", remoteManagementAddress: "10.0.2.1" }] });
    } finally {
      client.close();
    }
  });
});
