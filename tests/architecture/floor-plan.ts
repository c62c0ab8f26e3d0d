// The floor plan of docs/architecture.md as data: which top-level folder (room) may import which.
// Data flows one way, from the model up to the edges; a room not listed on the right of another
// is never imported by it. Change this table only together with docs/architecture.md.

export type Room = "i18n" | "facts" | "inventory" | "import" | "observe" | "infra" | "collectors" | "policies" | "dashboards" | "stack" | "cli" | "bin" | "testkit" | "bench" | "tests";

export const FLOOR_PLAN: Record<Room, readonly Room[]> = {
  // the ground: message catalogues
  i18n: [],
  // the observed-facts format: what was seen running, read by the rules and written by the observers
  facts: [],
  // the model every consumer reads
  inventory: ["i18n"],
  // imports into the model: sheets and NetBox answers turned into an inventory document (pure), and their readers
  import: ["inventory", "i18n"],
  // the consumers of the model, side by side: none of them imports another
  infra: ["inventory", "i18n"],
  collectors: ["inventory", "i18n", "facts"],
  policies: ["inventory", "i18n", "facts"],
  // the observers: DNS, HTTP(S) probes, LLDP walks, Prometheus history, turned into facts
  observe: ["inventory", "i18n", "facts", "collectors"],
  // dashboards and alert rules query what the collectors and the compliance metrics name
  dashboards: ["inventory", "i18n", "collectors", "policies"],
  // the Pulumi program wires the model, the planners, the dashboards' files and the probes' configuration into resources
  stack: ["inventory", "i18n", "infra", "dashboards", "observe"],
  // the command line: thin, calls every consumer, never the Pulumi program
  cli: ["inventory", "i18n", "import", "facts", "infra", "collectors", "observe", "policies", "dashboards"],
  bin: ["cli"],
  // the real-server starters, the Pulumi harness and the test beds that tests AND benchmarks use
  testkit: ["inventory", "i18n", "import", "facts", "infra", "collectors", "observe", "policies", "dashboards", "stack", "cli"],
  // benchmarks and tests may read everything; benchmarks never import tests
  bench: ["inventory", "i18n", "import", "facts", "infra", "collectors", "observe", "policies", "dashboards", "stack", "cli", "testkit"],
  tests: ["inventory", "i18n", "import", "facts", "infra", "collectors", "observe", "policies", "dashboards", "stack", "cli", "bin", "testkit", "bench"],
};

/**
 * Files that only the named importers (path prefixes) may import. The Pulumi entry is loaded by
 * the Pulumi language host alone; the program it exports is run by the tests and benchmarks.
 */
export const ONLY_IMPORTED_BY: Record<string, readonly string[]> = {
  "stack/index.ts": [],
  "stack/program.ts": ["stack/index.ts", "testkit/", "tests/", "bench/"],
  "stack/province/index.ts": [],
  "stack/province/program.ts": ["stack/province/index.ts", "testkit/", "tests/", "bench/"],
};

/** npm packages only some places may import (prefix of the specifier → path prefixes allowed). */
export const PACKAGES_ONLY_IN: Record<string, readonly string[]> = {
  // The collector runs in its own container without the Pulumi SDK; planners stay pure.
  "@pulumi/": ["infra/components/", "stack/", "policies/crossguard/", "testkit/", "tests/", "bench/"],
  // Only the CLI parses command lines.
  commander: ["cli/", "testkit/", "tests/", "bench/"],
};
