// The part of `npm run build` that tsc does not do: files the compiled program reads beside its
// code: the `spbe` launcher (it runs dist/cli/main.js when it sits in dist/bin/), package.json
// (`spbe --version` reads it relative to cli/) and the JSON Schemas `spbe init` copies
// (cli/commands/init.ts reads docs/ relative to itself), and the MIB module files (collectors/modules/).
const fs = require("node:fs");
const path = require("node:path");
const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
fs.mkdirSync(path.join(dist, "bin"), { recursive: true });
fs.copyFileSync(path.join(root, "bin", "spbe.cjs"), path.join(dist, "bin", "spbe.cjs"));
fs.chmodSync(path.join(dist, "bin", "spbe.cjs"), 0o755);
fs.copyFileSync(path.join(root, "package.json"), path.join(dist, "package.json"));
fs.mkdirSync(path.join(dist, "docs"), { recursive: true });
for (const f of fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".schema.json"))) {
  fs.copyFileSync(path.join(root, "docs", f), path.join(dist, "docs", f));
}
// The shipped MIB module files: collectors/modules.ts reads them beside itself.
fs.mkdirSync(path.join(dist, "collectors", "modules"), { recursive: true });
for (const f of fs.readdirSync(path.join(root, "collectors", "modules")).filter((f) => f.endsWith(".yaml"))) {
  fs.copyFileSync(path.join(root, "collectors", "modules", f), path.join(dist, "collectors", "modules", f));
}
