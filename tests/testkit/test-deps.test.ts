// A fresh CI machine has only what scripts/test-deps.sh installs: every binary the test kit requires
// must be in its table, with the same Debian package, or a test fails there and nowhere else (dig was
// missing once, and only a fresh machine showed it).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("scripts/test-deps.sh", () => {
  it("installs the package of every binary the test kit requires", () => {
    const table = new Map(
      [...fs.readFileSync("scripts/test-deps.sh", "utf8").matchAll(/^\s*\[([\w.-]+)\]=([\w.+-]+)\s*$/gm)].map((m) => [m[1], m[2]] as const),
    );
    const required = new Map<string, string>();
    for (const file of filesUnder("testkit")) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/requireBinary\(\s*"([^"]+)",\s*"([^"]+)"/g)) required.set(m[1], m[2]);
    }
    expect(required.size).toBeGreaterThan(5);
    const missing = [...required].filter(([cmd, pkg]) => table.get(cmd) !== pkg).map(([cmd, pkg]) => `${cmd} (${pkg})`);
    expect(missing).toEqual([]);
  });
});
