// The DNS zone the program exports, checked by BIND's real zone parser (named-checkzone, Debian
// bind9-utils): what an operator loads into the kabupaten's name servers must load.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadInventoryOrThrow } from "../../inventory/load";
import { renderDnsZone } from "../../infra/planning/dns";
import { planPublicIps } from "../../infra/planning/public-ips";

const dir = mkdtempSync(join(tmpdir(), "spbe-infra-zone-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each(["barito-timur", "klaten"])("named-checkzone loads the %s zone with every record", (stack) => {
  const inv = loadInventoryOrThrow(`examples/${stack}/inventory.yaml`);
  const zone = renderDnsZone(inv, planPublicIps(inv), { serial: 2026052301 });
  const file = join(dir, `${stack}.zone`);
  writeFileSync(file, zone.text);
  const out = execFileSync("named-checkzone", ["-i", "full", inv.meta.domain, file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  expect(out).toMatch(new RegExp(`zone ${inv.meta.domain.replace(/\./g, "\\.")}/IN: loaded serial 2026052301`));
  expect(out.trim().endsWith("OK")).toBe(true);
  // Canonical dump: every rendered record made it in (none dropped as out of zone or malformed).
  const dump = execFileSync("named-checkzone", ["-q", "-D", inv.meta.domain, file], { encoding: "utf8" });
  const loaded = dump.split("\n").filter((l) => /\sIN\s+(A|AAAA|CNAME|MX|NS)\s/.test(l)).length;
  expect(loaded).toBe(zone.records.length);
});
