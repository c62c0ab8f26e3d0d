// Schema errors in the reader's language: zod's own messages come from zod's locale for --lang,
// the project's own schema messages from the catalogue; one loaded inventory renders in both.
import { describe, expect, it } from "vitest";
import { renderDiagnostic } from "../../inventory/diagnostics";
import { loadInventoryText } from "../../inventory/load";
import { runSpbe } from "../../testkit/spbe-cli";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BROKEN = "meta:\n  kabupaten: X\nopds: 3\n";

describe("schema errors under --lang", () => {
  const file = join(mkdtempSync(join(tmpdir(), "spbe-schema-lang-")), "inventory.yaml");
  writeFileSync(file, BROKEN);

  it("shows zod's Indonesian message with --lang id", () => {
    const r = runSpbe(["validate", file, "--lang", "id"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("kesalahan: opds: Input tidak valid: diharapkan array, diterima number");
    expect(r.stderr).toContain("kesalahan: sites: wajib diisi");
    expect(r.stderr).not.toMatch(/Invalid input|required/);
  });

  it("shows zod's English message with --lang en", () => {
    const r = runSpbe(["validate", file, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("error: opds: Invalid input: expected array, received number");
    expect(r.stderr).toContain("error: sites: required");
  });

  it("in JSON too, the code staying \"schema\"", () => {
    const r = runSpbe(["validate", file, "--lang", "id", "--format", "json"]);
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; path: string; message: string }[] };
    expect(out.diagnostics.find((d) => d.path === "opds")).toMatchObject({ code: "schema", message: "Input tidak valid: diharapkan array, diterima number" });
  });

  it("renders one loaded inventory in either language (nothing global is switched)", () => {
    const r = loadInventoryText(BROKEN, "x.yaml");
    const opds = r.diagnostics.find((d) => d.path.join(".") === "opds")!;
    expect(renderDiagnostic(opds, "id")).toMatch(/opds: Input tidak valid: diharapkan array, diterima number$/);
    expect(renderDiagnostic(opds, "en")).toMatch(/opds: Invalid input: expected array, received number$/);
  });

  it("translates the project's own schema messages, with their parameters", () => {
    const text = BROKEN.replace("opds: 3", "opds: [{code: a, name: A, subnets: [10.0.0.300/24]}]\nsites: [{id: s, name: S, kind: datacenter}]\ndevices:\n  - id: d\n    role: switch\n    site: s\n    snmp: {version: '3', user: u, securityLevel: authPriv, authProtocol: sha, authKey: {env: K}}\n");
    const r = loadInventoryText(text, "x.yaml");
    const lines = (lang: "id" | "en") => r.diagnostics.map((d) => renderDiagnostic(d, lang)).join("\n");
    expect(lines("en")).toMatch(/must be a CIDR prefix/);
    expect(lines("id")).toMatch(/harus berupa prefiks CIDR/);
    expect(lines("en")).toMatch(/snmp\.privKey: required for authPriv/);
    expect(lines("id")).toMatch(/snmp\.privKey: wajib diisi untuk authPriv/);
  });
});
