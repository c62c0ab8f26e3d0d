// The `yaml` package, loaded on first use. Loading it takes ~37 ms (node 20, this project's 2-core
// machine), and a valid inventory without aliases never needs it: js-yaml reads the file, and yaml's
// Document serves only the positions of diagnostics, files that use aliases, and MIB module files. A
// static import made every `spbe validate` and every load from the cache pay for it.
export function yamlPackage(): typeof import("yaml") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("yaml") as typeof import("yaml");
}
