// One way to be bilingual: every catalogue entry and every rule text is a Text with both languages,
// non-empty, and the same placeholders in both (dashboards and alerts: dashboard-texts.test.ts).
import { describe, expect, it } from "vitest";
import { MESSAGES, render, renderSideBySide, t, type Text } from "../../i18n";
import { SUBJECT_CATALOGUES } from "../../i18n/catalogue";
import { catalogueTexts, expectComplete, ruleTexts } from "./texts";

describe("the message catalogue", () => {
  it("has every message in both languages, non-empty, with the same placeholders", () => expectComplete(catalogueTexts()));

  it("defines each message id in one subject file only", () => {
    const ids = Object.values(SUBJECT_CATALOGUES).flatMap((c) => Object.keys(c));
    expect(ids.length).toBe(new Set(ids).size);
    expect(Object.keys(MESSAGES).length).toBe(ids.length);
  });

  it("renders with t: placeholders filled, kind/scope translated through term.*, unknown placeholders kept", () => {
    expect(t("en", "ref.unknown-in", { kind: "rack", id: "R9", scope: "site", scopeId: "dc" })).toBe('unknown rack "R9" in site "dc"');
    expect(t("id", "ref.unknown-in", { kind: "rack", id: "R9", scope: "site", scopeId: "dc" })).toBe('rak "R9" tidak dikenal di lokasi "dc"');
    expect(t("id", "ref.unknown", { kind: "mainframe", id: "x" })).toBe('mainframe "x" tidak dikenal');
    expect(t("en", "plan.dr", {})).toBe("DR: {server}");
  });

  it("renders a Text parameter in the language of the text around it", () => {
    const text: Text = { id: "di {site}", en: "at {site}" };
    const site: Text = { id: "pusat data", en: "the data center" };
    expect(render(text, "id", { site })).toBe("di pusat data");
    expect(render(text, "en", { site })).toBe("at the data center");
  });

  it("shows a text side by side, once when it reads the same in both languages", () => {
    expect(renderSideBySide({ en: "Devices up", id: "Perangkat hidup" })).toBe("Devices up / Perangkat hidup");
    expect(renderSideBySide({ en: "OPD $opd", id: "OPD $opd" })).toBe("OPD $opd");
  });
});

describe("the compliance rules' texts", () => {
  it("have title, checks, remediation, evidence and notes in both languages with the same placeholders", () => expectComplete(ruleTexts()));
});
