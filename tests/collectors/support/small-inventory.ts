// A small inventory for collector tests: a Dinas core switch linked to two OPD office routers,
// one gateway, a server and a UPS; SNMP access through env refs.
import { loadInventoryText } from "../../../inventory/load";
import type { Inventory } from "../../../inventory/schema";

export const SMALL_INVENTORY_YAML = `
meta: {kabupaten: Contoh, domain: contohkab.go.id, profiles: [bt-7-2019], dinas: diskominfo}
opds:
  - {code: diskominfo, name: Dinas Kominfo, kind: dinas}
  - {code: setda, name: Sekretariat Daerah, kind: sekretariat}
  - {code: dinkes, name: Dinas Kesehatan, kind: dinas}
sites:
  - {id: dc, name: Pusat Data, kind: datacenter, opd: diskominfo}
  - {id: kantor-setda, name: Kantor Setda, kind: opd-office, opd: setda}
  - {id: kantor-dinkes, name: Kantor Dinkes, kind: opd-office, opd: dinkes}
devices:
  - id: core-sw
    role: switch
    site: dc
    mgmtAddress: 10.0.0.1
    snmp: {version: "2c", community: {env: SPBE_TEST_COMMUNITY}}
    interfaces:
      - {name: Te1/0/1, ifIndex: 1, speedMbps: 10000}
      - {name: Te1/0/2, ifIndex: 2, speedMbps: 10000}
      - {name: Te1/0/3, ifIndex: 3, speedMbps: 10000}
  - id: setda-rtr
    role: router
    site: kantor-setda
    mgmtAddress: 10.0.1.1
    snmp: {version: "3", user: noc, securityLevel: authPriv, authProtocol: sha256, authKey: {env: SPBE_TEST_AUTH}, privProtocol: aes, privKey: {env: SPBE_TEST_PRIV}}
    interfaces:
      - {name: ether1, ifIndex: 1, speedMbps: 1000}
  - id: dinkes-rtr
    role: router
    site: kantor-dinkes
    mgmtAddress: 10.0.2.1
    snmp: {version: "2c", community: {env: SPBE_TEST_COMMUNITY}}
    interfaces:
      - {name: ether1, ifIndex: 1, speedMbps: 1000}
  - id: dc-srv
    role: server
    site: dc
    mgmtAddress: 10.0.0.2
    cpus: 4
    memoryGiB: 16
    snmp: {version: "2c", community: {env: SPBE_TEST_COMMUNITY}}
  - id: dc-ups
    role: ups
    site: dc
    mgmtAddress: 10.0.0.3
    snmp: {version: "2c", community: {env: SPBE_TEST_COMMUNITY}}
  - id: dc-pdu
    role: server
    site: dc
links:
  - {id: bb-setda, a: {device: core-sw, interface: Te1/0/1}, b: {device: setda-rtr, interface: ether1}, medium: fiber, capacityMbps: 1000}
  - {id: bb-dinkes, a: {device: dinkes-rtr, interface: ether1}, b: {device: core-sw, interface: Te1/0/2}, medium: radio, capacityMbps: 100}
bandwidth:
  upstreamMbps: 1000
  quotas:
    - {opd: setda, downMbps: 50, upMbps: 20, monthlyVolumeGB: 2000}
    - {opd: dinkes, downMbps: 30, upMbps: 10}
`;

export function smallInventory(): Inventory {
  const r = loadInventoryText(SMALL_INVENTORY_YAML, "small.yaml");
  if (!r.inventory) throw new Error(`test inventory invalid: ${JSON.stringify(r.diagnostics)}`);
  return r.inventory;
}
