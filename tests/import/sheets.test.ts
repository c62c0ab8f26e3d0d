// `spbe init --from <dir>` as a Dinas runs it: flags for the few facts every inventory needs, the rest
// from the sheets it keeps (CSV files, and an XLSX workbook written here by a spreadsheet library,
// read back by the one spbe uses). The result must validate and plan and report must run on it;
// a sheet with five bad cells gives five errors at once, each on its cell.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import writeXlsxFile from "write-excel-file/node";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnFor, importReference, SHEETS } from "../../import/sheets/columns";
import { columnLetters } from "../../import/sheets/convert";
import { runSpbe } from "../../testkit/spbe-cli";

const FIXTURES = join(__dirname, "..", "fixtures", "import");
// Each of these tests starts `spbe` several times; on a loaded 2-core machine one start took up to 15 s.
const CLI_TIMEOUT = 240_000;
const dir = mkdtempSync(join(tmpdir(), "spbe-import-sheets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FLAGS = ["--kabupaten", "Contoh Raya", "--domain", "contohkab.go.id", "--profile", "bt-7-2019,klaten-18-2018", "--block", "203.0.113.0/28"];

/** The links, allocations and applications as an XLSX workbook with Indonesian tab names and headers. */
async function writeWorkbook(file: string): Promise<void> {
  await writeXlsxFile(
    [
      {
        sheet: "tautan",
        data: [
          ["id", "perangkat a", "antarmuka a", "perangkat b", "antarmuka b", "media", "kapasitas mbps", "kode label"],
          ["bb-dinkes", "core-sw1", "sfp1", "dinkes-gw", "ether1", "fiber", 1000, "CR-DC-01/DINKES-01"],
        ],
      },
      {
        sheet: "alokasi",
        data: [
          ["id", "blok", "alamat", "layanan", "aplikasi"],
          ["ns1", "blok-1", "203.0.113.2", "dns", null],
          ["web-portal", "blok-1", null, null, "portal"],
        ],
      },
      {
        sheet: "aplikasi",
        data: [
          ["id", "nama", "opd", "jenis", "klasifikasi", "situs web", "nama host", "penempatan", "server", "ip publik", "server drc", "rpo menit"],
          ["portal", "Portal Kabupaten", "diskominfo", "umum", "publik", true, "portal.contohkab.go.id", "datacenter", "srv1", "web-portal", "srv-drc1", 60],
          ["simpeg", "Sistem Informasi Kepegawaian", "bkpsdm", "khusus", "rahasia", "tidak", null, "datacenter", "srv1", null, null, null],
        ],
      },
    ],
    {},
  ).toFile(file);
}

describe("the sheets' columns (import/sheets/columns.ts)", () => {
  it("every header names one column of its sheet, in English and in Indonesian", () => {
    for (const sheet of SHEETS) {
      for (const col of sheet.columns) {
        expect(columnFor(sheet, col.key)?.key, `${sheet.name} ${col.key}`).toBe(col.key);
        expect(columnFor(sheet, col.id)?.key, `${sheet.name} ${col.id}`).toBe(col.key);
      }
    }
  });

  it("names columns as a spreadsheet does", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  it("docs/import.md is generated from the table", () => {
    expect(readFileSync(join(__dirname, "..", "..", "docs", "import.md"), "utf8")).toBe(importReference());
  });
});

describe("spbe init --from <dir> (CSV and XLSX sheets)", () => {
  const sheets = join(dir, "sheets");
  const file = join(dir, "inventory.yaml");

  beforeAll(async () => {
    cpSync(join(FIXTURES, "sheets"), sheets, { recursive: true });
    await writeWorkbook(join(sheets, "inventaris.xlsx"));
  });

  it("writes the whole inventory from flags and sheets; it validates and plan and report run on it", () => {
    const r = runSpbe(["init", file, ...FLAGS, "--from", sheets]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/written from 6 sheet/);
    const text = readFileSync(file, "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=/);
    const inv = parse(text);
    // The sheet's Dinas row replaced the flags' Dinas (now with its subnet), the other OPDs follow.
    expect(inv.opds.map((o: { code: string }) => o.code)).toEqual(["diskominfo", "dinkes", "bkpsdm"]);
    expect(inv.opds[1].subnets).toEqual(["10.1.20.0/24", "10.1.21.0/24"]);
    expect(inv.opds[2].name).toBe("Badan Kepegawaian dan Pengembangan SDM, Kabupaten Contoh Raya");
    // The sites sheet replaced the starter's placeholder site; the empty row was skipped.
    expect(inv.sites.map((s: { id: string }) => s.id)).toEqual(["dc", "drc", "kantor-dinkes"]);
    expect(inv.devices.find((d: { id: string }) => d.id === "core-sw1")).toMatchObject({
      role: "switch", snmp: { version: "2c", community: { env: "SNMP_COMMUNITY" } }, interfaces: [{ name: "sfp1" }, { name: "ether1" }],
    });
    expect(inv.devices.find((d: { id: string }) => d.id === "srv1")).toMatchObject({ cpus: 32, memoryGiB: 128, generalPurpose: false });
    expect(inv.links).toEqual([{ id: "bb-dinkes", a: { device: "core-sw1", interface: "sfp1" }, b: { device: "dinkes-gw", interface: "ether1" }, medium: "fiber", capacityMbps: 1000, labelCode: "CR-DC-01/DINKES-01" }]);
    expect(inv.publicIp.blocks.map((b: { cidr: string }) => b.cidr)).toEqual(["203.0.113.0/28"]);
    expect(inv.publicIp.allocations).toEqual([
      { id: "ns1", block: "blok-1", address: "203.0.113.2", to: { service: "dns" } },
      { id: "web-portal", block: "blok-1", to: { application: "portal" } },
    ]);
    expect(inv.applications[0]).toMatchObject({ id: "portal", website: true, placement: { type: "datacenter", server: "srv1", publicIp: "web-portal" }, dr: { server: "srv-drc1", rpoMinutes: 60 } });

    const validate = runSpbe(["validate", file]);
    expect(validate.status, validate.stderr).toBe(0);
    const plan = runSpbe(["plan", file, "--format", "json"]);
    expect(plan.status, plan.stderr).toBe(0);
    const planText = JSON.stringify(JSON.parse(plan.stdout));
    // The planner assigned the portal an address of the block, not the one the sheet fixed for ns1.
    expect(planText).toContain("web-portal");
    expect(planText).toContain("203.0.113.2");
    const report = runSpbe(["report", file, "--format", "json"]);
    expect(report.status, report.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(report.stdout))).toContain("simpeg");
  }, CLI_TIMEOUT);

  it("a sheet with five bad cells gives five errors at once, each on its cell, and writes nothing", () => {
    const out = join(dir, "bad.yaml");
    const r = runSpbe(["init", out, ...FLAGS, "--from", join(FIXTURES, "bad-sheets")]);
    expect(r.status).toBe(2);
    const errors = r.stderr.split("\n").filter((l) => /^spbe init: \S+!/.test(l));
    expect(errors.map((l) => /^spbe init: (\S+!\w+):/.exec(l)![1])).toEqual([
      "devices.csv!B3", // role "switchh"
      "devices.csv!C4", // site dc-utama is not listed
      "devices.csv!D5", // position "bawah"
      "devices.csv!F5", // 10.0.0.999
      "devices.csv!G5", // generalPurpose "mungkin"
    ]);
    expect(errors[0]).toMatch(/switch/);
    expect(errors[1]).toMatch(/dc-utama/);
    expect(errors[2]).toMatch(/must be a number, not "bawah"/);
    expect(errors[3]).toMatch(/IPv4 or IPv6 address/);
    expect(errors[4]).toMatch(/yes\/no/);
    expect(r.stderr).toMatch(/5 error\(s\) in the sheets; nothing written/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, CLI_TIMEOUT);

  it("an unknown column or sheet is an error at its header cell, in Indonesian with --lang id", () => {
    const odd = join(dir, "odd");
    cpSync(join(FIXTURES, "bad-sheets"), odd, { recursive: true });
    writeFileSync(join(odd, "sites.csv"), "id,nama,jenis,lantai\ndc,Pusat Data,datacenter,3\n");
    writeFileSync(join(odd, "racks.csv"), "id\nR1\n");
    rmSync(join(odd, "devices.csv"));
    const r = runSpbe(["init", join(dir, "odd.yaml"), ...FLAGS, "--from", odd, "--lang", "id"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/racks\.csv!A1: lembar "racks" tidak dikenal/);
    expect(r.stderr).toMatch(/sites\.csv!D1: kolom "lantai" tidak dikenal/);
  }, CLI_TIMEOUT);
});
