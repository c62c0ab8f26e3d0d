// Every subcommand as a row: its name and description (all `spbe --help` needs) and the module that
// configures it (arguments, options, action), loaded only when that command runs or shows its own help.
// `require` rather than `import()`: a synchronous load keeps the CommonJS output free of the ESM loader,
// and `typeof import(...)` keeps it typed.
import type { Command } from "commander";

export interface CommandEntry {
  name: string;
  description: string;
  /** The function that adds the command's arguments, options, subcommands and action. */
  load: () => (command: Command) => void;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "init",
    description: "write a starter inventory that validates (asks at a terminal, else takes flags) / tulis inventaris awal",
    load: () => (require("./init") as typeof import("./init")).configureInit,
  },
  {
    name: "import",
    description: "import into an inventory from other sources / impor ke inventaris dari sumber lain",
    load: () => (require("./import") as typeof import("./import")).configureImport,
  },
  {
    name: "validate",
    description: "check an inventory: every error with file:line:column and path; exit 2 if invalid / periksa inventaris",
    load: () => (require("./validate") as typeof import("./validate")).configureValidate,
  },
  {
    name: "plan",
    description: "show what an inventory describes: sites, racks, devices, links, IPs, quotas, placements / tampilkan rencana",
    load: () => (require("./plan") as typeof import("./plan")).configurePlan,
  },
  {
    name: "serve",
    description: "poll every inventory device over SNMP; serve /metrics, /targets, /snmp?target= / kumpulkan data SNMP semua perangkat",
    load: () => (require("./serve") as typeof import("./serve")).configureServe,
  },
  {
    name: "simulate",
    description: "serve every inventory device as an SNMP agent on loopback ports / simulasikan agen SNMP semua perangkat",
    load: () => (require("./simulate") as typeof import("./simulate")).configureSimulate,
  },
  {
    name: "targets",
    description: "the polled devices as Prometheus service discovery (file_sd JSON) / perangkat yang dipantau sebagai service discovery Prometheus",
    load: () => (require("./targets") as typeof import("./targets")).configureTargets,
  },
  {
    name: "dashboards",
    description: "Grafana dashboards and Prometheus alert rules from the inventory / dasbor dan aturan alert",
    load: () => (require("./dashboards") as typeof import("./dashboards")).configureDashboards,
  },
  {
    name: "alerts",
    description: "Alertmanager: who is told about alerts, from the inventory / siapa yang menerima alert",
    load: () => (require("./alerts") as typeof import("./alerts")).configureAlerts,
  },
  {
    name: "report",
    description: "Perda compliance report for the Dewan TIK: scores per OPD, findings by OPD and article, exceptions, changes / laporan kepatuhan Perda",
    load: () => (require("./report") as typeof import("./report")).configureReport,
  },
  {
    name: "check",
    description: "fail (exit 1) when a mandatory Perda rule fails; short list of findings / periksa kepatuhan Perda",
    load: () => (require("./check") as typeof import("./check")).configureCheck,
  },
  {
    name: "quotas",
    description: "bandwidth quotas per OPD on the gateway / kuota bandwidth per OPD pada gateway",
    load: () => (require("./quotas") as typeof import("./quotas")).configureQuotas,
  },
  {
    name: "network",
    description: "backbone addressing, routing and device configuration / pengalamatan, perutean dan konfigurasi perangkat backbone",
    load: () => (require("./network") as typeof import("./network")).configureNetwork,
  },
  {
    name: "observe",
    description: "observe where applications answer: DNS through the Dinas server, zone transfer, unregistered names / amati aplikasi lewat DNS",
    load: () => (require("./observe") as typeof import("./observe")).configureObserve,
  },
  {
    name: "probes",
    description: "HTTP(S) probes of the kabupaten's web names / probe HTTP(S) nama web kabupaten",
    load: () => (require("./probes") as typeof import("./probes")).configureProbes,
  },
  {
    name: "schema",
    description: "print the inventory's JSON Schema for editors (yaml-language-server) / cetak JSON Schema inventaris untuk editor",
    load: () => (require("./schema") as typeof import("./schema")).configureSchema,
  },
];
